import { App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TrainingMatch } from '@fulcrum/shared';
import { useSaveFailure, withIssueTexts } from '../../../lib/form-feedback.ts';
import { useRespondMatch } from '../api/use-respond-match.ts';

export type Answer = 'accept' | 'decline' | 'complete';

/** Accept, decline (a comment is required) or mark a match completed, each confirmed in a dialog with an optional comment. */
export function RespondMatchModal({ match, answer, onClose }: { match: TrainingMatch | null; answer: Answer | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ comment?: string }>();
  const respond = useRespondMatch();
  const fail = useSaveFailure(form, withIssueTexts(t, 'centreOps.issues'), 'centreOps.codes');
  const open = Boolean(match && answer);

  const submit = async () => {
    if (!match || !answer) return;
    const comment = (form.getFieldValue('comment') as string | undefined)?.trim();
    if (answer === 'decline' && !comment) {
      form.setFields([{ name: 'comment', errors: [t('centreOps.requests.commentRequired')] }]);
      return;
    }
    try {
      await respond.mutateAsync({ id: match.id, transition: answer, comment });
      void message.success(t(`centreOps.requests.done.${answer}`));
      form.resetFields();
      onClose();
    } catch (e) {
      fail(e);
    }
  };

  const title = answer === 'decline' ? t('centreOps.requests.declineTitle') : answer === 'complete' ? t('centreOps.requests.completeTitle') : t('centreOps.requests.acceptTitle');
  const body = answer === 'complete' ? t('centreOps.requests.completeBody') : answer === 'accept' ? t('centreOps.requests.acceptBody') : null;
  return (
    <Modal
      open={open}
      title={title}
      okText={answer ? t(`centreOps.requests.${answer}`) : undefined}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: answer === 'decline', 'data-testid': 'respond-confirm' }}
      confirmLoading={respond.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {match && <Typography.Paragraph strong>{match.organisationName}</Typography.Paragraph>}
      {body && <Typography.Paragraph type="secondary">{body}</Typography.Paragraph>}
      <Form form={form} layout="vertical" onValuesChange={() => form.setFields([{ name: 'comment', errors: [] }])}>
        <Form.Item name="comment" label={t('centreOps.requests.comment')} required={answer === 'decline'}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="respond-comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
