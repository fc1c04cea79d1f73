import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Role, TeamHeatmap } from '@fulcrum/shared';
import { competencyLevelHistory, employments } from '../../db/schema/index.ts';
import { buildTestApp, createOrganisation, signIn, type TestApp } from '../../test/app.ts';
import { expectStatus } from '../training-centres/test-support.ts';
import { assignProfile, coachCatalogue, coachEnterprise, getCoach, learnerAccount, seedMastery, type CoachCatalogue, type Learner } from './learner-test-support.ts';

let t: TestApp;
let cat: CoachCatalogue;
let orgA: { id: string; trainer: Awaited<ReturnType<typeof coachEnterprise>>['trainer'] };
let orgB: Awaited<ReturnType<typeof coachEnterprise>>;
let fitter: Learner;
let welder: Learner;
let stranger: Learner;

const heatmap = (client: Learner['client'], query = '') => client.get(`/api/v1/coach/heatmap${query}`);

beforeAll(async () => {
  t = await buildTestApp();
  orgA = await coachEnterprise(t);
  orgB = await coachEnterprise(t);
  cat = await coachCatalogue(orgA.trainer);
  const catB = await coachCatalogue(orgB.trainer);
  fitter = await learnerAccount(t, orgA.id, 'employee', '张维修');
  welder = await learnerAccount(t, orgA.id, 'employee', '李焊工');
  stranger = await learnerAccount(t, orgB.id, 'employee', '王外人');
  await assignProfile(t, orgA.id, fitter.personId, cat.roleProfileId, '维修部');
  await assignProfile(t, orgA.id, welder.personId, cat.roleProfileId, '焊接部');
  await assignProfile(t, orgB.id, stranger.personId, catB.roleProfileId, '维修部');
  await seedMastery(t, fitter.personId, { [cat.points.hydraulics]: 0.96, [cat.points.diagnosis]: 0.5, [cat.points.safety]: 0.97 });
  await seedMastery(t, welder.personId, { [cat.points.hydraulics]: 0.4 });
  // The welder holds a certificate level in 安全操作: a floor the heat map shows as in the learner's own view.
  await t.db.insert(competencyLevelHistory).values({ organisationId: orgA.id, personId: welder.personId, competencyId: cat.competencies.safe, level: 1, source: 'certificate', effectiveAt: t.clock.now() });
});
afterAll(() => t.close());

describe('GET /coach/heatmap', () => {
  it('gives the training manager competency × person of their own organisation, with the learner view’s levels and a summary', async () => {
    const map = await expectStatus<TeamHeatmap>(heatmap(orgA.trainer), 200);
    expect(map.people.map((p) => [p.name, p.department])).toEqual([
      ['李焊工', '焊接部'],
      ['张维修', '维修部'],
    ]);
    expect(map.people.map((p) => p.personId)).not.toContain(stranger.personId);
    expect(map.competencies.map((c) => c.name).sort()).toEqual(['安全操作', '液压维修'].sort());
    expect(map.cells).toHaveLength(4);
    const cell = (person: Learner, competencyId: string) => map.cells.find((c) => c.personId === person.personId && c.competencyId === competencyId)!;
    expect(cell(fitter, cat.competencies.repair)).toMatchObject({ requiredLevel: 2, currentLevel: 1, progress: expect.closeTo(1 + 0.5 / 0.95, 3) });
    expect(cell(fitter, cat.competencies.safe)).toMatchObject({ requiredLevel: 1, currentLevel: 1, gap: 0 });
    expect(cell(welder, cat.competencies.safe)).toMatchObject({ currentLevel: 1, gap: 0 });
    expect(cell(welder, cat.competencies.repair)).toMatchObject({ currentLevel: 0, gap: expect.closeTo(2 - 0.4 / 0.95, 3) });

    // The same numbers the learners see for themselves.
    const own = await getCoach(welder.client);
    for (const gap of own.gaps) expect(cell(welder, gap.competencyId)).toMatchObject({ currentLevel: gap.currentLevel, progress: gap.progress, gap: gap.gap });

    const summary = new Map(map.summary.map((s) => [s.competencyId, s]));
    expect(summary.get(cat.competencies.safe)).toEqual({ competencyId: cat.competencies.safe, people: 2, meeting: 2, meanGap: 0 });
    expect(summary.get(cat.competencies.repair)).toMatchObject({ people: 2, meeting: 0, meanGap: expect.closeTo((2 - (1 + 0.5 / 0.95) + (2 - 0.4 / 0.95)) / 2, 3) });
  });

  it('filters by department and by role profile', async () => {
    const repairs = await expectStatus<TeamHeatmap>(heatmap(orgA.trainer, `?department=${encodeURIComponent('维修部')}`), 200);
    expect(repairs.people.map((p) => p.personId)).toEqual([fitter.personId]);
    expect(new Set(repairs.cells.map((c) => c.personId))).toEqual(new Set([fitter.personId]));
    const none = await expectStatus<TeamHeatmap>(heatmap(orgA.trainer, `?roleProfileId=${crypto.randomUUID()}`), 200);
    expect(none).toEqual({ competencies: [], people: [], cells: [], summary: [] });
    const bad = await heatmap(orgA.trainer, '?roleProfileId=nope');
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.details)).toContain('roleProfileId');
  });

  it('shows another organisation’s admin only their own people', async () => {
    const map = await expectStatus<TeamHeatmap>(heatmap(orgB.trainer), 200);
    expect(map.people.map((p) => p.personId)).toEqual([stranger.personId]);
  });

  it('leaves out people no longer employed', async () => {
    await t.db.update(employments).set({ endDate: '2026-03-01' }).where(eq(employments.personId, welder.personId));
    const map = await expectStatus<TeamHeatmap>(heatmap(orgA.trainer), 200);
    expect(map.people.map((p) => p.personId)).toEqual([fitter.personId]);
    await t.db.update(employments).set({ endDate: null }).where(eq(employments.personId, welder.personId));
  });

  it.each(['employee', 'instructor'] as Role[])('refuses the %s (403)', async (role) => {
    const client = role === 'employee' ? fitter.client : await signIn(t, orgA.id, role);
    const res = await heatmap(client);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });

  it('refuses a department officer (403)', async () => {
    const gov = await createOrganisation(t.db, { type: 'government_department' });
    expect((await heatmap(await signIn(t, gov.id, 'department_officer'))).statusCode).toBe(403);
  });

  it('lets the enterprise admin see it', async () => {
    const admin = await signIn(t, orgA.id, 'enterprise_admin');
    expect((await expectStatus<TeamHeatmap>(heatmap(admin), 200)).people).toHaveLength(2);
  });
});
