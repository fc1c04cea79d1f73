import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { learningActivityIri, xapiVerbs, type CertificateTriggerKind } from '@fulcrum/shared';
import type { Db } from '../../../db/client.ts';
import { examAttempts, learningProgress, lessons, projectEnrolments, xapiStatements } from '../../../db/schema/index.ts';

/*
 * What a certificate rule counts as done, read from the tables that record it:
 *   project — the enrolment is `completed` (project_enrolments.completed_at);
 *   exam    — an attempt that `passed` (graded, else submitted, time);
 *   course  — each `completed`/`passed` statement about the course activity (its progress row completed), or else the
 *             moment every lesson of the course was completed.
 * Only completions recorded in the rule's own organisation count: an organisation certifies its own people.
 */

export interface TriggerRule {
  id: string;
  organisationId: string;
  triggerKind: CertificateTriggerKind;
  triggerId: string;
}

export interface Completion {
  ruleId: string;
  personId: string;
  sourceKind: CertificateTriggerKind;
  sourceId: string;
  completedAt: Date;
}

const byPerson = (column: AnyPgColumn, personIds: string[] | undefined) => (personIds ? inArray(column, personIds) : undefined);
const ruleKey = (organisationId: string, triggerId: string) => `${organisationId}\n${triggerId}`;

function rulesByTrigger(rules: TriggerRule[], kind: CertificateTriggerKind): Map<string, TriggerRule[]> {
  const map = new Map<string, TriggerRule[]>();
  for (const rule of rules.filter((r) => r.triggerKind === kind)) {
    const key = ruleKey(rule.organisationId, rule.triggerId);
    map.set(key, [...(map.get(key) ?? []), rule]);
  }
  return map;
}

async function projectCompletions(db: Db, rules: TriggerRule[], personIds?: string[]): Promise<Completion[]> {
  const wanted = rulesByTrigger(rules, 'project');
  if (!wanted.size) return [];
  const E = projectEnrolments;
  const rows = await db
    .select({ organisationId: E.organisationId, projectId: E.projectId, personId: E.personId, completedAt: E.completedAt, enrolledAt: E.enrolledAt })
    .from(E)
    .where(and(eq(E.status, 'completed'), inArray(E.projectId, [...new Set(rules.map((r) => r.triggerId))]), byPerson(E.personId, personIds)));
  return rows.flatMap((row) =>
    (wanted.get(ruleKey(row.organisationId, row.projectId)) ?? []).map((rule) => ({
      ruleId: rule.id,
      personId: row.personId,
      sourceKind: 'project' as const,
      sourceId: row.projectId,
      completedAt: row.completedAt ?? row.enrolledAt,
    })),
  );
}

async function examCompletions(db: Db, rules: TriggerRule[], personIds?: string[]): Promise<Completion[]> {
  const wanted = rulesByTrigger(rules, 'exam');
  if (!wanted.size) return [];
  const A = examAttempts;
  const rows = await db
    .select({ id: A.id, organisationId: A.organisationId, examId: A.examId, personId: A.personId, at: sql<Date>`coalesce(${A.gradedAt}, ${A.submittedAt}, ${A.startedAt})`.mapWith(A.startedAt) })
    .from(A)
    .where(and(eq(A.passed, true), inArray(A.examId, [...new Set(rules.map((r) => r.triggerId))]), byPerson(A.personId, personIds)));
  return rows.flatMap((row) =>
    (wanted.get(ruleKey(row.organisationId, row.examId)) ?? []).map((rule) => ({ ruleId: rule.id, personId: row.personId, sourceKind: 'exam' as const, sourceId: row.id, completedAt: row.at })),
  );
}

/**
 * Every completion of some activities: each completing statement (not voided) about an activity whose progress row is
 * completed, or the row's last statement when it was completed otherwise (a result's completion flag).
 */
async function completedActivities(db: Db, activityIds: string[], personIds?: string[]) {
  if (!activityIds.length) return [];
  const P = learningProgress;
  const S = xapiStatements;
  const done = and(eq(P.completed, true), inArray(P.activityId, activityIds), byPerson(P.personId, personIds));
  const events = await db
    .select({ organisationId: P.organisationId, personId: P.personId, activityId: P.activityId, completedAt: S.timestamp })
    .from(P)
    .innerJoin(S, and(eq(S.organisationId, P.organisationId), eq(S.activityId, P.activityId), eq(S.personId, P.personId)))
    .where(and(done, eq(S.voided, false), inArray(S.verbId, [xapiVerbs.completed, xapiVerbs.passed])));
  const seen = new Set(events.map((e) => `${e.personId}\n${e.activityId}`));
  const rows = await db.select({ organisationId: P.organisationId, personId: P.personId, activityId: P.activityId, completedAt: P.lastAt }).from(P).where(done);
  return [...events, ...rows.filter((r) => !seen.has(`${r.personId}\n${r.activityId}`))];
}

/** Per organisation, person and course: the time every lesson of the course was completed, if it was. */
async function lessonsCompleted(db: Db, publicUrl: string, courseIds: string[], personIds?: string[]): Promise<Map<string, Date>> {
  const courseLessons = await db.select({ id: lessons.id, courseId: lessons.courseId }).from(lessons).where(inArray(lessons.courseId, courseIds));
  const lessonOf = new Map<string, { id: string; courseId: string }>();
  for (const lesson of courseLessons) {
    lessonOf.set(learningActivityIri(publicUrl, 'lesson', lesson.id), lesson);
    lessonOf.set(learningActivityIri(publicUrl, 'micro-course', lesson.id), lesson);
  }
  const lessonCount = new Map<string, number>();
  for (const lesson of courseLessons) lessonCount.set(lesson.courseId, (lessonCount.get(lesson.courseId) ?? 0) + 1);
  const done = new Map<string, { lessons: Set<string>; at: Date }>();
  for (const row of await completedActivities(db, [...lessonOf.keys()], personIds)) {
    const lesson = lessonOf.get(row.activityId)!;
    const key = `${ruleKey(row.organisationId, lesson.courseId)}\n${row.personId}`;
    const entry = done.get(key) ?? { lessons: new Set<string>(), at: row.completedAt };
    entry.lessons.add(lesson.id);
    if (row.completedAt > entry.at) entry.at = row.completedAt;
    done.set(key, entry);
  }
  const complete = new Map<string, Date>();
  for (const [key, entry] of done) if (entry.lessons.size === lessonCount.get(key.split('\n')[1]!)) complete.set(key, entry.at);
  return complete;
}

async function courseCompletions(db: Db, publicUrl: string, rules: TriggerRule[], personIds?: string[]): Promise<Completion[]> {
  const wanted = rulesByTrigger(rules, 'course');
  if (!wanted.size) return [];
  const courseIds = [...new Set([...wanted.values()].flat().map((r) => r.triggerId))];
  const courseOf = new Map(courseIds.map((id) => [learningActivityIri(publicUrl, 'course', id), id]));
  const completions = (organisationId: string, courseId: string, personId: string, completedAt: Date) =>
    (wanted.get(ruleKey(organisationId, courseId)) ?? []).map((rule) => ({ ruleId: rule.id, personId, sourceKind: 'course' as const, sourceId: courseId, completedAt }));
  const direct = await completedActivities(db, [...courseOf.keys()], personIds);
  // The course's own completing statements are its completions; all its lessons completed count only without them.
  const withDirect = new Set(direct.map((row) => `${ruleKey(row.organisationId, courseOf.get(row.activityId)!)}\n${row.personId}`));
  const viaLessons = [...(await lessonsCompleted(db, publicUrl, courseIds, personIds))].filter(([key]) => !withDirect.has(key));
  return [
    ...direct.flatMap((row) => completions(row.organisationId, courseOf.get(row.activityId)!, row.personId, row.completedAt)),
    ...viaLessons.flatMap(([key, at]) => {
      const [organisationId, courseId, personId] = key.split('\n') as [string, string, string];
      return completions(organisationId, courseId, personId, at);
    }),
  ];
}

/** Every completion of the rules' triggers (optionally of some people only). */
export async function findCompletions(db: Db, publicUrl: string, rules: TriggerRule[], personIds?: string[]): Promise<Completion[]> {
  const found = await Promise.all([projectCompletions(db, rules, personIds), examCompletions(db, rules, personIds), courseCompletions(db, publicUrl, rules, personIds)]);
  return found.flat();
}
