import { and, desc, eq, gte, sql } from 'drizzle-orm';
import { maskName, occupationByCode, skillLevelLabels, formatYuan, type ClaimComputation, type SkillLevel } from '@fulcrum/shared';
import {
  apprenticeshipClassCourses,
  apprenticeshipClasses,
  apprentices,
  claimFindings,
  classSessions,
  noticeObjections,
  publicNotices,
  sessionAttendance,
  skillAssessments,
  subsidyClaims,
  subsidyLedgerEntries,
  subsidyPolicies,
  lessons,
  studySessions,
  users,
  workflowEvents,
} from '../../db/schema/index.ts';
import type { NoticeColumn } from '../../db/schema/notices.ts';
import { WorkingDayCalendar } from '../../lib/working-days.ts';
import { computeAdvance, computeSettlement, type FormulaPolicy } from '../../modules/subsidies/formula.ts';
import { claimFindingDetail, claimNoticeColumns } from '../../modules/subsidies/claim-notice.ts';
import type { Random } from '../random.ts';
import type { LearningDemoInput } from './learning-demo.ts';
import { addDays, addMonths, type DemoStep, type DemoWorld, type OrganisationRow, type PersonRow } from '../world.ts';

/*
 * Baodi's new apprenticeship subsidies (新型学徒制): demo policy versions (labelled as demo values), last year's
 * cohort — advances published in the year's first notice and disbursed, the classes completed, settled (one with
 * non-completers clawed back, one with a refund due) — and this year's cohort in training with advance claims in
 * every state of the review, one with a duplicate-person finding waiting for the HRSS officer, one in public
 * notice with an objection; next cohort's classes being registered. Every amount is computed by the same formula
 * the server uses, from the rows planned here.
 */

type ClassRow = typeof apprenticeshipClasses.$inferInsert & { id: string; organisationId: string; startsOn: string; endsOn: string; targetLevel: number; durationYears: number; occupation: string; name: string };
type ApprenticeRow = typeof apprentices.$inferInsert & { id: string; personId: string; status: string };
type ClaimRow = typeof subsidyClaims.$inferInsert & { id: string; computation: ClaimComputation };
type PolicyRow = typeof subsidyPolicies.$inferInsert & { id: string; year: number; version: number; effectiveFrom: string };

const yuan = (n: number) => n * 100;
/** Demo values — not any city's published standard; every page shows them as demo values. */
const DEMO_RATES = { '4': yuan(5_000), '3': yuan(6_000), '2': yuan(7_000), '1': yuan(8_000) } as const;
const DEMO_NOTE = '演示数值：按人社部发〔2021〕39号"原则上每人每年不低于5000元"及天津市新型学徒制集中学时、线上学时与录像要求设置，非正式标准。';
const COLLEGE = '天津宝坻职业技术学院';
const ONLINE_PLATFORM = '天津市职业技能公共实训平台（线上）';

/** Occupations an apprenticeship class of an enterprise of each division trains for. */
const occupationOf: Record<string, string> = {
  '33': 'welder', '34': 'cnc_operator', '35': 'industrial_robot_operator', '36': 'auto_assembler', '37': 'welder',
  '38': 'electrician', '39': 'electronics_assembler', '40': 'instrument_maintainer', '44': 'electrician',
};
const equipment = new Set(['33', '34', '35', '36', '37', '38', '39', '40']);

/** 10:00 Beijing time of a date (or another hour). */
const at = (date: string, hour = 10) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);
const minutesOf = (from: string, to: string) => Number(to.slice(0, 2)) * 60 + Number(to.slice(3)) - (Number(from.slice(0, 2)) * 60 + Number(from.slice(3)));

const enterpriseHat = (org: OrganisationRow) => ({ name: `${org.name}（培训负责人）`, role: 'training_manager' });
const hrssOfficer = { name: '宝坻区人社局 职业能力建设科', role: 'department_officer' };
const financeOfficer = { name: '宝坻区财政局 社会保障科', role: 'department_officer' };

class SubsidyPlanner {
  readonly calendar = new WorkingDayCalendar();
  readonly policies;
  readonly classes;
  readonly apprentices;
  readonly sessions;
  readonly attendance;
  readonly claims;
  readonly findings;
  readonly notices;
  readonly objections;
  readonly ledger;
  readonly events;
  private readonly serials = new Map<string, number>();
  private readonly taken = new Set<string>();

  constructor(
    readonly world: DemoWorld,
    readonly random: Random,
  ) {
    this.policies = world.rows(subsidyPolicies, 'subsidy policies');
    this.classes = world.rows(apprenticeshipClasses, 'apprenticeship classes');
    this.apprentices = world.rows(apprentices, 'apprentices');
    this.sessions = world.rows(classSessions, 'class sessions');
    this.attendance = world.rows(sessionAttendance, 'session attendance');
    this.notices = world.rows(publicNotices, 'public notices');
    this.objections = world.rows(noticeObjections, 'notice objections');
    this.claims = world.rows(subsidyClaims, 'subsidy claims');
    this.findings = world.rows(claimFindings, 'claim findings');
    this.ledger = world.rows(subsidyLedgerEntries, 'subsidy ledger entries');
    this.events = world.rows(workflowEvents, 'workflow events');
  }

  get hrss() {
    return this.world.organisation('hrss');
  }
  get division() {
    return this.world.region('baodi').divisionCode;
  }

  next(prefix: string): number {
    const n = (this.serials.get(prefix) ?? 0) + 1;
    this.serials.set(prefix, n);
    return n;
  }

  /** The first working day on or after a date. */
  workingOnOrAfter(date: string): string {
    return this.calendar.isWorkingDay(date) ? date : this.calendar.addWorkingDays(date, 1);
  }

  event(process: string, entityId: string, organisationId: string, transition: string, fromState: string, toState: string, date: string, who: { name: string; role: string }, extra: { comment?: string; dueOn?: string | null; data?: unknown } = {}) {
    this.events.push({
      process, entityId, transition, fromState, toState, organisationId,
      actorName: who.name, actorRole: who.role,
      comment: extra.comment ?? null, attachmentIds: [], data: extra.data ?? null, dueOn: extra.dueOn ?? null,
      at: at(date, 9 + this.random.int(0, 7)),
    });
  }

  policy(year: number, version: number, effectiveFrom: string, overrides: Partial<PolicyRow> = {}): PolicyRow {
    const row: PolicyRow = {
      id: this.random.uuid(), regionId: 'baodi', year, version, effectiveFrom,
      ratesFen: { ...DEMO_RATES }, rateWithoutCertificateFen: yuan(3_000), advanceRatioBp: 5_000, advanceBasis: 'one_year',
      minCentralisedHours: 160, onlineShareCapBp: 5_000, videoShareMinBp: 2_500, minYears: 1, maxYears: 2, maxYearsWithReason: 3,
      noticeWorkingDays: 5, isDemo: true, note: DEMO_NOTE, reason: null, createdAt: at(addDays(effectiveFrom, -20)),
    };
    Object.assign(row, overrides);
    this.policies.push(row);
    return row;
  }

  /** The version of a cohort year in force on a date (the latest effective one). */
  policyOn(year: number, date: string): PolicyRow {
    const found = (this.policies as PolicyRow[]).filter((p) => p.year === year && p.effectiveFrom <= date).sort((a, b) => b.version - a.version)[0];
    if (!found) throw new Error(`the demo has no subsidy policy of ${year} in force on ${date}`);
    return found;
  }

  /** Staff of an enterprise who may be apprentices on a date: employed since before it, still employed, on a contract of a year or more, never assessed. */
  eligibleStaff(org: OrganisationRow, startsOn: string, assessed: Set<string>): PersonRow[] {
    const employmentOf = new Map(
      this.world.employments
        .filter((e) => e.organisationId === org.id && !e.endDate && e.startDate <= startsOn && e.contractStart && (!e.contractEnd || e.contractEnd >= addDays(addMonths(e.contractStart, 12), -1)))
        .map((e) => [e.personId, e]),
    );
    return this.world.people.filter((p) => employmentOf.has(p.id) && !assessed.has(p.id) && !this.taken.has(p.id));
  }

  employmentOf(org: OrganisationRow, personId: string) {
    return this.world.employments.find((e) => e.organisationId === org.id && e.personId === personId && !e.endDate)!;
  }

  /** A class walked from draft to `status`, with its registration history. */
  newClass(org: OrganisationRow, spec: { startsOn: string; years: number; level: number; status: string; createdOn: string; returnedComment?: string }): ClassRow {
    const occupation = occupationOf[org.industryDivision ?? ''] ?? 'electrician';
    const occ = occupationByCode.get(occupation)!;
    const levelName = skillLevelLabels[spec.level as SkillLevel]['zh-CN'].replace(/^[一二三四五]级\//, '');
    const endsOn = addDays(addMonths(spec.startsOn, 12 * spec.years), -1);
    const row: ClassRow = {
      id: this.random.uuid(), organisationId: org.id, regionId: 'baodi', kind: 'enterprise', registrationNo: null,
      name: `${spec.startsOn.slice(0, 4)}年${occ.nameZh}${levelName}新型学徒制培训班`,
      institutionKind: 'institution', trainingCentreId: null, institutionName: COLLEGE,
      occupation, targetLevel: spec.level, startsOn: spec.startsOn, endsOn, durationYears: spec.years, durationReason: null,
      enterpriseTutor: { name: this.world.addPerson(this.random, { regionId: 'baodi', sex: 'male', birthDate: '1978-05-12' }).name, title: '高级技师、车间主任' },
      institutionTutor: { name: this.world.addPerson(this.random, { regionId: 'baodi', sex: 'female', birthDate: '1983-09-03' }).name, title: '讲师、实训指导教师' },
      trainingPlan: `企业与${COLLEGE}联合培养：院校集中授课（理论与实操）不少于160学时，线上理论学习不超过总学时的50%，岗位实训由企业导师带教；集中授课全程录像存档。结业时参加${occ.nameZh}${levelName}职业技能等级认定。`,
      attachmentIds: [], status: 'draft', dueOn: null, filedAt: null, registeredOn: null,
      createdAt: at(spec.createdOn), updatedAt: at(spec.createdOn),
    };
    // The tutors are not registered people: only the class names them.
    this.world.people.splice(this.world.people.length - 2, 2);
    this.classes.push(row);
    const who = enterpriseHat(org);
    this.event('apprenticeship_class', row.id, org.id, 'create', 'draft', 'draft', spec.createdOn, who);
    if (spec.status === 'draft') return row;
    const filedOn = this.calendar.addWorkingDays(spec.createdOn, 2);
    let dueOn = this.calendar.addWorkingDays(filedOn, 5);
    this.event('apprenticeship_class', row.id, org.id, 'file', 'draft', 'filed', filedOn, who, { dueOn });
    row.filedAt = at(filedOn);
    row.status = 'filed';
    row.dueOn = dueOn;
    row.updatedAt = at(filedOn);
    if (spec.status === 'filed') return row;
    const decidedOn = this.calendar.addWorkingDays(filedOn, 3);
    if (spec.status === 'returned') {
      dueOn = this.calendar.addWorkingDays(decidedOn, 10);
      this.event('apprenticeship_class', row.id, org.id, 'return', 'filed', 'returned', decidedOn, hrssOfficer, { comment: spec.returnedComment, dueOn });
      Object.assign(row, { status: 'returned', dueOn, updatedAt: at(decidedOn) });
      return row;
    }
    const year = Number(spec.startsOn.slice(0, 4));
    row.registrationNo = `XT${this.division}-${year}-${String(this.next(`XT${year}`)).padStart(4, '0')}`;
    this.event('apprenticeship_class', row.id, org.id, 'register', 'filed', 'registered', decidedOn, hrssOfficer, { comment: '材料齐全，准予备案。', data: { registrationNo: row.registrationNo } });
    Object.assign(row, { status: 'registered', dueOn: null, registeredOn: decidedOn, updatedAt: at(decidedOn) });
    return row;
  }

  roster(cls: ClassRow, org: OrganisationRow, people: readonly PersonRow[]): ApprenticeRow[] {
    return people.map((person) => {
      this.taken.add(person.id);
      const row: ApprenticeRow = {
        id: this.random.uuid(), classId: cls.id, personId: person.id, employerOrganisationId: org.id, employmentId: this.employmentOf(org, person.id).id,
        joinedOn: cls.startsOn, status: 'active', leftOn: null, leftReason: null, createdAt: cls.createdAt,
      };
      this.apprentices.push(row);
      return row;
    });
  }

  /**
   * The weekly timetable up to `until`: Tuesday mornings centralised teaching at the college (recorded), Thursday
   * afternoons on-the-job training in the workshop, every other Saturday evening online theory. Attendance per
   * apprentice, those who left absent from the roster after they left.
   */
  timetable(cls: ClassRow, org: OrganisationRow, roster: readonly ApprenticeRow[], until: string) {
    const slots = [
      { weekday: 2, kind: 'centralised', start: '08:30', end: '12:30', location: `${COLLEGE} 实训楼`, topic: '理论与实操教学', video: true, every: 1 },
      { weekday: 4, kind: 'on_the_job', start: '14:00', end: '18:00', location: `${org.name} 生产车间`, topic: '岗位实训（企业导师带教）', video: false, every: 1 },
      { weekday: 6, kind: 'online', start: '19:00', end: '21:00', location: ONLINE_PLATFORM, topic: '线上理论课程', video: false, every: 2 },
    ] as const;
    const last = cls.endsOn < until ? cls.endsOn : until;
    let week = 0;
    for (let monday = addDays(cls.startsOn, (8 - new Date(`${cls.startsOn}T00:00:00Z`).getUTCDay()) % 7); monday <= last; monday = addDays(monday, 7), week++) {
      for (const slot of slots) {
        const date = addDays(monday, slot.weekday - 1);
        if (date < cls.startsOn || date > last || week % slot.every) continue;
        // Statutory holidays have no teaching (Saturday study online is the trainees' choice, but not on holidays).
        if (slot.kind !== 'online' && !this.calendar.isWorkingDay(date)) continue;
        if (slot.kind === 'online' && this.calendar.statusOf(date).source !== 'week_rule') continue;
        const id = this.random.uuid();
        this.sessions.push({ id, classId: cls.id, date, kind: slot.kind, startTime: slot.start, endTime: slot.end, minutes: minutesOf(slot.start, slot.end), location: slot.location, topic: slot.topic, videoRecorded: slot.video, createdAt: at(date, 20) });
        for (const a of roster) {
          if (a.leftOn && a.leftOn <= date) continue;
          this.attendance.push({ sessionId: id, apprenticeId: a.id, personId: a.personId, present: this.random.chance(0.94) });
        }
      }
    }
  }

  claimRef(date: string): string {
    const year = date.slice(0, 4);
    return `BT${this.division}-${year}-${String(this.next(`BT${year}`)).padStart(4, '0')}`;
  }

  formulaPolicy(p: PolicyRow): FormulaPolicy {
    return { ratesFen: p.ratesFen, rateWithoutCertificateFen: p.rateWithoutCertificateFen, advanceRatioBp: p.advanceRatioBp, advanceBasis: p.advanceBasis as FormulaPolicy['advanceBasis'] };
  }

  policyRef = (p: PolicyRow) => ({ id: p.id, version: p.version, year: p.year, effectiveFrom: p.effectiveFrom, isDemo: true });

  advanceClaim(cls: ClassRow, org: OrganisationRow, roster: readonly ApprenticeRow[], filedOn: string): ClaimRow {
    const policy = this.policyOn(Number(cls.startsOn.slice(0, 4)), filedOn);
    const claimed = roster.filter((a) => a.status !== 'left');
    const result = computeAdvance({ policy: this.formulaPolicy(policy), targetLevel: cls.targetLevel, years: cls.durationYears, headcount: claimed.length });
    const computation: ClaimComputation = {
      policy: this.policyRef(policy), targetLevel: cls.targetLevel, years: cls.durationYears,
      rateFen: policy.ratesFen[String(cls.targetLevel) as keyof typeof DEMO_RATES], rateWithoutCertificateFen: policy.rateWithoutCertificateFen,
      advanceRatioBp: policy.advanceRatioBp, advanceBasis: policy.advanceBasis as ClaimComputation['advanceBasis'],
      headcount: { roster: roster.length, claimed: claimed.length, certified: 0, completedWithoutCertificate: 0, nonCompleters: 0, excluded: 0 },
      excludedApprenticeIds: [], perPersonAdvanceFen: result.perPersonAdvanceFen, advancePaidFen: 0, lines: result.lines, amountFen: result.amountFen,
    };
    return this.fileClaim(cls, org, 'advance', policy, computation, filedOn);
  }

  settlementClaim(cls: ClassRow, org: OrganisationRow, roster: readonly ApprenticeRow[], advance: ClaimRow, filedOn: string): ClaimRow {
    const policy = this.policyOn(Number(cls.startsOn.slice(0, 4)), filedOn);
    const completed = roster.filter((a) => a.status === 'completed');
    const certified = completed.filter((a) => a.assessmentPassed && (a.levelReached ?? 9) <= cls.targetLevel && a.certificateNo).length;
    const withoutCertificate = completed.length - certified;
    const advancePaid = this.ledger.filter((e) => e.classId === cls.id && e.kind === 'advance').reduce((sum, e) => sum + e.amountFen, 0);
    const advanced = advance.computation.headcount.claimed;
    const result = computeSettlement({
      policy: this.formulaPolicy(policy), targetLevel: cls.targetLevel, years: cls.durationYears, certified, completedWithoutCertificate: withoutCertificate,
      advancedHeadcount: advanced, perPersonAdvanceFen: advance.computation.perPersonAdvanceFen, advancePaidFen: advancePaid,
    });
    const computation: ClaimComputation = {
      policy: this.policyRef(policy), targetLevel: cls.targetLevel, years: cls.durationYears,
      rateFen: policy.ratesFen[String(cls.targetLevel) as keyof typeof DEMO_RATES], rateWithoutCertificateFen: policy.rateWithoutCertificateFen,
      advanceRatioBp: policy.advanceRatioBp, advanceBasis: policy.advanceBasis as ClaimComputation['advanceBasis'],
      headcount: { roster: roster.length, claimed: completed.length, certified, completedWithoutCertificate: withoutCertificate, nonCompleters: Math.max(0, advanced - completed.length), excluded: 0 },
      excludedApprenticeIds: [], perPersonAdvanceFen: advance.computation.perPersonAdvanceFen, advancePaidFen: advancePaid, lines: result.lines, amountFen: result.amountFen,
    };
    return this.fileClaim(cls, org, 'settlement', policy, computation, filedOn);
  }

  fileClaim(cls: ClassRow, org: OrganisationRow, kind: 'advance' | 'settlement', policy: PolicyRow, computation: ClaimComputation, filedOn: string): ClaimRow {
    const dueOn = this.calendar.addWorkingDays(filedOn, 10);
    const row: ClaimRow = {
      id: this.random.uuid(), referenceNo: this.claimRef(filedOn), classId: cls.id, organisationId: org.id, regionId: 'baodi', kind, status: 'submitted', round: 1,
      policyId: policy.id, computation, amountFen: computation.amountFen, noticeId: null, disbursedOn: null, bankReference: null, dueOn,
      submittedAt: at(filedOn), createdAt: at(filedOn), updatedAt: at(filedOn),
    };
    this.claims.push(row);
    this.event('subsidy_claim', row.id, org.id, 'submit', 'submitted', 'submitted', filedOn, enterpriseHat(org), { dueOn });
    this.world.count('subsidyClaims');
    return row;
  }

  /** Moves a claim on through the review; returns the date of the last step. */
  review(claim: ClaimRow, steps: readonly ('hrss_approve' | 'finance_approve')[], from: string): string {
    let date = from;
    for (const step of steps) {
      date = this.calendar.addWorkingDays(date, this.random.int(2, 5));
      const [fromState, toState, who, due] = step === 'hrss_approve' ? ['submitted', 'finance_review', hrssOfficer, 10] as const : ['finance_review', 'approved', financeOfficer, 5] as const;
      const dueOn = this.calendar.addWorkingDays(date, due);
      this.event('subsidy_claim', claim.id, claim.organisationId, step, fromState, toState, date, who, { comment: step === 'hrss_approve' ? '核查学徒劳动合同、社保缴纳及培训记录，符合补贴条件。' : '资金来源为职业技能提升行动专账，同意拨付。', dueOn });
      Object.assign(claim, { status: toState, dueOn, updatedAt: at(date) });
    }
    return date;
  }

  /** Publishes approved claims as one public notice starting on a date; returns the notice id and its end. */
  notice(claims: readonly ClaimRow[], startsOn: string, classes: Map<string, ClassRow>, orgs: Map<string, OrganisationRow>) {
    const id = this.random.uuid();
    const year = startsOn.slice(0, 4);
    const batch = this.next(`notice${year}`);
    const endsOn = this.calendar.noticeEnd(startsOn, 5);
    const rows = claims.map((claim, i) => {
      const cls = classes.get(claim.classId)!;
      const names = this.apprentices
        .filter((a) => a.classId === cls.id && (claim.kind === 'advance' ? a.status !== 'left' || (a.leftOn ?? '9999') > startsOn : a.status === 'completed'))
        .map((a) => maskName(this.world.people.find((p) => p.id === a.personId)!.name));
      return { ref: claim.id, cells: claimNoticeCells(i, claim, cls, orgs.get(claim.organisationId)!, names) };
    });
    this.notices.push({
      id, regionId: 'baodi', organisationId: this.hrss.id, subjectType: 'subsidy_claims', subjectId: this.random.uuid(),
      title: `${year}年第${batch}批新型学徒制培训补贴拟拨付名单公示`,
      body: `根据人社部发〔2021〕39号及我市新型学徒制补贴规定，经企业申报、区人社局审核、区财政局复核，现将拟拨付的 ${claims.length} 笔新型学徒制培训补贴予以公示。公示期内，对公示内容有异议的，可实名提出并提供相关材料。联系单位：${this.hrss.name}。`,
      columns: claimNoticeColumns as NoticeColumn[], entries: rows, startsOn, endsOn, workingDays: 5, status: 'published', publishedAt: at(startsOn, 9),
    });
    for (const claim of claims) {
      this.event('subsidy_claim', claim.id, claim.organisationId, 'publish_notice', 'approved', 'in_notice', startsOn, hrssOfficer, { data: { noticeId: id } });
      Object.assign(claim, { status: 'in_notice', noticeId: id, dueOn: null, updatedAt: at(startsOn) });
    }
    return { id, endsOn };
  }

  /** Finance records the transfer after the notice: the claim's lines go to the ledger; the claimant confirms receipt. */
  disburse(claim: ClaimRow, on: string, closedOn: string | null) {
    const bankReference = `${on.replace(/-/g, '')}${String(this.random.int(10_000_000, 99_999_999))}`;
    this.event('subsidy_claim', claim.id, claim.organisationId, 'disburse', 'in_notice', 'disbursed', on, financeOfficer, { data: { disbursedOn: on, bankReference } });
    Object.assign(claim, { status: 'disbursed', disbursedOn: on, bankReference, updatedAt: at(on) });
    for (const line of claim.computation.lines) {
      if (line.key === 'clawback' && line.amountFen === 0) continue;
      this.ledger.push({
        id: this.random.uuid(), organisationId: claim.organisationId, regionId: 'baodi', classId: claim.classId, claimId: claim.id,
        kind: line.key, amountFen: line.amountFen, bookedOn: on, bankReference, note: `${claim.referenceNo} ${line.label['zh-CN']}：${line.formula}`,
        recordedByName: financeOfficer.name, createdAt: at(on, 15),
      });
      this.world.count('ledgerEntries');
    }
    if (closedOn) {
      this.event('subsidy_claim', claim.id, claim.organisationId, 'close', 'disbursed', 'closed', closedOn, { name: '企业（确认到账）', role: 'enterprise_admin' }, { comment: '补贴资金已到账。' });
      Object.assign(claim, { status: 'closed', updatedAt: at(closedOn) });
    }
  }
}

/** A notice row of a claim, with the apprentices' names already masked. */
function claimNoticeCells(i: number, claim: ClaimRow, cls: ClassRow, org: OrganisationRow, maskedNames: string[]) {
  return claimFindingDetail.noticeCells({
    seq: i + 1,
    organisationName: org.name,
    className: cls.name,
    registrationNo: cls.registrationNo ?? null,
    occupation: cls.occupation,
    targetLevel: cls.targetLevel,
    kind: claim.kind as 'advance' | 'settlement',
    planned: claim.computation.headcount.roster,
    completed: claim.kind === 'settlement' ? claim.computation.headcount.claimed : null,
    amountFen: claim.amountFen,
    maskedNames,
  });
}

export const subsidiesStep: DemoStep = {
  name: 'subsidies',
  build(world, random) {
    const planner = new SubsidyPlanner(world, random);
    const today = world.today;
    const cal = planner.calendar;
    const orgs = new Map(world.organisations.map((o) => [o.id, o]));
    const classes = new Map<string, ClassRow>();
    const assessed = new Set(world.rows(skillAssessments, 'skill assessments').map((a) => a.personId));
    const showcase = world.organisation('showcase');
    const daysAgo = (n: number) => {
      let day = today;
      for (let left = n; left > 0; ) {
        day = addDays(day, -1);
        if (cal.isWorkingDay(day)) left--;
      }
      return day;
    };

    // The cohorts, laid out backwards from today: last year's classes started 20 months ago, this year's 8 months ago.
    const lastStart = planner.workingOnOrAfter(addMonths(today, -20));
    const thisStart = planner.workingOnOrAfter(addMonths(today, -8));
    const nextStart = planner.workingOnOrAfter(addMonths(today, 1));
    const lastYear = Number(lastStart.slice(0, 4));
    const thisYear = Number(thisStart.slice(0, 4));
    const nextYear = Number(nextStart.slice(0, 4));
    for (const year of [...new Set([lastYear, thisYear, nextYear])].sort()) planner.policy(year, 1, `${year}-01-01`);

    // Enterprises with enough eligible staff; equipment manufacturers first (the pillar industry).
    const pick = (startsOn: string, want: (org: OrganisationRow) => boolean, size: number) => {
      const candidates = world.enterprises().filter((o) => o.regionId === 'baodi' && o.id !== showcase.id && want(o) && !classesOf(o.id));
      for (const org of candidates.sort((a, b) => (b.employeeCount ?? 0) - (a.employeeCount ?? 0))) {
        const staff = planner.eligibleStaff(org, startsOn, assessed);
        if (staff.length >= size) return { org, staff: staff.slice(0, size) };
      }
      throw new Error('the demo district has too few enterprises with eligible staff for its apprenticeship classes');
    };
    const used = new Set<string>();
    const classesOf = (orgId: string) => used.has(orgId);
    const cohortClass = (org: OrganisationRow, staff: PersonRow[], spec: Parameters<SubsidyPlanner['newClass']>[1]) => {
      used.add(org.id);
      const cls = planner.newClass(org, spec);
      classes.set(cls.id, cls);
      world.count('apprenticeshipClasses');
      const roster = spec.status === 'draft' || spec.status === 'filed' || spec.status === 'returned' ? planner.roster(cls, org, staff) : planner.roster(cls, org, staff);
      world.count('apprentices', roster.length);
      return { cls, org, roster };
    };

    // --- last year's cohort: advances in the year's first notice, completed, settled ----------------
    const equipmentFirst = (o: OrganisationRow) => equipment.has(o.industryDivision ?? '');
    const last = [
      { ...pick(lastStart, equipmentFirst, 14), level: 3, leave: 1, fail: 1 },
      { ...pick(lastStart, equipmentFirst, 12), level: 4, leave: 2, fail: 0 },
      { ...pick(lastStart, equipmentFirst, 10), level: 3, leave: 0, fail: 1 },
      { ...pick(lastStart, (o) => o.industryDivision === '44' || !equipment.has(o.industryDivision ?? ''), 9), level: 4, leave: 1, fail: 0 },
      // Few finished here: the settlement is negative, the enterprise refunds part of the advance.
      { ...pick(lastStart, equipmentFirst, 12), level: 3, leave: 8, fail: 1 },
    ].map((spec) => ({ ...spec, ...cohortClass(spec.org, spec.staff, { startsOn: lastStart, years: 1, level: spec.level, status: 'registered', createdOn: daysBeforeDate(cal, lastStart, 15) }) }));

    const advanceFiledOn = cal.addWorkingDays(lastStart, 15);
    const lastAdvances = last.map((c) => planner.advanceClaim(c.cls, c.org, c.roster, cal.addWorkingDays(advanceFiledOn, random.int(0, 3))));
    let reviewedOn = advanceFiledOn;
    for (const claim of lastAdvances) reviewedOn = [reviewedOn, planner.review(claim, ['hrss_approve', 'finance_approve'], advanceFiledOn)].sort().at(-1)!;
    const firstNotice = planner.notice(lastAdvances, cal.addWorkingDays(reviewedOn, 2), classes, orgs);
    const advancePaidOn = cal.addWorkingDays(firstNotice.endsOn, 3);
    for (const claim of lastAdvances) planner.disburse(claim, advancePaidOn, cal.addWorkingDays(advancePaidOn, 2));
    // The rate without a certificate was raised after the advances: the settlements are computed under version 2.
    const revisedOn = cal.addWorkingDays(advancePaidOn, 20);
    planner.policy(lastYear, 2, revisedOn, { rateWithoutCertificateFen: yuan(3_500), reason: '市人社局、市财政局调整未取得目标等级证书学徒的补贴标准。', createdAt: at(addDays(revisedOn, -3)) });

    for (const c of last) {
      const end = c.cls.endsOn;
      const leavers = c.roster.slice(0, c.leave);
      for (const [i, a] of leavers.entries()) {
        const leftOn = cal.addWorkingDays(c.cls.startsOn, 40 + i * 17);
        Object.assign(a, { status: 'left', leftOn, leftReason: i % 2 ? '调岗至非技术岗位' : '本人辞职（解除劳动合同）' });
      }
      planner.timetable(c.cls, c.org, c.roster, end);
      const stayers = c.roster.slice(c.leave);
      const assessedOn = daysBeforeDate(cal, end, 5);
      for (const [i, a] of stayers.entries()) {
        const passed = i >= c.fail;
        Object.assign(a, {
          status: 'completed', assessedOn, assessmentPassed: passed, levelReached: passed ? c.cls.targetLevel : null,
          certificateNo: passed ? `S${assessedOn.slice(0, 4)}${planner.division}${String(planner.next('cert')).padStart(7, '0')}` : null,
        });
      }
      const completedOn = cal.addWorkingDays(end, 1);
      planner.event('apprenticeship_class', c.cls.id, c.org.id, 'complete', 'registered', 'completed', completedOn, enterpriseHat(c.org), { comment: '培训期满，学徒全部完成考核。' });
      Object.assign(c.cls, { status: 'completed', updatedAt: at(completedOn) });
    }
    const settlementFiledOn = cal.addWorkingDays(last[0]!.cls.endsOn, 8);
    const settlements = last.map((c, i) => planner.settlementClaim(c.cls, c.org, c.roster, lastAdvances[i]!, cal.addWorkingDays(settlementFiledOn, random.int(0, 2))));
    let settledReview = settlementFiledOn;
    for (const claim of settlements) settledReview = [settledReview, planner.review(claim, ['hrss_approve', 'finance_approve'], settlementFiledOn)].sort().at(-1)!;
    const settlementNotice = planner.notice(settlements, cal.addWorkingDays(settledReview, 2), classes, orgs);
    const settledOn = cal.addWorkingDays(settlementNotice.endsOn, 4);
    for (const [i, claim] of settlements.entries()) planner.disburse(claim, settledOn, i === 1 ? null : cal.addWorkingDays(settledOn, 3));

    // --- this year's cohort: in training, advances in every state of the review -------------------
    const duplicate = last[0]!.roster[0]!; // left last year's class; enrolled again by the same enterprise.
    const repeatOrg = last[0]!.org;
    const thisClass = (org: OrganisationRow, staff: PersonRow[], level: number, years: number) =>
      cohortClass(org, staff, { startsOn: thisStart, years, level, status: 'registered', createdOn: daysBeforeDate(cal, thisStart, 12) });
    const showcaseStaff = planner.eligibleStaff(showcase, thisStart, assessed).slice(0, 12);
    const current = [
      thisClass(showcase, showcaseStaff, 3, 2),
      thisClass(repeatOrg, [world.people.find((p) => p.id === duplicate.personId)!, ...planner.eligibleStaff(repeatOrg, thisStart, assessed).slice(0, 9)], last[0]!.cls.targetLevel, 2),
      ...[0, 1, 2, 3].map((i) => {
        const { org, staff } = pick(thisStart, i < 3 ? equipmentFirst : () => true, 8 + i);
        return thisClass(org, staff, i % 2 ? 4 : 3, i === 3 ? 1 : 2);
      }),
    ];
    for (const c of current) planner.timetable(c.cls, c.org, c.roster, daysAgo(1));
    const thisFiledOn = cal.addWorkingDays(thisStart, 15);
    const [showcaseClass, repeatClass, a, b, c, d] = current as [typeof current[number], typeof current[number], ...typeof current];
    // The showcase enterprise's advance went through the notice and was paid.
    const paid = planner.advanceClaim(showcaseClass.cls, showcaseClass.org, showcaseClass.roster, thisFiledOn);
    const paidNotice = planner.notice([paid], cal.addWorkingDays(planner.review(paid, ['hrss_approve', 'finance_approve'], thisFiledOn), 2), classes, orgs);
    planner.disburse(paid, cal.addWorkingDays(paidNotice.endsOn, 2), cal.addWorkingDays(paidNotice.endsOn, 4));
    // Waiting for the HRSS officer: the repeated apprentice's finding is open.
    const flagged = planner.advanceClaim(repeatClass.cls, repeatClass.org, repeatClass.roster, daysAgo(4));
    const repeatApprentice = repeatClass.roster[0]!;
    planner.findings.push({
      claimId: flagged.id, round: 1, code: 'DUPLICATE_SUBSIDY', apprenticeId: repeatApprentice.id, personId: repeatApprentice.personId, status: 'open',
      detail: claimFindingDetail.duplicate({ otherClassId: last[0]!.cls.id, otherClassName: last[0]!.cls.name, otherClaimRef: lastAdvances[0]!.referenceNo, claimStatus: lastAdvances[0]!.status, occupation: last[0]!.cls.occupation, level: last[0]!.cls.targetLevel }),
    });
    // Overdue at HRSS review, at finance review, approved and waiting for the notice, and in today's notice.
    const overdue = planner.advanceClaim(a!.cls, a!.org, a!.roster, daysAgo(14));
    void overdue;
    const atFinance = planner.advanceClaim(b!.cls, b!.org, b!.roster, daysAgo(9));
    planner.review(atFinance, ['hrss_approve'], daysAgo(9));
    const approved = planner.advanceClaim(c!.cls, c!.org, c!.roster, daysAgo(12));
    planner.review(approved, ['hrss_approve', 'finance_approve'], daysAgo(12));
    const noticed = planner.advanceClaim(d!.cls, d!.org, d!.roster, daysAgo(16));
    planner.review(noticed, ['hrss_approve', 'finance_approve'], daysAgo(16));
    const openNotice = planner.notice([noticed], daysAgo(2), classes, orgs);
    const objector = world.addPerson(random, { regionId: 'baodi', sex: 'female', birthDate: '1988-04-21' });
    world.people.pop();
    planner.objections.push({
      noticeId: openNotice.id, entryRef: noticed.id, referenceCode: Array.from({ length: 10 }, () => 'ABCDEFGHJKMNPQRSTVWXYZ23456789'[random.int(0, 29)]).join(''),
      objectorName: objector.name, objectorResidentId: objector.residentId, objectorPhone: objector.phone ?? '13800000000',
      content: '名单中有学徒实际在外地项目部工作，未参加院校集中授课，请核实考勤记录。', filedAt: at(daysAgo(1), 15), status: 'open',
    });

    // --- next cohort: classes being prepared and registered ---------------------------------------
    const prepared = [
      { status: 'draft', createdOn: daysAgo(2) },
      { status: 'filed', createdOn: daysAgo(12) }, // past its 5-working-day registration deadline
      { status: 'returned', createdOn: daysAgo(9), returnedComment: '学徒花名册中2人劳动合同期限不足1年，请更正后重新提交。' },
    ] as const;
    for (const [i, spec] of prepared.entries()) {
      const { org, staff } = pick(nextStart, i === 0 ? equipmentFirst : () => true, 6 + i * 2);
      cohortClass(org, staff, { startsOn: nextStart, years: 2, level: 4, ...spec });
    }
    void nextYear;
    void formatYuan;
  },
};

/** The working day `n` working days before a date. */
function daysBeforeDate(cal: WorkingDayCalendar, date: string, n: number): string {
  let day = date;
  for (let left = n; left > 0; ) {
    day = addDays(day, -1);
    if (cal.isWorkingDay(day)) left--;
  }
  return day;
}

/**
 * Links the platform courses the showcase class's apprentices studied most (within the class dates) to the class as
 * its online theory, so its progress shows platform hours. Runs after the study time, when the courses exist.
 */
export async function linkShowcaseOnlineCourses(input: LearningDemoInput): Promise<Record<string, number>> {
  const { db, world } = input;
  const showcase = world.organisation('showcase');
  const [cls] = await db
    .select({ id: apprenticeshipClasses.id, startsOn: apprenticeshipClasses.startsOn })
    .from(apprenticeshipClasses)
    .where(and(eq(apprenticeshipClasses.organisationId, showcase.id), eq(apprenticeshipClasses.status, 'registered')))
    .orderBy(desc(apprenticeshipClasses.startsOn))
    .limit(1);
  if (!cls) return { apprenticeshipClassCourses: 0 };
  const studied = await db
    .select({ courseId: lessons.courseId, seconds: sql<number>`sum(${studySessions.creditedSeconds})`.mapWith(Number) })
    .from(studySessions)
    .innerJoin(apprentices, and(eq(apprentices.personId, studySessions.personId), eq(apprentices.classId, cls.id)))
    .innerJoin(lessons, eq(lessons.id, studySessions.lessonId))
    .where(gte(studySessions.startedAt, new Date(`${cls.startsOn}T00:00:00+08:00`)))
    .groupBy(lessons.courseId)
    .orderBy(desc(sql`sum(${studySessions.creditedSeconds})`), lessons.courseId)
    .limit(2);
  const [trainer] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'ent-trainer'));
  if (studied.length) {
    await db.insert(apprenticeshipClassCourses).values(studied.map((s) => ({ classId: cls.id, courseId: s.courseId, addedBy: trainer?.id ?? null, addedAt: new Date(`${cls.startsOn}T09:30:00+08:00`) })));
  }
  return { apprenticeshipClassCourses: studied.length };
}
