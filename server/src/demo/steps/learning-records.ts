import { count } from 'drizzle-orm';
import { learningActivityIri, xapiVerbDisplay, xapiVerbs, type XapiVerbName } from '@fulcrum/shared';
import type { Db } from '../../db/client.ts';
import { learningProgress, lrsClients, users, xapiActivities, xapiStatements } from '../../db/schema/index.ts';
import { chunks, INSERT_CHUNK } from '../../lib/list.ts';
import { clientAuthority, hashSecret, newCredentials } from '../../modules/xapi/clients.ts';
import { personAgent } from '../../modules/xapi/learner.ts';
import { CMI5_PROGRESS_EXTENSION } from '../../modules/xapi/projections.ts';
import type { Json } from '../../modules/xapi/json.ts';
import { projectPending } from '../../modules/xapi/projector.ts';
import { statementKeys } from '../../modules/xapi/statement-keys.ts';
import { Random } from '../random.ts';
import type { DemoWorld, OrganisationRow, PersonRow } from '../world.ts';

/*
 * The district's learning records: enterprises that train report their employees' micro-courses to the store with a
 * key of their own ("课件上报接口"), as cmi5 content does — sessions launched, initialized, progressed, the end-of-course
 * questions answered (each naming the knowledge points it tests), completed, passed or failed, terminated — over the
 * last months, plus a few statements from authoring tools previewing the courses under their authors' e-mail
 * addresses (external actors, not projected). The statements are stored as the Statements resource would store them
 * and the projector derives the learners' progress from them, so every figure the console shows comes from the
 * statements. The showcase enterprise's key is documented, so a visitor can try the endpoint with it.
 */

/** The address the demo's IRIs and accounts use when the server's own is not given. */
export const DEFAULT_DEMO_PUBLIC_URL = 'http://localhost:3000';
/** The showcase enterprise's LRS key, documented for visitors of the demo (read and write). */
export const DEMO_LRS_KEY = 'lrs-demo-key';
export const DEMO_LRS_SECRET = 'Fulcrum-demo-2026-lrs';
const CLIENT_NAME = '课件上报接口';

const DAY = 86_400_000;
const MINUTE = 60_000;
/** How far back the records go. */
const HISTORY_DAYS = 120;

interface KnowledgePoint {
  id: string;
  zh: string;
  en: string;
  /** A true-or-false question on the point, and its right answer. */
  question: string;
  answer: boolean;
}

interface Course {
  slug: string;
  zh: string;
  en: string;
  /** Industry divisions (GB/T 4754) whose staff take it; empty: everyone. */
  divisions: readonly string[];
  minutes: readonly [number, number];
  points: readonly KnowledgePoint[];
}

const equipment = ['33', '34', '35', '36', '37', '38', '39', '44', '46', '47', '48'];
const courses: readonly Course[] = [
  {
    slug: 'hydraulic-maintenance', zh: '液压系统维护', en: 'Hydraulic system maintenance', divisions: ['33', '34', '35', '36', '47', '48'], minutes: [18, 35],
    points: [
      { id: 'hydraulic-seals', zh: '密封件检查与更换', en: 'Inspecting and replacing seals', question: '油缸外泄漏首先应检查活塞杆密封件', answer: true },
      { id: 'hydraulic-pressure', zh: '系统压力调定', en: 'Setting system pressure', question: '溢流阀的调定压力应高于泵的额定压力', answer: false },
      { id: 'hydraulic-oil', zh: '液压油污染控制', en: 'Hydraulic oil contamination control', question: '更换液压油时应同时清洗油箱并更换滤芯', answer: true },
    ],
  },
  {
    slug: 'electrical-safety', zh: '电气安全操作', en: 'Electrical safety at work', divisions: [...equipment, '13', '14', '26', '29', '30', '50', '59'], minutes: [12, 25],
    points: [
      { id: 'lockout-tagout', zh: '停电挂牌上锁', en: 'Lockout / tagout', question: '检修设备前，断电后须挂牌上锁并验电', answer: true },
      { id: 'grounding', zh: '接地与漏电保护', en: 'Earthing and residual-current protection', question: '漏电保护器动作后可以立即强行合闸', answer: false },
      { id: 'arc-flash', zh: '电弧防护', en: 'Arc-flash protection', question: '带电作业须穿戴与电压等级相符的防护用品', answer: true },
    ],
  },
  {
    slug: 'cnc-operation', zh: '数控机床操作', en: 'CNC machine operation', divisions: ['33', '34', '35', '36', '38', '39'], minutes: [20, 40],
    points: [
      { id: 'gcode-basics', zh: 'G代码基础', en: 'G-code basics', question: 'G00 指令用于快速定位，不能用于切削', answer: true },
      { id: 'tool-offset', zh: '刀具补偿', en: 'Tool offsets', question: '换刀后无需重新测量刀具长度补偿', answer: false },
      { id: 'first-article', zh: '首件检验', en: 'First-article inspection', question: '每班首件须经检验合格后方可批量加工', answer: true },
    ],
  },
  {
    slug: 'dairy-quality', zh: '乳制品质量控制', en: 'Dairy quality control', divisions: ['13', '14'], minutes: [15, 30],
    points: [
      { id: 'raw-milk-testing', zh: '生乳检验', en: 'Raw milk testing', question: '生乳收购时须检测抗生素残留', answer: true },
      { id: 'pasteurisation', zh: '巴氏杀菌控制', en: 'Pasteurisation control', question: '巴氏杀菌温度偏低时可延长灌装时间弥补', answer: false },
      { id: 'haccp', zh: 'HACCP关键控制点', en: 'HACCP critical control points', question: '关键控制点偏离时须立即采取纠偏措施并记录', answer: true },
    ],
  },
  {
    slug: 'labour-law-basics', zh: '劳动法基础', en: 'Labour law basics', divisions: [], minutes: [10, 20],
    points: [
      { id: 'labour-contract', zh: '劳动合同订立', en: 'Concluding a labour contract', question: '用工之日起一个月内应订立书面劳动合同', answer: true },
      { id: 'working-hours', zh: '工时与加班', en: 'Working hours and overtime', question: '法定休假日安排加班可以只安排补休不支付加班费', answer: false },
      { id: 'social-insurance', zh: '社会保险', en: 'Social insurance', question: '用人单位应自用工之日起三十日内为职工办理社保登记', answer: true },
    ],
  },
];

const coursesFor = (division: string | null | undefined) => courses.filter((c) => !c.divisions.length || (division && c.divisions.includes(division)));

const CMI5_CATEGORY = { objectType: 'Activity', id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' };
const MOVEON_CATEGORY = { objectType: 'Activity', id: 'https://w3id.org/xapi/cmi5/context/categories/moveon' };
const SESSION_EXTENSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const LESSON_TYPE = 'http://adlnet.gov/expapi/activities/lesson';
const INTERACTION_TYPE = 'http://adlnet.gov/expapi/activities/cmi.interaction';
const POINT_TYPE = 'http://adlnet.gov/expapi/activities/objective';
/** The pass mark the courses' end-of-course questions are scored against. */
const MASTERY_SCORE = 0.8;

type ClientRow = typeof lrsClients.$inferInsert & { id: string; key: string; name: string; organisationId: string };
/** The instant `minutes` past midnight in Beijing (UTC+8) on day number `day` of Beijing's calendar. */
const beijing = (day: number, minutes: number) => day * DAY - 8 * 3600_000 + minutes * MINUTE;
const duration = (ms: number) => `PT${Math.max(1, Math.round(ms / 1000))}S`;

/** Everything the step writes, planned in memory first. */
class LearningPlanner {
  readonly statements: { statement: Json; organisationId: string; personId: string | null; clientId: string; stored: Date; timestamp: Date }[] = [];
  readonly clients: ClientRow[] = [];
  private readonly definitions = new Map<string, Map<string, Json>>();
  private readonly now: number;

  constructor(
    readonly world: DemoWorld,
    readonly random: Random,
    readonly publicUrl: string,
  ) {
    this.now = world.now.getTime();
  }

  courseIri = (course: Course) => learningActivityIri(this.publicUrl, 'micro-course', course.slug);
  pointIri = (point: KnowledgePoint) => learningActivityIri(this.publicUrl, 'knowledge-point', point.id);

  courseObject(course: Course): Json {
    return { objectType: 'Activity', id: this.courseIri(course), definition: { name: { 'zh-CN': course.zh, 'en-US': course.en }, type: LESSON_TYPE } };
  }

  pointActivity(point: KnowledgePoint): Json {
    return { objectType: 'Activity', id: this.pointIri(point), definition: { name: { 'zh-CN': point.zh, 'en-US': point.en }, type: POINT_TYPE } };
  }

  questionObject(course: Course, point: KnowledgePoint): Json {
    return {
      objectType: 'Activity',
      id: learningActivityIri(this.publicUrl, 'question', `${course.slug}-${point.id}`),
      definition: { name: { 'zh-CN': point.question }, type: INTERACTION_TYPE, interactionType: 'true-false', correctResponsesPattern: [String(point.answer)] },
    };
  }

  addClient(org: OrganisationRow, key: string, secretHash: string, createdBy: string | null): ClientRow {
    const client = { id: this.random.uuid(), organisationId: org.id, name: CLIENT_NAME, key, secretHash, scopes: ['read', 'write'], createdBy, createdAt: new Date(this.now - (HISTORY_DAYS + this.random.int(5, 40)) * DAY) };
    this.clients.push(client);
    return client;
  }

  /** Stores a statement as the store would: id, stored a moment after the timestamp, the key's authority, version. */
  add(client: ClientRow, personId: string | null, at: number, body: Json) {
    const timestamp = new Date(at);
    const stored = new Date(at + this.random.int(200, 2500));
    const statement = { id: this.random.uuid(), ...body, timestamp: timestamp.toISOString(), stored: stored.toISOString(), authority: clientAuthority(this.publicUrl, client), version: '2.0.0' };
    this.statements.push({ statement, organisationId: client.organisationId, personId, clientId: client.id, stored, timestamp });
    for (const activity of [body.object as Json, ...this.contextActivities(body)]) {
      if (activity?.objectType !== 'Activity' || !activity.definition) continue;
      const byOrg = this.definitions.get(client.organisationId) ?? new Map<string, Json>();
      byOrg.set(activity.id as string, activity.definition as Json);
      this.definitions.set(client.organisationId, byOrg);
    }
  }

  private contextActivities(body: Json): Json[] {
    const context = (body.context as Json | undefined)?.contextActivities as Record<string, Json[]> | undefined;
    return context ? Object.values(context).flat() : [];
  }

  activityRows(): (typeof xapiActivities.$inferInsert)[] {
    return [...this.definitions].flatMap(([organisationId, byId]) => [...byId].map(([activityId, definition]) => ({ organisationId, activityId, definition, updatedAt: this.world.now })));
  }

  /**
   * One learner's enrolment in a course: one to three sessions days apart. The first sessions work through the
   * content; the last takes the questions and ends passed or failed, or the learner stops short (in progress, or a
   * session the LMS marks abandoned).
   */
  enrol(client: ClientRow, person: PersonRow, course: Course, startDay: number, ending: 'passed' | 'failed' | 'retake' | 'studying' | 'abandoned') {
    const r = this.random;
    const actor = personAgent(this.publicUrl, person);
    const registration = r.uuid();
    const sessions = ending === 'retake' ? 2 + r.int(0, 1) : ending === 'studying' || ending === 'abandoned' ? r.int(1, 2) : r.int(1, 3);
    let day = startDay;
    let progress = 0;
    for (let s = 0; s < sessions; s++) {
      const isLast = s === sessions - 1;
      // Between 08:30 and 20:30 in Beijing on the session's day.
      const begin = beijing(day, 8 * 60 + 30 + r.int(0, 12 * 60));
      const length = r.int(...course.minutes) * MINUTE + r.int(0, 59) * 1000;
      if (begin + length + 10 * MINUTE > this.now) return;
      const sessionId = r.uuid();
      const context = (extra: Json = {}) => ({ registration, contextActivities: { category: [CMI5_CATEGORY], ...extra }, extensions: { [SESSION_EXTENSION]: sessionId } });
      const verb = (name: XapiVerbName) => ({ id: xapiVerbs[name], display: xapiVerbDisplay[name] });
      const cmi5 = (name: XapiVerbName, at: number, result?: Json, moveOn = false) =>
        this.add(client, person.id, at, {
          actor, verb: verb(name), object: this.courseObject(course), ...(result ? { result } : {}),
          context: context(moveOn ? { category: [CMI5_CATEGORY, MOVEON_CATEGORY] } : {}),
        });

      cmi5('launched', begin);
      const started = begin + r.int(3, 12) * 1000;
      cmi5('initialized', started);
      const takesQuestions = isLast && (ending === 'passed' || ending === 'failed' || ending === 'retake') || (ending === 'retake' && s === sessions - 2);
      const target = takesQuestions ? 100 : Math.min(95, progress + r.int(25, 60));
      const steps = r.int(1, 2);
      for (let i = 1; i <= steps; i++) {
        progress = Math.max(progress, Math.round(progress + ((target - progress) * i) / steps));
        cmi5('progressed', started + (length * i) / (steps + 2), { extensions: { [CMI5_PROGRESS_EXTENSION]: progress } });
      }
      const end = started + length;
      if (takesQuestions) {
        const failing = ending === 'failed' || (ending === 'retake' && !isLast);
        let right = 0;
        course.points.forEach((point, i) => {
          const correct = failing ? r.chance(0.35) : r.chance(0.9);
          if (correct) right++;
          this.add(client, person.id, end - (course.points.length - i) * r.int(40, 90) * 1000, {
            actor, verb: verb('answered'), object: this.questionObject(course, point),
            result: { success: correct, response: String(correct ? point.answer : !point.answer), duration: duration(r.int(15, 80) * 1000) },
            context: { registration, contextActivities: { parent: [{ objectType: 'Activity', id: this.courseIri(course) }], category: [this.pointActivity(point)] }, extensions: { [SESSION_EXTENSION]: sessionId } },
          });
        });
        const raw = Math.round((100 * right) / course.points.length);
        const scaled = Math.min(1, raw / 100);
        const passed = scaled >= MASTERY_SCORE && !failing;
        cmi5('completed', end, { completion: true, duration: duration(end - started) }, true);
        cmi5(passed ? 'passed' : 'failed', end + 1000, { success: passed, score: { scaled, raw, min: 0, max: 100 }, duration: duration(end + 1000 - started) }, true);
      }
      if (ending === 'abandoned' && isLast) {
        // The LMS marks a session that never terminated, when the learner next turns up or the session times out.
        cmi5('abandoned', Math.min(end + r.int(30, 240) * MINUTE, this.now - MINUTE), { duration: duration(end - started) });
        return;
      }
      // A learner still studying may have left the last session open: no terminated yet, the LMS has not timed it out.
      if (ending === 'studying' && isLast && r.chance(0.3)) return;
      cmi5('terminated', end + r.int(2, 20) * 1000, { duration: duration(end + 2000 - started) });
      day += r.int(1, 9);
    }
  }

  /** A course author previewing it in the authoring tool: statements by an e-mail address, no Fulcrum person. */
  preview(client: ClientRow, course: Course, author: number, day: number) {
    const r = this.random;
    const actor = { objectType: 'Agent', name: `课件制作${author}`, mbox: `mailto:author${author}@courseware.example.com` };
    const begin = beijing(day, 9 * 60 + r.int(0, 9 * 60));
    if (begin + 30 * MINUTE > this.now) return;
    const length = r.int(3, 12) * MINUTE;
    this.add(client, null, begin, { actor, verb: { id: xapiVerbs.experienced, display: xapiVerbDisplay.experienced }, object: this.courseObject(course), result: { duration: duration(length) } });
    const point = r.pick(course.points);
    this.add(client, null, begin + length, { actor, verb: { id: xapiVerbs.answered, display: xapiVerbDisplay.answered }, object: this.questionObject(course, point), result: { success: true, response: String(point.answer) }, context: { contextActivities: { category: [this.pointActivity(point)] } } });
  }
}

/**
 * Writes the district's learning records into the database the rest of the demo was just written to (it needs the
 * server's address, which the planning steps do not know), then projects them. Returns the counts for the demo marker.
 */
export async function loadLearningRecords(db: Db, world: DemoWorld, options: { seed: number; publicUrl?: string }): Promise<Record<string, number>> {
  const publicUrl = (options.publicUrl ?? DEFAULT_DEMO_PUBLIC_URL).replace(/\/+$/, '');
  const random = new Random(options.seed, 'learning-records');
  const planner = new LearningPlanner(world, random, publicUrl);
  const today = Math.floor((world.now.getTime() + 8 * 3600_000) / DAY);
  const accounts = world.rows(users, 'users');
  const employee = accounts.find((u) => u.username === 'ent-employee');
  const admin = accounts.find((u) => u.username === 'ent-admin');
  const showcase = world.organisation('showcase');
  const people = new Map(world.people.map((p) => [p.id, p]));
  // Current staff of each enterprise, with the day their job began (no one studies for a firm before joining it).
  const staff = new Map<string, { person: PersonRow; since: number }[]>();
  for (const job of world.employments) {
    if (job.endDate) continue;
    const person = people.get(job.personId);
    const since = Math.floor(Date.parse(`${job.startDate}T00:00:00Z`) / DAY);
    if (person) staff.set(job.organisationId, [...(staff.get(job.organisationId) ?? []), { person, since }]);
  }

  const endings = [['passed', 40], ['retake', 10], ['failed', 8], ['studying', 30], ['abandoned', 12]] as const;
  for (const org of world.enterprises()) {
    const employees = staff.get(org.id) ?? [];
    const isShowcase = org.id === showcase.id;
    if (!employees.length || !(isShowcase || random.chance(0.18))) continue;
    const client = isShowcase
      ? planner.addClient(org, DEMO_LRS_KEY, hashSecret(DEMO_LRS_SECRET), admin?.id ?? null)
      : planner.addClient(org, `lrs_${random.uuid().replace(/-/g, '').slice(0, 12)}`, newCredentials().secretHash, null);
    const offered = coursesFor(org.industryDivision);
    const share = isShowcase ? 0.7 : random.float() * 0.3 + 0.15;
    // The demo employee (the phone pages' account) always has records.
    const isDemoEmployee = (p: PersonRow) => p.id === employee?.personId;
    const chosen = employees.filter(({ person }) => !isDemoEmployee(person) && random.chance(share)).slice(0, isShowcase ? 31 : 8);
    const learners = [...employees.filter(({ person }) => isDemoEmployee(person)), ...chosen];
    for (const { person, since } of learners) {
      const earliest = Math.max(since + 1, today - HISTORY_DAYS);
      if (earliest > today - 1) continue;
      const taken = offered.filter(() => random.chance(0.45));
      if (!taken.length) taken.push(random.pick(offered));
      for (const course of taken) {
        const ending = isDemoEmployee(person) ? (course.slug === 'labour-law-basics' ? 'passed' : 'studying') : random.weighted(endings);
        planner.enrol(client, person, course, random.int(earliest, today - 1), ending);
      }
    }
    const authors = random.int(0, 2);
    for (let author = 1; author <= authors; author++) planner.preview(client, random.pick(offered), author, today - random.int(1, HISTORY_DAYS));
  }

  // In the order the store would have received them, so seq follows stored.
  const planned = planner.statements.sort((a, b) => a.stored.getTime() - b.stored.getTime() || (String(a.statement.id) < String(b.statement.id) ? -1 : 1));
  const lastUsed = new Map<string, Date>();
  for (const s of planned) lastUsed.set(s.clientId, s.stored);
  for (const batch of chunks(planner.clients.map((c) => ({ ...c, lastUsedAt: lastUsed.get(c.id) ?? null })), INSERT_CHUNK)) await db.insert(lrsClients).values(batch);
  const rows = planned.map((s) => ({ id: s.statement.id as string, organisationId: s.organisationId, stored: s.stored, timestamp: s.timestamp, ...statementKeys(s.statement), personId: s.personId, clientId: s.clientId, statement: s.statement }));
  for (const batch of chunks(rows, INSERT_CHUNK)) await db.insert(xapiStatements).values(batch);
  for (const batch of chunks(planner.activityRows(), INSERT_CHUNK)) await db.insert(xapiActivities).values(batch);
  await projectPending(db, publicUrl);
  const [progressRows] = await db.select({ n: count() }).from(learningProgress);
  return { lrsClients: planner.clients.length, xapiStatements: rows.length, learningProgress: Number(progressRows?.n ?? 0) };
}
