import { DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CreateProjectRequest, ProjectDetail } from '@fulcrum/shared';
import { SaveModal } from '../../../components/save-modal.tsx';
import { clearIssuesOnChange, useSaveFailure, withIssueTexts } from '../../../lib/form-feedback.ts';

type Values = { title: string; description?: string; startsOn?: Dayjs | null; endsOn?: Dayjs | null };
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** Title, description and dates of a project: a new one, or the one given. */
export function ProjectFormModal({
  open,
  initial,
  saving,
  onSave,
  onClose,
}: {
  open: boolean;
  initial?: ProjectDetail;
  saving: boolean;
  onSave: (input: CreateProjectRequest) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const fail = useSaveFailure(form, withIssueTexts(t, 'trainingProjects.issues'), 'trainingProjects.errors');
  const save = async () => {
    const values = await form.validateFields();
    try {
      await onSave({ title: values.title, description: values.description ?? '', startsOn: day(values.startsOn), endsOn: day(values.endsOn) });
      onClose();
    } catch (error) {
      fail(error);
    }
  };
  return (
    <SaveModal open={open} title={t(initial ? 'trainingProjects.form.editTitle' : 'trainingProjects.form.createTitle')} saving={saving} onSave={() => void save()} onClose={onClose} saveTestId="project-save">
      <Form form={form} layout="vertical" preserve={false} onValuesChange={clearIssuesOnChange(form)} initialValues={initial ? { title: initial.title, description: initial.description, startsOn: initial.startsOn ? dayjs(initial.startsOn) : null, endsOn: initial.endsOn ? dayjs(initial.endsOn) : null } : undefined}>
        <Form.Item name="title" label={t('trainingProjects.form.title')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input placeholder={t('trainingProjects.form.titlePlaceholder')} data-testid="project-title" />
        </Form.Item>
        <Form.Item name="description" label={t('trainingProjects.form.description')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="startsOn" label={t('trainingProjects.form.startsOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="endsOn" label={t('trainingProjects.form.endsOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </SaveModal>
  );
}
