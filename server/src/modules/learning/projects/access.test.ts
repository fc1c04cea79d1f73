import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@fulcrum/shared';
import { buildTestApp, Client, createOrganisation, createUser, signIn, type TestApp } from '../../../test/app.ts';
import { activate, API, createProjectWith, enrolByHand, offlineStage, practicalStage, projectWorld, scheduleSession, seedLearner } from './test-support.ts';

/*
 * Who reaches what: managers (enterprise admin, training manager) their organisation's projects; instructors the
 * sessions they teach; everyone else neither (403); another organisation's records are 404 for everyone.
 */

let t: TestApp;
let home: Awaited<ReturnType<typeof projectWorld>>;
let away: Awaited<ReturnType<typeof projectWorld>>;
let projectId: string;
let stageId: string;
let sessionId: string;
let learner: Awaited<ReturnType<typeof seedLearner>>;

beforeAll(async () => {
  t = await buildTestApp();
  home = await projectWorld(t);
  away = await projectWorld(t);
  const project = await createProjectWith(home.manager, [offlineStage(), practicalStage()]);
  projectId = project.id;
  stageId = project.stages[1]!.id;
  sessionId = await scheduleSession(home.manager, projectId, {
    stageId: project.stages[0]!.id,
    startsAt: '2026-03-02T10:00:00+08:00',
    endsAt: '2026-03-02T12:00:00+08:00',
    capacity: 5,
    instructorUserId: home.instructorUser.id,
  });
  await activate(home.manager, projectId);
  learner = await seedLearner(t, home.org.id);
  await enrolByHand(home.manager, projectId, [learner.person.id]);
});
afterAll(() => t.close());

const manageRoutes = () => [
  ['GET', `${API}/projects`],
  ['GET', `${API}/projects/${projectId}`],
  ['GET', `${API}/projects/${projectId}/enrolments`],
  ['GET', `${API}/projects/options`],
  ['POST', `${API}/projects/${projectId}/rules/apply`],
] as const;
const teachRoutes = () => [
  ['GET', `${API}/sessions/${sessionId}`],
  ['GET', `${API}/sessions/${sessionId}/check-in-token`],
  ['GET', `${API}/projects/${projectId}/submissions`],
] as const;

async function statuses(client: Client, routes: readonly (readonly [string, string])[]) {
  const result = [];
  for (const [method, url] of routes) result.push((await client.request({ method: method as 'GET' | 'POST', url })).statusCode);
  return result;
}

describe('project management by role', () => {
  const cases: [Role, number][] = [
    ['enterprise_admin', 200],
    ['training_manager', 200],
    ['instructor', 403],
    ['employee', 403],
  ];
  it.each(cases)('%s → %i', async (role, expected) => {
    const client = await signIn(t, home.org.id, role);
    expect(await statuses(client, manageRoutes())).toEqual(manageRoutes().map(() => expected));
  });

  it('answers 404 for another organisation’s project and session, even to its managers', async () => {
    const codes = await statuses(away.manager, [...manageRoutes().slice(1, 3), ['POST', `${API}/projects/${projectId}/rules/apply`], ...teachRoutes()]);
    expect(codes).toEqual([404, 404, 404, 404, 404, 404]);
    const patch = await away.manager.patch(`${API}/projects/${projectId}`, { title: '改名' });
    expect(patch.statusCode).toBe(404);
    expect((await home.manager.get(`${API}/projects/${projectId}`)).json().title).not.toBe('改名');
  });

  it('refuses a department officer (403)', async () => {
    const department = await createOrganisation(t.db, { type: 'government_department' });
    const officer = await signIn(t, department.id, 'department_officer');
    expect(await statuses(officer, manageRoutes())).toEqual(manageRoutes().map(() => 403));
  });
});

describe('sessions by role', () => {
  it('lets the session’s instructor and the managers run it; another instructor gets 404', async () => {
    expect(await statuses(home.instructor, teachRoutes())).toEqual([200, 200, 200]);
    expect(await statuses(home.manager, teachRoutes())).toEqual([200, 200, 200]);
    const { user } = await createUser(t.db, home.org.id, 'instructor');
    const colleague = await new Client(t.app).login(user.username);
    expect(await statuses(colleague, teachRoutes())).toEqual([404, 404, 404]);
    expect((await colleague.get(`${API}/sessions`)).json().items).toEqual([]);
    expect((await home.instructor.get(`${API}/sessions`)).json().items.map((s: { id: string }) => s.id)).toEqual([sessionId]);
    expect(await statuses(learner.client, teachRoutes())).toEqual([403, 403, 403]);
  });

  it('keeps learners to their own enrolments', async () => {
    expect((await learner.client.get(`${API}/my/projects`)).json().items.map((p: { id: string }) => p.id)).toEqual([projectId]);
    const stranger = await seedLearner(t, away.org.id);
    expect((await stranger.client.get(`${API}/my/projects/${projectId}`)).statusCode).toBe(404);
    expect((await stranger.client.post(`${API}/sessions/${sessionId}/register`)).statusCode).toBe(404);
    expect((await stranger.client.post(`${API}/my/projects/${projectId}/stages/${stageId}/submission`, { text: '冒充' })).statusCode).toBe(404);
    const noPerson = await signIn(t, home.org.id, 'training_manager');
    expect((await noPerson.get(`${API}/my/projects`)).json().items).toEqual([]);
    expect((await noPerson.get(`${API}/notifications`)).json()).toEqual({ items: [], unread: 0 });
  });

  it('requires signing in', async () => {
    const anonymous = new Client(t.app);
    expect((await anonymous.get(`${API}/my/projects`)).statusCode).toBe(401);
    expect((await anonymous.post(`${API}/check-in`, { token: 'x' })).statusCode).toBe(401);
  });
});
