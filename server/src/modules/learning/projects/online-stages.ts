import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { projectEnrolments, projectStages } from '../../../db/schema/index.ts';
import { systemClock } from '../../../lib/clock.ts';
import { onProjected, type ProjectionListener } from '../../xapi/projector.ts';
import { refreshOnlineStages, stageActivityIris } from './progress.ts';

/*
 * Online stages follow the projector: when statements about a course or micro-course lesson are projected for a
 * person, the matching online stages of that person's active enrolments take their standing from learning_progress
 * (in the projection's transaction, so stage progress moves with the cursor), and an enrolment whose last stage that
 * was is completed. Reads only show what is stored. Replays are harmless: a completed stage stays completed and an
 * unchanged standing is not written, so rebuilding the projection leaves stage progress as it was.
 */

/** The (project, person) pairs whose online stages name one of the activities the people were active on. */
async function affectedEnrolments(tx: Db, publicUrl: string, activities: Map<string, Set<string>>): Promise<Map<string, string[]>> {
  const rows = await tx
    .select({ projectId: projectStages.projectId, personId: projectEnrolments.personId, courseId: projectStages.courseId, lessonId: projectStages.lessonId })
    .from(projectStages)
    .innerJoin(projectEnrolments, eq(projectEnrolments.projectId, projectStages.projectId))
    .where(and(eq(projectStages.kind, 'online'), eq(projectEnrolments.status, 'active'), inArray(projectEnrolments.personId, [...activities.keys()])));
  const byProject = new Map<string, string[]>();
  for (const row of rows) {
    const seen = activities.get(row.personId)!;
    if (!stageActivityIris(publicUrl, row).some((iri) => seen.has(iri))) continue;
    const people = byProject.get(row.projectId) ?? [];
    if (!people.includes(row.personId)) people.push(row.personId);
    byProject.set(row.projectId, people);
  }
  return byProject;
}

/** The listener: brings the online stages the batch's statements touch up to date (completions audited as the system). */
export const followOnlineStages: ProjectionListener = async (tx, statements, publicUrl) => {
  const activities = new Map<string, Set<string>>();
  for (const s of statements) {
    if (s.voided || !s.activityId) continue;
    activities.set(s.personId, (activities.get(s.personId) ?? new Set()).add(s.activityId));
  }
  if (!activities.size) return;
  const ctx = { db: tx, clock: systemClock, actor: null, requestId: null, ip: null };
  for (const [projectId, personIds] of await affectedEnrolments(tx, publicUrl, activities)) await refreshOnlineStages(ctx, publicUrl, projectId, personIds);
};
onProjected(followOnlineStages);
