import { App, Button, Form, Input, InputNumber, Modal, Radio, Select, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { paperInput } from '@fulcrum/shared';
import { parseWith } from '../../../lib/forms.ts';
import { useAvailability } from '../api/use-availability.ts';
import { useCreatePaper } from '../api/use-create-paper.ts';
import { useQuestions } from '../api/use-questions.ts';
import { showSaveError } from './error-text.ts';

type Row = Record<string, number | string | undefined>;

/** A new paper: fixed (questions picked with their points) or random (rules with the bank's availability beside each). */
export function PaperModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const mode = Form.useWatch('mode', form) ?? 'fixed';
  const rules = (Form.useWatch('drawRules', form) ?? []) as Row[];
  const questions = useQuestions({ status: 'active', pageSize: 100 });
  const availability = useAvailability();
  const create = useCreatePaper();
  const available = (rule: Row | undefined) => availability.data?.items.find((a) => a.knowledgePointId === rule?.knowledgePointId && a.difficulty === rule?.difficulty)?.count ?? 0;
  const pointOptions = [...new Map((availability.data?.items ?? []).map((a) => [a.knowledgePointId, a.knowledgePointName])).entries()].map(([value, label]) => ({ value, label }));

  const submit = () => {
    const v = form.getFieldsValue(true) as Record<string, unknown>;
    const body = v.mode === 'fixed' ? { mode: 'fixed', title: v.title, items: v.items ?? [] } : { mode: 'random', title: v.title, drawRules: v.drawRules ?? [] };
    const input = parseWith(paperInput, body, form, t);
    if (!input) return;
    create.mutate(input, {
      onSuccess: () => {
        void message.success(t('exams.papers.saved'));
        form.resetFields();
        onClose();
      },
      onError: (error) => showSaveError(form, t, (text) => void message.error(text), error),
    });
  };

  return (
    <Modal open={open} title={t('exams.papers.add')} onCancel={onClose} onOk={submit} confirmLoading={create.isPending} width={720} okButtonProps={{ 'data-testid': 'save-paper' } as never}>
      <Form form={form} layout="vertical" initialValues={{ mode: 'fixed', items: [{ points: 10 }], drawRules: [{ difficulty: 2, count: 1, points: 10 }] }}>
        <Form.Item name="title" label={t('exams.papers.title')}>
          <Input data-testid="paper-title" />
        </Form.Item>
        <Form.Item name="mode" label={t('exams.papers.mode')}>
          <Radio.Group options={[{ value: 'fixed', label: t('exams.papers.fixed') }, { value: 'random', label: t('exams.papers.random') }]} />
        </Form.Item>
        {mode === 'fixed' ? (
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline" wrap>
                    <Form.Item name={[field.name, 'questionId']} style={{ width: 480, marginBottom: 8 }}>
                      <Select showSearch optionFilterProp="label" placeholder={t('exams.papers.pickQuestions')} options={(questions.data?.items ?? []).map((q) => ({ value: q.id, label: `[${t(`exams.kinds.${q.kind}`)}] ${q.stem}` }))} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'points']} style={{ marginBottom: 8 }}>
                      <InputNumber min={1} max={100} addonAfter={t('exams.papers.points')} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(field.name)} />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ points: 10 })}>
                  {t('exams.papers.pickQuestions')}
                </Button>
              </>
            )}
          </Form.List>
        ) : (
          <Form.List name="drawRules">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, i) => (
                  <Space key={field.key} align="baseline" wrap>
                    <Form.Item name={[field.name, 'knowledgePointId']} style={{ width: 200, marginBottom: 8 }}>
                      <Select showSearch optionFilterProp="label" options={pointOptions} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'difficulty']} style={{ marginBottom: 8 }}>
                      <InputNumber min={1} max={5} addonBefore={t('exams.questions.difficulty')} style={{ width: 120 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'count']} style={{ marginBottom: 8 }}>
                      <InputNumber min={1} max={100} addonBefore={t('exams.papers.count')} style={{ width: 150 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'points']} style={{ marginBottom: 8 }}>
                      <InputNumber min={1} max={100} addonAfter={t('exams.papers.points')} style={{ width: 110 }} />
                    </Form.Item>
                    <Typography.Text type={available(rules[i]) < Number(rules[i]?.count ?? 0) ? 'danger' : 'secondary'} data-testid={`rule-available-${i}`}>
                      {t('exams.papers.available', { n: available(rules[i]) })}
                    </Typography.Text>
                    <MinusCircleOutlined onClick={() => remove(field.name)} />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ difficulty: 2, count: 1, points: 10 })}>
                  {t('exams.papers.addRule')}
                </Button>
              </>
            )}
          </Form.List>
        )}
      </Form>
    </Modal>
  );
}
