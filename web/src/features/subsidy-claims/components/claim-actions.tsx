import { useState, type ReactNode } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import dayjs, { type Dayjs } from 'dayjs';
import { disburseClaimRequest, type ClaimTransition, type SubsidyClaimDetail } from '@fulcrum/shared';
import { AttachmentUpload } from '../../../components/attachment-upload.tsx';
import { parseWith, showIssues } from '../../../lib/forms.ts';
import { clearIssuesOnChange, useSaveFailure, withIssueTexts } from '../../../lib/form-feedback.ts';
import { plainClaimActions, useClaimTransition, type PlainClaimAction } from '../api/use-claim-transition.ts';
import { yuanText } from './amount.ts';
import { claimRefusal, type ClaimRefusal } from './claim-refusal.ts';
import { PublishNoticeModal } from './publish-notice-modal.tsx';

/** Steps whose comment the server insists on: a return or a rejection says why. */
const commentRequired: readonly PlainClaimAction[] = ['return', 'finance_return', 'reject'];

/** The order of the buttons: the step forward first, the ways back and out last. */
const buttonOrder: readonly ClaimTransition[] = ['hrss_approve', 'finance_approve', 'publish_notice', 'disburse', 'resubmit', 'close', 'return', 'finance_return', 'reject', 'withdraw'];

const buttonStyle: Partial<Record<ClaimTransition, { type?: 'primary' | 'default'; danger?: boolean }>> = {
  hrss_approve: { type: 'primary' },
  finance_approve: { type: 'primary' },
  publish_notice: { type: 'primary' },
  disburse: { type: 'primary' },
  resubmit: { type: 'primary' },
  close: { type: 'primary' },
  reject: { danger: true },
  withdraw: { danger: true },
};

/** Why a step was refused, inside its dialog; open objections and an upheld one lead to the notice's page. */
function RefusalAlert({ refusal, noticeId }: { refusal: ClaimRefusal; noticeId: string | null }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      title={t(refusal.key, refusal.values)}
      action={
        refusal.toNotice && noticeId ? (
          <Link to={`/console/notices/${noticeId}`} data-testid="refusal-notice-link">
            {t('subsidyClaims.codes.handleObjections')}
          </Link>
        ) : undefined
      }
      data-testid="action-refusal"
    />
  );
}

/** A step's dialog: its OK button names the step, busy while the step is taken. */
function ActionModal(props: { title: string; okText: string; busy: boolean; onOk: () => void; onClose: () => void; okTestId: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={props.title}
      okText={props.okText}
      cancelText={t('common.cancel')}
      confirmLoading={props.busy}
      onOk={props.onOk}
      onCancel={props.onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': props.okTestId } as ButtonProps}
    >
      {props.children}
    </Modal>
  );
}

interface CommentValues {
  comment?: string;
  attachmentIds?: string[];
}

/** A plain step with a comment (required to return or reject) and supporting files; a refusal is explained in the dialog. */
function CommentModal({ claim, action, onClose }: { claim: SubsidyClaimDetail; action: PlainClaimAction; onClose: () => void }) {
  const { t } = useTranslation();
  const tt = withIssueTexts(t, 'subsidyClaims.issues');
  const { message } = App.useApp();
  const [form] = Form.useForm<CommentValues>();
  const transition = useClaimTransition();
  const fail = useSaveFailure(form, tt, 'subsidyClaims.codes');
  const [refusal, setRefusal] = useState<ClaimRefusal | null>(null);
  const required = commentRequired.includes(action);
  const label = t(`subsidyClaims.transitions.${action}`);

  const submit = async () => {
    const v = form.getFieldsValue();
    const comment = v.comment?.trim() || undefined;
    if (required && !comment) {
      showIssues(form, tt, [{ path: 'body.comment', code: 'REQUIRED', message: 'required' }]);
      return;
    }
    setRefusal(null);
    try {
      await transition.mutateAsync({ id: claim.id, action, body: { comment, attachmentIds: v.attachmentIds?.length ? v.attachmentIds : undefined } });
      void message.success(t('subsidyClaims.detail.done', { action: label }));
      onClose();
    } catch (e) {
      const explained = claimRefusal(e);
      if (explained) setRefusal(explained);
      else fail(e);
    }
  };

  return (
    <ActionModal title={label} okText={label} busy={transition.isPending} onOk={() => void submit()} onClose={onClose} okTestId="action-confirm">
      {refusal && <RefusalAlert refusal={refusal} noticeId={claim.noticeId} />}
      {action === 'withdraw' && <Typography.Paragraph type="warning">{t('subsidyClaims.actions.withdrawBody')}</Typography.Paragraph>}
      <Form form={form} layout="vertical" onValuesChange={clearIssuesOnChange(form)} data-testid="action-form">
        <Form.Item name="comment" label={t(required ? 'subsidyClaims.actions.commentRequired' : 'subsidyClaims.actions.commentOptional')} required={required}>
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="action-comment" />
        </Form.Item>
        <Form.Item name="attachmentIds" label={t('subsidyClaims.fields.attachments')}>
          <AttachmentUpload data-testid="action-attachments" />
        </Form.Item>
      </Form>
    </ActionModal>
  );
}

interface DisburseValues {
  disbursedOn?: Dayjs | null;
  bankReference?: string;
  comment?: string;
  attachmentIds?: string[];
}

/**
 * Finance records the transfer: the day (today unless told otherwise; never in the future), the bank reference and
 * a comment. For a negative settlement the same form records the refund received. The notice must have ended with
 * no open or upheld objection; a refusal says which.
 */
function DisburseModal({ claim, onClose }: { claim: SubsidyClaimDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const tt = withIssueTexts(t, 'subsidyClaims.issues');
  const { message } = App.useApp();
  const [form] = Form.useForm<DisburseValues>();
  const transition = useClaimTransition();
  const fail = useSaveFailure(form, tt, 'subsidyClaims.codes');
  const [refusal, setRefusal] = useState<ClaimRefusal | null>(null);
  const isRefund = claim.amountFen < 0;
  const title = t(isRefund ? 'subsidyClaims.actions.disburseRefundTitle' : 'subsidyClaims.actions.disburseTitle');

  const submit = async () => {
    const v = form.getFieldsValue();
    const body = parseWith(
      disburseClaimRequest,
      {
        disbursedOn: v.disbursedOn ? v.disbursedOn.format('YYYY-MM-DD') : undefined,
        bankReference: v.bankReference?.trim() || undefined,
        comment: v.comment?.trim() || undefined,
        attachmentIds: v.attachmentIds?.length ? v.attachmentIds : undefined,
      },
      form,
      tt,
    );
    if (!body) return;
    setRefusal(null);
    try {
      await transition.mutateAsync({ id: claim.id, action: 'disburse', body });
      void message.success(t('subsidyClaims.detail.done', { action: t('subsidyClaims.transitions.disburse') }));
      onClose();
    } catch (e) {
      const explained = claimRefusal(e);
      if (explained) setRefusal(explained);
      else fail(e);
    }
  };

  return (
    <ActionModal title={title} okText={t('subsidyClaims.transitions.disburse')} busy={transition.isPending} onOk={() => void submit()} onClose={onClose} okTestId="disburse-save">
      {refusal && <RefusalAlert refusal={refusal} noticeId={claim.noticeId} />}
      <Typography.Paragraph strong type={isRefund ? 'danger' : undefined} data-testid="disburse-amount">
        {t(isRefund ? 'subsidyClaims.actions.refundAmount' : 'subsidyClaims.actions.disburseAmount', { amount: yuanText(Math.abs(claim.amountFen)) })}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ disbursedOn: dayjs() }} onValuesChange={clearIssuesOnChange(form)} data-testid="disburse-form">
        <Form.Item name="disbursedOn" label={t(isRefund ? 'subsidyClaims.actions.receivedOn' : 'subsidyClaims.actions.disbursedOn')} required>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="disburse-date" />
        </Form.Item>
        <Form.Item name="bankReference" label={t(isRefund ? 'subsidyClaims.actions.refundReference' : 'subsidyClaims.actions.bankReference')} required>
          <Input maxLength={64} data-testid="disburse-bank-reference" />
        </Form.Item>
        <Form.Item name="comment" label={t('subsidyClaims.actions.commentOptional')}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="disburse-comment" />
        </Form.Item>
        <Form.Item name="attachmentIds" label={t('subsidyClaims.fields.attachments')}>
          <AttachmentUpload data-testid="disburse-attachments" />
        </Form.Item>
      </Form>
    </ActionModal>
  );
}

/**
 * The buttons of the steps the signed-in user may take now — exactly the claim's `availableTransitions` (filing is
 * the class page's) — each opening its dialog.
 */
export function ClaimActions({ claim }: { claim: SubsidyClaimDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<ClaimTransition | null>(null);
  const actions = buttonOrder.filter((a) => claim.availableTransitions.includes(a));
  const close = () => setOpen(null);
  return (
    <>
      {actions.map((action) => (
        <Button key={action} {...buttonStyle[action]} onClick={() => setOpen(action)} data-testid={`action-${action}`}>
          {t(`subsidyClaims.transitions.${action}`)}
        </Button>
      ))}
      {open === 'disburse' && <DisburseModal claim={claim} onClose={close} />}
      {open === 'publish_notice' && <PublishNoticeModal claims={[claim]} onClose={close} />}
      {open && (plainClaimActions as readonly string[]).includes(open) && <CommentModal claim={claim} action={open as PlainClaimAction} onClose={close} />}
    </>
  );
}
