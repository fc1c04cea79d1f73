import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { annualReviewDecisionLabels, annualReviewStatusLabels, type AnnualReview, type AnnualReviewDecision } from '@fulcrum/shared';
import { useLocale } from '../../../lib/session.ts';

const decisionColour: Record<AnnualReviewDecision, string> = { pass: 'green', conditional: 'gold', suspend: 'orange', revoke: 'red' };

export function DecisionTag({ decision }: { decision: AnnualReviewDecision }) {
  const locale = useLocale();
  return (
    <Tag color={decisionColour[decision]} data-testid="review-decision">
      {annualReviewDecisionLabels[decision][locale]}
    </Tag>
  );
}

/** Filed or decided; a filed review past its decision deadline says so in red. */
export function ReviewStatusTag({ review }: { review: Pick<AnnualReview, 'status' | 'overdue'> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <Tag color={review.status === 'filed' ? 'blue' : 'default'}>{annualReviewStatusLabels[review.status][locale]}</Tag>
      {review.status === 'filed' && review.overdue && (
        <Tag color="red" data-testid="review-overdue">
          {t('centreOps.reviews.overdue')}
        </Tag>
      )}
    </>
  );
}
