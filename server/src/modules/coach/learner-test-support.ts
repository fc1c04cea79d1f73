import { eq } from 'drizzle-orm';
import type { MyCoach, Role } from '@fulcrum/shared';
import { coachMastery, employments, learnerProfiles, people, users } from '../../db/schema/index.ts';
import { syntheticResidentId } from '../../lib/synthetic-ids.ts';
import { Client, createOrganisation, createUser, type TestApp } from '../../test/app.ts';
import { addLesson, API, createCourse, createPoint } from '../learning/catalogue/test-support.ts';
import { expectStatus } from '../training-centres/test-support.ts';

/*
 * The coach tests' world, built through the catalogue's HTTP API by the enterprise's training manager: knowledge
 * points 基础识图 → 液压原理 → 故障诊断 (prerequisites) and 安全规程; competency 液压维修 (液压原理 at level 1, 故障诊断 at
 * level 2) and 安全操作 (安全规程 at level 1); role profile 液压维修工 (液压维修 level 2 weight 70, 安全操作 level 1
 * weight 30); published lessons on them and a draft course. Learners are people with an account and a learner profile;
 * mastery rows are seeded directly (the projector's listener keeps them in production).
 */

let serial = 0;

export interface Learner {
  client: Client;
  username: string;
  personId: string;
  /** Signs in again (sessions idle out when a test moves the clock by days). */
  relogin(): Promise<void>;
}

/** A person employed at the organisation with an account of the role linked to them, signed in. */
export async function learnerAccount(t: TestApp, organisationId: string, role: Role = 'employee', name = `学员${++serial}`): Promise<Learner> {
  const [person] = await t.db.insert(people).values({ name, residentId: syntheticResidentId(810_000 + ++serial) }).returning();
  await t.db.insert(employments).values({ personId: person!.id, organisationId, position: '维修工', startDate: '2024-01-01' });
  const { user } = await createUser(t.db, organisationId, role);
  await t.db.update(users).set({ personId: person!.id }).where(eq(users.id, user.id));
  const client = await new Client(t.app).login(user.username);
  return { client, username: user.username, personId: person!.id, relogin: async () => void (await client.login(user.username)) };
}

/** Sets a person's department and role profile in the organisation (as the learners page does). */
export async function assignProfile(t: TestApp, organisationId: string, personId: string, roleProfileId: string | null, department = '维修部') {
  await t.db.insert(learnerProfiles).values({ organisationId, personId, department, roleProfileId }).onConflictDoUpdate({ target: [learnerProfiles.organisationId, learnerProfiles.personId], set: { department, roleProfileId } });
}

/** BKT mastery rows for a person, straight in the table. */
export async function seedMastery(t: TestApp, personId: string, mastery: Record<string, number>) {
  for (const [knowledgePointId, value] of Object.entries(mastery)) {
    await t.db
      .insert(coachMastery)
      .values({ personId, knowledgePointId, mastery: value, answers: 4, correct: 3 })
      .onConflictDoUpdate({ target: [coachMastery.personId, coachMastery.knowledgePointId], set: { mastery: value } });
  }
}

async function publishedLessons(trainer: Client, title: string, lessons: { title: string; kind: 'video' | 'micro_course' | 'rich_text'; minutes: number; points: string[] }[], publish = true) {
  const course = await createCourse(trainer, title);
  const ids: string[] = [];
  for (const lesson of lessons) {
    const made = await addLesson(trainer, course.id, { title: lesson.title, kind: lesson.kind, durationSeconds: lesson.minutes * 60, knowledgePointIds: lesson.points, ...(lesson.kind === 'rich_text' ? {} : { body: null }) });
    ids.push(made.id);
  }
  if (publish) await expectStatus(trainer.post(`${API}/courses/${course.id}/status`, { status: 'published' }), 200);
  return { courseId: course.id, ids };
}

/** The enterprise's catalogue for the coach (see above), made by its training manager. */
export async function coachCatalogue(trainer: Client) {
  const basics = await createPoint(trainer, '基础识图');
  const hydraulics = await createPoint(trainer, '液压原理');
  const diagnosis = await createPoint(trainer, '故障诊断');
  const safety = await createPoint(trainer, '安全规程');
  await expectStatus(trainer.post(`${API}/knowledge-points/${hydraulics.id}/prerequisites`, { prerequisiteId: basics.id }), 200);
  await expectStatus(trainer.post(`${API}/knowledge-points/${diagnosis.id}/prerequisites`, { prerequisiteId: hydraulics.id }), 200);
  const repair = await expectStatus<{ id: string }>(
    trainer.post(`${API}/competencies`, { code: `C-R-${++serial}`, name: '液压维修', maxLevel: 3, knowledgePoints: [{ knowledgePointId: hydraulics.id, level: 1 }, { knowledgePointId: diagnosis.id, level: 2 }] }),
    201,
  );
  const safe = await expectStatus<{ id: string }>(trainer.post(`${API}/competencies`, { code: `C-S-${++serial}`, name: '安全操作', maxLevel: 2, knowledgePoints: [{ knowledgePointId: safety.id, level: 1 }] }), 201);
  const profile = await expectStatus<{ id: string }>(
    trainer.post(`${API}/role-profiles`, { name: `液压维修工${serial}`, requirements: [{ competencyId: repair.id, requiredLevel: 2, weight: 70 }, { competencyId: safe.id, requiredLevel: 1, weight: 30 }] }),
    201,
  );
  const course = await publishedLessons(trainer, '液压系统维护', [
    { title: '识图入门', kind: 'rich_text', minutes: 20, points: [basics.id] },
    { title: '液压原理精讲', kind: 'video', minutes: 30, points: [hydraulics.id] },
    { title: '液压原理速览', kind: 'micro_course', minutes: 10, points: [hydraulics.id] },
    { title: '故障诊断实例', kind: 'micro_course', minutes: 8, points: [diagnosis.id] },
  ]);
  const safetyCourse = await publishedLessons(trainer, '安全生产', [
    { title: '安全规程要点', kind: 'micro_course', minutes: 6, points: [safety.id] },
    { title: '安全规程详解', kind: 'video', minutes: 20, points: [safety.id] },
  ]);
  const draft = await publishedLessons(trainer, '未发布课程', [{ title: '液压草稿课', kind: 'micro_course', minutes: 1, points: [hydraulics.id] }], false);
  const [basicsLesson, hydraulicsLong, hydraulicsShort, diagnosisLesson] = course.ids as [string, string, string, string];
  const [safetyShort, safetyLong] = safetyCourse.ids as [string, string];
  return {
    points: { basics: basics.id, hydraulics: hydraulics.id, diagnosis: diagnosis.id, safety: safety.id },
    competencies: { repair: repair.id, safe: safe.id },
    roleProfileId: profile.id,
    courseId: course.courseId,
    lessons: { basicsLesson, hydraulicsLong, hydraulicsShort, diagnosisLesson, safetyShort, safetyLong, draft: draft.ids[0]! },
  };
}
export type CoachCatalogue = Awaited<ReturnType<typeof coachCatalogue>>;

/** An enterprise of Baodi with its training manager. */
export async function coachEnterprise(t: TestApp) {
  const org = await createOrganisation(t.db, { type: 'enterprise' });
  const { user } = await createUser(t.db, org.id, 'training_manager');
  return { id: org.id, trainer: await new Client(t.app).login(user.username) };
}

/**
 * An enterprise with the coach catalogue and learners on its role profile, all starting alike: 基础识图 mastered (0.97),
 * 液压原理 0.30, 故障诊断 0.10, 安全规程 0.50.
 */
export async function coachWorld(t: TestApp, learnerCount: number) {
  const ent = await coachEnterprise(t);
  const cat = await coachCatalogue(ent.trainer);
  const learners: Learner[] = [];
  for (let i = 0; i < learnerCount; i++) {
    const learner = await learnerAccount(t, ent.id);
    await assignProfile(t, ent.id, learner.personId, cat.roleProfileId);
    await seedMastery(t, learner.personId, { [cat.points.basics]: 0.97, [cat.points.hydraulics]: 0.3, [cat.points.diagnosis]: 0.1, [cat.points.safety]: 0.5 });
    learners.push(learner);
  }
  return { orgId: ent.id, cat, learners };
}

export const getCoach = (client: Client) => expectStatus<MyCoach>(client.get('/api/v1/coach/me'), 200);
export const pushCoach = (client: Client) => expectStatus<MyCoach>(client.post('/api/v1/coach/me/pushes'), 200);
