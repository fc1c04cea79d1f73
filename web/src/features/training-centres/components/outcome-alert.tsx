import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { TrainingCentreApplication, WorkflowEvent } from '@fulcrum/shared';

const titles = { returned: 'returnedTitle', rejected: 'rejectedTitle', withdrawn: 'withdrawnTitle' } as const;
const types = { returned: 'warning', rejected: 'error', withdrawn: 'info' } as const;

/** Why a returned, rejected or withdrawn application stopped: the comment of the step that stopped it, who and when, in plain view. */
export function OutcomeAlert({ application, history }: { application: TrainingCentreApplication; history: readonly WorkflowEvent[] | undefined }) {
  const { t } = useTranslation();
  const status = application.status;
  if (status !== 'returned' && status !== 'rejected' && status !== 'withdrawn') return null;
  const event = [...(history ?? [])].reverse().find((e) => e.toState === status);
  return (
    <Alert
      type={types[status]}
      showIcon
      data-testid={`outcome-${status}`}
      title={<Typography.Text strong>{t(`trainingCentres.apply.${titles[status]}`)}</Typography.Text>}
      description={
        event && (
          <>
            {event.comment && (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 15, margin: '4px 0' }} data-testid="outcome-comment">
                {event.comment}
              </Typography.Paragraph>
            )}
            <Typography.Text type="secondary">
              {t('trainingCentres.apply.by', { name: event.actorName ?? t('history.system'), at: dayjs(event.at).format('YYYY-MM-DD HH:mm') })}
            </Typography.Text>
          </>
        )
      }
    />
  );
}
