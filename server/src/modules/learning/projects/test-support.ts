import { afterAll, beforeAll, beforeEach } from 'vitest';
import { eq } from 'drizzle-orm';
import type { CreateSessionRequest, CreateStageRequest } from '@fulcrum/shared';
import { employments, learnerProfiles, people, users } from '../../../db/schema/index.ts';
import { syntheticResidentId } from '../../../lib/synthetic-ids.ts';
import { buildTestApp, Client, createOrganisation, createUser, signIn, type TestApp } from '../../../test/app.ts';

/*
 * Builders for the project tests: an enterprise with a training manager and an instructor, employees whose accounts
 * are linked to their person records (so they can learn), and projects built over HTTP as a manager would.
 */

let serial = 0;
export const API = '/api/v1/learning';

export async function projectWorld(t: TestApp) {
  const org = await createOrganisation(t.db, { type: 'enterprise' });
  const manager = await signIn(t, org.id, 'training_manager');
  const { user: instructorUser } = await createUser(t.db, org.id, 'instructor');
  const instructor = await new Client(t.app).login(instructorUser.username);
  return { org, manager, instructor, instructorUser };
}

export type ProjectWorld = Awaited<ReturnType<typeof projectWorld>>;

/** One test app for the file; before each test the clock goes back to `start` and a fresh enterprise is built. */
export function useProjectWorld(start: string, assign: (t: TestApp, world: ProjectWorld) => void) {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  beforeEach(async () => {
    t.clock.set(new Date(start));
    assign(t, await projectWorld(t));
  });
  afterAll(() => t.close());
}

/** An employee of the organisation with a signed-in account (hired on startDate; department and role profile optional). */
export async function seedLearner(
  t: TestApp,
  organisationId: string,
  options: { name?: string; startDate?: string; endDate?: string | null; department?: string; roleProfileId?: string } = {},
) {
  serial++;
  const [person] = await t.db
    .insert(people)
    .values({ name: options.name ?? `学员${serial}`, residentId: syntheticResidentId(500 + serial, `${1990 + Math.floor(serial / 300)}0301`, '120224') })
    .returning();
  await t.db.insert(employments).values({ personId: person!.id, organisationId, position: '维修工', startDate: options.startDate ?? '2025-01-01', endDate: options.endDate ?? null });
  if (options.department || options.roleProfileId) {
    await t.db.insert(learnerProfiles).values({ organisationId, personId: person!.id, department: options.department ?? null, roleProfileId: options.roleProfileId ?? null });
  }
  const { user } = await createUser(t.db, organisationId, 'employee');
  await t.db.update(users).set({ personId: person!.id }).where(eq(users.id, user.id));
  const client = await new Client(t.app).login(user.username);
  return { person: person!, user, client };
}

/** Creates a project over HTTP with the given stages (in draft); answers its detail. */
export async function createProjectWith(manager: Client, stages: CreateStageRequest[], title = '新员工安全上岗培训') {
  const created = await manager.post(`${API}/projects`, { title, description: '三周内完成', startsOn: '2026-03-01', endsOn: '2026-06-30' });
  if (created.statusCode !== 201) throw new Error(`create project: ${created.statusCode} ${created.body}`);
  let detail = created.json();
  for (const stage of stages) {
    const response = await manager.post(`${API}/projects/${detail.id}/stages`, stage);
    if (response.statusCode !== 201) throw new Error(`add stage: ${response.statusCode} ${response.body}`);
    detail = response.json();
  }
  return detail as { id: string; status: string; stages: { id: string; kind: string; title: string; sessions: { id: string }[] }[] };
}

export const offlineStage = (dueDays = 7): CreateStageRequest => ({ kind: 'offline', title: '液压系统实操课', dueDays });
export const practicalStage = (passScore = 60, dueDays = 14): CreateStageRequest => ({ kind: 'practical', title: '液压泵拆装实操报告', dueDays, passScore });

/** Schedules a session of a stage over HTTP; answers its id. */
export async function scheduleSession(manager: Client, projectId: string, body: Omit<CreateSessionRequest, 'title' | 'venue'> & { title?: string; venue?: string }) {
  const response = await manager.post(`${API}/projects/${projectId}/sessions`, { title: '液压实操第一期', venue: '二号车间实训区', ...body });
  if (response.statusCode !== 201) throw new Error(`schedule session: ${response.statusCode} ${response.body}`);
  return response.json().id as string;
}

export async function activate(manager: Client, projectId: string) {
  const response = await manager.post(`${API}/projects/${projectId}/activate`);
  if (response.statusCode !== 200) throw new Error(`activate: ${response.statusCode} ${response.body}`);
  return response.json();
}

export async function enrolByHand(manager: Client, projectId: string, personIds: string[]) {
  const response = await manager.post(`${API}/projects/${projectId}/enrolments`, { personIds });
  if (response.statusCode !== 200) throw new Error(`enrol: ${response.statusCode} ${response.body}`);
  return response.json();
}
