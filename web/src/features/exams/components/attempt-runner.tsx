import { useEffect, useMemo, useRef, useState } from 'react';
import { App, Button, Card, Flex, Modal, Progress, Tag, Typography } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AnswerResponse, Attempt } from '@fulcrum/shared';
import { ApiError } from '../../../lib/api.ts';
import { examErrorText } from './error-text.ts';
import { useSaveAnswer } from '../api/use-save-answer.ts';
import { useSubmitAttempt } from '../api/use-submit-attempt.ts';
import { countdown, isAnswered } from './answer-text.ts';
import { QuestionInput } from './question-input.tsx';

/** The time left, ticking each second, measured against the server's clock. */
function useRemaining(attempt: Attempt) {
  const offset = useMemo(() => new Date(attempt.now).getTime() - Date.now(), [attempt.now]);
  const deadline = new Date(attempt.deadlineAt).getTime();
  const [remaining, setRemaining] = useState(deadline - (Date.now() + offset));
  useEffect(() => {
    const timer = setInterval(() => setRemaining(deadline - (Date.now() + offset)), 1000);
    return () => clearInterval(timer);
  }, [deadline, offset]);
  return remaining;
}

/** One question per screen with a countdown; answers are saved as they are given; submit asks first. */
export function AttemptRunner({ attempt }: { attempt: Attempt }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [index, setIndex] = useState(0);
  const [answers, setAnswers] = useState<Record<string, AnswerResponse | null>>(() => Object.fromEntries(attempt.questions.map((q) => [q.questionId, q.response])));
  const save = useSaveAnswer(attempt.id);
  const submit = useSubmitAttempt();
  const remaining = useRemaining(attempt);
  const question = attempt.questions[index]!;
  const answered = attempt.questions.filter((q) => isAnswered(answers[q.questionId])).length;

  // Saves go one after another, so a quick series of clicks lands in the order it was made; submitting waits for them.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const doSubmit = () => {
    queue.current = queue.current.then(() => submit.mutate(attempt.id, { onError: (error) => void message.error(examErrorText(t, error)) }));
  };

  useEffect(() => {
    if (remaining <= 0 && !submit.isPending && !submit.isSuccess) {
      void message.warning(t('exams.mobile.timeUp'));
      doSubmit();
    }
  }, [remaining <= 0]); // once, when the time runs out

  const commit = (value: AnswerResponse) => {
    const questionId = question.questionId;
    queue.current = queue.current.then(() =>
      save.mutateAsync({ questionId, response: value }).catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 409) doSubmit();
        else void message.error(examErrorText(t, error));
      }),
    );
  };
  const confirmSubmit = () =>
    Modal.confirm({ title: t('exams.mobile.submitTitle'), content: t('exams.mobile.submitBody', { answered, total: attempt.questions.length }), okText: t('exams.mobile.submit'), onOk: doSubmit, okButtonProps: { 'data-testid': 'confirm-submit' } as never });

  return (
    <Flex vertical gap={12} data-testid="attempt-runner">
      <Card size="small">
        <Flex justify="space-between" align="center">
          <Typography.Text strong>{attempt.examTitle}</Typography.Text>
          <Tag icon={<ClockCircleOutlined />} color={remaining < 5 * 60_000 ? 'red' : 'blue'} data-testid="countdown">
            {t('exams.mobile.remaining')} {countdown(remaining)}
          </Tag>
        </Flex>
        <Progress percent={Math.round((answered / attempt.questions.length) * 100)} size="small" showInfo={false} />
      </Card>
      <Card
        size="small"
        title={t('exams.mobile.question', { n: index + 1, total: attempt.questions.length })}
        extra={
          <span>
            <Tag>{t(`exams.kinds.${question.kind}`)}</Tag>
            {t('exams.mobile.points', { n: question.points })}
          </span>
        }
        data-testid="question-card"
      >
        <Typography.Paragraph style={{ fontSize: 16 }} data-testid="question-stem">
          {question.stem}
        </Typography.Paragraph>
        <QuestionInput key={question.questionId} question={question} value={answers[question.questionId] ?? null} onChange={(v) => setAnswers((a) => ({ ...a, [question.questionId]: v }))} onCommit={commit} />
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }} data-testid="save-state">
          {save.isPending ? t('exams.mobile.saving') : save.isSuccess ? t('exams.mobile.saved') : ' '}
        </Typography.Text>
      </Card>
      <Flex gap={8}>
        <Button block size="large" disabled={index === 0} onClick={() => setIndex(index - 1)} data-testid="prev-question">
          {t('exams.mobile.prev')}
        </Button>
        {index < attempt.questions.length - 1 ? (
          <Button block size="large" type="primary" onClick={() => setIndex(index + 1)} data-testid="next-question">
            {t('exams.mobile.next')}
          </Button>
        ) : (
          <Button block size="large" type="primary" danger loading={submit.isPending} onClick={confirmSubmit} data-testid="submit-attempt">
            {t('exams.mobile.submit')}
          </Button>
        )}
      </Flex>
      <Flex wrap gap={6} justify="center">
        {attempt.questions.map((q, i) => (
          <Button key={q.questionId} size="small" shape="circle" type={i === index ? 'primary' : isAnswered(answers[q.questionId]) ? 'dashed' : 'default'} onClick={() => setIndex(i)} data-testid={`jump-${i}`}>
            {i + 1}
          </Button>
        ))}
      </Flex>
    </Flex>
  );
}
