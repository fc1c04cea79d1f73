import { Navigate } from 'react-router';
import { Spin } from 'antd';
import { useSession } from '../lib/session.ts';
import { homeOf } from './workbenches.ts';

/** `/` goes to the signed-in user's workbench, or to sign-in. */
export function HomeRedirect() {
  const session = useSession();
  if (session.isPending) return <Spin fullscreen />;
  if (!session.data) return <Navigate to="/login" replace />;
  return <Navigate to={homeOf(session.data.activeMembership.role)} replace />;
}
