import { occupationByCode, occupations, type OccupationCode, type ScopeItem } from '@fulcrum/shared';
import {
  centreAnnualReviews,
  centreTrainings,
  noticeObjections,
  publicNotices,
  selectionBatches,
  skillAssessments,
  trainingCentreApplications,
  trainingCentres,
  trainingCentreScopes,
  trainingMatches,
  trainingNeeds,
  workflowEvents,
} from '../../db/schema/index.ts';
import { scoreProposal } from '../../modules/matching/proposals.ts';
import type { NoticeColumn } from '../../db/schema/notices.ts';
import { WorkingDayCalendar } from '../../lib/working-days.ts';
import type { Random } from '../random.ts';
import { personName } from '../vocabulary.ts';
import { addDays, addMonths, type DemoStep, type DemoWorld, type OrganisationRow } from '../world.ts';

/*
 * Baodi's training centres (企业培训中心, "技能强企"): 28 certified centres from four selection batches — the
 * last two certified in March 2025, so "2025年1–4月新增 2 家，总量 28 家" comes out of the records — with their
 * trainings and in-house skill assessments, one centre suspended at its annual review, applications of the
 * current year in every state of the review, and the current batch in public notice with an objection waiting.
 */

/** Occupations an enterprise of each industry division plausibly trains for. */
const occupationsOfDivision: Record<string, readonly OccupationCode[]> = {
  '33': ['welder', 'fitter', 'lathe_operator', 'quality_inspector', 'mould_maker'],
  '34': ['lathe_operator', 'milling_operator', 'fitter', 'cnc_operator', 'hydraulic_fitter', 'electrician'],
  '35': ['cnc_operator', 'cnc_programmer', 'industrial_robot_operator', 'industrial_robot_maintainer', 'electrician', 'fitter'],
  '36': ['auto_assembler', 'welder', 'fitter', 'quality_inspector', 'industrial_robot_operator'],
  '38': ['battery_maker', 'ev_battery_tester', 'electrician', 'pv_installer', 'energy_storage_operator', 'charging_facility_operator'],
  '39': ['electronics_assembler', 'instrument_maintainer', 'network_engineer'],
  '44': ['energy_storage_operator', 'wind_turbine_maintainer', 'pv_installer', 'hydrogen_operator', 'electrician'],
};
const centreDivisions = Object.keys(occupationsOfDivision);
/** Figures list occupations in catalogue order, as the server computes them. */
const catalogueIndex = (code: string) => occupations.findIndex((o) => o.code === code);

/** The certified batches: name, dates, and how many centres each certified (10 + 9 + 7 + 2 = 28). */
const certifiedBatches = [
  { name: '2023年度第一批企业培训中心遴选', year: 2023, quota: 12, opensOn: '2023-08-01', closesOn: '2023-09-29', noticeOn: '2023-11-20', certifiedOn: '2023-12-15', centres: 10 },
  { name: '2024年度第一批企业培训中心遴选', year: 2024, quota: 10, opensOn: '2024-03-01', closesOn: '2024-04-30', noticeOn: '2024-05-27', certifiedOn: '2024-06-20', centres: 9 },
  { name: '2024年度第二批企业培训中心遴选', year: 2024, quota: 8, opensOn: '2024-08-01', closesOn: '2024-09-30', noticeOn: '2024-11-04', certifiedOn: '2024-11-28', centres: 7 },
  { name: '2025年度第一批企业培训中心遴选', year: 2025, quota: 5, opensOn: '2024-12-02', closesOn: '2025-01-24', noticeOn: '2025-02-24', certifiedOn: '2025-03-18', centres: 2 },
] as const;
const VALIDITY_YEARS = 3;
const NOTICE_DAYS = 5;

const noticeColumns: NoticeColumn[] = [
  { key: 'no', zh: '序号', en: 'No.' },
  { key: 'organisation', zh: '企业名称', en: 'Enterprise' },
  { key: 'uscc', zh: '统一社会信用代码', en: 'USCC' },
  { key: 'scope', zh: '认定职业及等级', en: 'Occupations and levels' },
  { key: 'park', zh: '所在园区', en: 'Industrial park' },
];

const levelNames: Record<number, string> = { 5: '五级', 4: '四级', 3: '三级', 2: '二级', 1: '一级' };
const scopeText = (scope: readonly { occupation: string; levels: number[] }[]) =>
  scope.map((s) => `${occupationByCode.get(s.occupation)?.nameZh ?? s.occupation}（${[...s.levels].sort((a, b) => b - a).map((l) => levelNames[l]).join('、')}）`).join('；');

/** 10:00 Beijing time of a date. */
const at = (date: string, hour = 10) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);

type ApplicationRow = typeof trainingCentreApplications.$inferInsert & { id: string };

class CentrePlanner {
  readonly calendar = new WorkingDayCalendar();
  readonly batches;
  readonly applications;
  readonly notices;
  readonly objections;
  readonly centres;
  readonly scopes;
  readonly trainings;
  readonly assessments;
  readonly reviews;
  readonly needs;
  readonly matches;
  readonly events;
  private readonly certificateSerial = new Map<string, number>();

  constructor(
    readonly world: DemoWorld,
    readonly random: Random,
  ) {
    // Parents first: the first use of a table fixes its place in the write order.
    this.batches = world.rows(selectionBatches, 'selection batches');
    this.applications = world.rows(trainingCentreApplications, 'training-centre applications');
    this.notices = world.rows(publicNotices, 'public notices');
    this.objections = world.rows(noticeObjections, 'notice objections');
    this.centres = world.rows(trainingCentres, 'training centres');
    this.scopes = world.rows(trainingCentreScopes, 'training-centre scopes');
    this.trainings = world.rows(centreTrainings, 'centre trainings');
    this.assessments = world.rows(skillAssessments, 'skill assessments');
    this.reviews = world.rows(centreAnnualReviews, 'centre annual reviews');
    this.needs = world.rows(trainingNeeds, 'training needs');
    this.matches = world.rows(trainingMatches, 'training matches');
    this.events = world.rows(workflowEvents, 'workflow events');
  }

  get hrss() {
    return this.world.organisation('hrss');
  }

  /** The working day `n` working days before `date` (n ≥ 1). */
  workingDaysBefore(date: string, n: number): string {
    let day = date;
    for (let left = n; left > 0; ) {
      day = addDays(day, -1);
      if (this.calendar.isWorkingDay(day)) left--;
    }
    return day;
  }

  scopeFor(org: OrganisationRow): ScopeItem[] {
    const pool = [...(occupationsOfDivision[org.industryDivision ?? ''] ?? occupationsOfDivision['34']!)];
    const count = this.random.int(1, Math.min(3, pool.length));
    const scope: ScopeItem[] = [];
    for (let i = 0; i < count; i++) {
      const occupation = pool.splice(this.random.int(0, pool.length - 1), 1)[0]!;
      const top = this.random.pick([4, 3, 3, 2]);
      const levels = [5, 4, 3, 2, 1].filter((l) => l >= top && l <= top + 2);
      scope.push({ occupation, levels });
    }
    return scope;
  }

  /** An application's content, as an enterprise fills it in. */
  applicationFor(org: OrganisationRow, year: number): Omit<ApplicationRow, 'id' | 'status' | 'createdAt' | 'updatedAt'> {
    const scope = this.scopeFor(org);
    const instructors = scope.flatMap((s) =>
      Array.from({ length: this.random.int(1, 3) }, () => {
        const level = Math.max(1, Math.min(...s.levels) - this.random.int(0, 1));
        return { name: personName(this.random, this.random.chance(0.7) ? 'male' : 'female', this.random.int(1968, 1990)), occupation: s.occupation, level, certificateNo: `S${this.random.int(1000000000, 9999999999)}` };
      }),
    );
    const capacity = (org.employeeCount ?? 100) > 300 ? this.random.int(6, 12) * 100 : this.random.int(2, 6) * 100;
    return {
      organisationId: org.id,
      regionId: org.regionId,
      scope,
      facilities: `实训场地 ${this.random.int(3, 12) * 100} 平方米，理论教室 ${this.random.int(1, 4)} 间，实训工位 ${this.random.int(20, 80)} 个；${scope.map((s) => occupationByCode.get(s.occupation)!.nameZh).join('、')}实训设备齐全。`,
      instructors,
      annualPlan: `${year}年计划开展${scope.map((s) => occupationByCode.get(s.occupation)!.nameZh).join('、')}等职业技能培训 ${this.random.int(6, 20)} 期，培训 ${capacity} 人次，组织企业自主评价 ${this.random.int(2, 6)} 次。`,
      annualCapacity: capacity,
      pastTraining: [year - 3, year - 2, year - 1].map((y) => ({ year: y, trainings: this.random.int(3, 15), personTimes: this.random.int(80, capacity) })),
      attachmentIds: [],
    };
  }

  /** One history row (the audit trail of the demo's past is its load entry). */
  event(process: string, entityId: string, organisationId: string, transition: string, fromState: string, toState: string, date: string, who: { name: string; role: string }, extra: { comment?: string; dueOn?: string | null; data?: unknown } = {}) {
    this.events.push({
      process, entityId, transition, fromState, toState, organisationId,
      actorName: who.name, actorRole: who.role,
      comment: extra.comment ?? null, attachmentIds: [], data: extra.data ?? null, dueOn: extra.dueOn ?? null,
      at: at(date, 9 + this.random.int(0, 7)),
    });
  }

  /** Walks an application from draft through the states in order, writing its history; returns the last date. */
  walkApplication(app: ApplicationRow, org: OrganisationRow, steps: readonly { transition: string; to: string; days: number; comment?: string; data?: unknown }[], start: string) {
    const applicant = { name: `${org.name}（企业管理员）`, role: 'enterprise_admin' };
    const officer = { name: '宝坻区人社局 职业能力建设科', role: 'department_officer' };
    const reviewer = { name: '宝坻区人社局 分管领导', role: 'department_reviewer' };
    const deadlines: Record<string, number> = { submitted: 5, documents_checked: 10, onsite_checked: 5 };
    this.event('training_centre_application', app.id, org.id, 'create', 'draft', 'draft', start, applicant);
    let state = 'draft';
    let date = start;
    for (const step of steps) {
      date = this.calendar.addWorkingDays(date, step.days);
      const who = ['submit', 'withdraw'].includes(step.transition) ? applicant : ['approve'].includes(step.transition) ? reviewer : officer;
      const dueOn = deadlines[step.to] !== undefined ? this.calendar.addWorkingDays(date, deadlines[step.to]!) : null;
      this.event('training_centre_application', app.id, org.id, step.transition, state, step.to, date, who, { comment: step.comment, dueOn, data: step.data });
      if (step.transition === 'submit') app.submittedAt = at(date);
      if (step.transition === 'record_onsite_check') app.onsiteCheck = step.data as ApplicationRow['onsiteCheck'];
      state = step.to;
      app.dueOn = dueOn;
    }
    app.status = state;
    app.updatedAt = at(date);
    return date;
  }

  onsite(date: string, passed = true) {
    return {
      date,
      passed,
      findings: passed
        ? '实训场地、设备与申报材料一致；师资持证上岗；培训档案完整。建议完善评价题库。'
        : '实训设备数量不足申报数的一半，部分讲师证书过期。',
    };
  }

  /** The normal path from draft to approved (documents, on-site check, approval). */
  reviewPath(start: string) {
    const onsiteDay = this.calendar.addWorkingDays(start, 12);
    return [
      { transition: 'submit', to: 'submitted', days: 3 },
      { transition: 'check_documents', to: 'documents_checked', days: 4, comment: '申报材料齐全，符合要求。' },
      { transition: 'record_onsite_check', to: 'onsite_checked', days: 5, data: this.onsite(onsiteDay) },
      { transition: 'approve', to: 'approved', days: 3, comment: '同意列入遴选。' },
    ] as const;
  }

  newApplication(org: OrganisationRow, year: number, createdOn: string): ApplicationRow {
    const row: ApplicationRow = { id: this.random.uuid(), status: 'draft', ...this.applicationFor(org, year), createdAt: at(createdOn), updatedAt: at(createdOn) };
    this.applications.push(row);
    return row;
  }

  /** A batch's public notice of its applications, open for NOTICE_DAYS working days from startsOn. */
  notice(batchId: string, batchName: string, startsOn: string, apps: readonly ApplicationRow[], orgs: Map<string, OrganisationRow>) {
    const id = this.random.uuid();
    const parks = new Map(this.world.parks.map((p) => [p.id, p.nameZh]));
    this.notices.push({
      id,
      regionId: 'baodi',
      organisationId: this.hrss.id,
      subjectType: 'selection_batch',
      subjectId: batchId,
      title: `关于${batchName}拟认定企业培训中心名单的公示`,
      body: `根据《宝坻区企业培训中心认定管理办法》，经企业申报、材料审核、现场核查和集体研究，拟认定以下 ${apps.length} 家企业为宝坻区企业培训中心，现予以公示。公示期内，任何单位和个人如有异议，可实名提出，并提供联系方式及相关证明材料。`,
      columns: noticeColumns,
      entries: apps.map((app, i) => {
        const org = orgs.get(app.organisationId)!;
        return { ref: app.id, cells: { no: String(i + 1), organisation: org.name, uscc: org.uscc ?? '', scope: scopeText(app.scope), park: org.industrialParkId ? parks.get(org.industrialParkId) ?? '' : '' } };
      }),
      startsOn,
      endsOn: this.calendar.addWorkingDays(startsOn, NOTICE_DAYS),
      workingDays: NOTICE_DAYS,
      status: 'published',
      publishedAt: at(startsOn, 9),
    });
    return id;
  }

  objection(noticeId: string, entryRef: string | null, filedOn: string, content: string, handled?: { outcome: 'upheld' | 'dismissed'; note: string; on: string }) {
    const objector = this.world.addPerson(this.random, { regionId: 'baodi', sex: 'male', birthDate: `19${this.random.int(70, 95)}-0${this.random.int(1, 9)}-1${this.random.int(0, 9)}` });
    // The objector is a member of the public, not a registered person: only the notice's objection keeps them.
    this.world.people.pop();
    this.objections.push({
      noticeId,
      entryRef,
      referenceCode: Array.from({ length: 10 }, () => 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'[this.random.int(0, 30)]).join(''),
      objectorName: objector.name,
      objectorResidentId: objector.residentId,
      objectorPhone: objector.phone ?? '13800000000',
      content,
      filedAt: at(filedOn, 15),
      status: handled ? 'handled' : 'open',
      outcome: handled?.outcome ?? null,
      handlingNote: handled?.note ?? null,
      handledAt: handled ? at(handled.on, 16) : null,
    });
  }

  certificateNo(year: number): string {
    const key = `baodi:${year}`;
    const n = (this.certificateSerial.get(key) ?? 0) + 1;
    this.certificateSerial.set(key, n);
    return `TC${this.world.region('baodi').divisionCode}-${year}-${String(n).padStart(3, '0')}`;
  }
}

/** Up to n distinct items, in random order (a partial Fisher–Yates shuffle). */
function sample<T>(random: Random, items: readonly T[], n: number): T[] {
  const copy = [...items];
  const k = Math.min(n, copy.length);
  for (let i = 0; i < k; i++) {
    const j = random.int(i, copy.length - 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, k);
}

/** Staff of an enterprise who can be trained and assessed there. */
function staffOf(world: DemoWorld, orgId: string) {
  const ids = new Set(world.employments.filter((e) => e.organisationId === orgId && !e.endDate).map((e) => e.personId));
  return world.people.filter((p) => ids.has(p.id));
}

export const trainingCentresStep: DemoStep = {
  name: 'training-centres',
  build(world, random) {
    const planner = new CentrePlanner(world, random);
    const today = world.today;
    const showcase = world.organisation('showcase');
    const orgs = new Map(world.organisations.map((o) => [o.id, o]));
    // Manufacturing and energy enterprises of Baodi, the larger ones first (they are the ones that apply).
    const candidates = world.enterprises().filter((o) => o.regionId === 'baodi' && centreDivisions.includes(o.industryDivision ?? '') && o.id !== showcase.id && o.size !== 'micro');
    const larger = candidates.filter((o) => o.size === 'medium' || o.size === 'large');
    const pool = [...sample(random, larger, larger.length), ...sample(random, candidates.filter((o) => o.size === 'small'), candidates.length)];
    const take = () => {
      const org = pool.shift();
      if (!org) throw new Error('the demo district has too few manufacturing enterprises for its training centres');
      return org;
    };
    const officer = { name: '宝坻区人社局 职业能力建设科', role: 'department_officer' };
    const reviewer = { name: '宝坻区人社局 分管领导', role: 'department_reviewer' };

    // --- the certified batches and their centres ---------------------------------------------
    const centreRows: (typeof trainingCentres.$inferInsert & { id: string; organisationId: string; certifiedOn: string })[] = [];
    for (const [b, spec] of certifiedBatches.entries()) {
      if (spec.certifiedOn > today) continue;
      const batchId = random.uuid();
      const apps: ApplicationRow[] = [];
      for (let i = 0; i < spec.centres; i++) {
        // The showcase enterprise (where the demo accounts work) is one of the 2024 centres.
        const org = b === 1 && i === 0 ? showcase : take();
        const start = addDays(spec.opensOn, random.int(0, 20));
        const app = planner.newApplication(org, spec.year, start);
        planner.walkApplication(app, org, planner.reviewPath(start), start);
        apps.push(app);
      }
      const noticeId = planner.notice(batchId, spec.name, spec.noticeOn, apps, orgs);
      if (b === 3) {
        planner.objection(noticeId, apps[0]!.id, planner.calendar.addWorkingDays(spec.noticeOn, 2), '该企业培训场地系租赁厂房，实训设备是否为企业自有存疑，请核实。', {
          outcome: 'dismissed', on: planner.calendar.addWorkingDays(spec.noticeOn, 4),
          note: '经现场复核，实训设备为企业自有资产（附固定资产登记），租赁厂房租期至2030年，异议不成立。',
        });
      }
      world.count('selectionBatches');
      planner.batches.push({
        id: batchId, regionId: 'baodi', organisationId: planner.hrss.id, name: spec.name, year: spec.year, quota: spec.quota,
        opensOn: spec.opensOn, closesOn: spec.closesOn, validityYears: VALIDITY_YEARS, status: 'certified', noticeId,
        createdAt: at(addDays(spec.opensOn, -10)), updatedAt: at(spec.certifiedOn),
      });
      planner.event('selection_batch', batchId, planner.hrss.id, 'create', 'open', 'open', addDays(spec.opensOn, -10), officer);
      planner.event('selection_batch', batchId, planner.hrss.id, 'publish_notice', 'open', 'in_notice', spec.noticeOn, officer);
      planner.event('selection_batch', batchId, planner.hrss.id, 'certify', 'in_notice', 'certified', spec.certifiedOn, reviewer);
      for (const app of apps) {
        const org = orgs.get(app.organisationId)!;
        planner.event('training_centre_application', app.id, org.id, 'add_to_batch', 'approved', 'in_batch', addDays(spec.noticeOn, -5), officer);
        planner.event('training_centre_application', app.id, org.id, 'certify', 'in_batch', 'certified', spec.certifiedOn, reviewer);
        app.status = 'certified';
        app.batchId = batchId;
        app.dueOn = null;
        app.updatedAt = at(spec.certifiedOn);
        const centre = {
          id: random.uuid(), organisationId: org.id, regionId: 'baodi', applicationId: app.id, batchId,
          certificateNo: planner.certificateNo(Number(spec.certifiedOn.slice(0, 4))), status: 'active',
          certifiedOn: spec.certifiedOn, validUntil: addDays(addMonths(spec.certifiedOn, 12 * VALIDITY_YEARS), -1),
          annualCapacity: app.annualCapacity, createdAt: at(spec.certifiedOn), updatedAt: at(spec.certifiedOn),
        };
        centreRows.push(centre);
        planner.centres.push(centre);
        for (const item of app.scope) for (const level of item.levels) planner.scopes.push({ centreId: centre.id, occupation: item.occupation, level });
        world.count('trainingCentres');
      }
    }

    // --- what the centres did: trainings and in-house assessments ----------------------------
    const assessmentSerial = new Map<string, number>();
    for (const centre of centreRows) {
      const scope = planner.applications.find((a) => a.id === centre.applicationId)!.scope;
      const staff = staffOf(world, centre.organisationId);
      for (let month = addMonths(centre.certifiedOn, 1); month < today; month = addMonths(month, random.int(3, 5))) {
        const item = random.pick(scope);
        const level = random.pick(item.levels);
        const startsOn = month;
        const endsOn = addDays(startsOn, random.int(5, 30));
        if (endsOn >= today) break;
        const traineeCount = random.int(12, 45);
        const occupationName = occupationByCode.get(item.occupation)!.nameZh;
        planner.trainings.push({
          centreId: centre.id, organisationId: centre.organisationId, occupation: item.occupation, level,
          title: `${startsOn.slice(0, 4)}年${occupationName}${levelNames[level]}技能提升培训班`, startsOn, endsOn, traineeCount, createdAt: at(endsOn),
        });
        // The staff registered on the platform among the trainees are assessed after the class.
        const assessed = sample(random, staff, random.int(4, 14));
        const assessedOn = planner.calendar.addWorkingDays(endsOn, random.int(3, 8));
        if (assessedOn >= today) continue;
        for (const person of assessed) {
          const score = Math.min(100, Math.max(30, Math.round(72 + 12 * (random.float() + random.float() - 1) * 1.6)));
          const passed = score >= 60;
          const year = assessedOn.slice(0, 4);
          let certificateNo: string | null = null;
          if (passed) {
            const key = `${centre.id}:${year}`;
            const n = (assessmentSerial.get(key) ?? 0) + 1;
            assessmentSerial.set(key, n);
            certificateNo = `${centre.certificateNo}-${year}-${String(n).padStart(5, '0')}`;
          }
          planner.assessments.push({
            centreId: centre.id, organisationId: centre.organisationId, personId: person.id, occupation: item.occupation, level,
            assessedOn, score, passed, certificateNo, createdAt: at(assessedOn, 17),
          });
        }
      }
    }

    // --- annual reviews: each centre reports on every full year it held its certificate -------
    const figuresOf = (centreId: string, year: number) => {
      const trainings = planner.trainings.filter((t) => t.centreId === centreId && t.startsOn.startsWith(String(year)));
      const assessed = planner.assessments.filter((a) => a.centreId === centreId && a.assessedOn.startsWith(String(year)));
      const passed = assessed.filter((a) => a.passed).length;
      const groups = new Map<string, { occupation: string; level: number; assessments: number; passed: number }>();
      for (const a of assessed) {
        const key = `${a.occupation}:${a.level}`;
        const g = groups.get(key) ?? { occupation: a.occupation, level: a.level, assessments: 0, passed: 0 };
        g.assessments++;
        if (a.passed) g.passed++;
        groups.set(key, g);
      }
      return {
        year,
        trainings: trainings.length,
        personTimes: trainings.reduce((sum, t) => sum + t.traineeCount, 0),
        assessments: assessed.length,
        passed,
        passRate: assessed.length ? passed / assessed.length : null,
        byOccupation: [...groups.values()].sort((a, b) => catalogueIndex(a.occupation) - catalogueIndex(b.occupation) || b.level - a.level),
        matchesCompleted: 0,
      };
    };
    const dropAfter = (centreId: string, date: string) => {
      const keep = <T extends { centreId: string }>(rows: T[], dateOf: (row: T) => string) => {
        const kept = rows.filter((r) => r.centreId !== centreId || dateOf(r) <= date);
        rows.splice(0, rows.length, ...kept);
      };
      keep(planner.trainings, (t) => t.startsOn);
      keep(planner.assessments, (a) => a.assessedOn);
    };
    const decisions = new Map<string, { decision: string; note: string | null }>();
    // Of the centres reporting on 2025: one put on notice to improve, one suspended, two not yet decided.
    const reporting2025 = centreRows.filter((c) => c.certifiedOn <= '2025-12-31');
    const [conditional, suspended, ...rest] = sample(random, reporting2025, reporting2025.length);
    if (conditional) decisions.set(conditional.id, { decision: 'conditional', note: '2025年度培训人次未达计划的60%，限期三个月整改，整改期间保留认定资格。' });
    if (suspended) decisions.set(suspended.id, { decision: 'suspend', note: '年度抽查发现部分技能评价记录缺少考评员签字，暂停培训评价资格，整改验收合格后恢复。' });
    const undecided = new Set(rest.slice(0, 2).map((c) => c.id));
    for (const centre of centreRows) {
      for (let year = Number(centre.certifiedOn.slice(0, 4)); year <= 2025; year++) {
        const filedOn = year === 2025 && undecided.has(centre.id) ? planner.workingDaysBefore(today, random.int(2, 6)) : planner.calendar.addWorkingDays(`${year + 1}-01-05`, random.int(0, 25));
        if (filedOn >= today) continue;
        const id = random.uuid();
        const pending = year === 2025 && undecided.has(centre.id);
        const decided = year === 2025 ? decisions.get(centre.id) ?? { decision: 'pass', note: null } : { decision: 'pass', note: null };
        const decidedOn = planner.calendar.addWorkingDays(filedOn, random.int(5, 15));
        const figures = figuresOf(centre.id, year);
        const filer = { name: `${orgs.get(centre.organisationId)!.name}（培训负责人）`, role: 'training_manager' };
        planner.reviews.push({
          id, centreId: centre.id, organisationId: centre.organisationId, regionId: 'baodi', year,
          status: pending ? 'filed' : 'decided', figures,
          narrative: `${year}年度共开展培训 ${figures.trainings} 期、${figures.personTimes} 人次，组织企业自主评价 ${figures.assessments} 人次，通过 ${figures.passed} 人次。师资、场地、设备保持认定条件，评价档案按要求归档。`,
          attachmentIds: [], decision: pending ? null : decided.decision, decisionNote: pending ? null : decided.note,
          filedAt: at(filedOn), decidedAt: pending ? null : at(decidedOn),
        });
        planner.event('centre_annual_review', id, centre.organisationId, 'create', 'filed', 'filed', filedOn, filer, { dueOn: planner.calendar.addWorkingDays(filedOn, 20) });
        if (!pending) {
          planner.event('centre_annual_review', id, centre.organisationId, 'decide', 'filed', 'decided', decidedOn, reviewer, { comment: decided.note ?? '年审合格。', data: { decision: decided.decision } });
          if (year === 2025 && decided.decision !== 'pass') {
            centre.status = decided.decision === 'suspend' ? 'suspended' : 'conditional';
            centre.statusReason = decided.note;
            centre.updatedAt = at(decidedOn);
            // A suspended centre has lost its rights: nothing after the decision.
            if (decided.decision === 'suspend') dropAfter(centre.id, decidedOn);
          }
        }
        world.count('annualReviews');
      }
    }

    // --- this year's applications, one or more in every state ---------------------------------
    const year = Number(today.slice(0, 4));
    const daysAgo = (n: number) => planner.workingDaysBefore(today, n);
    const plan = (org: OrganisationRow, createdOn: string, steps: readonly { transition: string; to: string; days: number; comment?: string; data?: unknown }[]) => {
      const app = planner.newApplication(org, year, createdOn);
      planner.walkApplication(app, org, steps, createdOn);
      world.count('applicationsInProgress');
      return app;
    };
    const review = (start: string) => planner.reviewPath(start);
    plan(take(), daysAgo(3), []);
    plan(take(), daysAgo(8), []);
    plan(take(), daysAgo(6), review(daysAgo(6)).slice(0, 1));
    // Submitted long ago and not yet checked: past its 5-working-day deadline.
    plan(take(), daysAgo(16), review(daysAgo(16)).slice(0, 1));
    plan(take(), daysAgo(12), review(daysAgo(12)).slice(0, 2));
    plan(take(), daysAgo(25), review(daysAgo(25)).slice(0, 3));
    plan(take(), daysAgo(30), review(daysAgo(30)));
    plan(take(), daysAgo(32), review(daysAgo(32)));
    plan(take(), daysAgo(20), [
      { transition: 'submit', to: 'submitted', days: 2 },
      { transition: 'return', to: 'returned', days: 3, comment: '近三年培训记录缺少2024年度培训人次的证明材料，请补充培训签到表后重新提交。' },
    ]);
    plan(take(), daysAgo(40), [
      ...review(daysAgo(40)).slice(0, 2),
      { transition: 'record_onsite_check', to: 'onsite_checked', days: 5, data: planner.onsite(daysAgo(26), false) },
      { transition: 'reject', to: 'rejected', days: 2, comment: '现场核查未通过：实训设备与师资条件不满足认定标准，本年度不予认定。' },
    ]);
    plan(take(), daysAgo(18), [
      { transition: 'submit', to: 'submitted', days: 1 },
      { transition: 'withdraw', to: 'withdrawn', days: 2, comment: '企业搬迁新厂区，待实训基地建成后重新申报。' },
    ]);

    // --- the current batch, in public notice with an objection waiting -------------------------
    const noticeOn = daysAgo(2);
    const batchId = random.uuid();
    const batchName = `${year}年度第一批企业培训中心遴选`;
    const inBatch = [0, 1, 2].map(() => {
      const org = take();
      const start = addDays(noticeOn, -60);
      const app = planner.newApplication(org, year, start);
      planner.walkApplication(app, org, review(start), start);
      planner.event('training_centre_application', app.id, org.id, 'add_to_batch', 'approved', 'in_batch', daysAgo(4), officer);
      app.status = 'in_batch';
      app.batchId = batchId;
      app.dueOn = null;
      world.count('applicationsInProgress');
      return app;
    });
    const noticeId = planner.notice(batchId, batchName, noticeOn, inBatch, orgs);
    planner.objection(noticeId, inBatch[1]!.id, daysAgo(1), '据了解，该企业申报的部分内训师已于今年离职，实际师资与申报不符，请核查。');
    planner.batches.push({
      id: batchId, regionId: 'baodi', organisationId: planner.hrss.id, name: batchName, year, quota: 6,
      opensOn: addDays(noticeOn, -75), closesOn: addDays(noticeOn, -20), validityYears: VALIDITY_YEARS, status: 'in_notice', noticeId,
      createdAt: at(addDays(noticeOn, -80)), updatedAt: at(noticeOn),
    });
    planner.event('selection_batch', batchId, planner.hrss.id, 'create', 'open', 'open', addDays(noticeOn, -80), officer);
    planner.event('selection_batch', batchId, planner.hrss.id, 'publish_notice', 'open', 'in_notice', noticeOn, officer);
    // --- resource matching: needs posted by enterprises, requests to centres in every state ------
    const scopeRows = planner.scopes;
    const withRights = centreRows.filter((c) => c.status === 'active' || c.status === 'conditional');
    const showcaseCentre = withRights.find((c) => c.organisationId === showcase.id);
    const parkNames = new Map(world.parks.map((p) => [p.id, p]));
    const regionNames = new Map(world.regions.map((r) => [r.id, r]));
    const covering = (occupation: string, level: number, orgId: string) =>
      withRights.filter((c) => c.organisationId !== orgId && scopeRows.some((r) => r.centreId === c.id && r.occupation === occupation && r.level === level));
    const thisYear = today.slice(0, 4);
    const usedBy = (centreId: string) =>
      planner.trainings.filter((t) => t.centreId === centreId && t.startsOn.startsWith(thisYear)).reduce((sum, t) => sum + t.traineeCount, 0) +
      planner.matches.filter((m) => m.centreId === centreId && m.status === 'accepted').reduce((sum, m) => sum + (planner.needs.find((n) => n.id === m.needId)?.headcount ?? 0), 0);
    const statsOf = (centreId: string, occupation: string) => {
      const rows = planner.assessments.filter((a) => a.centreId === centreId && a.occupation === occupation);
      return { assessed: rows.length, passed: rows.filter((a) => a.passed).length };
    };
    const requesters = sample(random, world.enterprises().filter((o) => o.regionId === 'baodi' && !centreRows.some((c) => c.organisationId === o.id) && o.size !== 'micro'), 12);
    // Requests to the showcase centre come from needs in its own scope, so its staff see them arrive.
    const showcaseScope = showcaseCentre ? scopeRows.filter((r) => r.centreId === showcaseCentre.id) : [];
    const fates = ['requested', 'requested', 'accepted', 'accepted', 'completed', 'completed', 'declined', 'cancelled', 'open', 'open', 'open', 'open'] as const;
    const enterpriseWho = (org: OrganisationRow) => ({ name: `${org.name}（培训负责人）`, role: 'training_manager' });
    for (const [i, fate] of fates.entries()) {
      const org = requesters[i];
      if (!org) break;
      const toShowcase = showcaseCentre && (i === 0 || i === 2 || i === 4) && showcaseScope.length > 0;
      const scopeRow = toShowcase ? random.pick(showcaseScope) : random.pick(scopeRows.filter((r) => withRights.some((c) => c.id === r.centreId)));
      const postedOn = planner.workingDaysBefore(today, fate === 'completed' ? random.int(60, 90) : fate === 'open' ? random.int(1, 15) : random.int(10, 40));
      const headcount = random.int(8, 40);
      const preferredStart = addDays(postedOn, random.int(20, 45));
      const need = {
        id: random.uuid(), organisationId: org.id, regionId: org.regionId, occupation: scopeRow.occupation, level: scopeRow.level, headcount,
        preferredStart, preferredEnd: addDays(preferredStart, random.int(14, 60)), industrialParkId: org.industrialParkId ?? null,
        location: null, note: `新入职员工${occupationByCode.get(scopeRow.occupation)!.nameZh}岗位技能培训，希望结业后参加企业自主评价。`,
        status: fate === 'accepted' ? 'matched' : fate === 'completed' ? 'closed' : fate === 'cancelled' ? 'cancelled' : 'open',
        createdAt: at(postedOn), updatedAt: at(postedOn),
      };
      planner.needs.push(need);
      world.count('trainingNeeds');
      if (fate === 'open') continue;
      const centre = toShowcase ? showcaseCentre : random.pick(covering(need.occupation, need.level, org.id));
      const centreOrg = orgs.get(centre.organisationId)!;
      const park = centreOrg.industrialParkId ? parkNames.get(centreOrg.industrialParkId) : undefined;
      const snapshot = scoreProposal({
        need, needParkId: need.industrialParkId,
        centre: { regionId: centre.regionId, annualCapacity: centre.annualCapacity ?? 0, parkId: centreOrg.industrialParkId ?? null, parkNameZh: park?.nameZh ?? null, parkNameEn: park?.nameEn ?? null },
        used: usedBy(centre.id), assessments: statsOf(centre.id, need.occupation), regions: regionNames,
      });
      const requestedOn = planner.calendar.addWorkingDays(postedOn, 1);
      const respondedOn = planner.calendar.addWorkingDays(requestedOn, random.int(1, 3));
      const matchId = random.uuid();
      const status = fate === 'cancelled' ? 'cancelled' : fate;
      planner.matches.push({
        id: matchId, needId: need.id, centreId: centre.id, organisationId: org.id, centreOrganisationId: centre.organisationId, regionId: org.regionId,
        status, score: snapshot, message: '贵中心认定范围与我司需求一致，希望承接本期培训。',
        responseNote: fate === 'declined' ? '本年度培训计划已满，建议明年一季度再联系。' : null,
        requestedAt: at(requestedOn), respondedAt: ['accepted', 'completed', 'declined'].includes(fate) ? at(respondedOn) : null,
        completedAt: null,
      });
      world.count('trainingMatches');
      planner.event('training_match', matchId, org.id, 'create', 'requested', 'requested', requestedOn, enterpriseWho(org));
      const centreWho = enterpriseWho(centreOrg);
      if (fate === 'cancelled') planner.event('training_match', matchId, org.id, 'cancel', 'requested', 'cancelled', respondedOn, enterpriseWho(org), { comment: '企业调整培训计划，本期暂不开展。' });
      if (fate === 'declined') planner.event('training_match', matchId, org.id, 'decline', 'requested', 'declined', respondedOn, centreWho, { comment: '本年度培训计划已满，建议明年一季度再联系。' });
      if (fate === 'accepted' || fate === 'completed') planner.event('training_match', matchId, org.id, 'accept', 'requested', 'accepted', respondedOn, centreWho);
      if (fate === 'completed') {
        // The class ran at the centre; the requesting enterprise's staff were assessed against the match.
        const startsOn = planner.calendar.addWorkingDays(respondedOn, 5);
        const endsOn = planner.calendar.addWorkingDays(startsOn, 15);
        const occupationName = occupationByCode.get(need.occupation)!.nameZh;
        planner.trainings.push({
          centreId: centre.id, organisationId: centre.organisationId, occupation: need.occupation, level: need.level,
          title: `${org.name}${occupationName}${levelNames[need.level]}定向培训班`, startsOn, endsOn, traineeCount: headcount, matchId, createdAt: at(endsOn),
        });
        const assessedOn = planner.calendar.addWorkingDays(endsOn, 3);
        for (const person of sample(random, staffOf(world, org.id), Math.min(headcount, 12))) {
          const score = Math.min(100, Math.max(35, Math.round(74 + 20 * (random.float() - 0.5))));
          const passed = score >= 60;
          const year = assessedOn.slice(0, 4);
          let certificateNo: string | null = null;
          if (passed) {
            const key = `${centre.id}:${year}`;
            const n = (assessmentSerial.get(key) ?? 0) + 1;
            assessmentSerial.set(key, n);
            certificateNo = `${centre.certificateNo}-${year}-${String(n).padStart(5, '0')}`;
          }
          planner.assessments.push({
            centreId: centre.id, organisationId: centre.organisationId, personId: person.id, occupation: need.occupation, level: need.level,
            assessedOn, score, passed, certificateNo, matchId, createdAt: at(assessedOn, 17),
          });
        }
        const completedOn = planner.calendar.addWorkingDays(assessedOn, 2);
        planner.matches[planner.matches.length - 1]!.completedAt = at(completedOn);
        planner.event('training_match', matchId, org.id, 'complete', 'accepted', 'completed', completedOn, centreWho, { comment: `培训结业 ${headcount} 人，企业自主评价已完成。` });
      }
    }

    world.count('selectionBatches');
    world.counts.centreTrainings = planner.trainings.length;
    world.counts.skillAssessments = planner.assessments.length;
    world.count('publicNotices', planner.notices.length);
    world.count('openObjections', planner.objections.filter((o) => o.status === 'open').length);
  },
};
