import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  changePasswordRequest,
  loginRequest,
  preferencesRequest,
  person,
  sessionResponse,
  switchMembershipRequest,
} from '@fulcrum/shared';
import { actorOf, ctxOf, typed, type ModuleDeps } from '../../lib/http.ts';
import { AppError } from '../../lib/errors.ts';
import { ABSOLUTE_TIMEOUT_MS, deleteSession, hashToken, SESSION_COOKIE } from './sessions.ts';
import { changePassword, login, ownProfile, sessionView, setLocale, switchMembership } from './service.ts';

const tags = ['auth'];

/** The session the authentication hook resolved for this (signed-in) request. */
function sessionOf(request: FastifyRequest) {
  if (!request.session) throw new AppError('UNAUTHENTICATED', 'not signed in');
  return request.session;
}
const ok = z.object({ ok: z.literal(true) });

function setSessionCookie(reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: 'auto',
    path: '/',
    maxAge: ABSOLUTE_TIMEOUT_MS / 1000,
  });
}

export const authRoutes = (deps: ModuleDeps, loginRatePerMinute: number) => async (instance: FastifyInstance) => {
  const app = typed(instance);
  const { db } = deps.database;

  app.post(
    '/auth/login',
    {
      config: { public: true, rateLimit: { max: loginRatePerMinute, timeWindow: '1 minute' } },
      schema: { tags, summary: 'Sign in', body: loginRequest, response: { 200: sessionResponse } },
    },
    async (request, reply) => {
      const meta = { requestId: request.id, ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
      const { token, view } = await login(db, deps.clock, request.body, meta);
      setSessionCookie(reply, token);
      return view;
    },
  );

  app.post('/auth/logout', { config: { public: true }, schema: { tags, summary: 'Sign out', response: { 200: ok } } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await deleteSession(db, hashToken(token));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get('/auth/session', { schema: { tags, summary: 'The signed-in user and active membership', response: { 200: sessionResponse } } }, async (request) => {
    const actor = actorOf(request);
    const session = sessionOf(request);
    return sessionView(db, actor.userId, actor.membershipId, session.lastSeenAt, session.absoluteExpiresAt);
  });

  app.get(
    '/auth/profile',
    { schema: { tags, summary: 'Your own person record and employments', response: { 200: z.object({ person: person.nullable() }) } } },
    (request) => ownProfile(db, actorOf(request).userId),
  );

  app.post(
    '/auth/switch-membership',
    { schema: { tags, summary: 'Act through another of your memberships', body: switchMembershipRequest, response: { 200: sessionResponse } } },
    async (request) => {
      const actor = actorOf(request);
      const session = sessionOf(request);
      await switchMembership(db, actor, session.tokenHash, request.body.membershipId);
      return sessionView(db, actor.userId, request.body.membershipId, session.lastSeenAt, session.absoluteExpiresAt);
    },
  );

  app.post(
    '/auth/change-password',
    { schema: { tags, summary: 'Change your password (signs out your other sessions)', body: changePasswordRequest, response: { 200: ok } } },
    async (request) => {
      await changePassword(ctxOf(request, deps), sessionOf(request).tokenHash, request.body);
      return { ok: true as const };
    },
  );

  app.put(
    '/auth/preferences',
    { schema: { tags, summary: 'Remember your language', body: preferencesRequest, response: { 200: ok } } },
    async (request) => {
      await setLocale(ctxOf(request, deps), request.body.locale);
      return { ok: true as const };
    },
  );
};
