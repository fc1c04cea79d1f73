import { eq } from 'drizzle-orm';
import type {
  AddWorkingDaysResult,
  CalendarDayKind,
  CalendarDayStatus,
  CalendarOverride,
  CalendarYear,
  SetCalendarOverrideRequest,
  WorkingDaysResult,
} from '@fulcrum/shared';
import type { Db } from '../../db/client.ts';
import { calendarOverrides } from '../../db/schema/index.ts';
import { recordAudit } from '../../lib/audit.ts';
import { authorize } from '../../lib/authorize.ts';
import { inTransaction, type Actor, type Ctx } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { invalidateCalendar, isCoveredByPackage, loadCalendar, packageCoverage } from '../../lib/working-days.ts';
import { calendarPolicy } from './policy.ts';

type Row = typeof calendarOverrides.$inferSelect;

export function toCalendarOverride(row: Row): CalendarOverride {
  return {
    date: row.date,
    kind: row.kind as CalendarDayKind,
    name: row.name,
    note: row.note,
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the audit trail keeps of an override (who and when are the entry's own fields). */
const audited = (o: CalendarOverride) => ({ kind: o.kind, name: o.name, note: o.note });

/** A year's holidays, adjusted working days and overrides, and whether the package covers the year at all. */
export async function calendarOfYear(db: Db, actor: Actor, year: number): Promise<CalendarYear> {
  authorize(actor, calendarPolicy, 'read');
  const calendar = await loadCalendar(db);
  return {
    year,
    coveredByPackage: isCoveredByPackage(year),
    packageYears: { first: packageCoverage.first, last: packageCoverage.last },
    packageVersion: packageCoverage.version,
    days: calendar.namedDaysOf(year),
  };
}

export async function countWorkingDays(db: Db, actor: Actor, from: string, to: string): Promise<WorkingDaysResult> {
  authorize(actor, calendarPolicy, 'read');
  const calendar = await loadCalendar(db);
  return { from, to, workingDays: calendar.workingDaysBetween(from, to) };
}

export async function addWorkingDays(db: Db, actor: Actor, date: string, days: number): Promise<AddWorkingDaysResult> {
  authorize(actor, calendarPolicy, 'read');
  const calendar = await loadCalendar(db);
  return { date, days, result: calendar.addWorkingDays(date, days) };
}

/** Makes a date a rest day or a working day, whatever the package says; every deadline computed afterwards sees it. */
export async function setOverride(ctx: Ctx, date: string, input: SetCalendarOverrideRequest): Promise<CalendarOverride> {
  authorize(ctx.actor, calendarPolicy, 'editOverrides');
  const values = { kind: input.kind, name: input.name, note: input.note ?? null };
  const result = await inTransaction(ctx, async (tx) => {
    const [existing] = await tx.db.select().from(calendarOverrides).where(eq(calendarOverrides.date, date)).for('update');
    const before = existing ? toCalendarOverride(existing) : undefined;
    if (before && before.kind === values.kind && before.name === values.name && before.note === values.note) return before;
    const [row] = await tx.db
      .insert(calendarOverrides)
      .values({ date, ...values, updatedBy: tx.actor.userId, updatedAt: tx.clock.now() })
      .onConflictDoUpdate({ target: calendarOverrides.date, set: { ...values, updatedBy: tx.actor.userId, updatedAt: tx.clock.now() } })
      .returning();
    if (!row) throw new Error('upsert returned nothing');
    const after = toCalendarOverride(row);
    await recordAudit(tx, {
      entityType: 'calendar_override',
      entityId: date,
      action: before ? 'update' : 'create',
      organisationId: null,
      before: before ? audited(before) : null,
      after: audited(after),
    });
    return after;
  });
  invalidateCalendar(ctx.db);
  return result;
}

/** Removes an override, so the package (or the weekday rule) decides the date again; returns the date's new status. */
export async function removeOverride(ctx: Ctx, date: string): Promise<CalendarDayStatus> {
  authorize(ctx.actor, calendarPolicy, 'editOverrides');
  await inTransaction(ctx, async (tx) => {
    const [row] = await tx.db.delete(calendarOverrides).where(eq(calendarOverrides.date, date)).returning();
    if (!row) throw notFound('calendar override');
    await recordAudit(tx, {
      entityType: 'calendar_override',
      entityId: date,
      action: 'remove',
      organisationId: null,
      before: audited(toCalendarOverride(row)),
      after: null,
    });
  });
  invalidateCalendar(ctx.db);
  return (await loadCalendar(ctx.db)).statusOf(date);
}
