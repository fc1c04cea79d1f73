import { Suspense, useState } from 'react';
import { Grid, Layout, Menu, Space, Spin, Typography } from 'antd';
import {
  FieldTimeOutlined,
  HeatMapOutlined,
  RadarChartOutlined,
  FundOutlined,
  ProjectOutlined,
  ScheduleOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  HomeOutlined,
  IdcardOutlined,
  TeamOutlined,
  UserOutlined,
  FormOutlined,
  FileSearchOutlined,
  OrderedListOutlined,
  SafetyCertificateOutlined,
  NodeIndexOutlined,
  FileDoneOutlined,
  PartitionOutlined,
  NotificationOutlined,
  CalendarOutlined,
  SolutionOutlined,
  AccountBookOutlined,
  ProfileOutlined,
  BookOutlined,
  BarChartOutlined,
  DatabaseOutlined,
  ReadOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useActor } from '../../lib/session.ts';
import { workbenches, type NavKey } from '../workbenches.ts';
import { DemoBadge, LanguageSwitch, MembershipSwitcher, UserMenu } from './header-parts.tsx';

const icons: Record<NavKey, React.ReactNode> = {
  home: <DashboardOutlined />,
  enterprises: <BankOutlined />,
  organisations: <ApartmentOutlined />,
  myOrganisation: <HomeOutlined />,
  people: <IdcardOutlined />,
  employees: <TeamOutlined />,
  employeeImport: <CloudUploadOutlined />,
  users: <UserOutlined />,
  audit: <AuditOutlined />,
  me: <UserOutlined />,
  trainingCentreApplication: <FormOutlined />,
  trainingCentreApplications: <FileSearchOutlined />,
  selectionBatches: <OrderedListOutlined />,
  trainingCentres: <BankOutlined />,
  myTrainingCentre: <SafetyCertificateOutlined />,
  trainingNeeds: <NodeIndexOutlined />,
  annualReviews: <FileDoneOutlined />,
  matching: <PartitionOutlined />,
  notices: <NotificationOutlined />,
  calendar: <CalendarOutlined />,
  apprenticeshipClasses: <SolutionOutlined />,
  subsidyClaims: <AccountBookOutlined />,
  subsidyPolicies: <ProfileOutlined />,
  subsidyLedger: <BookOutlined />,
  subsidyStatistics: <BarChartOutlined />,
  learningRecords: <DatabaseOutlined />,
  myLearning: <ReadOutlined />,
  learningCatalogue: <ReadOutlined />,
  trainingProjects: <ProjectOutlined />,
  teachingSessions: <ScheduleOutlined />,
  exams: <FormOutlined />,
  studyTimeReview: <FieldTimeOutlined />,
  learningCertificates: <SafetyCertificateOutlined />,
  learningReports: <FundOutlined />,
  courses: <ReadOutlined />,
  myProjects: <ProjectOutlined />,
  myExams: <FormOutlined />,
  myCertificates: <SafetyCertificateOutlined />,
  myCompetencies: <RadarChartOutlined />,
  teamHeatmap: <HeatMapOutlined />,
};

/** The console every officer and organisation administrator works in: a menu of their role, the header, the page. */
export default function ConsoleLayout() {
  const { t } = useTranslation();
  const session = useActor();
  const navigate = useNavigate();
  const location = useLocation();
  // On a phone-sized screen the menu folds away entirely (a tab opens it) and the header keeps only what fits.
  const narrow = Grid.useBreakpoint().md === false;
  const [collapsed, setCollapsed] = useState(narrow);
  const menu = workbenches[session.activeMembership.role].menu;
  const selected = [...menu].sort((a, b) => b.path.length - a.path.length).find((item) => location.pathname === item.path || location.pathname.startsWith(`${item.path}/`));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        breakpoint="md"
        onBreakpoint={setCollapsed}
        collapsedWidth={narrow ? 0 : 80}
        zeroWidthTriggerStyle={{ top: 12 }}
        width={208}
        theme="dark"
      >
        <div style={{ color: '#fff', fontSize: collapsed ? 16 : 18, fontWeight: 600, padding: '16px 20px', whiteSpace: 'nowrap' }}>
          {collapsed ? t('app.name') : t('app.fullName').split(' · ')[0]}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          data-testid="main-menu"
          selectedKeys={selected ? [selected.key] : []}
          items={menu.map((item) => ({ key: item.key, icon: icons[item.key], label: t(`nav.${item.key}`) }))}
          onClick={({ key }) => {
            navigate(menu.find((m) => m.key === key)!.path);
            if (narrow) setCollapsed(true);
          }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            display: 'flex',
            alignItems: 'center',
            justifyContent: narrow ? 'flex-end' : 'space-between',
            borderBottom: '1px solid #f0f0f0',
            // A phone-sized header wraps onto a second line, clear of the menu's tab on the left.
            ...(narrow ? { height: 'auto', lineHeight: '32px', padding: '8px 8px 8px 48px', flexWrap: 'wrap' as const } : { padding: '0 16px' }),
          }}
        >
          {!narrow && (
            <Space>
              <Typography.Text strong>{t('app.fullName')}</Typography.Text>
              <DemoBadge />
            </Space>
          )}
          <Space size="small" wrap style={{ justifyContent: 'flex-end' }}>
            <MembershipSwitcher compact={narrow} />
            <LanguageSwitch signedIn />
            <UserMenu passwordPath="/console/account/password" />
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: narrow ? 8 : 16, minWidth: 0 }}>
          <Suspense fallback={<Spin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
