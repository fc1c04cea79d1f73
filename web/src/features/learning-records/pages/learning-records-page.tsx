import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../../components/page-header.tsx';
import { ClientsTab } from '../components/clients-tab.tsx';
import { ProgressTab } from '../components/progress-tab.tsx';
import { StatementsTab } from '../components/statements-tab.tsx';
import '../i18n.ts';

const tabs = ['clients', 'statements', 'progress'] as const;
type Tab = (typeof tabs)[number];

/**
 * /console/learning-records/:tab? — the organisation's learning record store: the keys courseware reports with, the
 * statements it reported, and each learner's progress. Each tab keeps its own list state in the address.
 */
export default function LearningRecordsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { tab: tabParam } = useParams();
  const tab: Tab = tabs.find((v) => v === tabParam) ?? 'clients';
  const content: Record<Tab, React.ReactNode> = { clients: <ClientsTab />, statements: <StatementsTab />, progress: <ProgressTab /> };
  return (
    <div data-testid="learning-records-page">
      <PageHeader title={t('learningRecords.page.title')} subTitle={t('learningRecords.page.subTitle')} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => navigate(`/console/learning-records/${key}`)}
          destroyOnHidden
          data-testid="lrs-tabs"
          items={tabs.map((key) => ({ key, label: <span data-testid={`lrs-tab-${key}`}>{t(`learningRecords.page.tabs.${key}`)}</span>, children: content[key] }))}
        />
      </Card>
    </div>
  );
}
