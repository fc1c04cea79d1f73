import { Card, Flex, List, Result, Tag, Typography } from 'antd';
import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Attempt } from '@fulcrum/shared';
import { answerText } from './answer-text.ts';

/** A submitted attempt: waiting for grading, or the score with each question's correct answer and explanation. */
export function AttemptResult({ attempt }: { attempt: Attempt }) {
  const { t } = useTranslation();
  if (attempt.status !== 'graded') {
    return <Result status="info" title={t('exams.mobile.resultPending')} data-testid="attempt-pending" />;
  }
  return (
    <Flex vertical gap={12} data-testid="attempt-result">
      <Result
        status={attempt.passed ? 'success' : 'warning'}
        title={<span data-testid="result-title">{attempt.passed ? t('exams.mobile.resultPassed') : t('exams.mobile.resultFailed')}</span>}
        subTitle={<span data-testid="result-score">{t('exams.mobile.score', { score: attempt.score, total: attempt.totalPoints, pass: attempt.passScore })}</span>}
      />
      <Card size="small">
        <List
          dataSource={attempt.questions}
          renderItem={(q, i) => (
            <List.Item key={q.questionId} data-testid={`result-question-${i}`}>
              <Flex vertical gap={4} style={{ width: '100%' }}>
                <Flex justify="space-between" gap={8}>
                  <Typography.Text strong>
                    {i + 1}. {q.stem}
                  </Typography.Text>
                  <span style={{ whiteSpace: 'nowrap' }}>
                    {q.correct ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <CloseCircleTwoTone twoToneColor="#ff4d4f" />} {q.awardedPoints ?? 0}/{q.points}
                  </span>
                </Flex>
                <Typography.Text type="secondary">{t('exams.mobile.yourAnswer', { answer: answerText(t, q, q.response) })}</Typography.Text>
                <Typography.Text>
                  <Tag color="green">{t('exams.mobile.correctAnswer', { answer: answerText(t, q, q.correctAnswer) })}</Tag>
                </Typography.Text>
                {q.explanation ? <Typography.Text type="secondary">{t('exams.mobile.explanation', { text: q.explanation })}</Typography.Text> : null}
                {q.feedback ? <Typography.Text type="secondary">{t('exams.mobile.feedback', { text: q.feedback })}</Typography.Text> : null}
              </Flex>
            </List.Item>
          )}
        />
      </Card>
    </Flex>
  );
}
