import { Alert, App, Form, Input, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { handleObjectionRequest, type NoticeObjection } from '@fulcrum/shared';
import { SaveModal } from '../../../components/save-modal.tsx';
import { clearIssuesOnChange, useSaveFailure, withIssueTexts } from '../../../lib/form-feedback.ts';
import { parseWith } from '../../../lib/forms.ts';
import { useHandleObjection } from '../api/use-handle-objection.ts';

/** Records an objection's outcome (upheld / dismissed) with the reasons the objector will read. */
export function HandleObjectionModal({ noticeId, objection, entryName, onClose }: { noticeId: string; objection: NoticeObjection | null; entryName: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const handle = useHandleObjection(noticeId);
  const tt = withIssueTexts(t, 'notices.console');
  const onFailure = useSaveFailure(form, tt, 'notices.console');
  const outcome = Form.useWatch('outcome', form);

  const save = async () => {
    if (!objection) return;
    const body = parseWith(handleObjectionRequest, form.getFieldsValue(), form, tt);
    if (!body) return;
    try {
      await handle.mutateAsync({ objectionId: objection.id, ...body });
      void message.success(t('notices.console.handled'));
      onClose();
    } catch (e) {
      onFailure(e);
    }
  };

  return (
    <SaveModal open={objection !== null} title={t('notices.console.handleTitle')} saving={handle.isPending} onSave={save} onClose={onClose} saveTestId="objection-handle-save">
      {objection && (
        <>
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            <Typography.Text type="secondary">{t('notices.console.obj.entry')}</Typography.Text>
            <Typography.Text style={{ marginLeft: 8 }}>{entryName}</Typography.Text>
          </Typography.Paragraph>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', background: '#fafafa', padding: 8, borderRadius: 4 }}>{objection.content}</Typography.Paragraph>
          <Form form={form} layout="vertical" onValuesChange={clearIssuesOnChange(form)}>
            <Form.Item name="outcome" label={t('notices.console.outcome')} required>
              <Radio.Group
                data-testid="objection-outcome"
                options={[
                  { value: 'upheld', label: t('notices.console.upheld') },
                  { value: 'dismissed', label: t('notices.console.dismissed') },
                ]}
              />
            </Form.Item>
            {outcome === 'upheld' && <Alert type="warning" showIcon title={t('notices.console.upheldHint')} style={{ marginBottom: 16 }} />}
            <Form.Item name="note" label={t('notices.console.note')} required>
              <Input.TextArea rows={4} showCount maxLength={2000} placeholder={t('notices.console.notePlaceholder')} data-testid="objection-note" />
            </Form.Item>
          </Form>
        </>
      )}
    </SaveModal>
  );
}
