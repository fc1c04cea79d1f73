import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createUserRequest, grantMembershipRequest, listUsersQuery, roleLabels, user, userPage, uuidParam, type User } from '@fulcrum/shared';
import { ctxOf, sendList, typed, type ModuleDeps } from '../../lib/http.ts';
import type { Column } from '../../lib/xlsx.ts';
import { createUser, grantMembership, listUsers, revokeMembership, unlockUser } from './service.ts';

const tags = ['users'];

const columns = (locale: 'zh-CN' | 'en-US'): Column<User>[] => [
  { zh: '用户名', en: 'Username', value: (u) => u.username },
  { zh: '姓名', en: 'Display name', value: (u) => u.displayName },
  { zh: '角色', en: 'Roles', width: 40, value: (u) => u.memberships.map((m) => `${m.organisationName}·${roleLabels[m.role][locale]}`).join('；') },
  { zh: '锁定至', en: 'Locked until', value: (u) => u.lockedUntil },
  { zh: '创建时间', en: 'Created', width: 22, value: (u) => u.createdAt },
];

export const userRoutes = (deps: ModuleDeps) => async (instance: FastifyInstance) => {
  const app = typed(instance);

  app.get('/users', { schema: { tags, summary: 'Accounts you manage; format=xlsx exports them', querystring: listUsersQuery, response: { 200: userPage } } }, async (request, reply) => {
    const ctx = ctxOf(request, deps);
    const page = await listUsers(ctx, request.query);
    return sendList(reply, request.query.format, page, { name: 'users', filename: '账号', columns: columns(ctx.actor.locale), locale: ctx.actor.locale });
  });

  app.post('/users', { schema: { tags, summary: 'Create an account with its memberships', body: createUserRequest, response: { 201: user } } }, async (request, reply) =>
    reply.status(201).send(await createUser(ctxOf(request, deps), request.body)),
  );

  app.post(
    '/users/:id/memberships',
    { schema: { tags, summary: 'Grant a role in an organisation', params: uuidParam, body: grantMembershipRequest, response: { 200: user } } },
    (request) => grantMembership(ctxOf(request, deps), request.params.id, request.body),
  );

  app.post('/users/:id/unlock', { schema: { tags, summary: 'Lift a failed-login lock', params: uuidParam, response: { 200: user } } }, (request) =>
    unlockUser(ctxOf(request, deps), request.params.id),
  );

  app.post(
    '/memberships/:id/revoke',
    { schema: { tags, summary: 'Revoke a membership', params: uuidParam, response: { 200: z.object({ ok: z.literal(true) }) } } },
    async (request) => {
      await revokeMembership(ctxOf(request, deps), request.params.id);
      return { ok: true as const };
    },
  );
};
