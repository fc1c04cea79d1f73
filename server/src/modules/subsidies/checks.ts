import { and, asc, eq, gte, inArray, isNotNull, lt, lte, ne, notInArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { formatBasisPoints, maskResidentId, occupationByCode, skillLevelLabels, type ClaimKind, type FindingCode, type FindingDraft, type SkillLevel } from '@fulcrum/shared';
import type { Db } from '../../db/client.ts';
import { apprenticeshipClasses, apprentices, classSessions, employments, people, sessionAttendance, skillAssessments, subsidyClaims } from '../../db/schema/index.ts';
import { platformMinutesByApprentice } from './online-hours.ts';

/*
 * The checks a claim goes through on filing, on resubmission and in the preview. Each raises findings the HRSS
 * officer resolves (accepted, or the apprentice excluded). The rules (MISSION.md "Real rules"): the same occupation
 * and level is subsidised once per person; no subsidy for a level already held; no other skill subsidy during the
 * apprenticeship (人社部发〔2021〕39号); Tianjin 2021: ≥ 160 centralised hours, online ≤ 50 %, video ≥ 25 %; and,
 * after the 2022 national audit's findings of fabricated attendance, days of more than 10 hours and being in two
 * places at once. Each check is one set-based query over the claim's apprentices.
 */

/** A finding as a check raises it, with the person it concerns (stored with the finding). */
export type CheckFinding = FindingDraft & { personId: string | null };

export interface CheckSubject {
  classId: string;
  occupation: string;
  targetLevel: number;
  startsOn: string;
  endsOn: string;
  kind: ClaimKind;
  today: string;
  policy: { minCentralisedHours: number; onlineShareCapBp: number; videoShareMinBp: number };
  /** Apprentices already left out of the claim: no longer checked. */
  excludedApprenticeIds: readonly string[];
}

const A = apprentices;
const OA = alias(apprentices, 'oa');
const OC = alias(apprenticeshipClasses, 'oc');
const S2 = alias(classSessions, 's2');
const AT2 = alias(sessionAttendance, 'at2');
const VOID_CLAIM = ['rejected', 'withdrawn'];

/** The other class has a claim that stands (not rejected or withdrawn). */
const hasLiveClaim = sql`exists (select 1 from ${subsidyClaims} where ${subsidyClaims.classId} = ${OC.id} and ${subsidyClaims.status} not in ('rejected', 'withdrawn'))`;

const levelName = (level: number, locale: 'zh-CN' | 'en-US') => skillLevelLabels[level as SkillLevel]?.[locale] ?? String(level);
const occupationName = (code: string, locale: 'zh-CN' | 'en-US') => {
  const o = occupationByCode.get(code);
  return o ? (locale === 'zh-CN' ? o.nameZh : o.nameEn) : code;
};
const hours = (minutes: number) => Number((minutes / 60).toFixed(1));
const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const num = (v: unknown) => Number(v ?? 0);

/** The bilingual message of a finding, built from the numbers it keeps (so a stored finding reads the same later). */
export function findingMessage(code: FindingCode, d: Record<string, unknown>): { 'zh-CN': string; 'en-US': string } {
  switch (code) {
    case 'DUPLICATE_SUBSIDY':
      return {
        'zh-CN': `已在培训班「${str(d.otherClassName)}」（${occupationName(str(d.occupation), 'zh-CN')}${levelName(num(d.targetLevel), 'zh-CN')}）申领补贴（申领编号 ${str(d.claimReferenceNo)}），同一职业同一等级只补贴一次`,
        'en-US': `Already claimed for in class "${str(d.otherClassName)}" (${occupationName(str(d.occupation), 'en-US')}, ${levelName(num(d.targetLevel), 'en-US')}), claim ${str(d.claimReferenceNo)}; the same occupation and level is subsidised once`,
      };
    case 'LEVEL_ALREADY_HELD':
      return {
        'zh-CN': `已持有${occupationName(str(d.occupation), 'zh-CN')}${levelName(num(d.levelHeld), 'zh-CN')}证书（证书编号 ${str(d.certificateNo)}），不低于本班目标等级${levelName(num(d.targetLevel), 'zh-CN')}`,
        'en-US': `Already holds ${occupationName(str(d.occupation), 'en-US')} ${levelName(num(d.levelHeld), 'en-US')} (certificate ${str(d.certificateNo)}), not below the class's target ${levelName(num(d.targetLevel), 'en-US')}`,
      };
    case 'OTHER_PROGRAMME':
      return {
        'zh-CN': `学徒期间同时在培训班「${str(d.otherClassName)}」（${str(d.otherStartsOn)} 至 ${str(d.otherEndsOn)}）申领补贴`,
        'en-US': `Also in class "${str(d.otherClassName)}" (${str(d.otherStartsOn)} to ${str(d.otherEndsOn)}) with a subsidy claim during the apprenticeship`,
      };
    case 'CENTRALISED_HOURS_BELOW_MINIMUM':
      return {
        'zh-CN': `集中学时 ${hours(num(d.centralisedMinutes))} 小时，低于政策要求的 ${num(d.minimumHours)} 小时`,
        'en-US': `Centralised hours ${hours(num(d.centralisedMinutes))}, below the policy minimum of ${num(d.minimumHours)}`,
      };
    case 'ONLINE_SHARE_ABOVE_CAP':
      return {
        'zh-CN': `线上学时 ${hours(num(d.onlineMinutes))} 小时，占全部学时 ${hours(num(d.totalMinutes))} 小时的 ${formatBasisPoints(num(d.shareBp))}，超过政策上限 ${formatBasisPoints(num(d.capBp))}`,
        'en-US': `Online hours ${hours(num(d.onlineMinutes))} of ${hours(num(d.totalMinutes))} (${formatBasisPoints(num(d.shareBp))}), above the policy cap of ${formatBasisPoints(num(d.capBp))}`,
      };
    case 'VIDEO_SHARE_BELOW_MINIMUM':
      return {
        'zh-CN': `录像学时 ${hours(num(d.videoMinutes))} 小时，占全部学时 ${hours(num(d.totalMinutes))} 小时的 ${formatBasisPoints(num(d.shareBp))}，低于政策要求的 ${formatBasisPoints(num(d.minimumBp))}`,
        'en-US': `Video-recorded hours ${hours(num(d.videoMinutes))} of ${hours(num(d.totalMinutes))} (${formatBasisPoints(num(d.shareBp))}), below the policy minimum of ${formatBasisPoints(num(d.minimumBp))}`,
      };
    case 'DAY_OVER_10_HOURS':
      return {
        'zh-CN': `${str(d.date)} 出勤学时合计 ${hours(num(d.minutes))} 小时（${num(d.sessions)} 次课），超过每日 10 小时${num(d.days) > 1 ? `；共 ${num(d.days)} 天如此` : ''}`,
        'en-US': `${str(d.date)}: ${hours(num(d.minutes))} hours attended in ${num(d.sessions)} sessions, more than 10 hours in one day${num(d.days) > 1 ? `; ${num(d.days)} such days` : ''}`,
      };
    case 'OVERLAPPING_SESSIONS': {
      const a = (d.first ?? {}) as Record<string, unknown>;
      const b = (d.second ?? {}) as Record<string, unknown>;
      return {
        'zh-CN': `${str(d.date)} ${str(a.startTime)}–${str(a.endTime)} 在「${str(a.location)}」与 ${str(b.startTime)}–${str(b.endTime)} 在「${str(b.location)}」的课程均记为出勤，时间重叠`,
        'en-US': `${str(d.date)}: present at ${str(a.startTime)}–${str(a.endTime)} in "${str(a.location)}" and at ${str(b.startTime)}–${str(b.endTime)} in "${str(b.location)}", which overlap`,
      };
    }
    case 'NOT_EMPLOYED':
      return {
        'zh-CN': `劳动关系已于 ${str(d.employmentEndedOn)} 终止，学徒已不在职`,
        'en-US': `Employment ended on ${str(d.employmentEndedOn)}; no longer employed`,
      };
  }
}

/** The numbers behind a duplicate-subsidy finding (the demo district builds its findings with it too). */
export function duplicateDetail(d: { otherClassId: string; otherClassName: string; occupation: string; targetLevel: number; claimReferenceNo: string; claimStatus: string }): Record<string, unknown> {
  return { ...d };
}

/** Runs every check for the claim's apprentices (on the roster, not left, not excluded); findings ordered by apprentice and code. */
export async function runChecks(db: Db, s: CheckSubject): Promise<CheckFinding[]> {
  const roster = await db
    .select({ id: A.id, personId: A.personId, name: people.name, residentId: people.residentId, employmentEnd: employments.endDate })
    .from(A)
    .innerJoin(people, eq(people.id, A.personId))
    .innerJoin(employments, eq(employments.id, A.employmentId))
    .where(and(eq(A.classId, s.classId), ne(A.status, 'left')))
    .orderBy(asc(A.joinedOn), asc(A.id));
  const excluded = new Set(s.excludedApprenticeIds);
  const members = roster.filter((r) => !excluded.has(r.id));
  if (!members.length) return [];
  const ids = members.map((m) => m.id);
  const byId = new Map(members.map((m) => [m.id, m]));
  const ofClaim = and(eq(A.classId, s.classId), inArray(A.id, ids));
  const findings: CheckFinding[] = [];
  const raise = (code: FindingCode, apprenticeId: string, detail: Record<string, unknown>) => {
    const m = byId.get(apprenticeId)!;
    findings.push({ code, apprenticeId, personId: m.personId, personName: m.name, residentIdMasked: maskResidentId(m.residentId), detail, message: findingMessage(code, detail) });
  };
  /** The first row per apprentice (queries are ordered so the first is the one to show). */
  const firstPer = <R extends { apprenticeId: string }>(rows: R[]) => [...new Map([...rows].reverse().map((r) => [r.apprenticeId, r])).values()].reverse();

  // DUPLICATE_SUBSIDY: the same person in another class of the same occupation and target level with a live claim.
  const duplicates = await db
    .select({ apprenticeId: A.id, otherClassId: OC.id, otherClassName: OC.name, claimReferenceNo: subsidyClaims.referenceNo, claimStatus: subsidyClaims.status })
    .from(A)
    .innerJoin(OA, and(eq(OA.personId, A.personId), ne(OA.classId, A.classId)))
    .innerJoin(OC, and(eq(OC.id, OA.classId), eq(OC.occupation, s.occupation), eq(OC.targetLevel, s.targetLevel)))
    .innerJoin(subsidyClaims, and(eq(subsidyClaims.classId, OC.id), notInArray(subsidyClaims.status, VOID_CLAIM)))
    .where(ofClaim)
    .orderBy(asc(A.id), asc(subsidyClaims.submittedAt));
  for (const r of firstPer(duplicates)) {
    raise('DUPLICATE_SUBSIDY', r.apprenticeId, duplicateDetail({ otherClassId: r.otherClassId, otherClassName: r.otherClassName, occupation: s.occupation, targetLevel: s.targetLevel, claimReferenceNo: r.claimReferenceNo, claimStatus: r.claimStatus }));
  }

  // LEVEL_ALREADY_HELD: a certificate of the occupation at the target level or higher (a smaller number), held before.
  const [assessed, fromClasses] = await Promise.all([
    db
      .select({ apprenticeId: A.id, level: skillAssessments.level, certificateNo: skillAssessments.certificateNo, assessedOn: skillAssessments.assessedOn })
      .from(A)
      .innerJoin(
        skillAssessments,
        and(
          eq(skillAssessments.personId, A.personId),
          eq(skillAssessments.occupation, s.occupation),
          eq(skillAssessments.passed, true),
          isNotNull(skillAssessments.certificateNo),
          lte(skillAssessments.level, s.targetLevel),
          lt(skillAssessments.assessedOn, s.startsOn),
        ),
      )
      .where(ofClaim)
      .orderBy(asc(A.id), asc(skillAssessments.level)),
    db
      .select({ apprenticeId: A.id, level: OA.levelReached, certificateNo: OA.certificateNo, assessedOn: OA.assessedOn, otherClassName: OC.name })
      .from(A)
      .innerJoin(OA, and(eq(OA.personId, A.personId), ne(OA.classId, A.classId), eq(OA.assessmentPassed, true), lte(OA.levelReached, s.targetLevel)))
      .innerJoin(OC, and(eq(OC.id, OA.classId), eq(OC.occupation, s.occupation)))
      .where(ofClaim)
      .orderBy(asc(A.id), asc(OA.levelReached)),
  ]);
  const held = new Map<string, Record<string, unknown>>();
  for (const r of firstPer(assessed)) held.set(r.apprenticeId, { source: 'skill_assessment', levelHeld: r.level, certificateNo: r.certificateNo, assessedOn: r.assessedOn });
  for (const r of firstPer(fromClasses)) {
    if (!held.has(r.apprenticeId)) held.set(r.apprenticeId, { source: 'apprenticeship', levelHeld: r.level, certificateNo: r.certificateNo, assessedOn: r.assessedOn, otherClassName: r.otherClassName });
  }
  for (const [apprenticeId, d] of held) raise('LEVEL_ALREADY_HELD', apprenticeId, { ...d, occupation: s.occupation, targetLevel: s.targetLevel });

  // OTHER_PROGRAMME: on the roster of another class whose period overlaps this one's, and which has a live claim.
  const others = await db
    .select({ apprenticeId: A.id, otherClassId: OC.id, otherClassName: OC.name, otherStartsOn: OC.startsOn, otherEndsOn: OC.endsOn, otherOccupation: OC.occupation })
    .from(A)
    .innerJoin(OA, and(eq(OA.personId, A.personId), ne(OA.classId, A.classId)))
    .innerJoin(OC, and(eq(OC.id, OA.classId), lte(OC.startsOn, s.endsOn), gte(OC.endsOn, s.startsOn), hasLiveClaim))
    .where(ofClaim)
    .orderBy(asc(A.id), asc(OC.startsOn));
  for (const r of firstPer(others)) {
    raise('OTHER_PROGRAMME', r.apprenticeId, { otherClassId: r.otherClassId, otherClassName: r.otherClassName, otherStartsOn: r.otherStartsOn, otherEndsOn: r.otherEndsOn, otherOccupation: r.otherOccupation });
  }

  // Hours against the policy (settlement): shares of the apprentice's attended minutes plus credited platform study
  // time (online), as the class progress shows them.
  if (s.kind === 'settlement') {
    const platform = await platformMinutesByApprentice(db, s.classId);
    const present = and(eq(sessionAttendance.apprenticeId, A.id), eq(sessionAttendance.present, true));
    const minutes = (cond: SQLish) => sql<number>`coalesce(sum(${classSessions.minutes}) filter (where ${cond}), 0)`.mapWith(Number);
    const rows = await db
      .select({
        apprenticeId: A.id,
        centralised: minutes(sql`${classSessions.kind} = 'centralised'`),
        online: minutes(sql`${classSessions.kind} = 'online'`),
        video: minutes(sql`${classSessions.videoRecorded}`),
        total: minutes(sql`true`),
      })
      .from(A)
      .leftJoin(sessionAttendance, present)
      .leftJoin(classSessions, eq(classSessions.id, sessionAttendance.sessionId))
      .where(ofClaim)
      .groupBy(A.id);
    for (const r of rows) {
      const platformMinutes = platform.get(r.apprenticeId) ?? 0;
      r.online += platformMinutes;
      r.total += platformMinutes;
      const minimumMinutes = s.policy.minCentralisedHours * 60;
      if (r.centralised < minimumMinutes) {
        raise('CENTRALISED_HOURS_BELOW_MINIMUM', r.apprenticeId, { centralisedMinutes: r.centralised, minimumHours: s.policy.minCentralisedHours });
      }
      const onlineBp = r.total ? Math.round((r.online * 10_000) / r.total) : 0;
      const videoBp = r.total ? Math.round((r.video * 10_000) / r.total) : 0;
      if (onlineBp > s.policy.onlineShareCapBp) {
        raise('ONLINE_SHARE_ABOVE_CAP', r.apprenticeId, { onlineMinutes: r.online, totalMinutes: r.total, shareBp: onlineBp, capBp: s.policy.onlineShareCapBp });
      }
      if (videoBp < s.policy.videoShareMinBp) {
        raise('VIDEO_SHARE_BELOW_MINIMUM', r.apprenticeId, { videoMinutes: r.video, totalMinutes: r.total, shareBp: videoBp, minimumBp: s.policy.videoShareMinBp });
      }
    }
  }

  // DAY_OVER_10_HOURS: present minutes on one date across every class of the person.
  const longDays = await db
    .select({
      apprenticeId: A.id,
      date: classSessions.date,
      minutes: sql<number>`sum(${classSessions.minutes})`.mapWith(Number),
      sessions: sql<number>`count(*)`.mapWith(Number),
    })
    .from(A)
    .innerJoin(sessionAttendance, and(eq(sessionAttendance.personId, A.personId), eq(sessionAttendance.present, true)))
    .innerJoin(classSessions, eq(classSessions.id, sessionAttendance.sessionId))
    .where(ofClaim)
    .groupBy(A.id, classSessions.date)
    .having(sql`sum(${classSessions.minutes}) > 600`)
    .orderBy(asc(A.id), asc(classSessions.date));
  const daysPer = new Map<string, string[]>();
  for (const r of longDays) daysPer.set(r.apprenticeId, [...(daysPer.get(r.apprenticeId) ?? []), r.date]);
  for (const r of firstPer(longDays)) {
    const dates = daysPer.get(r.apprenticeId) ?? [];
    raise('DAY_OVER_10_HOURS', r.apprenticeId, { date: r.date, minutes: r.minutes, sessions: r.sessions, days: dates.length, dates });
  }

  // OVERLAPPING_SESSIONS: two sessions attended on one date, overlapping in time, at different locations (any classes).
  const S1 = classSessions;
  const AT1 = sessionAttendance;
  const C1 = alias(apprenticeshipClasses, 'c1');
  const C2 = alias(apprenticeshipClasses, 'c2');
  const overlaps = await db
    .select({
      apprenticeId: A.id,
      date: S1.date,
      first: { sessionId: S1.id, classId: S1.classId, className: C1.name, startTime: S1.startTime, endTime: S1.endTime, location: S1.location },
      second: { sessionId: S2.id, classId: S2.classId, className: C2.name, startTime: S2.startTime, endTime: S2.endTime, location: S2.location },
    })
    .from(A)
    .innerJoin(AT1, and(eq(AT1.personId, A.personId), eq(AT1.present, true)))
    .innerJoin(S1, eq(S1.id, AT1.sessionId))
    .innerJoin(AT2, and(eq(AT2.personId, A.personId), eq(AT2.present, true), ne(AT2.sessionId, AT1.sessionId)))
    .innerJoin(S2, and(eq(S2.id, AT2.sessionId), eq(S2.date, S1.date), ne(S2.location, S1.location), lt(S1.startTime, S2.endTime), lt(S2.startTime, S1.endTime), sql`(${S1.startTime}, ${S1.id}) < (${S2.startTime}, ${S2.id})`))
    .innerJoin(C1, eq(C1.id, S1.classId))
    .innerJoin(C2, eq(C2.id, S2.classId))
    .where(ofClaim)
    .orderBy(asc(A.id), asc(S1.date), asc(S1.startTime));
  const pairsPer = new Map<string, number>();
  for (const r of overlaps) pairsPer.set(r.apprenticeId, (pairsPer.get(r.apprenticeId) ?? 0) + 1);
  for (const r of firstPer(overlaps)) raise('OVERLAPPING_SESSIONS', r.apprenticeId, { date: r.date, first: r.first, second: r.second, pairs: pairsPer.get(r.apprenticeId) ?? 1 });

  // NOT_EMPLOYED: the labour relation behind the roster entry has ended.
  for (const m of members) {
    if (m.employmentEnd !== null && m.employmentEnd <= s.today) raise('NOT_EMPLOYED', m.id, { employmentEndedOn: m.employmentEnd });
  }

  const order = new Map(ids.map((id, i) => [id, i]));
  return findings.sort((a, b) => (order.get(a.apprenticeId!) ?? 0) - (order.get(b.apprenticeId!) ?? 0));
}

type SQLish = ReturnType<typeof sql>;
