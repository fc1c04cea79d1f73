import type { FastifyInstance } from 'fastify';
import { and, desc, asc, eq, gte, lt } from 'drizzle-orm';
import { auditPage, listAuditQuery, type AuditEntry } from '@fulcrum/shared';
import { auditLog, users } from '../../db/schema/index.ts';
import { authorize, reachOf } from '../../lib/authorize.ts';
import { ctxOf, sendList, typed, type ModuleDeps } from '../../lib/http.ts';
import { countAll, paginate } from '../../lib/list.ts';
import type { Column } from '../../lib/xlsx.ts';
import { auditPolicy } from './policy.ts';

const columns: Column<AuditEntry>[] = [
  { zh: '时间', en: 'Time', width: 26, value: (e) => e.at },
  { zh: '操作人', en: 'Actor', value: (e) => e.actorName },
  { zh: '角色', en: 'Role', value: (e) => e.actorRole },
  { zh: '对象类型', en: 'Entity type', value: (e) => e.entityType },
  { zh: '对象', en: 'Entity', width: 38, value: (e) => e.entityId },
  { zh: '操作', en: 'Action', value: (e) => e.action },
  { zh: '变更前', en: 'Before', width: 40, value: (e) => (e.before === null ? '' : JSON.stringify(e.before)) },
  { zh: '变更后', en: 'After', width: 40, value: (e) => (e.after === null ? '' : JSON.stringify(e.after)) },
  { zh: '请求号', en: 'Request id', width: 38, value: (e) => e.requestId },
];

/** The audit trail viewer: filters, newest first, xlsx export. There is no route that changes it. */
export const auditRoutes = (deps: ModuleDeps) => async (instance: FastifyInstance) => {
  const app = typed(instance);
  app.get('/audit', { schema: { tags: ['audit'], summary: 'The audit trail within your reach', querystring: listAuditQuery, response: { 200: auditPage } } }, async (request, reply) => {
    const ctx = ctxOf(request, deps);
    authorize(ctx.actor, auditPolicy, 'read');
    const q = request.query;
    const reach = reachOf(ctx.actor);
    const where = and(
      reach.kind === 'region' ? eq(auditLog.regionId, reach.regionId) : reach.kind === 'organisation' ? eq(auditLog.organisationId, reach.organisationId) : undefined,
      q.entityType ? eq(auditLog.entityType, q.entityType) : undefined,
      q.entityId ? eq(auditLog.entityId, q.entityId) : undefined,
      q.action ? eq(auditLog.action, q.action) : undefined,
      q.actorUserId ? eq(auditLog.actorUserId, q.actorUserId) : undefined,
      q.organisationId ? eq(auditLog.organisationId, q.organisationId) : undefined,
      q.from ? gte(auditLog.at, new Date(q.from)) : undefined,
      q.to ? lt(auditLog.at, new Date(q.to)) : undefined,
    );
    const page = await paginate(
      ctx.db
        .select({ entry: auditLog, actorName: users.displayName })
        .from(auditLog)
        .leftJoin(users, eq(users.id, auditLog.actorUserId))
        .where(where)
        .orderBy(q.sort === 'at' ? asc(auditLog.at) : desc(auditLog.at), q.sort === 'at' ? asc(auditLog.id) : desc(auditLog.id))
        .$dynamic(),
      ctx.db.select(countAll()).from(auditLog).where(where),
      q,
      ({ entry, actorName }): AuditEntry => ({
        id: String(entry.id),
        at: entry.at.toISOString(),
        actorUserId: entry.actorUserId,
        actorName,
        actorRole: entry.actorRole,
        organisationId: entry.organisationId,
        entityType: entry.entityType,
        entityId: entry.entityId,
        action: entry.action,
        before: entry.before,
        after: entry.after,
        requestId: entry.requestId,
      }),
    );
    return sendList(reply, q.format, page, { name: 'audit', filename: '审计日志', columns, locale: ctx.actor.locale });
  });
};
