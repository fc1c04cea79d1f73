import { App, Button, Card, Flex, List, Result, Skeleton, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { MyExam } from '@fulcrum/shared';
import { errorText } from '../../../lib/forms.ts';
import { examErrorText } from '../components/error-text.ts';
import { useAttempt } from '../api/use-attempt.ts';
import { useMyExams } from '../api/use-my-exams.ts';
import { useStartAttempt } from '../api/use-start-attempt.ts';
import { AttemptResult } from '../components/attempt-result.tsx';
import { AttemptRunner } from '../components/attempt-runner.tsx';
import { MyExamTag } from '../components/exam-status-tag.tsx';
import '../i18n.ts';

/** The exam's facts, its attempts so far and the start / resume button. */
function ExamIntro({ exam, onOpen }: { exam: MyExam; onOpen: (attemptId: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const start = useStartAttempt();
  const begin = () => start.mutate(exam.id, { onSuccess: (attempt) => onOpen(attempt.id), onError: (error) => void message.error(examErrorText(t, error)) });
  const canStart = exam.isOpen && (exam.inProgressAttemptId !== null || exam.attemptsLeft > 0);
  const label = exam.inProgressAttemptId ? t('exams.mobile.resume') : exam.attemptsUsed ? t('exams.mobile.retake') : t('exams.mobile.start');
  return (
    <Flex vertical gap={12}>
      <Card size="small">
        <Flex justify="space-between" gap={8}>
          <Typography.Title level={5} style={{ margin: 0 }} data-testid="exam-title">
            {exam.title}
          </Typography.Title>
          <MyExamTag exam={exam} />
        </Flex>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0' }}>
          {t('exams.mobile.meta', { count: exam.questionCount, total: exam.totalPoints, pass: exam.passScore, minutes: exam.timeLimitMinutes })}
        </Typography.Paragraph>
        <Typography.Text>{t('exams.mobile.attemptsLeft', { n: exam.attemptsLeft })}</Typography.Text>
        {canStart && (
          <Button type="primary" size="large" block style={{ marginTop: 12 }} loading={start.isPending} onClick={begin} data-testid="start-exam">
            {label}
          </Button>
        )}
      </Card>
      {exam.attempts.length > 0 && (
        <Card size="small" title={t('exams.mobile.attemptHistory')}>
          <List
            dataSource={exam.attempts}
            renderItem={(a) => (
              <List.Item key={a.id} actions={[<Button key="view" size="small" type="link" onClick={() => onOpen(a.id)} data-testid={`view-attempt-${a.attemptNo}`}>{t('exams.mobile.view')}</Button>]}>
                <span>{t('exams.mobile.attemptRow', { n: a.attemptNo })}</span>
                <span>{a.status === 'graded' ? <Tag color={a.passed ? 'success' : 'error'}>{a.score}</Tag> : <Tag>{a.timeUp ? t('exams.detail.timeUp') : t(`exams.detail.attemptStatuses.${a.status}`)}</Tag>}</span>
              </List.Item>
            )}
          />
        </Card>
      )}
    </Flex>
  );
}

/** /m/exams/:id — start or resume an attempt, answer one question per screen against the clock, then the result. */
export default function MobileExamPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const exams = useMyExams();
  const attemptId = params.get('attempt');
  const attempt = useAttempt(attemptId);
  const open = (next: string | null) => setParams(next ? { attempt: next } : {});
  const back = (
    <Button type="link" icon={<ArrowLeftOutlined />} style={{ padding: 0 }} onClick={() => open(null)} data-testid="back-to-exam">
      {t('exams.mobile.back')}
    </Button>
  );

  if (exams.isPending || (attemptId && attempt.isPending)) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (exams.error) return <Result status="error" title={errorText(t, exams.error)} />;
  if (attempt.error) return <Result status="error" title={errorText(t, attempt.error)} extra={back} />;
  const exam = exams.data.items.find((e) => e.id === id);
  if (!exam) return <Result status="404" title={t('exams.detail.notFound')} extra={<Link to="/m/exams">{t('exams.mobile.back')}</Link>} />;
  return (
    <div data-testid="mobile-exam-page">
      {attempt.data ? (
        attempt.data.status === 'in_progress' ? (
          <AttemptRunner attempt={attempt.data} />
        ) : (
          <Flex vertical gap={8}>
            {back}
            <AttemptResult attempt={attempt.data} />
          </Flex>
        )
      ) : (
        <Flex vertical gap={8}>
          <Link to="/m/exams">
            <ArrowLeftOutlined /> {t('exams.mobile.title')}
          </Link>
          <ExamIntro exam={exam} onOpen={(next) => open(next)} />
        </Flex>
      )}
    </div>
  );
}
