import { Button, Flex, Tag, Typography } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CoachPushStatus, CoachRecommendation } from '@fulcrum/shared';
import { useLocale } from '../../../lib/session.ts';
import type { PushAction } from '../api/use-push-action.ts';

/** Tag of a recommendation's kind: new learning toward the role, or a review that is due. */
export function KindTag({ kind }: { kind: CoachRecommendation['kind'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={kind === 'review' ? 'orange' : 'blue'} style={{ marginInlineEnd: 0 }} data-testid="coach-kind">
      {t(`coach.item.${kind}`)}
    </Tag>
  );
}

/**
 * One lesson the coach picked: title, minutes, kind and the reason in the user's language; a push also offers later
 * and not interested (a live recommendation has no push to answer yet).
 */
export function PushItem({ item, pushId, status, pending, onAction, testId }: { item: CoachRecommendation; pushId?: string; status?: CoachPushStatus; pending?: PushAction | undefined; onAction: (action: PushAction) => void; testId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div data-testid={testId} data-lesson-id={item.lessonId} data-push-id={pushId} data-status={status} style={{ padding: '12px 0', borderBottom: '1px solid #f0f0f0' }}>
      <Flex justify="space-between" align="start" gap={8}>
        <Typography.Text strong style={{ fontSize: 15, minWidth: 0 }} data-testid="coach-title">
          {item.title}
        </Typography.Text>
        <Flex gap={4} align="center" style={{ flexShrink: 0 }}>
          {(status === 'opened' || status === 'done') && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="coach-status">
              {t(`coach.item.${status}`)}
            </Typography.Text>
          )}
          <KindTag kind={item.kind} />
        </Flex>
      </Flex>
      <Flex gap={12} wrap style={{ color: '#595959', fontSize: 13, marginTop: 2 }}>
        <span>
          <ClockCircleOutlined /> {t('coach.item.minutes', { count: item.minutes })}
        </span>
        <span style={{ minWidth: 0 }}>{t('coach.item.course', { title: item.courseTitle })}</span>
      </Flex>
      <Typography.Paragraph style={{ margin: '6px 0 8px', fontSize: 13, background: '#f6f8fa', padding: '6px 8px', borderRadius: 6 }} data-testid="coach-reason">
        {item.reason[locale]}
      </Typography.Paragraph>
      <Flex gap={8} wrap>
        <Button type="primary" size="small" loading={pending === 'open'} onClick={() => onAction('open')} data-testid="coach-open">
          {t('coach.item.open')}
        </Button>
        {pushId && (
          <>
            <Button size="small" disabled={!!pending} loading={pending === 'snooze'} onClick={() => onAction('snooze')} data-testid="coach-snooze">
              {t('coach.item.snooze')}
            </Button>
            <Button size="small" type="text" disabled={!!pending} loading={pending === 'dismiss'} onClick={() => onAction('dismiss')} data-testid="coach-dismiss">
              {t('coach.item.dismiss')}
            </Button>
          </>
        )}
      </Flex>
    </div>
  );
}
