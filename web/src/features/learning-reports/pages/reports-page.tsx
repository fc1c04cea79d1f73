import { useState } from 'react';
import { Card, Flex, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { districtDimensions, enterpriseDimensions } from '@fulcrum/shared';
import { ExportButton } from '../../../components/export-button.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useActor } from '../../../lib/session.ts';
import { summaryPath, useReportSummary, type ReportDatesQuery } from '../api/use-report-summary.ts';
import { BreakdownTab } from '../components/breakdown-tab.tsx';
import { OverviewTab } from '../components/overview-tab.tsx';
import { ReportFilters } from '../components/report-filters.tsx';
import { RoiTab } from '../components/roi-tab.tsx';
import '../i18n.ts';

const enterpriseTabs = ['overview', 'attainment', 'roi'] as const;
const districtTabs = ['overview', 'district'] as const;
type Tab = (typeof enterpriseTabs)[number] | (typeof districtTabs)[number];

/**
 * /console/learning/reports/:tab? — 智能报表. Enterprises: overview, attainment by department and role profile with the
 * learners behind it, ROI with the training costs they record. The HRSS bureau: overview and the district view by
 * enterprise, industry, region and training centre. One period and two attainment dates apply to every tab.
 */
export default function ReportsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const actor = useActor();
  const role = actor.activeMembership?.role;
  const isEnterprise = role === 'enterprise_admin' || role === 'training_manager';
  const tabs: readonly Tab[] = isEnterprise ? enterpriseTabs : districtTabs;
  const { tab: tabParam } = useParams();
  const tab: Tab = tabs.find((v) => v === tabParam) ?? 'overview';
  const [dates, setDates] = useState<ReportDatesQuery>({});
  const summary = useReportSummary(dates);
  const content: Record<Tab, React.ReactNode> = {
    overview: <OverviewTab summary={summary} dates={dates} dimension={isEnterprise ? 'department' : 'industry'} />,
    attainment: <BreakdownTab dates={dates} dimensions={enterpriseDimensions} canDrill />,
    roi: <RoiTab dates={dates} />,
    district: <BreakdownTab dates={dates} dimensions={districtDimensions} canDrill={false} hint={t('learningReports.district.hint')} />,
  };
  return (
    <div data-testid="learning-reports-page">
      <PageHeader title={t('learningReports.page.title')} subTitle={t('learningReports.page.subTitle')} extra={<ExportButton path={summaryPath} query={{ ...dates }} />} />
      <Card>
        <Flex vertical gap={12}>
          <ReportFilters value={dates} effective={summary.data?.dates} onChange={setDates} withAttainment={tab !== 'roi'} />
          <Tabs
            activeKey={tab}
            onChange={(key) => navigate(`/console/learning/reports/${key}`)}
            destroyOnHidden
            data-testid="report-tabs"
            items={tabs.map((key) => ({ key, label: <span data-testid={`report-tab-${key}`}>{t(`learningReports.page.tabs.${key}`)}</span>, children: content[key] }))}
          />
        </Flex>
      </Card>
    </div>
  );
}
