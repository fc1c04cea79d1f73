import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  attendanceParams,
  checkInRequest,
  checkInResult,
  checkInToken,
  correctAttendanceRequest,
  learnerNotification,
  learnerNotificationList,
  myProjectDetail,
  myProjectList,
  offlineSessionList,
  registrationResult,
  sessionRoster as sessionRosterContract,
  stageParams,
  submitPracticalRequest,
  uuidParam,
} from '@fulcrum/shared';
import { authorize } from '../../../lib/authorize.ts';
import { ctxOf, typed, type ModuleDeps } from '../../../lib/http.ts';
import { checkIn, correctAttendance, currentToken, sessionRoster } from './check-in.ts';
import { myProject, myProjects } from './learner.ts';
import { myNotifications, readNotification } from './notifications.ts';
import { projectPolicy } from './policy.ts';
import { submitPractical } from './practical.ts';
import { mySessions } from './queries.ts';
import { cancelRegistration, register } from './registrations.ts';

const sessionTags = ['training project sessions'];
const learnerTags = ['my training projects'];

/** Running sessions (instructors), and the learner's side: my projects, seats, check-in, hand-ins, notifications. */
export const sessionRoutes = (deps: ModuleDeps, publicUrl: string) => async (instance: FastifyInstance) => {
  const app = typed(instance);
  const ctx = (request: Parameters<typeof ctxOf>[0]) => ctxOf(request, deps);

  app.get(
    '/learning/sessions',
    { schema: { tags: sessionTags, summary: 'Sessions I teach (managers: all of the organisation’s); upcoming=true hides ended ones', querystring: z.strictObject({ upcoming: z.enum(['true', 'false']).optional() }), response: { 200: offlineSessionList } } },
    async (request) => {
      const c = ctx(request);
      authorize(c.actor, projectPolicy, 'teach');
      return { items: await mySessions(c.db, c.actor, request.query.upcoming === 'true' ? c.clock.now() : null) };
    },
  );
  app.get('/learning/sessions/:id', { schema: { tags: sessionTags, summary: 'A session’s roster with attendance', params: uuidParam, response: { 200: sessionRosterContract } } }, (request) =>
    sessionRoster(ctx(request), request.params.id),
  );
  app.get('/learning/sessions/:id/check-in-token', { schema: { tags: sessionTags, summary: 'The current rotating check-in token and the URL its QR code encodes', params: uuidParam, response: { 200: checkInToken } } }, (request) =>
    currentToken(ctx(request), publicUrl, request.params.id),
  );
  app.post(
    '/learning/sessions/:id/attendance/:personId',
    { schema: { tags: sessionTags, summary: 'Correct a registered person’s attendance, with a note (audited)', params: attendanceParams, body: correctAttendanceRequest, response: { 200: sessionRosterContract } } },
    (request) => correctAttendance(ctx(request), publicUrl, request.params.id, request.params.personId, request.body),
  );
  app.post('/learning/sessions/:id/register', { schema: { tags: learnerTags, summary: 'Take a seat, or a place on the waitlist when full', params: uuidParam, response: { 200: registrationResult } } }, (request) =>
    register(ctx(request), request.params.id),
  );
  app.post('/learning/sessions/:id/cancel-registration', { schema: { tags: learnerTags, summary: 'Give up my seat or place (the first waitlisted takes a freed seat)', params: uuidParam, response: { 200: registrationResult } } }, (request) =>
    cancelRegistration(ctx(request), request.params.id),
  );
  app.post('/learning/check-in', { schema: { tags: learnerTags, summary: 'Check in with a scanned token (a second scan answers the first check-in)', body: checkInRequest, response: { 200: checkInResult } } }, (request) =>
    checkIn(ctx(request), publicUrl, request.body.token),
  );
  app.get('/learning/my/projects', { schema: { tags: learnerTags, summary: 'My projects with progress and the next due date', response: { 200: myProjectList } } }, (request) =>
    myProjects(ctx(request)),
  );
  app.get('/learning/my/projects/:id', { schema: { tags: learnerTags, summary: 'One of my projects, stage by stage', params: uuidParam, response: { 200: myProjectDetail } } }, (request) =>
    myProject(ctx(request), request.params.id),
  );
  app.post(
    '/learning/my/projects/:id/stages/:stageId/submission',
    {
      schema: {
        tags: learnerTags,
        summary: 'Hand in a practical task (again after a fail)',
        params: stageParams,
        body: submitPracticalRequest,
        response: { 200: z.object({ stageId: z.uuid(), status: z.literal('submitted'), submittedAt: z.string() }) },
      },
    },
    (request) => submitPractical(ctx(request), request.params.id, request.params.stageId, request.body),
  );
  app.get('/learning/notifications', { schema: { tags: learnerTags, summary: 'My notifications (latest 50) and the unread count', response: { 200: learnerNotificationList } } }, (request) =>
    myNotifications(ctx(request)),
  );
  app.post('/learning/notifications/:id/read', { schema: { tags: learnerTags, summary: 'Mark a notification read', params: uuidParam, response: { 200: learnerNotification } } }, (request) =>
    readNotification(ctx(request), request.params.id),
  );
};
