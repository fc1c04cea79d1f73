import { and, asc, desc, eq, gte, inArray, lte, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { COACH_DAILY_PUSH_CAP, COACH_RECOMMENDATION_LIMIT, type CoachCompetencyGap, type CoachRecommendation, type CoachReasonPoint } from '@fulcrum/shared';
import type { Db } from '../../db/client.ts';
import {
  coachKnowledgePointParams,
  coachMastery,
  coachPushes,
  coachReviewCards,
  competencies,
  competencyKnowledgePoints,
  competencyLevelHistory,
  courses,
  knowledgePointPrerequisites,
  knowledgePoints,
  learnerProfiles,
  lessonKnowledgePoints,
  lessons,
  organisations,
  roleProfileRequirements,
  roleProfiles,
} from '../../db/schema/index.ts';
import type { Actor } from '../../lib/context.ts';
import { shanghaiDateOf } from '../../lib/working-days.ts';
import { coursesVisibleTo } from '../learning/catalogue/policy.ts';
import { DEFAULT_BKT } from './model/bkt.ts';
import { dueNow, type DueReview } from './model/fsrs.ts';
import { competencyGaps, roleTargets, type CompetencyGap, type CompetencyPoints, type Localized, type Requirement } from './model/levels.ts';
import { reviewCardFromJson } from './projection.ts';
import { DISMISS_MEMORY_DAYS, recommend, type CoachItem, type CoachKnowledgePoint, type ItemFeedback, type Recommendation } from './model/rank.ts';

/*
 * A learner's model as the coach needs it, read from the database in a few set-based queries: the role profile with
 * its competencies' knowledge points, mastery (a point without answers starts at its prior), each point's learn
 * parameter and prerequisites (transitively), the lessons of courses the organisation's employees may open that cover
 * those points, due FSRS reviews, the learner's responses to earlier pushes and today's pushes. Gaps and ranking are
 * the pure models' (model/levels.ts, model/rank.ts); the heat map computes levels with the same functions.
 */

const DAY = 86_400_000;
/** Lesson kinds the coach may recommend: what a learner studies alone in the app (not offline sessions or exams). */
export const COACH_LESSON_KINDS = ['video', 'document', 'rich_text', 'micro_course', 'practical'] as const;
/** A micro-course is at most ten minutes long. */
const MICRO_COURSE_MAX_MINUTES = 10;
/** Planned time for a lesson that gives no duration (a text page): long enough that timed lessons are not undercut. */
const UNTIMED_LESSON_MINUTES = 15;

const same = (text: string): Localized => ({ 'zh-CN': text, 'en-US': text });

export interface RoleRequirement {
  competency: CompetencyPoints;
  requiredLevel: number;
  weight: number;
}

/** A lesson the coach may recommend, with what the response needs beside the ranking's item. */
export interface CoachLesson extends CoachItem {
  courseId: string;
  courseTitle: string;
  lessonKind: string;
}

export interface PointState {
  name: string;
  mastery: number;
  learn: number;
  prerequisiteIds: string[];
}

export interface LearnerModel {
  personId: string;
  organisationId: string;
  roleProfile: { id: string; name: string } | null;
  gaps: CompetencyGap[];
  requirements: RoleRequirement[];
  points: Map<string, PointState>;
  lessons: Map<string, CoachLesson>;
  dueReviews: DueReview[];
  feedback: ItemFeedback[];
  today: string;
  /** Today's pushes of the person (every organisation: the daily cap is the person's), oldest first. */
  todaysPushes: (typeof coachPushes.$inferSelect)[];
  /** Lessons pushed today (they are not recommended again today). */
  pushedLessonIds: Set<string>;
  pushedToday: number;
  reviewsPushedToday: number;
}

/**
 * Rows whose uuid column is one of the ids: one array parameter (a long IN list costs more to bind than to run),
 * unnested so the planner hashes it instead of scanning the array for every row.
 */
export const anyOf = (column: AnyPgColumn, ids: readonly string[]) => sql`${column} in (select unnest(${sql.param([...ids])}::uuid[]))`;

/** Requirements of role profiles, each competency with its knowledge points and levels, in one query. */
export async function loadRequirements(db: Db, roleProfileIds: readonly string[]): Promise<Map<string, RoleRequirement[]>> {
  const out = new Map<string, RoleRequirement[]>();
  if (!roleProfileIds.length) return out;
  const rows = await db
    .select({
      roleProfileId: roleProfileRequirements.roleProfileId,
      competencyId: competencies.id,
      name: competencies.name,
      maxLevel: competencies.maxLevel,
      requiredLevel: roleProfileRequirements.requiredLevel,
      weight: roleProfileRequirements.weight,
      knowledgePointId: competencyKnowledgePoints.knowledgePointId,
      level: competencyKnowledgePoints.level,
    })
    .from(roleProfileRequirements)
    .innerJoin(competencies, eq(competencies.id, roleProfileRequirements.competencyId))
    .leftJoin(competencyKnowledgePoints, eq(competencyKnowledgePoints.competencyId, competencies.id))
    .where(anyOf(roleProfileRequirements.roleProfileId, roleProfileIds))
    .orderBy(desc(roleProfileRequirements.weight), competencies.name, competencies.id);
  const competencyOf = new Map<string, CompetencyPoints>();
  const listed = new Set<string>();
  for (const row of rows) {
    let competency = competencyOf.get(row.competencyId);
    if (!competency) {
      competency = { id: row.competencyId, name: same(row.name), maxLevel: row.maxLevel, points: [] };
      competencyOf.set(row.competencyId, competency);
    }
    const list = out.get(row.roleProfileId) ?? [];
    if (!list.some((r) => r.competency.id === row.competencyId)) list.push({ competency, requiredLevel: row.requiredLevel, weight: row.weight });
    out.set(row.roleProfileId, list);
    // Several profiles may require one competency: its points are listed once.
    const pair = `${row.competencyId}:${row.knowledgePointId}`;
    if (row.knowledgePointId && !listed.has(pair)) {
      listed.add(pair);
      competency.points.push({ knowledgePointId: row.knowledgePointId, level: row.level! });
    }
  }
  return out;
}

/**
 * Runs queries one after another and gives their results as a tuple. A transaction's client takes one query at a time
 * (pg warns about overlapping ones, and its next major version refuses them), so functions that may run inside one
 * use this rather than Promise.all.
 */
export async function inOrder<T extends unknown[]>(...queries: { [K in keyof T]: () => PromiseLike<T[K]> }): Promise<T> {
  const results: unknown[] = [];
  for (const query of queries) results.push(await query());
  return results as T;
}

/** Mastery per person × point from the BKT rows; a point without a row starts at its prior (fitted, or the default). */
export async function loadMastery(db: Db, personIds: readonly string[], pointIds: readonly string[]): Promise<(personId: string, pointId: string) => number> {
  if (!personIds.length || !pointIds.length) return () => DEFAULT_BKT.prior;
  const [rows, priors] = await inOrder(
    () =>
      db
        .select({ personId: coachMastery.personId, knowledgePointId: coachMastery.knowledgePointId, mastery: coachMastery.mastery })
        .from(coachMastery)
        .where(and(anyOf(coachMastery.personId, personIds), anyOf(coachMastery.knowledgePointId, pointIds))),
    () =>
      db
        .select({ id: coachKnowledgePointParams.knowledgePointId, prior: coachKnowledgePointParams.prior })
        .from(coachKnowledgePointParams)
        .where(anyOf(coachKnowledgePointParams.knowledgePointId, pointIds)),
  );
  const known = new Map(rows.map((r) => [`${r.personId}:${r.knowledgePointId}`, r.mastery]));
  const prior = new Map(priors.map((p) => [p.id, p.prior]));
  return (personId, pointId) => known.get(`${personId}:${pointId}`) ?? prior.get(pointId) ?? DEFAULT_BKT.prior;
}

/** The latest level the platform recorded per person × competency in the organisation: the coach never shows less. */
export async function loadLevelFloors(db: Db, organisationId: string, personIds: readonly string[]): Promise<Map<string, number>> {
  if (!personIds.length) return new Map();
  const h = competencyLevelHistory;
  const rows = await db
    .selectDistinctOn([h.personId, h.competencyId], { personId: h.personId, competencyId: h.competencyId, level: h.level })
    .from(h)
    .where(and(eq(h.organisationId, organisationId), anyOf(h.personId, personIds)))
    .orderBy(h.personId, h.competencyId, desc(h.effectiveAt), desc(h.id));
  return new Map(rows.map((r) => [`${r.personId}:${r.competencyId}`, r.level]));
}

/** Gaps of one person: the level computation the learner view and the heat map share. */
export function gapsOf(requirements: readonly RoleRequirement[], masteryOf: (pointId: string) => number, floorOf: (competencyId: string) => number | undefined): CompetencyGap[] {
  const withEvidence: Requirement[] = requirements.map((r) => {
    const floor = floorOf(r.competency.id);
    return { ...r, evidence: floor === undefined ? {} : { certificateLevel: floor } };
  });
  return competencyGaps(withEvidence, masteryOf);
}

export function toGap(gap: CompetencyGap, requirement: RoleRequirement): CoachCompetencyGap {
  return {
    competencyId: gap.competencyId,
    name: requirement.competency.name['zh-CN'],
    requiredLevel: gap.requiredLevel,
    currentLevel: gap.current.level,
    progress: gap.current.progress,
    source: gap.current.source,
    gap: gap.gap,
    weight: requirement.weight,
  };
}

/**
 * The points and every prerequisite under them (the graph is acyclic), each with its name, BKT parameters, the
 * person's mastery (a point without answers starts at its prior) and its direct prerequisites: one query.
 */
async function loadPoints(db: Db, personId: string, seedIds: readonly string[]): Promise<Map<string, PointState>> {
  if (!seedIds.length) return new Map();
  const result = (await db.execute(sql`
    with recursive closure(id) as (
      select unnest(${sql.param([...seedIds])}::uuid[])
      union
      select p.prerequisite_id from ${knowledgePointPrerequisites} p join closure c on p.knowledge_point_id = c.id
    )
    select c.id, k.name, pr.learn, pr.prior, m.mastery,
      (select string_agg(p.prerequisite_id::text, ',') from ${knowledgePointPrerequisites} p where p.knowledge_point_id = c.id) as prerequisites
    from closure c
    join ${knowledgePoints} k on k.id = c.id
    left join ${coachKnowledgePointParams} pr on pr.knowledge_point_id = c.id
    left join ${coachMastery} m on m.person_id = ${personId} and m.knowledge_point_id = c.id
  `)) as unknown as { rows: { id: string; name: string; learn: number | null; prior: number | null; mastery: number | null; prerequisites: string | null }[] };
  return new Map(
    result.rows.map((row) => [
      row.id,
      { name: row.name, mastery: row.mastery ?? row.prior ?? DEFAULT_BKT.prior, learn: row.learn ?? DEFAULT_BKT.learn, prerequisiteIds: row.prerequisites ? row.prerequisites.split(',') : [] },
    ]),
  );
}

/** The organisation's employees' view of the catalogue (its visibility rule asks only for the role, organisation and region). */
function employeeOf(organisationId: string, regionId: string): Actor {
  return { userId: '', displayName: '', membershipId: '', role: 'employee', organisationId, organisationType: 'enterprise', departmentKind: null, regionId, locale: 'zh-CN' };
}

/** Minutes of a lesson for the ranking: its duration, a micro-course at most ten. */
export function lessonMinutes(kind: string, durationSeconds: number): number {
  const minutes = durationSeconds > 0 ? Math.max(1, Math.ceil(durationSeconds / 60)) : UNTIMED_LESSON_MINUTES;
  return kind === 'micro_course' ? Math.min(MICRO_COURSE_MAX_MINUTES, minutes) : minutes;
}

/** Published lessons of courses the organisation's employees may open that cover one of the points. */
async function loadLessons(db: Db, organisationId: string, regionId: string, pointIds: readonly string[]): Promise<Map<string, CoachLesson>> {
  const out = new Map<string, CoachLesson>();
  if (!pointIds.length) return out;
  // Each lesson with the points it covers among these (the ranking looks at no other).
  const rows = await db
    .select({
      id: lessons.id,
      title: lessons.title,
      kind: lessons.kind,
      durationSeconds: lessons.durationSeconds,
      courseId: courses.id,
      courseTitle: courses.title,
      knowledgePointId: lessonKnowledgePoints.knowledgePointId,
    })
    .from(lessonKnowledgePoints)
    .innerJoin(lessons, eq(lessons.id, lessonKnowledgePoints.lessonId))
    .innerJoin(courses, eq(courses.id, lessons.courseId))
    .where(and(anyOf(lessonKnowledgePoints.knowledgePointId, pointIds), eq(courses.status, 'published'), inArray(lessons.kind, [...COACH_LESSON_KINDS]), coursesVisibleTo(employeeOf(organisationId, regionId), courses)));
  for (const row of rows) {
    const lesson = out.get(row.id);
    if (lesson) {
      (lesson.knowledgePointIds as string[]).push(row.knowledgePointId);
      continue;
    }
    out.set(row.id, {
      id: row.id,
      title: same(row.title),
      kind: row.kind === 'micro_course' ? 'micro_course' : 'lesson',
      minutes: lessonMinutes(row.kind, row.durationSeconds),
      knowledgePointIds: [row.knowledgePointId],
      courseId: row.courseId,
      courseTitle: row.courseTitle,
      lessonKind: row.kind,
    });
  }
  return out;
}

/** The learner's role profile in the organisation, or null. */
async function roleProfileOf(db: Db, organisationId: string, personId: string) {
  const [row] = await db
    .select({ id: roleProfiles.id, name: roleProfiles.name })
    .from(learnerProfiles)
    .innerJoin(roleProfiles, eq(roleProfiles.id, learnerProfiles.roleProfileId))
    .where(and(eq(learnerProfiles.organisationId, organisationId), eq(learnerProfiles.personId, personId)));
  return row ?? null;
}

/** Everything the coach knows about one person in one organisation, as of `now`. */
export async function loadLearner(db: Db, organisationId: string, personId: string, now: Date): Promise<LearnerModel> {
  const today = shanghaiDateOf(now);
  // One after another: the push job calls this inside a transaction, whose client takes one query at a time.
  const [roleProfile, [organisation], dueCards, responses, todays, floors] = await inOrder(
    () => roleProfileOf(db, organisationId, personId),
    () => db.select({ regionId: organisations.regionId }).from(organisations).where(eq(organisations.id, organisationId)),
    () =>
      db
        .select({ card: coachReviewCards.card })
        .from(coachReviewCards)
        .where(and(eq(coachReviewCards.personId, personId), lte(coachReviewCards.dueAt, now))),
    () =>
      db
        .select({ lessonId: coachPushes.lessonId, status: coachPushes.status, respondedAt: coachPushes.respondedAt, snoozedUntil: coachPushes.snoozedUntil })
        .from(coachPushes)
        .where(
          and(
            eq(coachPushes.personId, personId),
            eq(coachPushes.organisationId, organisationId),
            or(
              and(eq(coachPushes.status, 'dismissed'), gte(coachPushes.respondedAt, new Date(now.getTime() - DISMISS_MEMORY_DAYS * DAY))),
              and(eq(coachPushes.status, 'snoozed'), gte(coachPushes.snoozedUntil, now)),
            ),
          ),
      ),
    () =>
      db
        .select()
        .from(coachPushes)
        .where(and(eq(coachPushes.personId, personId), eq(coachPushes.day, today)))
        .orderBy(asc(coachPushes.createdAt), desc(coachPushes.score), asc(coachPushes.id)),
    () => loadLevelFloors(db, organisationId, [personId]),
  );
  const requirements = roleProfile ? ((await loadRequirements(db, [roleProfile.id])).get(roleProfile.id) ?? []) : [];
  const cards = dueCards.map((row) => reviewCardFromJson(row.card));
  const rolePointIds = requirements.flatMap((r) => r.competency.points.map((p) => p.knowledgePointId));
  const points = await loadPoints(db, personId, [...new Set([...rolePointIds, ...cards.map((c) => c.knowledgePointId)])]);
  const lessonMap = await loadLessons(db, organisationId, organisation?.regionId ?? '', [...points.keys()]);
  const gaps = gapsOf(requirements, (id) => points.get(id)?.mastery ?? DEFAULT_BKT.prior, (competencyId) => floors.get(`${personId}:${competencyId}`));
  const feedback: ItemFeedback[] = responses.map((r) =>
    r.status === 'dismissed' ? { itemId: r.lessonId, kind: 'dismissed', at: r.respondedAt! } : { itemId: r.lessonId, kind: 'snoozed', at: r.respondedAt ?? now, until: r.snoozedUntil! },
  );
  return {
    personId,
    organisationId,
    roleProfile,
    gaps,
    requirements,
    points,
    lessons: lessonMap,
    dueReviews: dueNow(cards, now),
    feedback,
    today,
    todaysPushes: todays,
    pushedLessonIds: new Set(todays.map((p) => p.lessonId)),
    pushedToday: todays.length,
    reviewsPushedToday: todays.filter((p) => p.kind === 'review').length,
  };
}

/**
 * The model's ranking for the learner. With `forPushes`, only what today's cap still allows; otherwise the live list
 * shown beside the pushes (up to COACH_RECOMMENDATION_LIMIT). Lessons pushed today are left out either way.
 */
export function rankFor(model: LearnerModel, now: Date, forPushes: boolean): Recommendation[] {
  const knowledgePoints: CoachKnowledgePoint[] = [...model.points].map(([id, p]) => ({ id, name: same(p.name), mastery: p.mastery, learn: p.learn, prerequisiteIds: p.prerequisiteIds }));
  return recommend({
    now,
    knowledgePoints,
    targets: roleTargets(model.gaps).map((t) => ({ knowledgePointId: t.knowledgePointId, requiredMastery: t.requiredMastery, weight: t.weight })),
    items: [...model.lessons.values()].filter((lesson) => !model.pushedLessonIds.has(lesson.id)),
    dueReviews: model.dueReviews,
    feedback: model.feedback,
    pushedToday: model.pushedToday,
    reviewsPushedToday: model.reviewsPushedToday,
    dailyCap: forPushes ? COACH_DAILY_PUSH_CAP : model.pushedToday + COACH_RECOMMENDATION_LIMIT,
    limit: forPushes ? undefined : COACH_RECOMMENDATION_LIMIT,
  });
}

/** Reason points with their knowledge points' names. */
export function reasonPoints(points: readonly Recommendation['numbers']['points'][number][], nameOf: (id: string) => string): CoachReasonPoint[] {
  return points.map((p) => ({ ...p, name: nameOf(p.knowledgePointId) }));
}

/** A ranked item in the response's shape. */
export function toRecommendation(model: LearnerModel, recommendation: Recommendation): CoachRecommendation {
  const lesson = model.lessons.get(recommendation.itemId)!;
  return {
    lessonId: lesson.id,
    courseId: lesson.courseId,
    title: lesson.title['zh-CN'],
    courseTitle: lesson.courseTitle,
    lessonKind: lesson.lessonKind,
    kind: recommendation.kind,
    minutes: recommendation.numbers.minutes,
    score: recommendation.score,
    reason: recommendation.reason,
    points: reasonPoints(recommendation.numbers.points, (id) => model.points.get(id)?.name ?? id),
  };
}

/** Gaps in the response's shape, in the role profile's order. */
export function gapsFor(model: LearnerModel): CoachCompetencyGap[] {
  return model.gaps.map((gap, i) => toGap(gap, model.requirements[i]!));
}
