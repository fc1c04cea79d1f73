import { App, Button, Tag } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { SessionResponse } from '@fulcrum/shared';
import { api } from '../lib/api.ts';
import { errorText } from '../lib/forms.ts';
import { applyLocale } from '../i18n/index.ts';
import { sessionKey, useLocale, useSystemInfo } from '../lib/session.ts';

/** "Demo data" while the demo district is loaded. */
export function DemoBadge() {
  const { t } = useTranslation();
  const info = useSystemInfo();
  return info.data?.demo ? (
    <Tag color="orange" data-testid="demo-badge">
      {t('app.demoBadge')}
    </Tag>
  ) : null;
}

/** Switches between Chinese and English; remembered for the user on the server and on this device. */
export function LanguageSwitch({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const locale = useLocale();
  const client = useQueryClient();
  const next = locale === 'zh-CN' ? 'en-US' : 'zh-CN';
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      data-testid="language-switch"
      onClick={async () => {
        applyLocale(next);
        if (!signedIn) return;
        try {
          await api.put('/auth/preferences', { locale: next });
          client.setQueryData<SessionResponse>(sessionKey, (s) => (s ? { ...s, user: { ...s.user, locale: next } } : s));
        } catch (e) {
          // The language has changed on this device; only remembering it for the account failed.
          void message.error(errorText(t, e));
        }
      }}
    >
      {t('header.language')}
    </Button>
  );
}

