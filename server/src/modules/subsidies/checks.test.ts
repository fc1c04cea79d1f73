import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apprentices, employments, subsidyClaims } from '../../db/schema/index.ts';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { CLAIMS, CLASSES, castOf, expectStatus, fullHours, type Cast, type Claim, type Finding } from './claim-test-support.ts';
import { seedApprentices, seedAssessment, seedClass, seedPolicy, seedSession } from './test-support.ts';

let t: TestApp;
let cast: Cast;
let policyId: string;

beforeAll(async () => {
  t = await buildTestApp();
  ({ cast } = await castOf(t));
  policyId = (await seedPolicy(t)).id;
});
afterAll(() => t.close());

type Roster = Awaited<ReturnType<typeof seedApprentices>>;

/** A live claim of another class, straight in the database (the checks only ask whether one stands). */
async function liveClaimOn(classId: string, organisationId: string, status = 'disbursed') {
  const [row] = await t.db
    .insert(subsidyClaims)
    .values({
      referenceNo: `BT120115-2024-T${classId.slice(0, 8)}`,
      classId,
      organisationId,
      regionId: 'baodi',
      kind: 'advance',
      status,
      policyId,
      computation: {} as never,
      amountFen: 100_000,
      submittedAt: new Date('2024-06-01T09:00:00+08:00'),
    })
    .returning();
  return row!;
}

/** Puts a person of the claim's roster on another class's roster as well. */
async function alsoOn(classId: string, a: Roster[number], extra: Partial<typeof apprentices.$inferInsert> = {}) {
  const [row] = await t.db
    .insert(apprentices)
    .values({ classId, personId: a.personId, employerOrganisationId: a.employerOrganisationId, employmentId: a.employmentId, joinedOn: '2024-03-01', status: 'active', ...extra })
    .returning();
  return row!;
}

describe('checks on a claim', () => {
  let findings: Finding[];
  let named: Record<string, string>;

  beforeAll(async () => {
    const cls = await seedClass(t, cast.enterpriseId, { status: 'completed', targetLevel: 3, startsOn: '2026-03-01', durationYears: 2 });
    const roster = await seedApprentices(t, cls, 9);
    const [clean, dup, held, other, short, online, video, long, gone] = roster as [Roster[number], ...Roster];
    named = { clean: clean.id, dup: dup!.id, held: held!.id, other: other!.id, short: short!.id, online: online!.id, video: video!.id, long: long!.id, overlap: long!.id, gone: gone!.id };
    for (const a of roster) await seedAssessment(t, a.id, { passed: true, level: 3 });
    // Everyone but the three with too few or the wrong hours attends 160 centralised, video-recorded hours.
    await fullHours(t, cls.id, roster.filter((a) => ![short!.id, online!.id, video!.id].includes(a.id)));
    // The same occupation and level, subsidised already in an earlier class (no overlap in time).
    const earlier = await seedClass(t, cast.otherEnterpriseId, { status: 'completed', targetLevel: 3, startsOn: '2024-03-01', durationYears: 2 });
    await alsoOn(earlier.id, dup!);
    await liveClaimOn(earlier.id, cast.otherEnterpriseId);
    // A 技师 certificate of the occupation from an earlier class: above the target 高级.
    const higher = await seedClass(t, cast.otherEnterpriseId, { status: 'completed', targetLevel: 2, startsOn: '2023-03-01', durationYears: 2 });
    await alsoOn(higher.id, held!, { status: 'completed', assessmentPassed: true, levelReached: 2, certificateNo: 'S-2-0001', assessedOn: '2025-01-10' });
    // Another subsidised programme (another occupation) during the apprenticeship.
    const parallel = await seedClass(t, cast.otherEnterpriseId, { status: 'registered', targetLevel: 4, startsOn: '2026-06-01', durationYears: 1, occupation: 'electrician' });
    await alsoOn(parallel.id, other!);
    await liveClaimOn(parallel.id, cast.otherEnterpriseId, 'submitted');
    // Hours: 4 centralised hours only; mostly online; nothing video-recorded.
    await seedSession(t, cls.id, [{ apprenticeId: short!.id, personId: short!.personId, present: true }], { date: '2026-05-04', startTime: '08:30', endTime: '12:30' });
    await seedSession(t, cls.id, [{ apprenticeId: online!.id, personId: online!.personId, present: true }], { date: '2026-05-04', startTime: '08:30', endTime: '12:30' });
    await seedSession(t, cls.id, [{ apprenticeId: online!.id, personId: online!.personId, present: true }], { date: '2026-05-05', startTime: '08:00', endTime: '18:00', kind: 'online', videoRecorded: false, location: '线上平台' });
    await seedSession(t, cls.id, [{ apprenticeId: video!.id, personId: video!.personId, present: true }], { date: '2026-05-04', startTime: '08:30', endTime: '12:30', videoRecorded: false });
    // Eleven hours on 2026-04-01 (an evening session of a class without a claim); and two places at once on 2026-05-10.
    const sideline = await seedClass(t, cast.otherEnterpriseId, { status: 'registered', targetLevel: 4, startsOn: '2026-03-01', durationYears: 1, occupation: 'electrician' });
    const evening = await alsoOn(sideline.id, long!);
    await seedSession(t, sideline.id, [{ apprenticeId: evening.id, personId: long!.personId, present: true }], { date: '2026-04-01', startTime: '19:00', endTime: '20:00', location: '电工实训室' });
    await seedSession(t, cls.id, [{ apprenticeId: long!.id, personId: long!.personId, present: true }], { date: '2026-05-10', startTime: '08:30', endTime: '12:30', location: '实训楼 201' });
    await seedSession(t, sideline.id, [{ apprenticeId: evening.id, personId: long!.personId, present: true }], { date: '2026-05-10', startTime: '10:00', endTime: '11:00', location: '电工实训室' });
    // The labour relation ended.
    await t.db.update(employments).set({ endDate: '2026-03-01' }).where(eq(employments.id, gone!.employmentId));

    const preview = await expectStatus<{ findings: Finding[] }>(cast.owner.get(`${CLASSES}/${cls.id}/claim-preview?kind=settlement`), 200);
    findings = preview.findings;
  });

  const codesOf = (who: string) => findings.filter((f) => f.apprenticeId === named[who]).map((f) => f.code).sort();

  it('raises nothing for an apprentice with clean records', () => {
    expect(codesOf('clean')).toEqual([]);
  });

  it('flags the same occupation and level subsidised before', () => {
    expect(codesOf('dup')).toEqual(['DUPLICATE_SUBSIDY']);
    const f = findings.find((x) => x.code === 'DUPLICATE_SUBSIDY')!;
    expect(f.detail).toMatchObject({ occupation: 'welder', targetLevel: 3, claimStatus: 'disbursed' });
    expect(f.residentIdMasked).toMatch(/^\d{3}\*{11}[\dX]{4}$/);
    expect(f.message['zh-CN']).toContain('同一职业同一等级只补贴一次');
  });

  it('flags a certificate at the target level or higher already held', () => {
    expect(codesOf('held')).toEqual(['LEVEL_ALREADY_HELD']);
    expect(findings.find((x) => x.code === 'LEVEL_ALREADY_HELD')!.detail).toMatchObject({ levelHeld: 2, targetLevel: 3, certificateNo: 'S-2-0001' });
  });

  it('flags another subsidised programme during the apprenticeship', () => {
    expect(codesOf('other')).toEqual(['OTHER_PROGRAMME']);
    expect(findings.find((x) => x.code === 'OTHER_PROGRAMME')!.detail).toMatchObject({ otherStartsOn: '2026-06-01', otherEndsOn: '2027-05-31' });
  });

  it('flags hours against the policy: centralised minimum, online cap, video minimum', () => {
    expect(codesOf('short')).toEqual(['CENTRALISED_HOURS_BELOW_MINIMUM']);
    const short = findings.find((x) => x.apprenticeId === named.short)!;
    expect(short.message).toEqual({ 'zh-CN': '集中学时 4 小时，低于政策要求的 160 小时', 'en-US': 'Centralised hours 4, below the policy minimum of 160' });
    expect(codesOf('online')).toEqual(['CENTRALISED_HOURS_BELOW_MINIMUM', 'ONLINE_SHARE_ABOVE_CAP']);
    expect(findings.find((x) => x.code === 'ONLINE_SHARE_ABOVE_CAP')!.detail).toMatchObject({ onlineMinutes: 600, totalMinutes: 840, capBp: 5000 });
    expect(codesOf('video')).toEqual(['CENTRALISED_HOURS_BELOW_MINIMUM', 'VIDEO_SHARE_BELOW_MINIMUM']);
    expect(findings.find((x) => x.code === 'VIDEO_SHARE_BELOW_MINIMUM')!.detail).toMatchObject({ videoMinutes: 0, shareBp: 0, minimumBp: 2500 });
  });

  it('flags a day of more than 10 hours across classes, and two places at once', () => {
    expect(codesOf('long')).toEqual(['DAY_OVER_10_HOURS', 'OVERLAPPING_SESSIONS']);
    expect(findings.find((x) => x.code === 'DAY_OVER_10_HOURS')!.detail).toMatchObject({ date: '2026-04-01', minutes: 660, sessions: 2, days: 1 });
    const overlap = findings.find((x) => x.code === 'OVERLAPPING_SESSIONS')!;
    expect(overlap.detail).toMatchObject({ date: '2026-05-10', first: { startTime: '08:30', location: '实训楼 201' }, second: { startTime: '10:00', location: '电工实训室' } });
  });

  it('flags an apprentice whose employment has ended', () => {
    expect(codesOf('gone')).toEqual(['NOT_EMPLOYED']);
    expect(findings.find((x) => x.code === 'NOT_EMPLOYED')!.detail).toEqual({ employmentEndedOn: '2026-03-01' });
  });

  it('stores the findings of round 1 when the claim is filed, and raises nothing on a clean class', async () => {
    const cls = (await t.db.select().from(apprentices).where(eq(apprentices.id, named.clean!)))[0]!.classId;
    const claim = await expectStatus<Claim>(cast.owner.post(CLAIMS, { classId: cls, kind: 'settlement' }), 201);
    expect(claim.findings.map((f) => f.code).sort()).toEqual(findings.map((f) => f.code).sort());
    expect(claim.findings.every((f) => f.round === 1 && f.status === 'open')).toBe(true);
    expect(claim).toMatchObject({ findingsOpen: findings.length, findingsTotal: findings.length });

    const tidy = await seedClass(t, cast.enterpriseId, { status: 'completed' });
    const roster = await seedApprentices(t, tidy, 2);
    for (const a of roster) await seedAssessment(t, a.id, { passed: true, level: 3 });
    await fullHours(t, tidy.id, roster, '2026-06-01');
    const preview = await expectStatus<{ findings: Finding[] }>(cast.owner.get(`${CLASSES}/${tidy.id}/claim-preview?kind=settlement`), 200);
    expect(preview.findings).toEqual([]);
  });
});
