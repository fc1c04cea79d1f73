import { and, asc, count, eq, isNull, like, ne, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { learningActivityIri } from '@fulcrum/shared';
import { certificateRules, competencies, courses, employments, exams, learningCertificates, learningProgress, people, trainingProjects, users } from '../../db/schema/index.ts';
import { recordAudit } from '../../lib/audit.ts';
import { issueDueCertificates } from '../../modules/learning/certificates/issuance.ts';
import { recordLearning } from '../../modules/learning/record.ts';
import { projectPending } from '../../modules/xapi/projector.ts';
import type { LearningDemoInput } from './learning-demo.ts';

/*
 * Certificate rules in the showcase enterprise — for the exam ent-employee can pass in the demo (passing it issues a
 * certificate), for each of its training projects and for one of its courses — and certificates for past course
 * completions that show every state: valid, due for recertification (ent-employee's), expired, recertified (two
 * cycles) and revoked. Whatever the other loaders left empty is skipped.
 */

const DAY = 86_400_000;
/** Days before `now` at which each showcase learner completed the certified course; two numbers: two cycles. */
const completionPlan: { daysAgo: number[]; revokedReason?: string }[] = [
  { daysAgo: [330] }, // ent-employee: valid, due for recertification within 60 days
  { daysAgo: [430] }, // expired
  { daysAgo: [395, 25] }, // recertified: cycle 1 superseded, cycle 2 valid
  { daysAgo: [60], revokedReason: '结业实操考核记录经复核不实，撤销证书' },
  { daysAgo: [40] },
  { daysAgo: [12] },
];

async function firstOf<T extends { id: string; title: string }>(rows: Promise<T[]>): Promise<T | undefined> {
  return (await rows)[0];
}

/** The showcase's learners, ent-employee first. */
async function showcaseLearners(db: Db, organisationId: string, limit: number): Promise<{ id: string; name: string }[]> {
  const [me] = await db.select({ personId: users.personId }).from(users).where(eq(users.username, 'ent-employee'));
  const others = await db
    .select({ id: people.id, name: people.name })
    .from(employments)
    .innerJoin(people, eq(people.id, employments.personId))
    .where(and(eq(employments.organisationId, organisationId), isNull(employments.endDate), me?.personId ? ne(people.id, me.personId) : undefined))
    .orderBy(asc(people.residentId))
    .limit(limit);
  const mine = me?.personId ? await db.select({ id: people.id, name: people.name }).from(people).where(eq(people.id, me.personId)) : [];
  return [...mine, ...others].slice(0, limit);
}

async function addRule(db: Db, organisationId: string, values: Omit<typeof certificateRules.$inferInsert, 'organisationId'>): Promise<number> {
  await db.insert(certificateRules).values({ organisationId, ...values });
  return 1;
}

async function createRules(input: LearningDemoInput, organisationId: string) {
  const { db } = input;
  const electrical = await db
    .select({ id: competencies.id, maxLevel: competencies.maxLevel })
    .from(competencies)
    .where(and(like(competencies.name, '%电气%'), or(eq(competencies.organisationId, organisationId), eq(competencies.visibility, 'district'))))
    .limit(1);
  const exam =
    (await firstOf(db.select({ id: exams.id, title: exams.title }).from(exams).where(and(eq(exams.organisationId, organisationId), eq(exams.title, '电气安全上岗考试'))))) ??
    (await firstOf(db.select({ id: exams.id, title: exams.title }).from(exams).where(eq(exams.organisationId, organisationId)).orderBy(asc(exams.createdAt))));
  // The course the fewest have completed yet, so the past completions below make the certificate states on their own.
  const published = await db.select({ id: courses.id, title: courses.title }).from(courses).where(and(eq(courses.organisationId, organisationId), eq(courses.status, 'published'))).orderBy(asc(courses.title));
  const completedBy = async (courseId: string) =>
    Number((await db.select({ n: count() }).from(learningProgress).where(and(eq(learningProgress.activityId, learningActivityIri(input.publicUrl, 'course', courseId)), eq(learningProgress.completed, true))))[0]?.n ?? 0);
  const counted = await Promise.all(published.map(async (c) => ({ ...c, done: await completedBy(c.id) })));
  const course = counted.sort((a, b) => a.done - b.done)[0];
  const projects = await db.select({ id: trainingProjects.id, title: trainingProjects.title }).from(trainingProjects).where(eq(trainingProjects.organisationId, organisationId));
  let rules = 0;
  if (exam) {
    const vouches = electrical[0] ? { competencyId: electrical[0].id, competencyLevel: Math.min(2, electrical[0].maxLevel) } : {};
    rules += await addRule(db, organisationId, { title: '电气作业安全上岗证', triggerKind: 'exam', triggerId: exam.id, validityMonths: 24, ...vouches });
  }
  for (const project of projects) rules += await addRule(db, organisationId, { title: `${project.title}结业证书`, triggerKind: 'project', triggerId: project.id, validityMonths: 36 });
  if (course) rules += await addRule(db, organisationId, { title: `${course.title}岗位合格证`, triggerKind: 'course', triggerId: course.id, validityMonths: 12 });
  return { rules, course };
}

/** Past course completions as the player writes them (statements), so the projection and the certificates follow. */
async function completeCourse(input: LearningDemoInput, organisationId: string, course: { id: string; title: string }) {
  const learners = await showcaseLearners(input.db, organisationId, completionPlan.length);
  const actions = completionPlan.flatMap((plan, i) =>
    learners[i]
      ? plan.daysAgo.map((days) => ({
          personId: learners[i]!.id,
          verb: 'completed' as const,
          activity: { kind: 'course' as const, id: course.id, name: course.title },
          result: { completion: true },
          timestamp: new Date(input.now.getTime() - days * DAY),
        }))
      : [],
  );
  await recordLearning({ db: input.db, clock: { now: () => input.now }, publicUrl: input.publicUrl, scheduleProjection: false }, organisationId, actions);
  return learners;
}

async function revoke(input: LearningDemoInput, organisationId: string, courseId: string, personId: string, reason: string) {
  const [certificate] = await input.db
    .select()
    .from(learningCertificates)
    .where(and(eq(learningCertificates.personId, personId), eq(learningCertificates.sourceId, courseId)));
  if (!certificate) return;
  const revokedAt = new Date(input.now.getTime() - 10 * DAY);
  await input.db.update(learningCertificates).set({ status: 'revoked', revokedAt, revocationReason: reason }).where(eq(learningCertificates.id, certificate.id));
  await recordAudit({ db: input.db, clock: { now: () => revokedAt }, requestId: null, ip: null, actor: null }, {
    entityType: 'learning_certificate', entityId: certificate.id, action: 'revoke', organisationId, before: { status: certificate.status }, after: { status: 'revoked', reason },
  });
}

export async function loadLearningCertificates(input: LearningDemoInput): Promise<Record<string, number>> {
  const organisationId = input.world.organisation('showcase').id;
  const { rules, course } = await createRules(input, organisationId);
  if (course) {
    const learners = await completeCourse(input, organisationId, course);
    // The projection turns the statements into progress (and its listener certifies them); the rest is on demand.
    await projectPending(input.db, input.publicUrl);
    await issueDueCertificates(input.db, { now: () => input.now }, { publicUrl: input.publicUrl, organisationId });
    const revoked = completionPlan.findIndex((p) => p.revokedReason);
    if (learners[revoked]) await revoke(input, organisationId, course.id, learners[revoked]!.id, completionPlan[revoked]!.revokedReason!);
  } else {
    await issueDueCertificates(input.db, { now: () => input.now }, { publicUrl: input.publicUrl, organisationId });
  }
  const [issued] = await input.db.select({ n: count() }).from(learningCertificates).where(eq(learningCertificates.organisationId, organisationId));
  return { certificateRules: rules, learningCertificates: Number(issued?.n ?? 0) };
}
