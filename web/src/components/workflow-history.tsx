import { Alert, Card, Skeleton, Space, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { roleLabels, type Role, type WorkflowEvent } from '@fulcrum/shared';
import { errorText } from '../lib/forms.ts';
import { useLocale } from '../lib/session.ts';
import { AttachmentList } from './attachment-list.tsx';

/** Steps that end or set back a record are shown in warning colours, steps that move it on in green. */
const colours: Record<string, string> = {
  return: 'orange',
  finance_return: 'orange',
  reject: 'red',
  exclude: 'red',
  withdraw: 'gray',
  approve: 'green',
  certify: 'green',
  register: 'green',
  complete: 'green',
  hrss_approve: 'green',
  finance_approve: 'green',
  disburse: 'green',
  close: 'green',
};

/**
 * A workflow record's history, newest first: the step (named by the feature), who took it in which role and when,
 * the comment, the deadline it set, the files, and whatever the feature adds for its own steps.
 */
export function WorkflowHistory({
  events,
  loading = false,
  error = null,
  stepLabel,
  extra,
  testId,
}: {
  events: readonly WorkflowEvent[] | undefined;
  loading?: boolean;
  error?: unknown;
  stepLabel: (transition: string) => string;
  extra?: (event: WorkflowEvent) => React.ReactNode;
  testId: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const items = [...(events ?? [])].reverse().map((event) => {
    const role = event.actorRole && event.actorRole in roleLabels ? roleLabels[event.actorRole as Role][locale] : event.actorRole;
    return {
      key: event.id,
      color: colours[event.transition] ?? 'blue',
      content: (
        <Space orientation="vertical" size={2} style={{ width: '100%' }} data-testid="history-event">
          <Typography.Text strong>{stepLabel(event.transition)}</Typography.Text>
          <Typography.Text type="secondary">
            {event.actorName ? t('history.actor', { name: event.actorName, role: role ?? '' }) : t('history.system')} · {dayjs(event.at).format('YYYY-MM-DD HH:mm')}
          </Typography.Text>
          {extra?.(event)}
          {event.comment && (
            <Typography.Paragraph style={{ margin: 0, padding: '4px 8px', background: '#fafafa', borderLeft: '3px solid #d9d9d9', whiteSpace: 'pre-wrap' }}>
              {event.comment}
            </Typography.Paragraph>
          )}
          {event.dueOn && <Typography.Text type="secondary">{t('history.dueOn', { date: event.dueOn })}</Typography.Text>}
          {event.attachmentIds.length > 0 && <AttachmentList ids={event.attachmentIds} />}
        </Space>
      ),
    };
  });

  return (
    <Card title={t('history.title')} data-testid={testId}>
      {error ? (
        <Alert type="error" showIcon title={errorText(t, error)} />
      ) : loading ? (
        <Skeleton active />
      ) : items.length ? (
        <Timeline items={items} />
      ) : (
        <Typography.Text type="secondary">{t('history.empty')}</Typography.Text>
      )}
    </Card>
  );
}
