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
  // --- centre operations and resource matching ---
  { path: 'my-training-centre/:tab?', ...page(() => import('../features/centre-operations/pages/my-training-centre-page.tsx')) },
  { path: 'annual-reviews', ...page(() => import('../features/centre-operations/pages/annual-reviews-page.tsx')) },
  { path: 'training-needs', ...page(() => import('../features/matching/pages/training-needs-page.tsx')) },
  { path: 'training-needs/:id', ...page(() => import('../features/matching/pages/training-need-detail-page.tsx')) },
  { path: 'matching', ...page(() => import('../features/matching/pages/matching-board-page.tsx')) },
  // --- training-centre certification ---
  { path: 'training-centre/application', ...page(() => import('../features/training-centres/pages/application-page.tsx')) },
  { path: 'training-centre-applications', ...page(() => import('../features/training-centres/pages/review-queue-page.tsx')) },
  { path: 'training-centre-applications/:id', ...page(() => import('../features/training-centres/pages/review-detail-page.tsx')) },
  { path: 'selection-batches', ...page(() => import('../features/training-centres/pages/batch-list-page.tsx')) },
  { path: 'selection-batches/:id', ...page(() => import('../features/training-centres/pages/batch-detail-page.tsx')) },
  { path: 'training-centres', ...page(() => import('../features/training-centres/pages/centre-list-page.tsx')) },
  { path: 'training-centres/:id', ...page(() => import('../features/training-centres/pages/centre-detail-page.tsx')) },
  // --- apprenticeship classes and subsidies ---
  { path: 'apprenticeship-classes', ...page(() => import('../features/apprenticeships/pages/class-list-page.tsx')) },
  { path: 'apprenticeship-classes/new', ...page(() => import('../features/apprenticeships/pages/class-form-page.tsx')) },
  { path: 'apprenticeship-classes/:id/edit', ...page(() => import('../features/apprenticeships/pages/class-form-page.tsx')) },
  { path: 'apprenticeship-classes/:id/:tab?', ...page(() => import('../features/apprenticeships/pages/class-detail-page.tsx')) },
  { path: 'subsidy-claims', ...page(() => import('../features/subsidy-claims/pages/claim-queue-page.tsx')) },
  { path: 'subsidy-claims/:id', ...page(() => import('../features/subsidy-claims/pages/claim-detail-page.tsx')) },
  { path: 'subsidy-policies', ...page(() => import('../features/subsidy-finance/pages/policy-page.tsx')) },
  { path: 'subsidy-ledger', ...page(() => import('../features/subsidy-finance/pages/ledger-page.tsx')) },
  { path: 'subsidy-statistics', ...page(() => import('../features/subsidy-finance/pages/statistics-page.tsx')) },
  // --- public notices and the working-day calendar ---
  { path: 'notices', ...page(() => import('../features/notices/pages/notice-list-page.tsx')) },
  { path: 'notices/:id', ...page(() => import('../features/notices/pages/notice-detail-page.tsx')) },
  { path: 'calendar', ...page(() => import('../features/calendar/pages/calendar-page.tsx')) },
  // --- learning record store ---
  { path: 'learning-records/:tab?', ...page(() => import('../features/learning-records/pages/learning-records-page.tsx')) },
  // --- learning platform ---
  { path: 'learning/catalogue/:tab?', ...page(() => import('../features/learning-catalogue/pages/catalogue-page.tsx')) },
  { path: 'learning/courses/:id', ...page(() => import('../features/learning-catalogue/pages/course-editor-page.tsx')) },
  { path: 'learning/study-time', ...page(() => import('../features/study-time/pages/study-review-page.tsx')) },
  { path: 'learning/projects', ...page(() => import('../features/training-projects/pages/project-list-page.tsx')) },
  { path: 'learning/projects/:id/:tab?', ...page(() => import('../features/training-projects/pages/project-detail-page.tsx')) },
  { path: 'learning/sessions', ...page(() => import('../features/training-projects/pages/my-sessions-page.tsx')) },
  { path: 'learning/sessions/:id', ...page(() => import('../features/training-projects/pages/session-roster-page.tsx')) },
  { path: 'learning/exams/:tab?', ...page(() => import('../features/exams/pages/exam-admin-page.tsx')) },
  { path: 'learning/exam/:id/:tab?', ...page(() => import('../features/exams/pages/exam-detail-page.tsx')) },
  { path: 'learning/certificates/:tab?', ...page(() => import('../features/learning-certificates/pages/certificate-admin-page.tsx')) },
  { path: 'learning/reports/:tab?', ...page(() => import('../features/learning-reports/pages/reports-page.tsx')) },
  { path: 'learning/heatmap', ...page(() => import('../features/coach/pages/heatmap-page.tsx')) },
  { path: 'account/password', ...page(() => import('../features/auth/pages/change-password-page.tsx')) },
];

const mobileRoutes: RouteObject[] = [
  { index: true, ...page(() => import('../features/home/pages/mobile-home-page.tsx')) },
  { path: 'me', ...page(() => import('../features/home/pages/mobile-me-page.tsx')) },
  { path: 'learning', ...page(() => import('../features/learning-records/pages/my-learning-page.tsx')) },
  { path: 'courses', ...page(() => import('../features/learning-catalogue/pages/mobile-catalogue-page.tsx')) },
  { path: 'courses/:id', ...page(() => import('../features/learning-catalogue/pages/mobile-course-page.tsx')) },
  { path: 'lessons/:id', ...page(() => import('../features/study-time/pages/lesson-player-page.tsx')) },
  { path: 'projects', ...page(() => import('../features/training-projects/pages/mobile-projects-page.tsx')) },
  { path: 'projects/:id', ...page(() => import('../features/training-projects/pages/mobile-project-page.tsx')) },
  { path: 'check-in', ...page(() => import('../features/training-projects/pages/check-in-page.tsx')) },
  { path: 'exams', ...page(() => import('../features/exams/pages/mobile-exams-page.tsx')) },
  { path: 'exams/:id', ...page(() => import('../features/exams/pages/mobile-exam-page.tsx')) },
  { path: 'certificates', ...page(() => import('../features/learning-certificates/pages/mobile-certificates-page.tsx')) },
  { path: 'competencies', ...page(() => import('../features/coach/pages/my-competencies-page.tsx')) },
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
  // Pages anyone may open without signing in, in the public layout: add further public pages to this group's children.
  {
    path: '/public',
    errorElement: <RouteError />,
    ...page(() => import('./layouts/public-layout.tsx')),
    children: [
      { path: 'notices', ...page(() => import('../features/notices/pages/public-notice-list-page.tsx')) },
      { path: 'notices/:id', ...page(() => import('../features/notices/pages/public-notice-page.tsx')) },
      // A learning certificate's QR code opens its verification page.
      { path: 'learning-certificates/:code', ...page(() => import('../features/learning-certificates/pages/public-certificate-page.tsx')) },
      // Certificate verification: the QR code on a training centre's certificate opens it.
      { path: 'training-centres/:certificateNo?', ...page(() => import('../features/training-centres/pages/public-centre-page.tsx')) },
    ],
  },
  // A notice laid out for an A4 notice board (no sign-in: it prints what the public page shows), with a QR code to it.
  { path: '/print/notices/:id', errorElement: <RouteError />, ...page(() => import('../features/notices/pages/print-notice-page.tsx')) },
  // The printable certificate: signed in, outside the console layout (A4, nothing but the certificate).
  {
    path: '/print/training-centres/:id',
    errorElement: <RouteError />,
    element: <RequireSession kind="console" />,
    children: [{ index: true, ...page(() => import('../features/training-centres/pages/certificate-print-page.tsx')) }],
  },
  // The disbursement ledger laid out for print (signed in: the ledger is not public).
  {
    path: '/print/subsidy-ledger',
    errorElement: <RouteError />,
    element: <RequireSession kind="console" />,
    children: [{ index: true, ...page(() => import('../features/subsidy-finance/pages/ledger-print-page.tsx')) }],
  },
  { path: '/', element: <HomeRedirect /> },
  { path: '*', element: <Navigate to="/" replace /> },
]);
