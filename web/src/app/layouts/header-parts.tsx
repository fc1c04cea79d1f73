export { DemoBadge, LanguageSwitch } from '../../components/locale-and-demo.tsx';
import { App, Button, Dropdown, Space } from 'antd';
import { DownOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { roleLabels, type SessionResponse } from '@fulcrum/shared';
import { api, ApiError } from '../../lib/api.ts';
import { errorText } from '../../lib/forms.ts';
import { sessionKey, useActor, useLocale } from '../../lib/session.ts';
import { homeOf } from '../workbenches.ts';

/** The organisation and role the user acts as, with a switch to their other memberships. */
export function MembershipSwitcher({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useActor();
  const locale = useLocale();
  const client = useQueryClient();
  const navigate = useNavigate();
  const label = (m: SessionResponse['activeMembership']) => `${m.organisationName} · ${roleLabels[m.role][locale]}`;
  const active = session.activeMembership;
  if (session.memberships.length < 2) {
    return (
      <span
        data-testid="membership-label"
        style={{ color: 'rgba(0,0,0,0.45)', display: 'inline-block', maxWidth: compact ? 160 : 360, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', verticalAlign: 'middle', lineHeight: 1.5 }}
      >
        {label(active)}
      </span>
    );
  }
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectedKeys: [active.id],
        items: session.memberships.map((m) => ({ key: m.id, label: label(m) })),
        onClick: async ({ key }) => {
          let next: SessionResponse;
          try {
            next = await api.post<SessionResponse>('/auth/switch-membership', { membershipId: key });
          } catch (e) {
            void message.error(errorText(t, e));
            return;
          }
          client.clear();
          client.setQueryData(sessionKey, next);
          navigate(homeOf(next.activeMembership.role));
        },
      }}
    >
      <Button type="text" data-testid="membership-switcher">
        <Space>
          <span style={{ maxWidth: compact ? 160 : 360, overflow: 'hidden', textOverflow: 'ellipsis', display: 'inline-block', verticalAlign: 'bottom' }}>
            {label(active)}
          </span>
          <DownOutlined />
        </Space>
      </Button>
    </Dropdown>
  );
}

/**
 * Signs out: whatever the server answers, the cache is cleared and the user goes to sign in. A failure is
 * reported (other than a 401: that session had already ended).
 */
export function useLogout() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  return async () => {
    try {
      await api.post('/auth/logout');
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) void message.error(errorText(t, e));
    }
    client.clear();
    navigate('/login', { replace: true });
  };
}

/** The user's name with change-password and sign-out. */
export function UserMenu({ passwordPath }: { passwordPath: string }) {
  const { t } = useTranslation();
  const session = useActor();
  const navigate = useNavigate();
  const logout = useLogout();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'password', label: t('header.changePassword') },
          { key: 'logout', label: t('header.logout'), danger: true },
        ],
        onClick: async ({ key }) => {
          if (key === 'password') navigate(passwordPath);
          if (key === 'logout') await logout();
        },
      }}
    >
      <Button type="text" icon={<UserOutlined />} data-testid="user-menu">
        {session.user.displayName}
      </Button>
    </Dropdown>
  );
}
