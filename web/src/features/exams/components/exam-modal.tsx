import { App, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { examInput } from '@fulcrum/shared';
import { parseWith } from '../../../lib/forms.ts';
import { usePapers } from '../api/use-papers.ts';
import { useCreateExam } from '../api/use-save-exam.ts';
import { showSaveError } from './error-text.ts';

/** A new draft exam on one of the papers. */
export function ExamModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const papers = usePapers();
  const create = useCreateExam();
  const submit = () => {
    const v = form.getFieldsValue(true) as Record<string, unknown> & { window?: [Dayjs | null, Dayjs | null] | null };
    const body = { ...v, window: undefined, opensAt: v.window?.[0]?.toISOString() ?? null, closesAt: v.window?.[1]?.toISOString() ?? null };
    delete body.window;
    const input = parseWith(examInput, body, form, t);
    if (!input) return;
    create.mutate(input, {
      onSuccess: () => {
        void message.success(t('exams.exams.saved'));
        form.resetFields();
        onClose();
      },
      onError: (error) => showSaveError(form, t, (text) => void message.error(text), error),
    });
  };
  return (
    <Modal open={open} title={t('exams.exams.add')} onCancel={onClose} onOk={submit} confirmLoading={create.isPending} width={620} okButtonProps={{ 'data-testid': 'save-exam' } as never}>
      <Form form={form} layout="vertical" initialValues={{ timeLimitMinutes: 30, maxAttempts: 2, passScore: 60, shuffleQuestions: true, shuffleOptions: true }}>
        <Form.Item name="title" label={t('exams.exams.title')}>
          <Input data-testid="exam-title-input" />
        </Form.Item>
        <Form.Item name="paperId" label={t('exams.exams.paper')}>
          <Select options={(papers.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.title}（${t(`exams.papers.${p.mode}`)} · ${p.totalPoints}）` }))} data-testid="exam-paper" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="timeLimitMinutes" label={t('exams.exams.timeLimit')}>
            <InputNumber min={1} max={600} />
          </Form.Item>
          <Form.Item name="maxAttempts" label={t('exams.exams.maxAttempts')}>
            <InputNumber min={1} max={20} />
          </Form.Item>
          <Form.Item name="passScore" label={t('exams.exams.passScore')}>
            <InputNumber min={0} />
          </Form.Item>
        </Space>
        <Space wrap size="large">
          <Form.Item name="shuffleQuestions" label={t('exams.exams.shuffleQuestions')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="shuffleOptions" label={t('exams.exams.shuffleOptions')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        <Form.Item name="window" label={t('exams.exams.window')}>
          <DatePicker.RangePicker showTime allowEmpty={[true, true]} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
