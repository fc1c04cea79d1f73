import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { courses, examAttempts, examPapers, exams, people, projectEnrolments, trainingProjects, users } from '../../../db/schema/index.ts';
import { syntheticResidentId } from '../../../lib/synthetic-ids.ts';
import { buildTestApp, Client, createOrganisation, createUser, TEST_PUBLIC_URL, type TestApp } from '../../../test/app.ts';
import { recordLearning } from '../record.ts';
import { catchUpProjection } from '../../xapi/projector.ts';

/* Factories for the certificate tests: an enterprise with a manager and a learner, and its projects, courses and exams. */

let serial = 7_000;

export interface CertificateWorld {
  t: TestApp;
  orgId: string;
  manager: Client;
  learner: Client;
  personId: string;
  personName: string;
  residentId: string;
  /** Moves the clock on and signs both in again (sessions lapse after 30 idle minutes). */
  advanceDays(days: number): Promise<void>;
}

/** A person who can sign in with a role in the organisation. */
export async function seedPerson(t: TestApp, orgId: string, role: 'employee' | 'instructor' = 'employee', name = '王小明') {
  const residentId = syntheticResidentId(++serial, '1990-05-04');
  const [person] = await t.db.insert(people).values({ name, residentId }).returning();
  const { user } = await createUser(t.db, orgId, role);
  await t.db.update(users).set({ personId: person!.id }).where(eq(users.id, user.id));
  const client = await new Client(t.app).login(user.username);
  return { person: person!, client, username: user.username };
}

export async function seedWorld(t?: TestApp): Promise<CertificateWorld> {
  const app = t ?? (await buildTestApp());
  const org = await createOrganisation(app.db, { type: 'enterprise' });
  const { user } = await createUser(app.db, org.id, 'training_manager');
  const manager = await new Client(app.app).login(user.username);
  const { person, client, username } = await seedPerson(app, org.id);
  const advanceDays = async (days: number) => {
    app.clock.advance(days * DAY);
    await manager.login(user.username);
    await client.login(username);
  };
  return { t: app, orgId: org.id, manager, learner: client, personId: person.id, personName: person.name, residentId: person.residentId, advanceDays };
}

export async function seedCourse(db: Db, orgId: string, title = '液压系统维护') {
  const [course] = await db.insert(courses).values({ organisationId: orgId, title, status: 'published' }).returning();
  return course!;
}

export async function seedProject(db: Db, orgId: string, title = '新员工安全生产培训') {
  const [project] = await db.insert(trainingProjects).values({ organisationId: orgId, title, status: 'active' }).returning();
  return project!;
}

export async function seedExam(db: Db, orgId: string, title = '电工安全考试') {
  const [paper] = await db.insert(examPapers).values({ organisationId: orgId, title, mode: 'fixed', totalPoints: 100 }).returning();
  const [exam] = await db.insert(exams).values({ organisationId: orgId, paperId: paper!.id, title, timeLimitMinutes: 30, maxAttempts: 3, passScore: 60, status: 'published' }).returning();
  return exam!;
}

/** A graded attempt at the given time. */
export async function seedAttempt(db: Db, examId: string, orgId: string, personId: string, at: Date, passed: boolean, attemptNo = 1) {
  const [attempt] = await db
    .insert(examAttempts)
    .values({ examId, personId, organisationId: orgId, attemptNo, startedAt: at, deadlineAt: at, submittedAt: at, status: 'graded', paper: [], score: passed ? 90 : 30, passed, gradedAt: at })
    .returning();
  return attempt!;
}

export async function seedProjectCompletion(db: Db, projectId: string, orgId: string, personId: string, at: Date) {
  await db.insert(projectEnrolments).values({ projectId, personId, organisationId: orgId, enrolledAt: at, source: 'manual', status: 'completed', completedAt: at });
}

/** The learner completes the course (a statement), and the projection catches up. */
export async function completeCourse(t: TestApp, orgId: string, personId: string, course: { id: string; title: string }, at: Date) {
  await recordLearning({ db: t.db, clock: t.clock, publicUrl: TEST_PUBLIC_URL }, orgId, [
    { personId, verb: 'completed', activity: { kind: 'course', id: course.id, name: course.title }, result: { completion: true }, timestamp: at },
  ]);
  await catchUpProjection(t.db, TEST_PUBLIC_URL);
}

export const ruleBody = (triggerKind: 'project' | 'course' | 'exam', triggerId: string, extra: Record<string, unknown> = {}) => ({
  title: '安全上岗证',
  triggerKind,
  triggerId,
  validityMonths: 12,
  ...extra,
});

export const DAY = 86_400_000;
