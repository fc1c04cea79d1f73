import { Navigate, createBrowserRouter, type RouteObject } from 'react-router';
import { RequireSession } from './require-session.tsx';
import { HomeRedirect } from './home-redirect.tsx';
import { RouteError } from '../components/route-error.tsx';

/** A route whose page is a separate chunk, loaded when first visited. */
const page = (load: () => Promise<{ default: React.ComponentType }>) => ({ lazy: async () => ({ Component: (await load()).default }) });

const consoleRoutes: RouteObject[] = [
  { index: true, ...page(() => import('../features/home/pages/console-home-page.tsx')) },
  { path: 'enterprises', ...page(() => import('../features/organisations/pages/enterprise-list-page.tsx')) },
  { path: 'enterprises/:id', ...page(() => import('../features/organisations/pages/organisation-detail-page.tsx')) },
  { path: 'organisations', ...page(() => import('../features/organisations/pages/organisation-list-page.tsx')) },
  { path: 'organisations/:id', ...page(() => import('../features/organisations/pages/organisation-detail-page.tsx')) },
  { path: 'my-organisation', ...page(() => import('../features/organisations/pages/my-organisation-page.tsx')) },
  { path: 'people', ...page(() => import('../features/people/pages/people-list-page.tsx')) },
  { path: 'people/:id', ...page(() => import('../features/people/pages/person-detail-page.tsx')) },
  { path: 'employees', ...page(() => import('../features/people/pages/employees-page.tsx')) },
  { path: 'employees/import', ...page(() => import('../features/people/pages/employee-import-page.tsx')) },
  { path: 'users', ...page(() => import('../features/users/pages/users-page.tsx')) },
  { path: 'audit', ...page(() => import('../features/audit/pages/audit-page.tsx')) },
  { path: 'account/password', ...page(() => import('../features/auth/pages/change-password-page.tsx')) },
];

const mobileRoutes: RouteObject[] = [
  { index: true, ...page(() => import('../features/home/pages/mobile-home-page.tsx')) },
  { path: 'me', ...page(() => import('../features/home/pages/mobile-me-page.tsx')) },
  { path: 'account/password', ...page(() => import('../features/auth/pages/change-password-page.tsx')) },
];

export const router = createBrowserRouter([
  { path: '/login', errorElement: <RouteError />, ...page(() => import('../features/auth/pages/login-page.tsx')) },
  {
    path: '/console',
    errorElement: <RouteError />,
    element: <RequireSession kind="console" />,
    children: [{ ...page(() => import('./layouts/console-layout.tsx')), children: consoleRoutes }],
  },
  {
    path: '/m',
    errorElement: <RouteError />,
    element: <RequireSession kind="mobile" />,
    children: [{ ...page(() => import('./layouts/mobile-layout.tsx')), children: mobileRoutes }],
  },
  { path: '/', element: <HomeRedirect /> },
  { path: '*', element: <Navigate to="/" replace /> },
]);
