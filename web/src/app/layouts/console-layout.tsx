import { Suspense, useState } from 'react';
import { Layout, Menu, Space, Spin, Typography } from 'antd';
import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  HomeOutlined,
  IdcardOutlined,
  TeamOutlined,
  UserOutlined,
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
};

/** The console every officer and organisation administrator works in: a menu of their role, the header, the page. */
export default function ConsoleLayout() {
  const { t } = useTranslation();
  const session = useActor();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const menu = workbenches[session.activeMembership.role].menu;
  const selected = [...menu].sort((a, b) => b.path.length - a.path.length).find((item) => location.pathname === item.path || location.pathname.startsWith(`${item.path}/`));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={208} theme="dark">
        <div style={{ color: '#fff', fontSize: collapsed ? 16 : 18, fontWeight: 600, padding: '16px 20px', whiteSpace: 'nowrap' }}>
          {collapsed ? t('app.name') : t('app.fullName').split(' · ')[0]}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          data-testid="main-menu"
          selectedKeys={selected ? [selected.key] : []}
          items={menu.map((item) => ({ key: item.key, icon: icons[item.key], label: t(`nav.${item.key}`) }))}
          onClick={({ key }) => navigate(menu.find((m) => m.key === key)!.path)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 16px', display: 'flex', alignItems: 'center', justifyContent: 'space-between', borderBottom: '1px solid #f0f0f0' }}>
          <Space>
            <Typography.Text strong>{t('app.fullName')}</Typography.Text>
            <DemoBadge />
          </Space>
          <Space size="small">
            <MembershipSwitcher />
            <LanguageSwitch signedIn />
            <UserMenu passwordPath="/console/account/password" />
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 16 }}>
          <Suspense fallback={<Spin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
