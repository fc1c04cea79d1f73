import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CreateSessionRequest } from '@fulcrum/shared';
import { SaveModal } from '../../../components/save-modal.tsx';
import { clearIssuesOnChange, useSaveFailure, withIssueTexts } from '../../../lib/form-feedback.ts';
import { useProjectOptions } from '../api/use-project-options.ts';

type Values = { title: string; venue: string; time: [Dayjs, Dayjs]; capacity: number; instructorUserId: string };

/** Schedules a session of an offline stage: venue, time, seats and the instructor. */
export function SessionFormModal({
  stageId,
  saving,
  onSave,
  onClose,
}: {
  stageId: string | null;
  saving: boolean;
  onSave: (input: CreateSessionRequest) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const options = useProjectOptions(stageId !== null);
  const fail = useSaveFailure(form, withIssueTexts(t, 'trainingProjects.issues'), 'trainingProjects.errors');
  const save = async () => {
    const v = await form.validateFields();
    try {
      await onSave({ stageId: stageId!, title: v.title, venue: v.venue, startsAt: v.time[0].toISOString(), endsAt: v.time[1].toISOString(), capacity: v.capacity, instructorUserId: v.instructorUserId });
      onClose();
    } catch (error) {
      fail(error);
    }
  };
  const instructors = options.data?.instructors ?? [];
  return (
    <SaveModal open={stageId !== null} title={t('trainingProjects.session.formTitle')} saving={saving} onSave={() => void save()} onClose={onClose} saveTestId="session-save">
      <Form form={form} layout="vertical" preserve={false} initialValues={{ capacity: 30 }} onValuesChange={clearIssuesOnChange(form)}>
        <Form.Item name="title" label={t('trainingProjects.session.title')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input data-testid="session-title" />
        </Form.Item>
        <Form.Item name="venue" label={t('trainingProjects.session.venue')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input data-testid="session-venue" />
        </Form.Item>
        <Form.Item name="time" label={t('trainingProjects.session.time')} rules={[{ required: true }]}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="capacity" label={t('trainingProjects.session.capacity')} rules={[{ required: true }]}>
          <InputNumber min={1} max={10000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="instructorUserId"
          label={t('trainingProjects.session.instructor')}
          rules={[{ required: true }]}
          extra={!options.isPending && !instructors.length ? t('trainingProjects.session.noInstructors') : undefined}
        >
          <Select options={instructors.map((i) => ({ value: i.userId, label: i.name }))} loading={options.isPending} data-testid="session-instructor" />
        </Form.Item>
      </Form>
    </SaveModal>
  );
}
