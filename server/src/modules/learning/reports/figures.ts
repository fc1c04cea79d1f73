import { sql } from 'drizzle-orm';
import type { ActivityFigures, AttainmentComparison, AttainmentFigure, DailyFigure } from '@fulcrum/shared';
import type { Db } from '../../../db/client.ts';
import { endOfShanghaiDay } from '../../../lib/working-days.ts';

/*
 * The figures reports are made of, each in one query over the organisations in scope. Attainment is read from the
 * level history (the latest row at or before the end of the day); per-organisation activity from the daily rollups;
 * per-person activity from the projected tables and the exam and certificate tables, by period.
 *
 * The population of attainment (技能达标率): people with a learner profile that names a role profile, employed by the
 * organisation on that day (an employment started on or before it and not ended before it). They attain when every
 * competency their role profile requires is held at the required level or higher; a profile without requirements is
 * met by definition.
 */

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const orgArray = (ids: readonly string[]) => sql`${sql.param([...ids])}::uuid[]`;
const startOfDay = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString();
const endOfDay = (day: string) => endOfShanghaiDay(day).toISOString();

export interface PersonAttainment {
  organisationId: string;
  personId: string;
  department: string | null;
  roleProfileId: string;
  gaps: number;
}

/**
 * Every person of the population on that day, with the number of requirements they miss. Each requirement reads the
 * person's latest history row before the day ends through the (person, competency, effective_at) index; JIT is off
 * for it, since compiling the plan costs more than these thousands of small index lookups.
 */
export async function attainmentAt(db: Db, organisationIds: readonly string[], day: string): Promise<PersonAttainment[]> {
  if (!organisationIds.length) return [];
  const orgs = orgArray(organisationIds);
  const result = await db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return tx.execute(sql`
      select lp.organisation_id, lp.person_id, lp.department, lp.role_profile_id,
        count(r.competency_id) filter (where coalesce((
          select h.level from competency_level_history h
          where h.person_id = lp.person_id and h.competency_id = r.competency_id and h.organisation_id = lp.organisation_id
            and h.effective_at < ${endOfDay(day)}::timestamptz
          order by h.effective_at desc, h.id desc limit 1), 0) < r.required_level)::int as gaps
      from learner_profiles lp
      left join role_profile_requirements r on r.role_profile_id = lp.role_profile_id
      where lp.organisation_id = any(${orgs}) and lp.role_profile_id is not null
        and exists (select 1 from employments e where e.person_id = lp.person_id and e.organisation_id = lp.organisation_id
          and e.start_date <= ${day}::date and (e.end_date is null or e.end_date >= ${day}::date))
      group by lp.organisation_id, lp.person_id, lp.department, lp.role_profile_id`);
  });
  return rowsOf<{ organisation_id: string; person_id: string; department: string | null; role_profile_id: string; gaps: number }>(result).map((r) => ({
    organisationId: r.organisation_id,
    personId: r.person_id,
    department: r.department,
    roleProfileId: r.role_profile_id,
    gaps: Number(r.gaps),
  }));
}

export interface RequirementGap {
  personId: string;
  competencyId: string;
  competencyName: string;
  requiredLevel: number;
  level: number;
}

/** The requirements these people miss on that day, with the level they hold. */
export async function gapsAt(db: Db, organisationId: string, personIds: readonly string[], day: string): Promise<RequirementGap[]> {
  if (!personIds.length) return [];
  const result = await db.execute(sql`
    select lp.person_id, r.competency_id, c.name as competency_name, r.required_level, coalesce(held.level, 0)::int as level
    from learner_profiles lp
    join role_profile_requirements r on r.role_profile_id = lp.role_profile_id
    join competencies c on c.id = r.competency_id
    left join lateral (
      select h.level from competency_level_history h
      where h.person_id = lp.person_id and h.competency_id = r.competency_id and h.organisation_id = lp.organisation_id
        and h.effective_at < ${endOfDay(day)}::timestamptz
      order by h.effective_at desc, h.id desc limit 1
    ) held on true
    where lp.organisation_id = ${organisationId} and lp.person_id = any(${sql.param([...personIds])}::uuid[])
      and coalesce(held.level, 0) < r.required_level
    order by c.name`);
  return rowsOf<{ person_id: string; competency_id: string; competency_name: string; required_level: number; level: number }>(result).map((r) => ({
    personId: r.person_id,
    competencyId: r.competency_id,
    competencyName: r.competency_name,
    requiredLevel: Number(r.required_level),
    level: Number(r.level),
  }));
}

/** Learners and how many of them attain, over any group of the population. */
export function attainmentFigureOf(people: readonly Pick<PersonAttainment, 'gaps'>[]): AttainmentFigure {
  const attained = people.filter((p) => p.gaps === 0).length;
  return { learners: people.length, attained, rate: people.length ? attained / people.length : null };
}

export function comparisonOf(asOf: AttainmentFigure, compareTo: AttainmentFigure): AttainmentComparison {
  const changePoints = asOf.rate !== null && compareTo.rate !== null ? Math.round((asOf.rate - compareTo.rate) * 10_000) / 100 : null;
  return { asOf, compareTo, changePoints };
}

type Counts = Omit<ActivityFigures, 'passRate'>;
export const emptyCounts = (): Counts => ({ studySeconds: 0, completions: 0, examAttempts: 0, examPasses: 0, certificates: 0 });

export function addCounts(into: Counts, more: Counts): Counts {
  into.studySeconds += more.studySeconds;
  into.completions += more.completions;
  into.examAttempts += more.examAttempts;
  into.examPasses += more.examPasses;
  into.certificates += more.certificates;
  return into;
}

export const withPassRate = (counts: Counts): ActivityFigures => ({ ...counts, passRate: counts.examAttempts ? counts.examPasses / counts.examAttempts : null });

interface CountRow {
  key: string;
  study_seconds: string | number;
  completions: string | number;
  exam_attempts: string | number;
  exam_passes: string | number;
  certificates: string | number;
}
const countsOf = (r: CountRow): Counts => ({
  studySeconds: Number(r.study_seconds),
  completions: Number(r.completions),
  examAttempts: Number(r.exam_attempts),
  examPasses: Number(r.exam_passes),
  certificates: Number(r.certificates),
});

/** Activity per organisation over the period, from the daily rollups. */
export async function organisationActivity(db: Db, organisationIds: readonly string[], from: string, to: string): Promise<Map<string, Counts>> {
  if (!organisationIds.length) return new Map();
  const result = await db.execute(sql`
    select organisation_id as key, sum(study_seconds) as study_seconds, sum(completions) as completions, sum(exam_attempts) as exam_attempts,
      sum(exam_passes) as exam_passes, sum(certificates) as certificates
    from learning_daily_rollups
    where organisation_id = any(${orgArray(organisationIds)}) and day between ${from}::date and ${to}::date
    group by organisation_id`);
  return new Map(rowsOf<CountRow>(result).map((r) => [r.key, countsOf(r)]));
}

/** Activity per day over the period (all organisations in scope together), for the charts. */
export async function dailyActivity(db: Db, organisationIds: readonly string[], from: string, to: string): Promise<DailyFigure[]> {
  if (!organisationIds.length) return [];
  const result = await db.execute(sql`
    select day::text as key, sum(study_seconds) as study_seconds, sum(completions) as completions, sum(exam_attempts) as exam_attempts,
      sum(exam_passes) as exam_passes, sum(certificates) as certificates
    from learning_daily_rollups
    where organisation_id = any(${orgArray(organisationIds)}) and day between ${from}::date and ${to}::date
    group by day order by day`);
  return rowsOf<CountRow>(result).map((r) => ({ day: r.key, ...countsOf(r) }));
}

/** Activity per person of one organisation over the period, from the projected, exam and certificate tables. */
export async function personActivity(db: Db, organisationId: string, from: string, to: string): Promise<Map<string, Counts>> {
  const starts = startOfDay(from);
  const ends = endOfDay(to);
  const result = await db.execute(sql`
    select person_id as key, sum(study_seconds) as study_seconds, sum(completions) as completions, sum(exam_attempts) as exam_attempts,
      sum(exam_passes) as exam_passes, sum(certificates) as certificates
    from (
      select person_id, seconds as study_seconds, 0 as completions, 0 as exam_attempts, 0 as exam_passes, 0 as certificates
        from learning_study_time where organisation_id = ${organisationId} and day between ${from}::date and ${to}::date
      union all
      select person_id, 0, 1, 0, 0, 0 from learning_completions where organisation_id = ${organisationId} and day between ${from}::date and ${to}::date
      union all
      select person_id, 0, 0, 1, case when passed then 1 else 0 end, 0 from exam_attempts
        where organisation_id = ${organisationId} and status = 'graded' and submitted_at >= ${starts}::timestamptz and submitted_at < ${ends}::timestamptz
      union all
      select person_id, 0, 0, 0, 0, 1 from learning_certificates
        where organisation_id = ${organisationId} and issued_at >= ${starts}::timestamptz and issued_at < ${ends}::timestamptz
    ) s
    group by person_id`);
  return new Map(rowsOf<CountRow>(result).map((r) => [r.key, countsOf(r)]));
}

/** Project enrolments made up to the end of the period (withdrawn ones left out) and how many of them were completed by then. */
export async function projectFigures(db: Db, organisationIds: readonly string[], to: string) {
  if (!organisationIds.length) return { enrolments: 0, completed: 0, rate: null };
  const ends = endOfDay(to);
  const result = await db.execute(sql`
    select count(*)::int as enrolments, count(*) filter (where status = 'completed' and completed_at < ${ends}::timestamptz)::int as completed
    from project_enrolments
    where organisation_id = any(${orgArray(organisationIds)}) and enrolled_at < ${ends}::timestamptz and status <> 'withdrawn'`);
  const row = rowsOf<{ enrolments: number; completed: number }>(result)[0] ?? { enrolments: 0, completed: 0 };
  const enrolments = Number(row.enrolments);
  const completed = Number(row.completed);
  return { enrolments, completed, rate: enrolments ? completed / enrolments : null };
}
