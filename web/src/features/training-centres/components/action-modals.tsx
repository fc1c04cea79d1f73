import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Modal, Radio, Typography, type ButtonProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { onsiteCheckRequest, type TrainingCentreApplication } from '@fulcrum/shared';
import { AttachmentUpload } from '../../../components/attachment-upload.tsx';
import { parseWith, showIssues } from '../../../lib/forms.ts';
import { clearIssuesOnChange, useSaveFailure, withIssueTexts } from '../../../lib/form-feedback.ts';
import { applicationActions, useApplicationTransition, type ApplicationAction } from '../api/use-application-transition.ts';

/** Steps whose comment the server insists on (a return or a rejection says why). */
const commentRequired: readonly ApplicationAction[] = ['return', 'reject'];

/** A step's dialog: its OK button names the step (not "save"), busy while the step is taken. */
function ActionModal(props: { title: string; okText: string; busy: boolean; onOk: () => void; onClose: () => void; okTestId: string; width?: number; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      width={props.width}
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

/** A step taken with a comment (required to return or reject) and optional supporting files. */
function CommentModal({ application, action, onClose }: { application: TrainingCentreApplication; action: Exclude<ApplicationAction, 'record_onsite_check'>; onClose: () => void }) {
  const { t } = useTranslation();
  const tt = withIssueTexts(t, 'trainingCentres.issues');
  const { message } = App.useApp();
  const [form] = Form.useForm<CommentValues>();
  const transition = useApplicationTransition();
  const fail = useSaveFailure(form, tt, 'trainingCentres.codes');
  const required = commentRequired.includes(action);
  const label = t(`trainingCentres.transitions.${action}`);

  const submit = async () => {
    const v = form.getFieldsValue();
    const comment = v.comment?.trim() || undefined;
    if (required && !comment) {
      showIssues(form, tt, [{ path: 'body.comment', code: 'REQUIRED', message: 'required' }]);
      return;
    }
    try {
      await transition.mutateAsync({ id: application.id, action, body: { comment, attachmentIds: v.attachmentIds?.length ? v.attachmentIds : undefined } });
      void message.success(t('trainingCentres.review.done', { action: label }));
      onClose();
    } catch (e) {
      fail(e);
    }
  };

  return (
    <ActionModal title={label} okText={label} busy={transition.isPending} onOk={() => void submit()} onClose={onClose} okTestId="action-confirm">
      {action === 'withdraw' && <Typography.Paragraph type="warning">{t('trainingCentres.apply.withdrawBody')}</Typography.Paragraph>}
      <Form form={form} layout="vertical" onValuesChange={clearIssuesOnChange(form)} data-testid="action-form">
        <Form.Item name="comment" label={required ? t('trainingCentres.fields.comment') : t('trainingCentres.review.commentOptional')} required={required}>
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="action-comment" />
        </Form.Item>
        <Form.Item name="attachmentIds" label={t('trainingCentres.fields.attachments')}>
          <AttachmentUpload data-testid="action-attachments" />
        </Form.Item>
      </Form>
    </ActionModal>
  );
}

interface OnsiteValues {
  date?: Dayjs | null;
  findings?: string;
  passed?: boolean;
  comment?: string;
  attachmentIds?: string[];
}

/** Records the on-site check: the day of the visit, what was found, whether it passed, photos or minutes. */
function OnsiteCheckModal({ application, onClose }: { application: TrainingCentreApplication; onClose: () => void }) {
  const { t } = useTranslation();
  const tt = withIssueTexts(t, 'trainingCentres.issues');
  const { message } = App.useApp();
  const [form] = Form.useForm<OnsiteValues>();
  const transition = useApplicationTransition();
  const fail = useSaveFailure(form, tt, 'trainingCentres.codes');

  const submit = async () => {
    const v = form.getFieldsValue();
    const input = parseWith(
      onsiteCheckRequest,
      {
        date: v.date ? v.date.format('YYYY-MM-DD') : undefined,
        findings: v.findings?.trim() || undefined,
        passed: v.passed,
        comment: v.comment?.trim() || undefined,
        attachmentIds: v.attachmentIds?.length ? v.attachmentIds : undefined,
      },
      form,
      tt,
    );
    if (!input) return;
    try {
      await transition.mutateAsync({ id: application.id, action: 'record_onsite_check', body: input });
      void message.success(t('trainingCentres.review.done', { action: t('trainingCentres.transitions.record_onsite_check') }));
      onClose();
    } catch (e) {
      fail(e);
    }
  };

  return (
    <ActionModal
      width={600}
      title={t('trainingCentres.review.onsiteTitle')}
      okText={t('trainingCentres.review.onsiteSave')}
      busy={transition.isPending}
      onOk={() => void submit()}
      onClose={onClose}
      okTestId="onsite-save"
    >
      <Form form={form} layout="vertical" initialValues={{ date: dayjs() }} onValuesChange={clearIssuesOnChange(form)} data-testid="onsite-form">
        <Form.Item name="date" label={t('trainingCentres.fields.onsiteDate')} required>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="onsite-date" />
        </Form.Item>
        <Form.Item name="findings" label={t('trainingCentres.fields.findings')} required>
          <Input.TextArea rows={4} maxLength={4000} showCount data-testid="onsite-findings" />
        </Form.Item>
        <Form.Item name="passed" label={t('trainingCentres.fields.passed')} required>
          <Radio.Group
            data-testid="onsite-passed"
            options={[
              { value: true, label: t('trainingCentres.onsite.passed') },
              { value: false, label: t('trainingCentres.onsite.failed') },
            ]}
          />
        </Form.Item>
        <Form.Item name="comment" label={t('trainingCentres.review.commentOptional')}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="onsite-comment" />
        </Form.Item>
        <Form.Item name="attachmentIds" label={t('trainingCentres.fields.attachments')}>
          <AttachmentUpload data-testid="onsite-attachments" />
        </Form.Item>
      </Form>
    </ActionModal>
  );
}

const buttonStyle: Record<ApplicationAction, { type?: 'primary' | 'default'; danger?: boolean }> = {
  submit: { type: 'primary' },
  check_documents: { type: 'primary' },
  record_onsite_check: { type: 'primary' },
  approve: { type: 'primary' },
  return: {},
  reject: { danger: true },
  withdraw: { danger: true },
};

/**
 * The buttons of the steps the signed-in user may take now — exactly the application's `availableTransitions` —
 * each opening its dialog. `exclude` leaves out steps the page offers itself (the enterprise's submit).
 */
export function ApplicationActions({ application, exclude = [] }: { application: TrainingCentreApplication; exclude?: readonly ApplicationAction[] }) {
  const { t } = useTranslation();
  const [open, onOpen] = useState<ApplicationAction | null>(null);
  const actions = applicationActions.filter((a) => application.availableTransitions.includes(a) && !exclude.includes(a));
  return (
    <>
      {actions.map((action) => (
        <Button key={action} {...buttonStyle[action]} onClick={() => onOpen(action)} data-testid={`action-${action}`}>
          {t(`trainingCentres.transitions.${action}`)}
        </Button>
      ))}
      {open === 'record_onsite_check' && <OnsiteCheckModal application={application} onClose={() => onOpen(null)} />}
      {open && open !== 'record_onsite_check' && <CommentModal application={application} action={open} onClose={() => onOpen(null)} />}
    </>
  );
}
