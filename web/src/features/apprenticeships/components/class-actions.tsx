import { useState } from 'react';
import { App, Button, Form, Input, Modal, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApprenticeshipClass, ClassTransition } from '@fulcrum/shared';
import { AttachmentUpload } from '../../../components/attachment-upload.tsx';
import { ApiError } from '../../../lib/api.ts';
import { showIssues } from '../../../lib/forms.ts';
import { clearIssuesOnChange, errorTextIn, withIssueTexts } from '../../../lib/form-feedback.ts';
import { useClassTransition } from '../api/use-class-transition.ts';
import { transitionRefusal } from './labels.ts';

/** The order the buttons stand in; which of them show is the class's `availableTransitions`. */
const actionOrder: readonly ClassTransition[] = ['file', 'register', 'return', 'reject', 'complete', 'withdraw'];
/** A return or a rejection says why (classWorkflow in the server's workflows.ts). */
const commentRequired: readonly ClassTransition[] = ['return', 'reject'];
const hints: Partial<Record<ClassTransition, string>> = { file: 'fileHint', complete: 'completeHint', withdraw: 'withdrawHint' };
const buttonStyle: Record<ClassTransition, { type?: 'primary'; danger?: boolean }> = {
  file: { type: 'primary' },
  register: { type: 'primary' },
  complete: { type: 'primary' },
  return: {},
  reject: { danger: true },
  withdraw: { danger: true },
};

function TransitionModal({ record, action, onClose }: { record: ApprenticeshipClass; action: ClassTransition; onClose: () => void }) {
  const { t } = useTranslation();
  const tt = withIssueTexts(t, 'apprenticeships.issues');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ comment?: string; attachmentIds?: string[] }>();
  const transition = useClassTransition();
  const required = commentRequired.includes(action);
  const label = t(`apprenticeships.transitions.${action}`);
  const hint = hints[action];

  const submit = async () => {
    const v = form.getFieldsValue();
    const comment = v.comment?.trim() || undefined;
    if (required && !comment) {
      showIssues(form, tt, [{ path: 'body.comment', code: 'REQUIRED', message: 'required' }]);
      return;
    }
    try {
      await transition.mutateAsync({ id: record.id, action, body: { comment, attachmentIds: v.attachmentIds?.length ? v.attachmentIds : undefined } });
      void message.success(t('apprenticeships.actions.done', { action: label }));
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.details?.issues && showIssues(form, tt, e.details.issues)) return;
      const refusal = e instanceof ApiError ? transitionRefusal(e.code, e.details) : null;
      void message.error(refusal ? t(`apprenticeships.actions.${refusal.key}`, refusal.values) : errorTextIn(t, 'apprenticeships.codes', e));
    }
  };

  return (
    <Modal
      open
      title={label}
      okText={label}
      cancelText={t('common.cancel')}
      confirmLoading={transition.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'action-confirm', danger: action === 'reject' || action === 'withdraw' } as ButtonProps}
    >
      {hint && <Typography.Paragraph type={action === 'withdraw' ? 'warning' : 'secondary'}>{t(`apprenticeships.actions.${hint}`)}</Typography.Paragraph>}
      <Form form={form} layout="vertical" onValuesChange={clearIssuesOnChange(form)} data-testid="action-form">
        <Form.Item name="comment" label={required ? t('apprenticeships.fields.comment') : t('apprenticeships.actions.commentOptional')} required={required}>
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="action-comment" />
        </Form.Item>
        <Form.Item name="attachmentIds" label={t('apprenticeships.fields.attachments')}>
          <AttachmentUpload />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The buttons of the steps the signed-in user may take now — exactly the class's `availableTransitions`. */
export function ClassActions({ record }: { record: ApprenticeshipClass }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<ClassTransition | null>(null);
  const actions = actionOrder.filter((a) => record.availableTransitions.includes(a));
  return (
    <>
      {actions.map((action) => (
        <Button key={action} {...buttonStyle[action]} onClick={() => setOpen(action)} data-testid={`action-${action}`}>
          {t(`apprenticeships.transitions.${action}`)}
        </Button>
      ))}
      {open && <TransitionModal record={record} action={open} onClose={() => setOpen(null)} />}
    </>
  );
}
