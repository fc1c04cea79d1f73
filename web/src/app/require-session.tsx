import { useEffect } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { Spin } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { setUnauthenticatedHandler } from '../lib/api.ts';
import { useSession } from '../lib/session.ts';
import { applyLocale } from '../i18n/index.ts';
import { homeOf, workbenches } from './workbenches.ts';
import { isSignedOut, SessionError } from './session-error.tsx';

export const loginPath = (next: string, expired: boolean) => `/login?next=${encodeURIComponent(next)}${expired ? '&expired=1' : ''}`;

/**
 * Lets a page render only with a session of the right kind; when signed out (a 401) sends the user to sign in
 * and then back here. Another failure to load the session shows the error with a retry; a failed background
 * refresh of a session already loaded keeps the page.
 */
export function RequireSession({ kind }: { kind: 'console' | 'mobile' }) {
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const here = location.pathname + location.search;

  useEffect(() => {
    setUnauthenticatedHandler((error) => {
      // Several queries can fail at once; only the first sends the user to sign in.
      if (window.location.pathname.startsWith('/login')) return;
      client.clear();
      navigate(loginPath(window.location.pathname + window.location.search, error.code === 'SESSION_EXPIRED'), { replace: true });
    });
  }, [client, navigate]);
  useEffect(() => {
    if (session.data) applyLocale(session.data.user.locale);
  }, [session.data]);

  if (session.isPending) return <Spin fullscreen />;
  if (isSignedOut(session.error)) return <Navigate to={loginPath(here, session.error.code === 'SESSION_EXPIRED')} replace />;
  if (!session.data) return <SessionError error={session.error} retrying={session.isFetching} onRetry={() => void session.refetch()} />;
  const role = session.data.activeMembership.role;
  if (workbenches[role].kind !== kind) return <Navigate to={homeOf(role)} replace />;
  return <Outlet />;
}
