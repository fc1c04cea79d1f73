import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../../components/page-header.tsx';
import { useActor } from '../../../lib/session.ts';
import { ExamsTab } from '../components/exams-tab.tsx';
import { PapersTab } from '../components/papers-tab.tsx';
import { QuestionsTab } from '../components/questions-tab.tsx';
import '../i18n.ts';

const tabs = ['questions', 'papers', 'exams'] as const;
type Tab = (typeof tabs)[number];

/** /console/learning/exams/:tab? — the question bank, papers and exams (instructors read; admins and managers manage). */
export default function ExamAdminPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { tab: param } = useParams();
  const { role } = useActor().activeMembership;
  const canManage = role === 'enterprise_admin' || role === 'training_manager';
  const tab: Tab = tabs.find((x) => x === param) ?? 'questions';
  const content: Record<Tab, React.ReactNode> = { questions: <QuestionsTab canManage={canManage} />, papers: <PapersTab canManage={canManage} />, exams: <ExamsTab canManage={canManage} /> };
  return (
    <div data-testid="exam-admin-page">
      <PageHeader title={t('exams.admin.title')} subTitle={t('exams.admin.subTitle')} />
      <Card>
        <Tabs activeKey={tab} onChange={(key) => navigate(`/console/learning/exams/${key}`)} items={tabs.map((key) => ({ key, label: <span data-testid={`tab-${key}`}>{t(`exams.admin.tabs.${key}`)}</span>, children: key === tab ? content[key] : null }))} />
      </Card>
    </div>
  );
}
