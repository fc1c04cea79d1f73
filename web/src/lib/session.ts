import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Locale, SessionResponse } from '@fulcrum/shared';
import { api } from './api.ts';

export const sessionKey = ['session'] as const;

/** The signed-in user and the membership they act through; an ApiError 401 when signed out. */
export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: () => api.get<SessionResponse>('/auth/session'), retry: false, staleTime: 60_000 });
}

/** The session of a page inside a workbench (the layout only renders once it is loaded). */
export function useActor(): SessionResponse {
  const { data } = useSession();
  if (!data) throw new Error('useActor outside a signed-in layout');
  return data;
}

export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
}

export interface SystemInfo {
  demo: boolean;
  demoAccounts?: { username: string; role: string; organisationName: string }[];
}

/** Public facts about this installation (whether the demo district is loaded). */
export function useSystemInfo() {
  return useQuery({ queryKey: ['system-info'], queryFn: () => api.get<SystemInfo>('/system/info'), staleTime: 5 * 60_000 });
}

export function useRefreshSession() {
  const client = useQueryClient();
  return (session?: SessionResponse) => {
    if (session) client.setQueryData(sessionKey, session);
    else void client.invalidateQueries({ queryKey: sessionKey });
  };
}
