import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { LearnerNotification, LearnerNotificationList } from '@fulcrum/shared';
import type { Db } from '../../../db/client.ts';
import { notifications } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { notFound } from '../../../lib/errors.ts';
import { chunks, INSERT_CHUNK } from '../../../lib/list.ts';
import { personOfUser } from './queries.ts';

/*
 * In-app notifications of a learner. Each has a dedupe key unique per person, so a reminder or a promotion notice
 * written again (the job run twice, a retried request) is silently not written twice.
 */

export interface NewNotification {
  organisationId: string;
  personId: string;
  kind: string;
  dedupeKey: string;
  title: { 'zh-CN': string; 'en-US': string };
  body: { 'zh-CN': string; 'en-US': string };
  link: string | null;
}

/** Writes the notifications not written before (by person and dedupe key); answers how many are new. */
export async function notify(db: Db, now: Date, rows: NewNotification[]): Promise<number> {
  let written = 0;
  for (const chunk of chunks(rows, INSERT_CHUNK)) {
    const inserted = await db
      .insert(notifications)
      .values(chunk.map((row) => ({ ...row, createdAt: now })))
      .onConflictDoNothing()
      .returning({ id: notifications.id });
    written += inserted.length;
  }
  return written;
}

const toNotification = (row: typeof notifications.$inferSelect): LearnerNotification => ({
  id: row.id,
  kind: row.kind,
  title: row.title,
  body: row.body,
  link: row.link,
  createdAt: row.createdAt.toISOString(),
  readAt: row.readAt?.toISOString() ?? null,
});

/** The signed-in person's latest notifications and how many are unread. */
export async function myNotifications(ctx: Ctx): Promise<LearnerNotificationList> {
  const personId = await personOfUser(ctx.db, ctx.actor.userId);
  if (!personId) return { items: [], unread: 0 };
  const mine = and(eq(notifications.personId, personId), eq(notifications.organisationId, ctx.actor.organisationId));
  const [rows, [unread]] = await Promise.all([
    ctx.db.select().from(notifications).where(mine).orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(50),
    ctx.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(notifications).where(and(mine, isNull(notifications.readAt))),
  ]);
  return { items: rows.map(toNotification), unread: unread?.n ?? 0 };
}

/** Marks one of my notifications read (reading it again keeps the first time). */
export async function readNotification(ctx: Ctx, id: string): Promise<LearnerNotification> {
  const personId = await personOfUser(ctx.db, ctx.actor.userId);
  const [row] = personId
    ? await ctx.db.select().from(notifications).where(and(eq(notifications.id, id), eq(notifications.personId, personId), eq(notifications.organisationId, ctx.actor.organisationId)))
    : [];
  if (!row) throw notFound('notification');
  if (row.readAt) return toNotification(row);
  const [updated] = await ctx.db.update(notifications).set({ readAt: ctx.clock.now() }).where(eq(notifications.id, id)).returning();
  return toNotification(updated!);
}
