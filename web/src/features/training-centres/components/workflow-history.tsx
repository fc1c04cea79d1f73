import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { onsiteCheck, type OnsiteCheck, type WorkflowEvent } from '@fulcrum/shared';
import { WorkflowHistory } from '../../../components/workflow-history.tsx';

/** The check an on-site check event carries in its data (`{ onsiteCheck }`; older records hold the check itself), if it is one. */
function onsiteOf(data: unknown): OnsiteCheck | null {
  const inner = data && typeof data === 'object' && 'onsiteCheck' in data ? (data as { onsiteCheck: unknown }).onsiteCheck : data;
  const parsed = onsiteCheck.safeParse(inner);
  return parsed.success ? parsed.data : null;
}

/** An application's history, with the on-site check's date, result and findings on its step. */
export function ApplicationHistory({ events, loading, error }: { events: WorkflowEvent[] | undefined; loading: boolean; error: unknown }) {
  const { t } = useTranslation();
  return (
    <WorkflowHistory
      events={events}
      loading={loading}
      error={error}
      testId="application-history"
      stepLabel={(transition) => t(`trainingCentres.transitions.${transition}`, { defaultValue: transition })}
      extra={(event) => {
        const onsite = event.transition === 'record_onsite_check' ? onsiteOf(event.data) : null;
        return (
          onsite && (
            <Typography.Text>
              {t('trainingCentres.fields.onsiteDate')} {onsite.date}{' '}
              <Tag color={onsite.passed ? 'success' : 'error'}>{onsite.passed ? t('trainingCentres.onsite.passed') : t('trainingCentres.onsite.failed')}</Tag>
              <br />
              {onsite.findings}
            </Typography.Text>
          )
        );
      }}
    />
  );
}
