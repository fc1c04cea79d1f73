import { Checkbox, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { createLrsClientRequest, type CreatedLrsClient, type CreateLrsClientRequest } from '@fulcrum/shared';
import { SaveModal } from '../../../components/save-modal.tsx';
import { parseWith } from '../../../lib/forms.ts';
import { clearIssuesOnChange, useSaveFailure, withIssueTexts } from '../../../lib/form-feedback.ts';
import { useCreateLrsClient } from '../api/use-create-lrs-client.ts';

/** Names a new key and picks what it may do; hands the created key (with its one-time secret) to `onCreated`. */
export function CreateClientModal({ onClose, onCreated }: { onClose: () => void; onCreated: (created: CreatedLrsClient) => void }) {
  const { t } = useTranslation();
  const tt = withIssueTexts(t, 'learningRecords.issues');
  const [form] = Form.useForm<CreateLrsClientRequest>();
  const create = useCreateLrsClient();
  const failed = useSaveFailure(form, tt, 'learningRecords.codes');

  const submit = async () => {
    const input = parseWith(createLrsClientRequest, form.getFieldsValue(true), form, tt);
    if (!input) return;
    try {
      onCreated(await create.mutateAsync(input));
    } catch (error) {
      failed(error);
    }
  };

  return (
    <SaveModal open title={t('learningRecords.create.title')} saving={create.isPending} onSave={() => void submit()} onClose={onClose} saveTestId="lrs-client-save">
      <Form form={form} layout="vertical" initialValues={{ name: '', scopes: ['write'] }} onValuesChange={clearIssuesOnChange(form)} data-testid="lrs-client-form">
        <Form.Item name="name" label={t('learningRecords.create.name')} extra={t('learningRecords.create.nameHint')} required>
          <Input maxLength={100} placeholder={t('learningRecords.create.namePlaceholder')} data-testid="lrs-client-name" />
        </Form.Item>
        <Form.Item name="scopes" label={t('learningRecords.create.scopes')} extra={t('learningRecords.create.scopesHint')} required>
          <Checkbox.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
            options={[
              { value: 'write', label: t('learningRecords.create.scopeWrite') },
              { value: 'read', label: t('learningRecords.create.scopeRead') },
            ]}
            data-testid="lrs-client-scopes"
          />
        </Form.Item>
      </Form>
    </SaveModal>
  );
}
