import { App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TrainingProposal } from '@fulcrum/shared';
import { clearIssuesOnChange, useSaveFailure, withIssueTexts } from '../../../lib/form-feedback.ts';
import { useRequestMatch } from '../api/use-request-match.ts';

/** Sends the need to one proposed centre, with an optional message. */
export function RequestMatchModal({ needId, proposal, onClose }: { needId: string; proposal: TrainingProposal | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ message?: string }>();
  const request = useRequestMatch(needId);
  const fail = useSaveFailure(form, withIssueTexts(t, 'matching.issues'), 'matching.codes');

  const submit = async () => {
    if (!proposal) return;
    const text = (form.getFieldValue('message') as string | undefined)?.trim();
    try {
      await request.mutateAsync({ centreId: proposal.centreId, message: text || undefined });
      void message.success(t('matching.need.requestDone', { name: proposal.organisationName }));
      form.resetFields();
      onClose();
    } catch (e) {
      fail(e);
    }
  };

  return (
    <Modal
      open={Boolean(proposal)}
      title={proposal ? t('matching.need.requestTitle', { name: proposal.organisationName }) : null}
      okText={t('matching.need.request')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'request-confirm' }}
      confirmLoading={request.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('matching.need.requestHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onValuesChange={clearIssuesOnChange(form)}>
        <Form.Item name="message" label={t('matching.need.message')}>
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="request-message" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
