import { Empty, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { annualReviewDecisionLabels, roleLabels, type AnnualReviewDecision, type Role, type WorkflowEvent } from '@fulcrum/shared';
import { useLocale } from '../../../lib/session.ts';

const decisionOf = (data: unknown): AnnualReviewDecision | undefined => {
  const decision = (data as { decision?: unknown } | null)?.decision;
  return typeof decision === 'string' && decision in annualReviewDecisionLabels ? (decision as AnnualReviewDecision) : undefined;
};

/** An annual review's steps as the workflow recorded them: who, when, what, with their comment. */
export function HistoryTimeline({ events }: { events: WorkflowEvent[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Timeline
      data-testid="review-history"
      items={events.map((event) => {
        const decision = decisionOf(event.data);
        const role = event.actorRole && event.actorRole in roleLabels ? roleLabels[event.actorRole as Role][locale] : event.actorRole;
        return {
          key: event.id,
          color: event.transition === 'create' ? 'blue' : 'green',
          content: (
            <>
              <Typography.Text strong>
                {t(`centreOps.reviews.transitions.${event.transition}`, { defaultValue: event.transition })}
                {decision ? `${locale === 'zh-CN' ? '：' : ': '}${annualReviewDecisionLabels[decision][locale]}` : ''}
              </Typography.Text>
              <div>
                <Typography.Text type="secondary">
                  {dayjs(event.at).format('YYYY-MM-DD HH:mm')} · {[event.actorName, role].filter(Boolean).join(' · ')}
                </Typography.Text>
              </div>
              {event.comment && <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{event.comment}</Typography.Paragraph>}
            </>
          ),
        };
      })}
    />
  );
}
