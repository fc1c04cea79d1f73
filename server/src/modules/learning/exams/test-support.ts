import { afterAll, beforeAll } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { QuestionInput } from '@fulcrum/shared';
import { knowledgePoints, people, users } from '../../../db/schema/index.ts';
import { syntheticResidentId } from '../../../lib/synthetic-ids.ts';
import { buildTestApp, Client, createOrganisation, createUser, type TestApp } from '../../../test/app.ts';

/*
 * Builders for the exam tests: an enterprise with a manager, an instructor and employees who are registered persons,
 * knowledge points straight in the database, and questions, papers and exams made over HTTP.
 */

let serial = 5000;

export async function seedKnowledgePoint(t: TestApp, organisationId: string, name: string) {
  serial++;
  const [kp] = await t.db.insert(knowledgePoints).values({ organisationId, code: `KP-${serial}`, name, trade: '电工' }).returning();
  return kp!;
}

/** An employee account that is a person in the registry, signed in. */
export async function signInLearner(t: TestApp, organisationId: string, name = '张三') {
  serial++;
  const [person] = await t.db.insert(people).values({ name, residentId: syntheticResidentId(serial) }).returning();
  const { user } = await createUser(t.db, organisationId, 'employee');
  await t.db.update(users).set({ personId: person!.id }).where(eq(users.id, user.id));
  return { client: await new Client(t.app).login(user.username), personId: person!.id };
}

export async function signInManager(t: TestApp, organisationId: string) {
  const { user } = await createUser(t.db, organisationId, 'training_manager');
  return new Client(t.app).login(user.username);
}

export async function examWorld(t: TestApp) {
  const org = await createOrganisation(t.db, { type: 'enterprise' });
  const manager = await signInManager(t, org.id);
  const { user: instructorUser } = await createUser(t.db, org.id, 'instructor');
  const instructor = await new Client(t.app).login(instructorUser.username);
  const kp = await seedKnowledgePoint(t, org.id, '电气安全');
  const kp2 = await seedKnowledgePoint(t, org.id, '触电急救');
  return { org, manager, instructor, kp, kp2 };
}

export type ExamWorld = Awaited<ReturnType<typeof examWorld>>;

/** One test app for the file with one exam world, built before its tests. */
export function useExamWorld(assign: (t: TestApp, world: ExamWorld) => void) {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
    assign(t, await examWorld(t));
  });
  afterAll(() => t.close());
}

export const singleQ = (kp: string, overrides: Partial<QuestionInput> = {}): QuestionInput =>
  ({
    kind: 'single',
    stem: '我国安全电压的最高额定值是多少？',
    options: [
      { key: 'A', text: '36V' },
      { key: 'B', text: '42V' },
      { key: 'C', text: '220V' },
    ],
    answer: 'B',
    explanation: 'GB/T 3805 规定安全电压额定值上限为 42V。',
    difficulty: 2,
    knowledgePointIds: [kp],
    ...overrides,
  }) as QuestionInput;

/** One question of each kind on a knowledge point; answers: B, [A,C], true, '绝缘', (short). */
export const everyKind = (kp: string): QuestionInput[] => [
  singleQ(kp),
  { kind: 'multiple', stem: '哪些属于基本安全用具？', options: [{ key: 'A', text: '绝缘手套' }, { key: 'B', text: '安全帽' }, { key: 'C', text: '绝缘杆' }], answer: ['A', 'C'], explanation: '', difficulty: 3, knowledgePointIds: [kp] },
  { kind: 'true_false', stem: '停电作业前必须先验电。', answer: true, explanation: '', difficulty: 1, knowledgePointIds: [kp] },
  { kind: 'fill_in', stem: '电工作业须穿戴____鞋。', answer: ['绝缘', 'insulated'], explanation: '', difficulty: 2, knowledgePointIds: [kp] },
  { kind: 'short_answer', stem: '简述触电急救的步骤。', answer: '切断电源、脱离电源、判断意识、心肺复苏。', explanation: '', difficulty: 4, knowledgePointIds: [kp] },
];

export async function addQuestion(client: Client, body: QuestionInput) {
  const res = await client.post('/api/v1/learning/questions', body);
  if (res.statusCode !== 201) throw new Error(`question: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string };
}

/** A published exam on a fixed paper of the given questions (10 points each unless told). */
export async function publishedExam(client: Client, questionIds: string[], overrides: Record<string, unknown> = {}, points = 10) {
  const paper = await client.post('/api/v1/learning/papers', { mode: 'fixed', title: '测试卷', items: questionIds.map((questionId) => ({ questionId, points })) });
  if (paper.statusCode !== 201) throw new Error(`paper: ${paper.statusCode} ${paper.body}`);
  const exam = await client.post('/api/v1/learning/exams', { title: '电工安全考试', paperId: paper.json().id, timeLimitMinutes: 30, maxAttempts: 2, passScore: 20, shuffleQuestions: true, shuffleOptions: true, ...overrides });
  if (exam.statusCode !== 201) throw new Error(`exam: ${exam.statusCode} ${exam.body}`);
  const published = await client.post(`/api/v1/learning/exams/${exam.json().id}/publish`);
  if (published.statusCode !== 200) throw new Error(`publish: ${published.statusCode} ${published.body}`);
  return published.json() as { id: string; paperId: string };
}

/** Rows of a raw query (for checking what the API wrote). */
export async function rowsOf<T>(t: TestApp, query: string): Promise<T[]> {
  const result = (await t.db.execute(sql.raw(query))) as unknown as { rows: T[] };
  return result.rows;
}

/** The audit actions of an entity, oldest first. */
export async function auditActions(t: TestApp, entityId: string): Promise<string[]> {
  return (await rowsOf<{ action: string }>(t, `select action from audit_log where entity_id = '${entityId}' order by at, id`)).map((r) => r.action);
}
