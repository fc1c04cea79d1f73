import { Checkbox, Input, Radio, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AnswerResponse, AttemptQuestion } from '@fulcrum/shared';
import { letterAt } from './answer-text.ts';

/** The answer control of one question, by kind; choices send the options' own keys. */
export function QuestionInput({ question, value, onChange, onCommit }: { question: AttemptQuestion; value: AnswerResponse | null; onChange: (value: AnswerResponse) => void; onCommit: (value: AnswerResponse) => void }) {
  const { t } = useTranslation();
  const choose = (v: AnswerResponse) => {
    onChange(v);
    onCommit(v);
  };
  if (question.kind === 'single') {
    return (
      <Radio.Group value={value} onChange={(e) => choose(e.target.value as string)} style={{ width: '100%' }}>
        <Space direction="vertical" style={{ width: '100%' }}>
          {question.options.map((o, i) => (
            <Radio key={o.key} value={o.key} style={{ padding: '8px 0' }}>
              <span data-testid={`option-${i}`}>
                {letterAt(i)}. {o.text}
              </span>
            </Radio>
          ))}
        </Space>
      </Radio.Group>
    );
  }
  if (question.kind === 'multiple') {
    return (
      <Checkbox.Group value={(value as string[] | null) ?? []} onChange={(v) => choose(v as string[])} style={{ width: '100%' }}>
        <Space direction="vertical" style={{ width: '100%' }}>
          {question.options.map((o, i) => (
            <Checkbox key={o.key} value={o.key} style={{ padding: '8px 0' }}>
              <span data-testid={`option-${i}`}>
                {letterAt(i)}. {o.text}
              </span>
            </Checkbox>
          ))}
        </Space>
      </Checkbox.Group>
    );
  }
  if (question.kind === 'true_false') {
    return (
      <Radio.Group value={value} onChange={(e) => choose(e.target.value as boolean)} optionType="button" buttonStyle="solid" size="large">
        <Radio.Button value={true}>
          <span data-testid="answer-true">{t('exams.mobile.true')}</span>
        </Radio.Button>
        <Radio.Button value={false}>
          <span data-testid="answer-false">{t('exams.mobile.false')}</span>
        </Radio.Button>
      </Radio.Group>
    );
  }
  const text = typeof value === 'string' ? value : '';
  const common = { value: text, onChange: (e: { target: { value: string } }) => onChange(e.target.value), onBlur: () => onCommit(text), 'data-testid': 'answer-text' };
  return question.kind === 'fill_in' ? <Input size="large" placeholder={t('exams.mobile.fillPlaceholder')} {...common} /> : <Input.TextArea rows={6} placeholder={t('exams.mobile.shortPlaceholder')} {...common} />;
}
