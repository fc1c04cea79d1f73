import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { auditLog, industrialParks, organisations, trainingMatches, trainingNeeds, workflowEvents } from '../../db/schema/index.ts';
import { syntheticResidentId } from '../../lib/synthetic-ids.ts';
import { buildTestApp, Client, createOrganisation, signIn, type TestApp } from '../../test/app.ts';
import { insertAssessments, insertCentre, insertTraining, type CentreFixture } from '../centre-operations/test-fixtures.ts';

/*
 * Resource matching: a need, its proposals (only covering centres with rights, ranked by the stated score with the
 * numbers in every reason), and a match request tracked through accept / decline / cancel / complete with the
 * trainees' results. The clock stands at 2026-03-02 09:00 Beijing time.
 */

let t: TestApp;
let hrssOfficer: Client;
let tangshanOfficer: Client;
let requesterAdmin: Client;
let requesterTrainer: Client;
let requesterEmployee: Client;
let otherEnterprise: Client;
let requester: { id: string };
let parkP1: { id: string; nameZh: string; nameEn: string };
let parkP2: { id: string };

interface Party { org: { id: string }; centre: CentreFixture; admin: Client }
let near: Party; // same park, little capacity left, good pass rate
let sameRegion: Party; // other park in baodi, 5 of 10 passed
let tieA: Party; // same score as sameRegion, certificate numbers decide the order
let tieB: Party;
let farAway: Party; // tangshan, no assessments
let suspended: Party;
let expired: Party;
let wrongLevel: Party;
let ownCentre: CentreFixture;

interface Issue { path: string; code: string }
interface ErrorBody { error: { code: string; details?: { issues?: Issue[]; effectiveStatus?: string; currentState?: string } } }
interface Component { key: string; weight: number; value: number; reasonZh: string; reasonEn: string }
interface Proposal { centreId: string; certificateNo: string; organisationName: string; regionId: string; industrialParkName: string | null; score: number; components: Component[]; openMatchId: string | null; openMatchStatus: string | null }
interface Need { id: string; status: string; canCancel: boolean; organisationId: string; industrialParkName: string | null; matches?: Match[] }
interface Match {
  id: string; needId: string; centreId: string; status: string; score: number; components: Component[]; responseNote: string | null;
  need: { status: string; headcount: number }; availableTransitions: string[];
  results?: { assessed: number; passed: number; passRate: number | null; assessments: { personName: string; residentIdMasked: string; passed: boolean; matchId: string }[] };
  history?: { transition: string; fromState: string; toState: string; comment: string | null; actorRole: string | null }[];
}

const errorOf = (body: string) => (JSON.parse(body) as ErrorBody).error;
const V1 = '/api/v1';

async function party(regionId: string, parkId: string | null, centre: Omit<Parameters<typeof insertCentre>[2], 'scope'> & { scope?: Parameters<typeof insertCentre>[2]['scope'] }): Promise<Party> {
  const org = await createOrganisation(t.db, { type: 'enterprise', regionId });
  if (parkId) await t.db.update(organisations).set({ industrialParkId: parkId }).where(eq(organisations.id, org.id));
  const c = await insertCentre(t.db, org.id, { scope: [{ occupation: 'welder', levels: [5, 4, 3] }], ...centre });
  return { org, centre: c, admin: await signIn(t, org.id, 'enterprise_admin') };
}

const needBody = (overrides: Record<string, unknown> = {}) => ({
  occupation: 'welder', level: 4, headcount: 30, preferredStart: '2026-04-01', preferredEnd: '2026-06-30', industrialParkId: parkP1.id, location: '宝坻九园', ...overrides,
});

async function postNeed(overrides: Record<string, unknown> = {}) {
  const response = await requesterAdmin.post(`${V1}/training-needs`, needBody(overrides));
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Need>();
}

async function request(needId: string, centreId: string, client = requesterAdmin) {
  const response = await client.post(`${V1}/training-needs/${needId}/matches`, { centreId, message: '请安排四月开班' });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Match>();
}

const needStatus = async (id: string) => (await t.db.select().from(trainingNeeds).where(eq(trainingNeeds.id, id)))[0]!.status;

beforeAll(async () => {
  t = await buildTestApp();
  const parks = await t.db.select().from(industrialParks).where(eq(industrialParks.regionId, 'baodi')).orderBy(asc(industrialParks.nameZh));
  expect(parks.length).toBeGreaterThanOrEqual(2);
  parkP1 = parks[0]!;
  parkP2 = parks[1]!;
  const hrss = await createOrganisation(t.db, { type: 'government_department', regionId: 'baodi' });
  const tangshanHrss = await createOrganisation(t.db, { type: 'government_department', regionId: 'tangshan' });
  hrssOfficer = await signIn(t, hrss.id, 'department_officer');
  tangshanOfficer = await signIn(t, tangshanHrss.id, 'department_officer');

  requester = await createOrganisation(t.db, { type: 'enterprise', regionId: 'baodi' });
  await t.db.update(organisations).set({ industrialParkId: parkP1.id }).where(eq(organisations.id, requester.id));
  requesterAdmin = await signIn(t, requester.id, 'enterprise_admin');
  requesterTrainer = await signIn(t, requester.id, 'training_manager');
  requesterEmployee = await signIn(t, requester.id, 'employee');
  ownCentre = await insertCentre(t.db, requester.id, { certificateNo: 'TC120115-2025-001', scope: [{ occupation: 'welder', levels: [4] }] });
  const other = await createOrganisation(t.db, { type: 'enterprise', regionId: 'baodi' });
  otherEnterprise = await signIn(t, other.id, 'enterprise_admin');

  // Same park: capacity 600, 420 trainees this year + 160 committed to an accepted match → 20 left for 30 people.
  near = await party('baodi', parkP1.id, { certificateNo: 'TC120115-2025-010', annualCapacity: 600 });
  await insertTraining(t.db, near.centre, { occupation: 'welder', level: 4, startsOn: '2026-01-10', traineeCount: 400 });
  await insertTraining(t.db, near.centre, { occupation: 'welder', level: 5, startsOn: '2026-02-10', traineeCount: 20 });
  await insertTraining(t.db, near.centre, { occupation: 'welder', level: 5, startsOn: '2025-12-10', traineeCount: 500 }); // last year: not counted
  const [otherNeed] = await t.db
    .insert(trainingNeeds)
    .values({ organisationId: other.id, regionId: 'baodi', occupation: 'welder', level: 3, headcount: 160, preferredStart: '2026-03-01', preferredEnd: '2026-05-01', status: 'matched' })
    .returning();
  await t.db.insert(trainingMatches).values({
    needId: otherNeed!.id, centreId: near.centre.id, organisationId: other.id, centreOrganisationId: near.org.id, regionId: 'baodi',
    status: 'accepted', score: { score: 0.9, components: [] }, requestedAt: t.clock.now(), respondedAt: t.clock.now(),
  });
  await insertAssessments(t.db, near.centre, { occupation: 'welder', level: 4, assessedOn: '2025-10-01', count: 40, passed: 34 });
  await insertAssessments(t.db, near.centre, { occupation: 'electrician', level: 5, assessedOn: '2025-10-01', count: 5, passed: 0 }); // another occupation

  sameRegion = await party('baodi', parkP2.id, { certificateNo: 'TC120115-2025-050', annualCapacity: 300 });
  await insertAssessments(t.db, sameRegion.centre, { occupation: 'welder', level: 5, assessedOn: '2025-09-01', count: 10, passed: 5 });
  tieB = await party('baodi', null, { certificateNo: 'TC120115-2025-102', annualCapacity: 100 });
  tieA = await party('baodi', null, { certificateNo: 'TC120115-2025-101', annualCapacity: 100 });
  await insertAssessments(t.db, tieA.centre, { occupation: 'welder', level: 4, assessedOn: '2025-09-01', count: 2, passed: 1 });
  farAway = await party('tangshan', null, { certificateNo: 'TC130200-2025-001', annualCapacity: 1000 });

  suspended = await party('baodi', parkP1.id, { certificateNo: 'TC120115-2025-020', status: 'suspended', statusReason: '年审暂停' });
  expired = await party('baodi', parkP1.id, { certificateNo: 'TC120115-2025-021', validUntil: '2026-01-31' });
  wrongLevel = await party('baodi', parkP1.id, { certificateNo: 'TC120115-2025-022', scope: [{ occupation: 'welder', levels: [5] }] });
});
afterAll(() => t.close());

describe('posting a training need', () => {
  it('posts a need for the enterprise, audited', async () => {
    const need = await postNeed();
    expect(need).toMatchObject({ organisationId: requester.id, status: 'open', canCancel: true, industrialParkName: parkP1.nameZh });
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'training_need'), eq(auditLog.entityId, need.id)));
    expect(audit.map((a) => [a.action, a.organisationId])).toEqual([['create', requester.id]]);
  });

  it("refuses a park of another region, dates in the wrong order, and roles that do not post needs", async () => {
    const [tangshanPark] = await t.db.select().from(industrialParks).where(eq(industrialParks.regionId, 'tangshan'));
    const park = await requesterAdmin.post(`${V1}/training-needs`, needBody({ industrialParkId: tangshanPark!.id }));
    expect(park.statusCode).toBe(400);
    expect(errorOf(park.body).details!.issues).toEqual([expect.objectContaining({ path: 'body.industrialParkId', code: 'UNKNOWN_PARK' })]);
    const order = await requesterAdmin.post(`${V1}/training-needs`, needBody({ preferredEnd: '2026-03-31' }));
    expect(errorOf(order.body).details!.issues).toEqual([expect.objectContaining({ path: 'body.preferredEnd', code: 'DATE_ORDER' })]);
    const headcount = await requesterAdmin.post(`${V1}/training-needs`, needBody({ headcount: 0 }));
    expect(errorOf(headcount.body).details!.issues![0]!.path).toBe('body.headcount');
    expect((await requesterEmployee.post(`${V1}/training-needs`, needBody())).statusCode).toBe(403);
    expect((await hrssOfficer.post(`${V1}/training-needs`, needBody())).statusCode).toBe(403);
  });

  it("lists needs: an enterprise its own, a department its region's", async () => {
    const own = (await requesterTrainer.get(`${V1}/training-needs?status=open`)).json<{ items: Need[] }>();
    expect(own.items.length).toBeGreaterThan(0);
    expect(new Set(own.items.map((n) => n.organisationId))).toEqual(new Set([requester.id]));
    expect((await otherEnterprise.get(`${V1}/training-needs?status=open`)).json<{ total: number }>().total).toBe(0);
    expect((await hrssOfficer.get(`${V1}/training-needs?status=open`)).json<{ total: number }>().total).toBe(own.items.length);
    expect((await tangshanOfficer.get(`${V1}/training-needs`)).json<{ total: number }>().total).toBe(0);
  });
});

describe('proposals', () => {
  let need: Need;
  let proposals: Proposal[];

  beforeAll(async () => {
    need = await postNeed();
    const response = await requesterAdmin.get(`${V1}/training-needs/${need.id}/proposals`);
    expect(response.statusCode, response.body).toBe(200);
    proposals = response.json<Proposal[]>();
  });

  it('lists only covering centres with rights, never the enterprise\'s own, ranked by score with ties by certificate number', () => {
    expect(proposals.map((p) => p.certificateNo)).toEqual([
      'TC120115-2025-010', // near: 0.8833
      'TC120115-2025-050', // sameRegion: 0.82
      'TC120115-2025-101', // tieA: 0.82
      'TC120115-2025-102', // tieB: 0.82
      'TC130200-2025-001', // farAway: 0.74
    ]);
    expect(proposals.map((p) => p.score)).toEqual([0.8833, 0.82, 0.82, 0.82, 0.74]);
    const excluded = [suspended, expired, wrongLevel].map((p) => p.centre.id).concat(ownCentre.id);
    for (const p of proposals) expect(excluded).not.toContain(p.centreId);
  });

  it('explains every component with the numbers behind it', () => {
    const byKey = (p: Proposal) => Object.fromEntries(p.components.map((c) => [c.key, c]));
    const first = byKey(proposals[0]!);
    expect(proposals[0]!.components.map((c) => [c.key, c.weight])).toEqual([['scopeFit', 0.35], ['capacity', 0.25], ['distance', 0.2], ['passRate', 0.2]]);
    expect(first.scopeFit).toMatchObject({ value: 1, reasonZh: '认定范围覆盖 焊工 四级/中级工' });
    expect(first.capacity).toMatchObject({ value: 0.6667, reasonZh: '年度培训能力 600 人次，已用 580，可用 20，需求 30 人' });
    expect(first.capacity!.reasonEn).toBe('Annual capacity 600 person-times, used 580, available 20, need 30 people');
    expect(first.distance).toMatchObject({ value: 1, reasonZh: `同一园区：${parkP1.nameZh}`, reasonEn: `Same industrial park: ${parkP1.nameEn}` });
    expect(first.passRate).toMatchObject({ value: 0.8333, reasonZh: '该职业评价 40 人次，通过 34，通过率 85%' });
    expect(proposals[0]!.industrialParkName).toBe(parkP1.nameZh);

    const region = byKey(proposals.find((p) => p.centreId === sameRegion.centre.id)!);
    expect(region.capacity).toMatchObject({ value: 1, reasonZh: '年度培训能力 300 人次，已用 0，可用 300，需求 30 人' });
    expect(region.distance).toMatchObject({ value: 0.6, reasonZh: '同一区域：天津市宝坻区' });
    expect(region.passRate).toMatchObject({ value: 0.5, reasonZh: '该职业评价 10 人次，通过 5，通过率 50%' });

    const tie = byKey(proposals.find((p) => p.centreId === tieA.centre.id)!);
    expect(tie.passRate).toMatchObject({ value: 0.5, reasonZh: '该职业评价 2 人次，通过 1，通过率 50%' });

    const far = byKey(proposals.at(-1)!);
    expect(far.distance).toMatchObject({ value: 0.2 });
    expect(far.distance!.reasonZh).toMatch(/^跨区域：/);
    expect(far.passRate).toMatchObject({ value: 0.5, reasonZh: '该职业尚无评价记录，按 50% 计' });
    for (const p of proposals) expect(p.score).toBeCloseTo(p.components.reduce((s, c) => s + c.weight * c.value, 0), 4);
  });

  it("uses the enterprise's park when the need names none", async () => {
    const parkless = await postNeed({ industrialParkId: undefined });
    const list = (await requesterAdmin.get(`${V1}/training-needs/${parkless.id}/proposals`)).json<Proposal[]>();
    expect(list[0]!.components.find((c) => c.key === 'distance')).toMatchObject({ value: 1 });
  });

  it("is readable by the need's enterprise and its region's departments only", async () => {
    expect((await hrssOfficer.get(`${V1}/training-needs/${need.id}/proposals`)).statusCode).toBe(200);
    expect((await tangshanOfficer.get(`${V1}/training-needs/${need.id}/proposals`)).statusCode).toBe(404);
    expect((await near.admin.get(`${V1}/training-needs/${need.id}/proposals`)).statusCode).toBe(404);
    expect((await requesterEmployee.get(`${V1}/training-needs/${need.id}/proposals`)).statusCode).toBe(403);
  });
});

describe('a match from request to completion', () => {
  let need: Need;
  let toNear: Match;
  let toRegion: Match;
  let toFar: Match;

  it('refuses centres the proposals could not list: level not covered (422), no rights (409), own centre (400)', async () => {
    need = await postNeed();
    const url = `${V1}/training-needs/${need.id}/matches`;
    const level = await requesterAdmin.post(url, { centreId: wrongLevel.centre.id });
    expect(level.statusCode).toBe(422);
    expect(errorOf(level.body)).toMatchObject({ code: 'OUTSIDE_SCOPE', details: { issues: [{ path: 'body.centreId', code: 'OUTSIDE_SCOPE' }] } });
    const off = await requesterAdmin.post(url, { centreId: suspended.centre.id });
    expect(off.statusCode).toBe(409);
    expect(errorOf(off.body)).toMatchObject({ code: 'CENTRE_NOT_ACTIVE', details: { effectiveStatus: 'suspended' } });
    const old = await requesterAdmin.post(url, { centreId: expired.centre.id });
    expect(errorOf(old.body)).toMatchObject({ code: 'CENTRE_NOT_ACTIVE', details: { effectiveStatus: 'expired' } });
    const own = await requesterAdmin.post(url, { centreId: ownCentre.id });
    expect(errorOf(own.body).details!.issues).toEqual([expect.objectContaining({ path: 'body.centreId', code: 'OWN_CENTRE' })]);
    expect((await otherEnterprise.post(url, { centreId: near.centre.id })).statusCode).toBe(404);
    expect((await hrssOfficer.post(url, { centreId: near.centre.id })).statusCode).toBe(403);
    expect(await t.db.select().from(trainingMatches).where(eq(trainingMatches.needId, need.id))).toHaveLength(0);
  });

  it('requests centres with the score kept, once per centre at a time', async () => {
    toNear = await request(need.id, near.centre.id);
    expect(toNear).toMatchObject({ status: 'requested', score: 0.8833, availableTransitions: ['cancel'], need: { status: 'open', headcount: 30 } });
    expect(toNear.components.find((c) => c.key === 'capacity')!.reasonZh).toBe('年度培训能力 600 人次，已用 580，可用 20，需求 30 人');
    const twice = await requesterAdmin.post(`${V1}/training-needs/${need.id}/matches`, { centreId: near.centre.id });
    expect(twice.statusCode).toBe(409);
    expect(errorOf(twice.body).code).toBe('CONFLICT');
    toRegion = await request(need.id, sameRegion.centre.id, requesterTrainer);
    toFar = await request(need.id, farAway.centre.id);
    const proposals = (await requesterAdmin.get(`${V1}/training-needs/${need.id}/proposals`)).json<Proposal[]>();
    expect(proposals.find((p) => p.centreId === near.centre.id)).toMatchObject({ openMatchId: toNear.id, openMatchStatus: 'requested' });
    expect((await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'training_match'), eq(auditLog.entityId, toNear.id)))).map((a) => a.action)).toEqual(['create']);
  });

  it('shows each side its matches: the centre sees the request, the requester its requests', async () => {
    const incoming = (await near.admin.get(`${V1}/training-matches?side=centre&status=requested`)).json<{ items: Match[] }>();
    expect(incoming.items.map((m) => m.id)).toEqual([toNear.id]);
    expect(incoming.items[0]!.availableTransitions).toEqual(['accept', 'decline']);
    expect((await near.admin.get(`${V1}/training-matches?side=requester`)).json<{ total: number }>().total).toBe(0);
    const mine = (await requesterAdmin.get(`${V1}/training-matches?side=requester&needId=${need.id}`)).json<{ items: Match[] }>();
    expect(mine.items.map((m) => m.id).sort()).toEqual([toNear.id, toRegion.id, toFar.id].sort());
    expect((await requesterAdmin.get(`${V1}/training-matches?side=centre`)).json<{ total: number }>().total).toBe(0);
    expect((await hrssOfficer.get(`${V1}/training-matches?needId=${need.id}`)).json<{ total: number }>().total).toBe(3);
    expect((await tangshanOfficer.get(`${V1}/training-matches?needId=${need.id}`)).json<{ total: number }>().total).toBe(0);
    expect((await otherEnterprise.get(`${V1}/training-matches/${toNear.id}`)).statusCode).toBe(404);
    // The far centre answers its own request; it sees it although the need is in another region.
    expect((await farAway.admin.get(`${V1}/training-matches/${toFar.id}`)).statusCode).toBe(200);
  });

  it('refuses the wrong side (403), strangers (404) and roles without the step (403)', async () => {
    const accept = (client: Client, id = toNear.id) => client.post(`${V1}/training-matches/${id}/accept`, {});
    expect((await accept(requesterAdmin)).statusCode).toBe(403);
    expect((await accept(sameRegion.admin)).statusCode).toBe(404);
    expect((await accept(hrssOfficer)).statusCode).toBe(403);
    expect((await accept(await signIn(t, near.org.id, 'employee'))).statusCode).toBe(403);
    expect((await near.admin.post(`${V1}/training-matches/${toNear.id}/cancel`, {})).statusCode).toBe(403);
    expect((await t.db.select().from(trainingMatches).where(eq(trainingMatches.id, toNear.id)))[0]!.status).toBe('requested');
  });

  it('declines only with a reason, and only once', async () => {
    const url = `${V1}/training-matches/${toRegion.id}/decline`;
    const bare = await sameRegion.admin.post(url, {});
    expect(bare.statusCode).toBe(400);
    expect(errorOf(bare.body).details!.issues).toEqual([expect.objectContaining({ path: 'body.comment', code: 'REQUIRED' })]);
    const declined = await sameRegion.admin.post(url, { comment: '本期焊工班已满' });
    expect(declined.statusCode, declined.body).toBe(200);
    expect(declined.json<Match>()).toMatchObject({ status: 'declined', responseNote: '本期焊工班已满', availableTransitions: [] });
    const again = await sameRegion.admin.post(url, { comment: '再次拒绝' });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again.body)).toMatchObject({ code: 'INVALID_TRANSITION', details: { currentState: 'declined' } });
    expect(await needStatus(need.id)).toBe('open');
  });

  it('accepts: the need becomes matched and the other waiting requests are withdrawn', async () => {
    const accepted = await near.admin.post(`${V1}/training-matches/${toNear.id}/accept`, { comment: '四月十日开班' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json<Match>()).toMatchObject({ status: 'accepted', responseNote: '四月十日开班', need: { status: 'matched' }, availableTransitions: ['complete'] });
    expect(await needStatus(need.id)).toBe('matched');
    const far = (await farAway.admin.get(`${V1}/training-matches/${toFar.id}`)).json<Match>();
    expect(far.status).toBe('cancelled');
    expect(far.history!.map((h) => [h.transition, h.toState])).toEqual([['create', 'requested'], ['withdraw', 'cancelled']]);
    const needAudit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'training_need'), eq(auditLog.entityId, need.id))).orderBy(asc(auditLog.id));
    expect(needAudit.map((a) => [a.action, a.before, a.after])).toEqual([
      ['create', null, expect.objectContaining({ status: 'open' })],
      ['status_change', { status: 'open' }, { status: 'matched', matchId: toNear.id, centreId: near.centre.id }],
    ]);

    const cancel = await requesterAdmin.post(`${V1}/training-matches/${toNear.id}/cancel`, {});
    expect(cancel.statusCode).toBe(409);
    expect(errorOf(cancel.body)).toMatchObject({ code: 'INVALID_TRANSITION', details: { currentState: 'accepted' } });
    const more = await requesterAdmin.post(`${V1}/training-needs/${need.id}/matches`, { centreId: tieA.centre.id });
    expect(more.statusCode).toBe(409);
    expect(errorOf(more.body)).toMatchObject({ code: 'INVALID_TRANSITION', details: { currentState: 'matched' } });
    const cancelNeed = await requesterAdmin.post(`${V1}/training-needs/${need.id}/cancel`, {});
    expect(cancelNeed.statusCode).toBe(409);
  });

  it('counts the accepted headcount against the centre\'s capacity for later needs', async () => {
    const later = await postNeed({ headcount: 10 });
    const near2 = (await requesterAdmin.get(`${V1}/training-needs/${later.id}/proposals`)).json<Proposal[]>().find((p) => p.centreId === near.centre.id)!;
    // 600 − (420 trained + 160 + 30 accepted) = −10 → nothing left.
    expect(near2.components.find((c) => c.key === 'capacity')).toMatchObject({ value: 0, reasonZh: '年度培训能力 600 人次，已用 610，可用 0，需求 10 人' });
  });

  it("records the trainees' assessments against the match and shows their results when completed", async () => {
    const assess = (client: Client, centreId: string, serial: number, passed: boolean, matchId = toNear.id) =>
      client.post(`${V1}/training-centres/${centreId}/assessments`, {
        name: `学员${serial}`, residentId: syntheticResidentId(serial, '19950505'), occupation: 'welder', level: 4, assessedOn: '2026-03-01', score: passed ? 90 : 50, passed, matchId,
      });
    for (const [serial, passed] of [[1, true], [2, false], [3, true]] as const) expect((await assess(near.admin, near.centre.id, serial, passed)).statusCode).toBe(201);
    // A match of another centre, or a declined one, is no match to record against.
    const foreign = await assess(sameRegion.admin, sameRegion.centre.id, 4, true);
    expect(errorOf(foreign.body).details!.issues).toEqual([expect.objectContaining({ path: 'body.matchId', code: 'UNKNOWN_MATCH' })]);
    const declined = await assess(sameRegion.admin, sameRegion.centre.id, 5, true, toRegion.id);
    expect(errorOf(declined.body).details!.issues![0]!.code).toBe('UNKNOWN_MATCH');

    expect((await requesterAdmin.post(`${V1}/training-matches/${toNear.id}/complete`, {})).statusCode).toBe(403);
    const completed = await near.admin.post(`${V1}/training-matches/${toNear.id}/complete`, { comment: '培训与评价已完成' });
    expect(completed.statusCode, completed.body).toBe(200);
    expect(await needStatus(need.id)).toBe('closed');
    const detail = (await requesterAdmin.get(`${V1}/training-matches/${toNear.id}`)).json<Match>();
    expect(detail).toMatchObject({ status: 'completed', need: { status: 'closed' }, availableTransitions: [] });
    expect(detail.results).toMatchObject({ assessed: 3, passed: 2, passRate: 2 / 3 });
    expect(Object.fromEntries(detail.results!.assessments.map((a) => [a.personName, a.passed]))).toEqual({ 学员1: true, 学员2: false, 学员3: true });
    for (const a of detail.results!.assessments) {
      expect(a.matchId).toBe(toNear.id);
      expect(a.residentIdMasked).toMatch(/^\d{3}\*{11}[\dX]{4}$/);
    }
    expect(JSON.stringify(detail)).not.toContain(syntheticResidentId(1, '19950505'));
    expect(detail.history!.map((h) => [h.transition, h.fromState, h.toState])).toEqual([
      ['create', 'requested', 'requested'],
      ['accept', 'requested', 'accepted'],
      ['complete', 'accepted', 'completed'],
    ]);
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'training_match'), eq(auditLog.entityId, toNear.id))).orderBy(asc(auditLog.id));
    expect(audit.map((a) => a.action)).toEqual(['create', 'accept', 'complete']);
    expect((await near.admin.post(`${V1}/training-matches/${toNear.id}/complete`, {})).statusCode).toBe(409);
    const figures = (await near.admin.get(`${V1}/training-centres/${near.centre.id}/annual-figures?year=2026`)).json<{ matchesCompleted: number }>();
    expect(figures.matchesCompleted).toBe(1);
  });
});

describe('cancelling', () => {
  it('lets the requester cancel a waiting request; the need stays open', async () => {
    const need = await postNeed();
    const match = await request(need.id, tieA.centre.id);
    const cancelled = await requesterTrainer.post(`${V1}/training-matches/${match.id}/cancel`, { comment: '改期' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json<Match>()).toMatchObject({ status: 'cancelled', need: { status: 'open' } });
    expect((await tieA.admin.post(`${V1}/training-matches/${match.id}/accept`, {})).statusCode).toBe(409);
    // A new request to the same centre is possible again.
    await request(need.id, tieA.centre.id);
  });

  it('cancels an open need with its waiting requests; only the posting enterprise may, and only once', async () => {
    const need = await postNeed();
    const match = await request(need.id, tieB.centre.id);
    expect((await otherEnterprise.post(`${V1}/training-needs/${need.id}/cancel`, {})).statusCode).toBe(404);
    expect((await hrssOfficer.post(`${V1}/training-needs/${need.id}/cancel`, {})).statusCode).toBe(403);
    const cancelled = await requesterAdmin.post(`${V1}/training-needs/${need.id}/cancel`, { comment: '计划调整' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json<Need>()).toMatchObject({ status: 'cancelled', canCancel: false, matches: [{ id: match.id, status: 'cancelled' }] });
    const events = await t.db.select().from(workflowEvents).where(eq(workflowEvents.entityId, match.id)).orderBy(asc(workflowEvents.id));
    expect(events.map((e) => [e.transition, e.comment])).toEqual([['create', null], ['cancel', '计划调整']]);
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'training_need'), eq(auditLog.entityId, need.id), eq(auditLog.action, 'cancel')));
    expect(audit!.after).toMatchObject({ status: 'cancelled', cancelledMatches: [match.id] });
    const again = await requesterAdmin.post(`${V1}/training-needs/${need.id}/cancel`, {});
    expect(again.statusCode).toBe(409);
    expect(errorOf(again.body)).toMatchObject({ code: 'INVALID_TRANSITION', details: { currentState: 'cancelled' } });
    const late = await requesterAdmin.post(`${V1}/training-needs/${need.id}/matches`, { centreId: tieA.centre.id });
    expect(late.statusCode).toBe(409);
  });
});
