import { Alert, App, Form, Input, Modal, Radio, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  annualReviewDecisionLabels,
  annualReviewDecisions,
  centreStatusLabels,
  decideAnnualReviewRequest,
  decisionCentreStatus,
  type AnnualReview,
  type AnnualReviewDecision,
} from '@fulcrum/shared';
import { parseWith } from '../../../lib/forms.ts';
import { clearIssuesOnChange, useSaveFailure, withIssueTexts } from '../../../lib/form-feedback.ts';
import { useLocale } from '../../../lib/session.ts';
import { useDecideReview } from '../api/use-decide-review.ts';

const takesRightsAway = (decision: AnnualReviewDecision | undefined) => decision === 'suspend' || decision === 'revoke';

/**
 * The HRSS decision on an annual report: pass, conditional, suspend or revoke, with a comment unless it passes.
 * Suspending or revoking is confirmed once more: it takes effect at once and shows on the public verification page.
 */
export function DecideModal({ review, open, onClose }: { review: AnnualReview; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const tt = withIssueTexts(t, 'centreOps.issues');
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<{ decision?: AnnualReviewDecision; comment?: string }>();
  const decision = Form.useWatch('decision', form);
  const decide = useDecideReview(review.id);
  const fail = useSaveFailure(form, tt, 'centreOps.codes');

  const save = async (input: { decision: AnnualReviewDecision; comment?: string | null }) => {
    try {
      await decide.mutateAsync(input);
      void message.success(t('centreOps.reviews.decided', { decision: annualReviewDecisionLabels[input.decision][locale] }));
      form.resetFields();
      onClose();
    } catch (e) {
      fail(e);
    }
  };

  const submit = () => {
    const v = form.getFieldsValue();
    const comment = v.comment?.trim() || undefined;
    if (v.decision && v.decision !== 'pass' && !comment) {
      form.setFields([{ name: 'comment', errors: [t('centreOps.reviews.commentRequired')] }]);
      return;
    }
    const input = parseWith(decideAnnualReviewRequest, { decision: v.decision, comment }, form, tt);
    if (!input) return;
    const label = annualReviewDecisionLabels[input.decision][locale];
    modal.confirm({
      title: t('centreOps.reviews.confirmTitle', { decision: label }),
      content: takesRightsAway(input.decision)
        ? t('centreOps.reviews.confirmImmediate', { status: centreStatusLabels[decisionCentreStatus[input.decision]][locale] })
        : `${review.organisationName} · ${review.year}`,
      okText: t('centreOps.reviews.confirmOk', { decision: label }),
      okButtonProps: { danger: takesRightsAway(input.decision), 'data-testid': 'decide-confirm' } as ButtonProps,
      cancelText: t('common.cancel'),
      onOk: () => save(input),
    });
  };

  return (
    <Modal
      open={open}
      title={t('centreOps.reviews.decideTitle', { name: review.organisationName })}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'decide-save' }}
      confirmLoading={decide.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onValuesChange={clearIssuesOnChange(form)} data-testid="decide-form">
        <Form.Item name="decision" label={t('centreOps.reviews.decisionLabel')} required>
          <Radio.Group
            data-testid="decide-decision"
            options={annualReviewDecisions.map((d) => ({ value: d, label: annualReviewDecisionLabels[d][locale] }))}
          />
        </Form.Item>
        {takesRightsAway(decision) && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('centreOps.reviews.confirmImmediate', { status: centreStatusLabels[decisionCentreStatus[decision!]][locale] })}
            data-testid="decide-warning"
          />
        )}
        <Form.Item name="comment" label={t('centreOps.reviews.comment')} extra={t('centreOps.reviews.commentHint')} required={Boolean(decision && decision !== 'pass')}>
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="decide-comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
