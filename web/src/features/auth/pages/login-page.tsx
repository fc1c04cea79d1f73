import { useState } from 'react';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { DEMO_PASSWORD, loginRequest, roleLabels, type Role, type SessionResponse } from '@fulcrum/shared';
import { api, ApiError } from '../../../lib/api.ts';
import { errorText, parseWith } from '../../../lib/forms.ts';
import { useLocale, useRefreshSession, useSystemInfo } from '../../../lib/session.ts';
import { applyLocale } from '../../../i18n/index.ts';
import { homeOf } from '../../../app/workbenches.ts';
import { DemoBadge, LanguageSwitch } from '../../../components/locale-and-demo.tsx';

// Plain sections instead of Card and List keep the first page's JavaScript small (see `npm run size`).
const panel: React.CSSProperties = { width: '100%', maxWidth: 400, background: '#fff', borderRadius: 8, padding: 24, boxSizing: 'border-box' };
const demoRow: React.CSSProperties = {
  display: 'block', width: '100%', textAlign: 'left', background: 'none', border: 'none', borderTop: '1px solid #f0f0f0', padding: '8px 4px', cursor: 'pointer',
};

/** Sign-in; afterwards back to where the user was sent from, or to their workbench. */
export default function LoginPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form] = Form.useForm();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const refresh = useRefreshSession();
  const info = useSystemInfo();
  const [error, setError] = useState<string | null>(params.get('expired') ? t('login.sessionExpired') : null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: unknown) => {
    const input = parseWith(loginRequest, values, form, t);
    if (!input) return;
    setBusy(true);
    setError(null);
    try {
      const session = await api.post<SessionResponse>('/auth/login', input);
      // Nothing cached for whoever used this tab before may show to the one signing in now.
      client.clear();
      refresh(session);
      applyLocale(session.user.locale);
      const next = params.get('next');
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : homeOf(session.activeMembership.role), { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'ACCOUNT_LOCKED' && typeof e.details?.lockedUntil === 'string') {
        setError(t('login.lockedUntil', { time: new Date(e.details.lockedUntil).toLocaleTimeString(locale) }));
      } else {
        setError(errorText(t, e));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', background: 'linear-gradient(160deg, #1f5fbf 0%, #0d2f66 100%)', display: 'flex', flexDirection: 'column', alignItems: 'center', padding: '6vh 12px' }}>
      <div style={{ width: '100%', maxWidth: 400, display: 'flex', justifyContent: 'flex-end' }}>
        <span style={{ filter: 'invert(1)' }}>
          <LanguageSwitch signedIn={false} />
        </span>
      </div>
      <Typography.Title level={2} style={{ color: '#fff', marginBottom: 0 }}>
        {t('app.name')} <DemoBadge />
      </Typography.Title>
      <Typography.Paragraph style={{ color: 'rgba(255,255,255,0.85)' }}>{t('login.subtitle')}</Typography.Paragraph>
      <section style={panel}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('login.title')}
        </Typography.Title>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="username" label={t('login.username')}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
      </section>
      {info.data?.demo && info.data.demoAccounts && (
        <section style={{ ...panel, marginTop: 16, padding: 16 }} data-testid="demo-accounts">
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('login.demoAccounts')}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t('login.demoPassword')}: <Typography.Text code copyable>{DEMO_PASSWORD}</Typography.Text>
          </Typography.Paragraph>
          {info.data.demoAccounts.map((account) => (
            <button
              key={account.username}
              type="button"
              style={demoRow}
              onClick={() => form.setFieldsValue({ username: account.username, password: DEMO_PASSWORD })}
            >
              <Typography.Text strong>{account.username}</Typography.Text>
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {roleLabels[account.role as Role]?.[locale] ?? account.role} · {account.organisationName}
              </Typography.Text>
            </button>
          ))}
        </section>
      )}
    </div>
  );
}
