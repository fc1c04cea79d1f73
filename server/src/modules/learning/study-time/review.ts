import { and, eq, gte, lte, sql } from 'drizzle-orm';
import type { ReviewStudyFlagRequest } from '@fulcrum/shared';
import type { Db } from '../../../db/client.ts';
import { studyDays, studyFlags, studySessions, watchedRanges } from '../../../db/schema/index.ts';
import { recordAudit } from '../../../lib/audit.ts';
import { authorize } from '../../../lib/authorize.ts';
import { inTransaction, type Ctx } from '../../../lib/context.ts';
import { AppError, notFound } from '../../../lib/errors.ts';
import { studyTimePolicy } from './policy.ts';
import { voidStatements } from './statements.ts';

/*
 * A manager's review of a flag. Cleared: the time stands. Confirmed: the flagged session's credited seconds are
 * withdrawn from study_days (day by day, as they were credited), the session is ended and marked withdrawn, its
 * statements are voided (the projector recomputes study time and progress without them), and a completion reached
 * during that session is undone — its watched ranges are cleared so the lesson must be studied again.
 */

type SessionRow = typeof studySessions.$inferSelect;

/** Takes a session's time back; answers the statements to void. */
async function withdraw(db: Db, session: SessionRow, now: Date): Promise<string[]> {
  if (session.withdrawnAt) return [];
  for (const [day, seconds] of Object.entries(session.creditedByDay)) {
    await db
      .update(studyDays)
      .set({ creditedSeconds: sql`greatest(0, ${studyDays.creditedSeconds} - ${seconds})` })
      .where(and(eq(studyDays.personId, session.personId), eq(studyDays.day, day)));
  }
  await db
    .update(studySessions)
    .set({ withdrawnAt: now, status: 'ended', endedAt: session.endedAt ?? now })
    .where(eq(studySessions.id, session.id));
  await db
    .update(watchedRanges)
    .set({ ranges: [], watchedSeconds: 0, completedAt: null, updatedAt: now })
    .where(
      and(
        eq(watchedRanges.personId, session.personId),
        eq(watchedRanges.lessonId, session.lessonId),
        gte(watchedRanges.completedAt, session.startedAt),
        lte(watchedRanges.completedAt, session.endedAt ?? now),
      ),
    );
  return session.statementIds;
}

/** Reviews an open flag of the actor's organisation. */
export async function reviewFlag(ctx: Ctx, publicUrl: string, flagId: string, input: ReviewStudyFlagRequest) {
  authorize(ctx.actor, studyTimePolicy, 'reviewFlags');
  const now = ctx.clock.now();
  const { personId, voided } = await inTransaction(ctx, async (tx) => {
    const [flag] = await tx.db.select().from(studyFlags).where(and(eq(studyFlags.id, flagId), eq(studyFlags.organisationId, ctx.actor.organisationId))).for('update');
    if (!flag) throw notFound('study flag');
    if (flag.status !== 'open') throw new AppError('CONFLICT', `the flag was already ${flag.status}`, { currentStatus: flag.status });
    const [session] = flag.sessionId ? await tx.db.select().from(studySessions).where(eq(studySessions.id, flag.sessionId)) : [];
    const statementIds = input.decision === 'confirmed' && session ? await withdraw(tx.db, session, now) : [];
    await tx.db.update(studyFlags).set({ status: input.decision, reviewedBy: ctx.actor.userId, reviewedAt: now, reviewNote: input.note }).where(eq(studyFlags.id, flag.id));
    await recordAudit(tx, {
      entityType: 'study_flag',
      entityId: flag.id,
      action: input.decision === 'confirmed' ? 'confirm' : 'clear',
      organisationId: flag.organisationId,
      before: { status: flag.status },
      after: { status: input.decision, note: input.note, withdrawnSeconds: input.decision === 'confirmed' ? (session?.creditedSeconds ?? 0) : 0 },
    });
    return { personId: flag.personId, voided: statementIds };
  });
  await voidStatements({ db: ctx.db, clock: ctx.clock, publicUrl }, ctx.actor.organisationId, personId, voided);
  return flagId;
}
