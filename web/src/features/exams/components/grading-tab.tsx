import { useState } from 'react';
import { App, Button, Card, Empty, Flex, Input, InputNumber, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GradingItem } from '@fulcrum/shared';
import { useGradeAnswer } from '../api/use-grade-answer.ts';
import { useGradingQueue } from '../api/use-grading-queue.ts';
import { examErrorText } from './error-text.ts';

function GradingCard({ examId, item }: { examId: string; item: GradingItem }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [points, setPoints] = useState<number | null>(null);
  const [feedback, setFeedback] = useState('');
  const grade = useGradeAnswer(examId);
  const submit = () =>
    grade.mutate(
      { attemptId: item.attemptId, questionId: item.questionId, input: { points: points ?? 0, feedback } },
      { onSuccess: () => void message.success(t('exams.detail.graded')), onError: (error) => void message.error(examErrorText(t, error)) },
    );
  return (
    <Card size="small" title={`${item.personName} · ${t('exams.mobile.attemptRow', { n: item.attemptNo })}`} data-testid={`grading-${item.attemptId}-${item.questionId}`}>
      <Typography.Paragraph strong>{item.stem}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        {t('exams.detail.modelAnswer')}：{item.modelAnswer}
      </Typography.Paragraph>
      <Typography.Paragraph style={{ background: '#fafafa', padding: 8 }}>
        {t('exams.detail.response')}：{item.response ?? t('exams.detail.noResponse')}
      </Typography.Paragraph>
      <Flex gap={8} wrap align="center">
        <InputNumber min={0} max={item.maxPoints} value={points} onChange={setPoints} addonAfter={t('exams.detail.maxPoints', { n: item.maxPoints })} data-testid="grade-points" />
        <Input style={{ flex: 1, minWidth: 200 }} placeholder={t('exams.detail.feedback')} value={feedback} onChange={(e) => setFeedback(e.target.value)} />
        <Button type="primary" disabled={points === null} loading={grade.isPending} onClick={submit} data-testid="grade-submit">
          {t('exams.detail.grade')}
        </Button>
      </Flex>
    </Card>
  );
}

/** Short answers waiting for an instructor, oldest submission first. */
export function GradingTab({ examId }: { examId: string }) {
  const { t } = useTranslation();
  const queue = useGradingQueue(examId);
  if (queue.isPending) return <Skeleton active />;
  const items = queue.data?.items ?? [];
  return (
    <Flex vertical gap={12} data-testid="grading-tab">
      {items.length === 0 && <Empty description={t('exams.detail.gradingEmpty')} />}
      {items.map((item) => (
        <GradingCard key={`${item.attemptId}-${item.questionId}`} examId={examId} item={item} />
      ))}
    </Flex>
  );
}
