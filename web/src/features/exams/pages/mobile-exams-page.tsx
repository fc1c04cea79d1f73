import { Card, Empty, Flex, Result, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorText } from '../../../lib/forms.ts';
import { useMyExams } from '../api/use-my-exams.ts';
import { MyExamTag } from '../components/exam-status-tag.tsx';
import '../i18n.ts';

/** /m/exams — the employee's exams: attempts left, best score and where they stand. */
export default function MobileExamsPage() {
  const { t } = useTranslation();
  const query = useMyExams();
  if (query.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (query.error) return <Result status="error" title={errorText(t, query.error)} />;
  const items = query.data.items;
  return (
    <Flex vertical gap={12} data-testid="my-exams-page">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('exams.mobile.title')}
      </Typography.Title>
      {items.length === 0 && <Empty description={t('exams.mobile.empty')} />}
      {items.map((exam) => (
        <Link key={exam.id} to={`/m/exams/${exam.id}`} data-testid={`my-exam-${exam.id}`}>
          <Card size="small" hoverable>
            <Flex justify="space-between" align="start" gap={8}>
              <Typography.Text strong data-testid="my-exam-title">
                {exam.title}
              </Typography.Text>
              <MyExamTag exam={exam} />
            </Flex>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
              {t('exams.mobile.meta', { count: exam.questionCount, total: exam.totalPoints, pass: exam.passScore, minutes: exam.timeLimitMinutes })}
            </Typography.Text>
            <Flex gap={12} style={{ marginTop: 4, fontSize: 13 }}>
              <span data-testid="attempts-left">{t('exams.mobile.attemptsLeft', { n: exam.attemptsLeft })}</span>
              {exam.bestScore !== null && <span data-testid="best-score">{t('exams.mobile.best', { n: exam.bestScore })}</span>}
            </Flex>
          </Card>
        </Link>
      ))}
    </Flex>
  );
}
