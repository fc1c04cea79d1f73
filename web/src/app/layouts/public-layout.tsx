import { Suspense } from 'react';
import { Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { LanguageSwitch } from './header-parts.tsx';

/**
 * The layout of pages anyone may open without signing in (public notices, certificate verification): the product
 * name and a language switch, the page, a footer. Narrow and phone-friendly: most visitors come from a QR code.
 */
export default function PublicLayout() {
  const { t } = useTranslation();
  return (
    <div style={{ minHeight: '100vh', display: 'flex', flexDirection: 'column', background: '#f5f7fa' }}>
      <header style={{ background: '#1f5fbf' }}>
        <div style={{ maxWidth: 1080, margin: '0 auto', padding: '10px 16px', display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 12 }}>
          <Link to="/public/notices" style={{ color: '#fff', display: 'flex', alignItems: 'baseline', gap: 10, minWidth: 0 }} data-testid="public-brand">
            <span style={{ fontSize: 20, fontWeight: 600, whiteSpace: 'nowrap' }}>{t('app.name')}</span>
            <span style={{ fontSize: 13, opacity: 0.85, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{t('app.fullName').split(' · ').pop()}</span>
          </Link>
          <span style={{ filter: 'invert(1)' }}>
            <LanguageSwitch signedIn={false} />
          </span>
        </div>
      </header>
      <main style={{ flex: 1, width: '100%', maxWidth: 1080, margin: '0 auto', padding: '16px 12px 32px', boxSizing: 'border-box' }}>
        <Suspense fallback={<Spin />}>
          <Outlet />
        </Suspense>
      </main>
      <footer style={{ borderTop: '1px solid #e5e7eb', background: '#fff' }}>
        <div style={{ maxWidth: 1080, margin: '0 auto', padding: '16px', textAlign: 'center' }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('app.fullName')}
          </Typography.Text>
        </div>
      </footer>
    </div>
  );
}
