import { Suspense, type ReactNode } from 'react';
import { Space, Spin, Typography } from 'antd';
import { BookOutlined, FormOutlined, HomeOutlined, ProjectOutlined, ReadOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { useActor } from '../../lib/session.ts';
import { workbenches, type NavKey } from '../workbenches.ts';
import { DemoBadge, LanguageSwitch } from './header-parts.tsx';

const icons: Partial<Record<NavKey, ReactNode>> = {
  home: <HomeOutlined />,
  courses: <BookOutlined />,
  myProjects: <ProjectOutlined />,
  myExams: <FormOutlined />,
  myLearning: <ReadOutlined />,
  me: <UserOutlined />,
};

/** The phone layout of employees and students: a slim top bar, the page, a bottom tab bar. */
export default function MobileLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  // The tab bar is the role's phone menu (workbenches.ts).
  const tabs = workbenches[useActor().activeMembership.role].menu.map((item) => ({ path: item.path, label: t(`nav.${item.key}`), icon: icons[item.key] }));
  return (
    <div style={{ minHeight: '100vh', display: 'flex', flexDirection: 'column', background: '#f5f5f5', maxWidth: 640, margin: '0 auto' }}>
      <header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', padding: '8px 12px', background: '#1f5fbf' }}>
        <Space>
          <Typography.Text strong style={{ color: '#fff', fontSize: 17 }}>
            {t('app.name')}
          </Typography.Text>
          <DemoBadge />
        </Space>
        <span style={{ filter: 'invert(1)' }}>
          <LanguageSwitch signedIn />
        </span>
      </header>
      <main style={{ flex: 1, padding: 12, paddingBottom: 72 }}>
        <Suspense fallback={<Spin />}>
          <Outlet />
        </Suspense>
      </main>
      <nav style={{ position: 'fixed', bottom: 0, left: 0, right: 0, display: 'flex', background: '#fff', borderTop: '1px solid #e8e8e8', maxWidth: 640, margin: '0 auto' }}>
        {tabs.map((tab) => {
          const active = tab.path === '/m' ? location.pathname === '/m' : location.pathname.startsWith(tab.path);
          return (
            <Link key={tab.path} to={tab.path} style={{ flex: 1, textAlign: 'center', padding: '8px 0', color: active ? '#1f5fbf' : '#666', fontSize: 12 }}>
              <div style={{ fontSize: 20 }}>{tab.icon}</div>
              {tab.label}
            </Link>
          );
        })}
      </nav>
    </div>
  );
}
