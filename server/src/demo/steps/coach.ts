import { and, eq, lte, notExists } from 'drizzle-orm';
import { competencyKnowledgePoints, knowledgePointPrerequisites, learnerProfiles, roleProfileRequirements, users } from '../../db/schema/index.ts';
import type { JobSummary } from '../../lib/jobs.ts';
import { addCalendarDays, shanghaiDateOf } from '../../lib/working-days.ts';
import { runCoachFit } from '../../modules/coach/fit.ts';
import { runCoachPushes } from '../../modules/coach/pushes.ts';
import { recordLearning, type LearningAction } from '../../modules/learning/record.ts';
import { projectPending } from '../../modules/xapi/projector.ts';
import { districtMicroCourses } from './learning-catalogue.ts';
import type { LearningDemoInput } from './learning-demo.ts';

/*
 * The AI coach's demo: the fit runs once over the district's answers (BKT parameters, mastery replayed, exam items
 * calibrated) and then the day's pushes for the demo's "now", exactly as the two scheduled jobs would, so demo employees
 * open the app to today's picks, each with its reason and an in-app notification.
 *
 * The demo employee is a new hire whose role starts from a single entry point (设备电工: every electrical point builds on
 * 电工基础知识), and with nothing mastered the coach could offer one lesson only. So first they get what a new hire has
 * on record after induction: the check questions of their role's entry-point micro-courses, answered right over the
 * last week. The coach then opens the next lessons, which the pushes and the browser journey show.
 */

/** Days before the demo's moment on which the demo employee answered each entry point's check question (20:00 Beijing). */
const INDUCTION_DAYS = [6, 5, 3, 2];

/** The entry points (no prerequisites) of the demo employee's role profile that a district micro-course checks. */
async function inductionAnswers(input: LearningDemoInput): Promise<{ organisationId: string; actions: LearningAction[] } | null> {
  const { db } = input;
  const organisationId = input.world.organisation('showcase').id;
  const [me] = await db.select({ personId: users.personId }).from(users).where(eq(users.username, 'ent-employee'));
  if (!me?.personId) return null;
  const entryPoints = await db
    .selectDistinct({ id: competencyKnowledgePoints.knowledgePointId })
    .from(learnerProfiles)
    .innerJoin(roleProfileRequirements, eq(roleProfileRequirements.roleProfileId, learnerProfiles.roleProfileId))
    .innerJoin(competencyKnowledgePoints, and(eq(competencyKnowledgePoints.competencyId, roleProfileRequirements.competencyId), lte(competencyKnowledgePoints.level, roleProfileRequirements.requiredLevel)))
    .where(
      and(
        eq(learnerProfiles.organisationId, organisationId),
        eq(learnerProfiles.personId, me.personId),
        notExists(db.select().from(knowledgePointPrerequisites).where(eq(knowledgePointPrerequisites.knowledgePointId, competencyKnowledgePoints.knowledgePointId))),
      ),
    );
  const wanted = new Set(entryPoints.map((p) => p.id));
  const actions: LearningAction[] = [];
  for (const course of await districtMicroCourses(db)) {
    for (const point of course.points.filter((p) => wanted.has(p.id))) {
      wanted.delete(point.id);
      for (const days of INDUCTION_DAYS) {
        actions.push({
          personId: me.personId,
          verb: 'answered',
          activity: { kind: 'question', id: `${course.lessonId}-${point.id}`, name: point.question },
          result: { success: true, response: String(point.answer) },
          knowledgePointIds: [point.id],
          parent: { kind: 'lesson', id: course.lessonId, name: course.title },
          timestamp: new Date(`${addCalendarDays(shanghaiDateOf(input.now), -days)}T20:00:00+08:00`),
        });
      }
    }
  }
  return { organisationId, actions };
}

/** `{ learners: 3 }` → `{ coachPushLearners: 3 }`: a job's summary as demo marker counts. */
const prefixed = (prefix: string, summary: JobSummary) => Object.fromEntries(Object.entries(summary).map(([key, n]) => [`${prefix}${key[0]!.toUpperCase()}${key.slice(1)}`, n]));

export async function loadCoach(input: LearningDemoInput): Promise<Record<string, number>> {
  const deps = { db: input.db, clock: { now: () => input.now }, publicUrl: input.publicUrl };
  const induction = await inductionAnswers(input);
  if (induction?.actions.length) {
    await recordLearning({ ...deps, scheduleProjection: false }, induction.organisationId, induction.actions);
    await projectPending(input.db, input.publicUrl);
  }
  const fit = await runCoachFit(deps);
  const pushes = await runCoachPushes(deps);
  return { coachInductionAnswers: induction?.actions.length ?? 0, ...prefixed('coachFit', fit), ...prefixed('coachPush', pushes) };
}
