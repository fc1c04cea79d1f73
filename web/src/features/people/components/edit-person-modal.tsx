import { App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { updatePersonRequest, type Person } from '@fulcrum/shared';
import { SaveModal } from '../../../components/save-modal.tsx';
import { parseWith } from '../../../lib/forms.ts';
import { clearIssuesOnChange, useSaveFailure, withIssueTexts } from '../../../lib/form-feedback.ts';
import { useUpdatePerson } from '../api/use-update-person.ts';

/** Corrects a person's name or mobile; an empty mobile removes it. Checked with the server's own contract first. */
export function EditPersonModal({ person, open, onClose }: { person: Person; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const tt = withIssueTexts(t, 'people.issues');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; phone: string }>();
  const update = useUpdatePerson(person.id);
  const fail = useSaveFailure(form, tt, 'people.codes');

  const submit = async () => {
    const values = form.getFieldsValue();
    const phone = values.phone?.trim() ? values.phone.trim() : null;
    const input = parseWith(updatePersonRequest, { name: values.name, phone }, form, tt);
    if (!input) return;
    try {
      await update.mutateAsync(input);
      void message.success(t('common.saved'));
      onClose();
    } catch (e) {
      fail(e);
    }
  };

  return (
    <SaveModal open={open} title={t('people.detail.editTitle')} saving={update.isPending} onSave={() => void submit()} onClose={onClose} saveTestId="person-edit-save">
      <Form form={form} layout="vertical" onValuesChange={clearIssuesOnChange(form)} initialValues={{ name: person.name, phone: person.phone ?? '' }} onFinish={() => void submit()}>
        <Form.Item name="name" label={t('people.fields.name')} required>
          <Input maxLength={50} data-testid="person-edit-name" />
        </Form.Item>
        <Form.Item name="phone" label={t('people.fields.phone')} extra={t('people.detail.phoneHint')}>
          <Input maxLength={11} data-testid="person-edit-phone" />
        </Form.Item>
      </Form>
    </SaveModal>
  );
}
