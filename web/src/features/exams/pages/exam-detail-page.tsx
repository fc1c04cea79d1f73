import { Card, Skeleton, Space, Tabs, Tag } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { LoadFailure } from '../../../components/load-failure.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useExam } from '../api/use-exams.ts';
import { GradingTab } from '../components/grading-tab.tsx';
import { ItemsTab } from '../components/items-tab.tsx';
import { ResultsTab } from '../components/results-tab.tsx';
import '../i18n.ts';

const tabs = ['results', 'items', 'grading'] as const;
type Tab = (typeof tabs)[number];
const listPath = '/console/learning/exams/exams';

/** /console/learning/exam/:id/:tab? — an exam's results (xlsx), item statistics and the short-answer grading queue. */
export default function ExamDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '', tab: param } = useParams();
  const exam = useExam(id);
  const tab: Tab = tabs.find((x) => x === param) ?? 'results';
  if (exam.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (exam.error) return <LoadFailure error={exam.error} notFound={t('exams.detail.notFound')} back={{ path: listPath, label: t('exams.detail.back') }} onRetry={() => void exam.refetch()} />;
  const e = exam.data;
  const content: Record<Tab, React.ReactNode> = { results: <ResultsTab examId={id} />, items: <ItemsTab examId={id} />, grading: <GradingTab examId={id} /> };
  return (
    <div data-testid="exam-detail-page">
      <Link to={listPath} data-testid="back-to-exams">
        <ArrowLeftOutlined /> {t('exams.detail.back')}
      </Link>
      <PageHeader
        title={
          <Space wrap>
            <span data-testid="exam-detail-title">{e.title}</span>
            <Tag>{t(`exams.exams.statuses.${e.status}`)}</Tag>
          </Space>
        }
        subTitle={`${e.paperTitle} · ${t('exams.exams.passScore')} ${e.passScore} / ${e.totalPoints} · ${t('exams.exams.timeLimit')} ${e.timeLimitMinutes}`}
      />
      <Card>
        <Tabs activeKey={tab} onChange={(key) => navigate(`/console/learning/exam/${id}/${key}`)} items={tabs.map((key) => ({ key, label: <span data-testid={`tab-${key}`}>{t(`exams.detail.tabs.${key}`)}</span>, children: key === tab ? content[key] : null }))} />
      </Card>
    </div>
  );
}
