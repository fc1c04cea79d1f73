import { Navigate } from 'react-router';
import { Spin } from 'antd';
import { useSession } from '../lib/session.ts';
import { homeOf } from './workbenches.ts';
import { isSignedOut, SessionError } from './session-error.tsx';

/** `/` goes to the signed-in user's workbench, or to sign-in when signed out (a 401); any other failure shows the error with a retry. */
export function HomeRedirect() {
  const session = useSession();
  if (session.isPending) return <Spin fullscreen />;
  if (isSignedOut(session.error)) return <Navigate to="/login" replace />;
  if (!session.data) return <SessionError error={session.error} retrying={session.isFetching} onRetry={() => void session.refetch()} />;
  return <Navigate to={homeOf(session.data.activeMembership.role)} replace />;
}
