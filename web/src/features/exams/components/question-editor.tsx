import { useEffect } from 'react';
import { App, Button, Form, Input, InputNumber, Modal, Radio, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { questionInput, questionKinds, type Question, type QuestionKind } from '@fulcrum/shared';
import { parseWith } from '../../../lib/forms.ts';
import { useKnowledgePoints } from '../api/use-knowledge-points.ts';
import { useSaveQuestion } from '../api/use-save-question.ts';
import { letterAt } from './answer-text.ts';
import { showSaveError } from './error-text.ts';

interface Values {
  kind: QuestionKind;
  stem: string;
  difficulty: number;
  knowledgePointIds: string[];
  explanation: string;
  options: { text: string }[];
  /** single: key; multiple: keys; true_false: boolean; fill_in: accepted answers one per line; short_answer: model answer. */
  answer?: string | string[] | boolean;
}

const isChoice = (kind: QuestionKind) => kind === 'single' || kind === 'multiple';

/** Form values → the request the server takes (options keyed A, B, C … in order). */
function toInput(v: Values) {
  const base = { kind: v.kind, stem: v.stem, difficulty: v.difficulty, knowledgePointIds: v.knowledgePointIds ?? [], explanation: v.explanation ?? '' };
  const options = (v.options ?? []).map((o, i) => ({ key: letterAt(i), text: o?.text ?? '' }));
  if (isChoice(v.kind)) return { ...base, options, answer: v.answer ?? (v.kind === 'multiple' ? [] : '') };
  if (v.kind === 'fill_in') return { ...base, answer: String(v.answer ?? '').split('\n').map((s) => s.trim()).filter(Boolean) };
  return { ...base, answer: v.answer ?? '' };
}

function toValues(q: Question | null): Partial<Values> {
  if (!q) return { kind: 'single', difficulty: 2, options: [{ text: '' }, { text: '' }, { text: '' }, { text: '' }], knowledgePointIds: [], explanation: '' };
  const a = q.answer;
  return {
    kind: q.kind, stem: q.stem, difficulty: q.difficulty, knowledgePointIds: q.knowledgePoints.map((k) => k.id), explanation: q.explanation,
    options: q.options.map((o) => ({ text: o.text })),
    answer: q.kind === 'fill_in' ? (a as string[]).join('\n') : (a as Values['answer']),
  };
}

/** Adds or edits a question; the fields follow its kind, checked with the server's contract. */
export function QuestionEditor({ open, question, onClose }: { open: boolean; question: Question | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const points = useKnowledgePoints();
  const save = useSaveQuestion();
  const kind = Form.useWatch('kind', form) ?? 'single';
  const options = Form.useWatch('options', form) ?? [];
  useEffect(() => {
    if (open) form.setFieldsValue({ answer: undefined, ...toValues(question) } as Values);
  }, [open, question, form]);

  const submit = async () => {
    const values = form.getFieldsValue(true) as Values;
    const mapped = toInput(values);
    const input = parseWith(questionInput, mapped, form, t);
    if (!input) return;
    save.mutate(
      { id: question?.id, input: mapped as never },
      {
        onSuccess: () => {
          void message.success(t('exams.editor.saved'));
          onClose();
        },
        onError: (error) => showSaveError(form, t, (text) => void message.error(text), error),
      },
    );
  };
  const keyOptions = options.map((o, i) => ({ value: letterAt(i), label: `${letterAt(i)}. ${o?.text ?? ''}` }));

  return (
    <Modal open={open} title={question ? t('exams.editor.titleEdit') : t('exams.editor.titleNew')} onCancel={onClose} onOk={() => void submit()} confirmLoading={save.isPending} width={680} destroyOnHidden okButtonProps={{ 'data-testid': 'save-question' } as never}>
      <Form form={form} layout="vertical">
        <Space wrap>
          <Form.Item name="kind" label={t('exams.questions.kind')}>
            <Select
              onChange={() => form.setFieldValue('answer', undefined)} style={{ width: 160 }} options={questionKinds.map((k) => ({ value: k, label: t(`exams.kinds.${k}`) }))} data-testid="question-kind" />
          </Form.Item>
          <Form.Item name="difficulty" label={t('exams.questions.difficulty')}>
            <InputNumber min={1} max={5} />
          </Form.Item>
        </Space>
        <Form.Item name="knowledgePointIds" label={t('exams.questions.knowledgePoints')}>
          <Select mode="multiple" optionFilterProp="label" options={(points.data?.items ?? []).map((k) => ({ value: k.id, label: `${k.code} ${k.name}` }))} data-testid="question-kps" />
        </Form.Item>
        <Form.Item name="stem" label={t('exams.questions.stem')}>
          <Input.TextArea rows={3} data-testid="question-stem" />
        </Form.Item>
        {isChoice(kind) && (
          <Form.List name="options">
            {(fields, { add, remove }) => (
              <Form.Item label={t('exams.editor.options')}>
                {fields.map((field, i) => (
                  <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                    <span>{letterAt(i)}.</span>
                    <Form.Item name={[field.name, 'text']} style={{ marginBottom: 8, width: 480 }}>
                      <Input />
                    </Form.Item>
                    {fields.length > 2 && <MinusCircleOutlined onClick={() => remove(field.name)} />}
                  </Space>
                ))}
                {fields.length < 8 && (
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ text: '' })}>
                    {t('exams.editor.addOption')}
                  </Button>
                )}
              </Form.Item>
            )}
          </Form.List>
        )}
        {kind === 'single' && (
          <Form.Item name="answer" label={t('exams.editor.answer')}>
            <Select options={keyOptions} />
          </Form.Item>
        )}
        {kind === 'multiple' && (
          <Form.Item name="answer" label={t('exams.editor.answer')} extra={t('exams.editor.multipleHint')}>
            <Select mode="multiple" options={keyOptions} />
          </Form.Item>
        )}
        {kind === 'true_false' && (
          <Form.Item name="answer" label={t('exams.editor.answer')}>
            <Radio.Group options={[{ value: true, label: t('exams.editor.answerTrue') }, { value: false, label: t('exams.editor.answerFalse') }]} />
          </Form.Item>
        )}
        {kind === 'fill_in' && (
          <Form.Item name="answer" label={t('exams.editor.accepted')}>
            <Input.TextArea rows={3} />
          </Form.Item>
        )}
        {kind === 'short_answer' && (
          <Form.Item name="answer" label={t('exams.editor.modelAnswer')}>
            <Input.TextArea rows={4} />
          </Form.Item>
        )}
        <Form.Item name="explanation" label={t('exams.editor.explanation')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
