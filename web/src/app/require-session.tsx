import { useEffect } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { Spin } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, setUnauthenticatedHandler } from '../lib/api.ts';
import { useSession } from '../lib/session.ts';
import { applyLocale } from '../i18n/index.ts';
import { homeOf, workbenches } from './workbenches.ts';

export const loginPath = (next: string, expired: boolean) => `/login?next=${encodeURIComponent(next)}${expired ? '&expired=1' : ''}`;

/** Lets a page render only with a session of the right kind; otherwise sends the user to sign in and then back here. */
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
  if (session.error) {
    const expired = session.error instanceof ApiError && session.error.code === 'SESSION_EXPIRED';
    return <Navigate to={loginPath(here, expired)} replace />;
  }
  const role = session.data.activeMembership.role;
  if (workbenches[role].kind !== kind) return <Navigate to={homeOf(role)} replace />;
  return <Outlet />;
}
