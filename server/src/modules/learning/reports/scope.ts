import { and, eq, type SQL } from 'drizzle-orm';
import type { ReportDates } from '@fulcrum/shared';
import { organisations } from '../../../db/schema/index.ts';
import { authorize, definePolicy, reachOf } from '../../../lib/authorize.ts';
import type { Ctx } from '../../../lib/context.ts';
import { forbidden, invalid } from '../../../lib/errors.ts';
import { addCalendarDays, shanghaiDateOf } from '../../../lib/working-days.ts';

/*
 * Who reads reports: an enterprise's admins and training managers their own organisation (with learners, costs and
 * ROI); the HRSS bureau's officers and reviewers the enterprises within their reach, as aggregates only; system
 * admins every enterprise. Employees, instructors and other departments read none.
 */
export const reportPolicy = definePolicy({
  readReports: ['system_admin', 'department_officer', 'department_reviewer', 'enterprise_admin', 'training_manager'],
  readEnterprise: ['enterprise_admin', 'training_manager'],
  writeCosts: ['enterprise_admin', 'training_manager'],
});

export interface ReportScope {
  kind: 'organisation' | 'district';
  organisationIds: string[];
}

/** The organisations a reader's reports cover; 403 for those who read no reports. */
export async function scopeOf(ctx: Ctx): Promise<ReportScope> {
  const { actor } = ctx;
  authorize(actor, reportPolicy, 'readReports');
  if (actor.role === 'enterprise_admin' || actor.role === 'training_manager') return { kind: 'organisation', organisationIds: [actor.organisationId] };
  if (actor.role !== 'system_admin' && actor.departmentKind !== 'hrss') throw forbidden('only the HRSS bureau reads the district’s learning reports');
  const reach = reachOf(actor);
  const where: SQL[] = [eq(organisations.type, 'enterprise')];
  if (reach.kind === 'region') where.push(eq(organisations.regionId, reach.regionId));
  const rows = await ctx.db.select({ id: organisations.id }).from(organisations).where(and(...where));
  return { kind: 'district', organisationIds: rows.map((r) => r.id) };
}

/** The reader's own organisation, for enterprise-only reports (learners, ROI, costs). */
export function enterpriseOf(ctx: Ctx): string {
  authorize(ctx.actor, reportPolicy, 'readEnterprise');
  return ctx.actor.organisationId;
}

/** Days of the last period by default: 90 days up to today. */
const DEFAULT_PERIOD_DAYS = 90;

/** The period and the two attainment dates, defaults filled in; 400 naming the field when they are out of order. */
export function datesOf(ctx: Ctx, query: { from?: string | undefined; to?: string | undefined; asOf?: string | undefined; compareTo?: string | undefined }): ReportDates {
  const today = shanghaiDateOf(ctx.clock.now());
  const to = query.to ?? today;
  const from = query.from ?? addCalendarDays(to, 1 - DEFAULT_PERIOD_DAYS);
  const asOf = query.asOf ?? to;
  const compareTo = query.compareTo ?? addCalendarDays(from, -1);
  if (from > to) throw invalid([{ path: 'query.from', code: 'FROM_AFTER_TO', message: 'the period must start on or before its last day' }]);
  if (compareTo > asOf) throw invalid([{ path: 'query.compareTo', code: 'COMPARE_AFTER_AS_OF', message: 'compare with a date on or before asOf' }]);
  return { from, to, asOf, compareTo };
}
