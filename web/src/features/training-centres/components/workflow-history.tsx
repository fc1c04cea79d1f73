import { Alert, Card, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { onsiteCheck, roleLabels, type OnsiteCheck, type Role, type WorkflowEvent } from '@fulcrum/shared';
import { errorText } from '../../../lib/forms.ts';
import { useLocale } from '../../../lib/session.ts';
import { AttachmentList } from '../../../components/attachment-list.tsx';

const colours: Record<string, string> = { return: 'orange', reject: 'red', withdraw: 'gray', exclude: 'red', approve: 'green', certify: 'green' };

/** The check an on-site check event carries in its data (`{ onsiteCheck }`; older records hold the check itself), if it is one. */
function onsiteOf(data: unknown): OnsiteCheck | null {
  const inner = data && typeof data === 'object' && 'onsiteCheck' in data ? (data as { onsiteCheck: unknown }).onsiteCheck : data;
  const parsed = onsiteCheck.safeParse(inner);
  return parsed.success ? parsed.data : null;
}

/** An application's history, newest first: the step, who took it in which role and when, the comment, the deadline it set, the files. */
export function WorkflowHistory({ events, loading, error }: { events: WorkflowEvent[] | undefined; loading: boolean; error: unknown }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const items = [...(events ?? [])].reverse().map((event) => {
    const onsite = event.transition === 'record_onsite_check' ? onsiteOf(event.data) : null;
    const role = event.actorRole && event.actorRole in roleLabels ? roleLabels[event.actorRole as Role][locale] : event.actorRole;
    return {
      key: event.id,
      color: colours[event.transition] ?? 'blue',
      content: (
        <Space orientation="vertical" size={2} style={{ width: '100%' }} data-testid="history-event">
          <Typography.Text strong>{t(`trainingCentres.transitions.${event.transition}`, { defaultValue: event.transition })}</Typography.Text>
          <Typography.Text type="secondary">
            {event.actorName ? t('trainingCentres.history.actor', { name: event.actorName, role: role ?? '' }) : t('trainingCentres.history.system')} ·{' '}
            {dayjs(event.at).format('YYYY-MM-DD HH:mm')}
          </Typography.Text>
          {onsite && (
            <Typography.Text>
              {t('trainingCentres.fields.onsiteDate')} {onsite.date}{' '}
              <Tag color={onsite.passed ? 'success' : 'error'}>{onsite.passed ? t('trainingCentres.onsite.passed') : t('trainingCentres.onsite.failed')}</Tag>
              <br />
              {onsite.findings}
            </Typography.Text>
          )}
          {event.comment && (
            <Typography.Paragraph style={{ margin: 0, padding: '4px 8px', background: '#fafafa', borderLeft: '3px solid #d9d9d9', whiteSpace: 'pre-wrap' }}>
              {event.comment}
            </Typography.Paragraph>
          )}
          {event.dueOn && <Typography.Text type="secondary">{t('trainingCentres.history.dueOn', { date: event.dueOn })}</Typography.Text>}
          {event.attachmentIds.length > 0 && <AttachmentList ids={event.attachmentIds} />}
        </Space>
      ),
    };
  });

  return (
    <Card title={t('trainingCentres.history.title')} data-testid="application-history">
      {error ? (
        <Alert type="error" showIcon title={errorText(t, error)} />
      ) : loading ? (
        <Skeleton active />
      ) : items.length ? (
        <Timeline items={items} />
      ) : (
        <Typography.Text type="secondary">{t('trainingCentres.history.empty')}</Typography.Text>
      )}
    </Card>
  );
}
