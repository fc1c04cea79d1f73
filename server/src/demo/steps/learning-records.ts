import { and, count, eq, isNotNull, lte } from 'drizzle-orm';
import { learningActivityIri, xapiVerbDisplay, xapiVerbs, type XapiVerbName } from '@fulcrum/shared';
import type { Db } from '../../db/client.ts';
import { competencyKnowledgePoints, knowledgePoints, learnerProfiles, learningProgress, lrsClients, roleProfileRequirements, users, xapiActivities, xapiStatements } from '../../db/schema/index.ts';
import { chunks, INSERT_CHUNK } from '../../lib/list.ts';
import { clientAuthority, hashSecret, newCredentials } from '../../modules/xapi/clients.ts';
import { personAgent } from '../../modules/xapi/learner.ts';
import { CMI5_PROGRESS_EXTENSION } from '../../modules/xapi/projections.ts';
import type { Json } from '../../modules/xapi/json.ts';
import { projectPending } from '../../modules/xapi/projector.ts';
import { statementKeys } from '../../modules/xapi/statement-keys.ts';
import { isMastered, type Answers } from '../../modules/learning/reports/mastery.ts';
import { Random } from '../random.ts';
import { demoTrades, districtMicroCourses, tradesFor } from './learning-catalogue.ts';
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
  /** A true-or-false question on the point, and its right answer. */
  question: string;
  answer: boolean;
}

/** One of the catalogue's micro-courses as the records take it: its lesson, its knowledge points, how long a sitting lasts. */
interface Course {
  slug: string;
  zh: string;
  trade: string;
  minutes: readonly [number, number];
  points: readonly KnowledgePoint[];
}

/**
 * The district catalogue's micro-courses (a sitting runs from most of the video to half as long again). A course's
 * end-of-course questions test its own knowledge points and review the points of its trade that no micro-course
 * teaches (a video's, a document's) next to them in the prerequisite graph: those its points lead to, or else those
 * that lead to its points.
 */
async function catalogueCourses(db: Db): Promise<Course[]> {
  const micro = await districtMicroCourses(db);
  const codes = new Map((await db.select({ id: knowledgePoints.id, code: knowledgePoints.code }).from(knowledgePoints)).map((p) => [p.code, p.id]));
  const taught = new Set(micro.flatMap((c) => c.points.map((p) => p.id)));
  const demoPoints = demoTrades.flatMap((t) => t.points);
  const untaught = demoPoints.filter((p) => codes.has(p.code) && !taught.has(codes.get(p.code)!));
  const reviewsOf = (ids: Set<string>) => {
    const after = untaught.filter((p) => p.prerequisites.some((code) => ids.has(codes.get(code) ?? '')));
    const before = untaught.filter((p) => !p.prerequisites.length && demoPoints.some((d) => ids.has(codes.get(d.code) ?? '') && d.prerequisites.includes(p.code)));
    return [...after, ...before].map((p) => ({ id: codes.get(p.code)!, name: p.name, question: p.question, answer: p.answer }));
  };
  return micro.map((c) => {
    const minutes = c.durationSeconds / 60;
    const points = [...c.points, ...reviewsOf(new Set(c.points.map((p) => p.id)))];
    return { slug: c.lessonId, zh: c.title, trade: c.trade, minutes: [Math.max(2, Math.floor(minutes * 0.8)), Math.ceil(minutes * 1.5)] as const, points: points.map((p) => ({ id: p.id, zh: p.name, question: p.question, answer: p.answer })) };
  });
}

/** The micro-courses of the trades an enterprise's division takes. */
const coursesFor = (courses: readonly Course[], division: string | null | undefined) => {
  const trades = new Set(tradesFor(division).map((t) => t.trade));
  return courses.filter((c) => trades.has(c.trade));
};

const CMI5_CATEGORY = { objectType: 'Activity', id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' };
const MOVEON_CATEGORY = { objectType: 'Activity', id: 'https://w3id.org/xapi/cmi5/context/categories/moveon' };
const SESSION_EXTENSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const LESSON_TYPE = 'http://adlnet.gov/expapi/activities/lesson';
const INTERACTION_TYPE = 'http://adlnet.gov/expapi/activities/cmi.interaction';
const POINT_TYPE = 'http://adlnet.gov/expapi/activities/objective';
/** The pass mark the courses' end-of-course questions are scored against. */
const MASTERY_SCORE = 0.8;

/** A learner's sitting of a course's questions: how many sessions it takes, and whether each question is answered right on a day. */
interface Quiz {
  sessions: number;
  answer: (point: KnowledgePoint, day: number) => boolean;
}

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
    return { objectType: 'Activity', id: this.courseIri(course), definition: { name: { 'zh-CN': course.zh }, type: LESSON_TYPE } };
  }

  pointActivity(point: KnowledgePoint): Json {
    return { objectType: 'Activity', id: this.pointIri(point), definition: { name: { 'zh-CN': point.zh }, type: POINT_TYPE } };
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
  enrol(client: ClientRow, person: PersonRow, course: Course, startDay: number, ending: 'passed' | 'failed' | 'retake' | 'studying' | 'abandoned', quiz?: Quiz) {
    const r = this.random;
    const actor = personAgent(this.publicUrl, person);
    const registration = r.uuid();
    const sessions = quiz ? quiz.sessions : ending === 'retake' ? 2 + r.int(0, 1) : ending === 'studying' || ending === 'abandoned' ? r.int(1, 2) : r.int(1, 3);
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
          const correct = quiz ? quiz.answer(point, day) : failing ? r.chance(0.35) : r.chance(0.9);
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

/** How long learners take from their first quiz to mastering everything their role profile asks: quick, steady, slow. */
const PACES: (readonly [readonly [number, number], number])[] = [[[20, 40], 40], [[45, 75], 35], [[85, 130], 25]];

/**
 * A learner working towards their role profile: from a first day on, they take the micro-courses that test the
 * knowledge points the profile requires, one after another, and sit their questions again every few days. Answers
 * are right more often as they study (under half at first, most by the day the course is due, nearly all after it), and
 * they stop sitting a course once its points are mastered. The day everything is due depends on their pace, so some
 * met their profile weeks ago, some lately, some not yet.
 */
class ProfileLearner {
  private readonly answers = new Map<string, Answers>();
  /** The day each knowledge point is due: that of the first course testing it. */
  private readonly dueOf = new Map<string, number>();

  constructor(
    private readonly planner: LearningPlanner,
    private readonly learner: { client: ClientRow; person: PersonRow },
    private readonly span: { start: number; due: number; today: number },
  ) {}

  /** Takes the courses in order, the i-th of n due at i/n of the way. */
  study(courses: readonly Course[]) {
    const { start, due } = this.span;
    const dueOf = (i: number) => start + Math.round(((due - start) * (i + 1)) / courses.length);
    courses.forEach((course, i) => course.points.forEach((p) => this.dueOf.set(p.id, Math.min(this.dueOf.get(p.id) ?? Infinity, dueOf(i)))));
    courses.forEach((course, i) => this.sit(course, start + Math.round(((due - start) * i) / courses.length * 0.7), dueOf(i)));
  }

  private sit(course: Course, from: number, due: number) {
    const r = this.planner.random;
    const answer = (point: KnowledgePoint, day: number) => {
      const pointDue = this.dueOf.get(point.id) ?? due;
      const chance = day >= pointDue ? 0.98 : 0.45 + 0.4 * Math.max(0, (day - this.span.start) / Math.max(1, pointDue - this.span.start));
      const correct = r.chance(chance);
      const sofar = this.answers.get(point.id) ?? { attempts: 0, correct: 0 };
      this.answers.set(point.id, { attempts: sofar.attempts + 1, correct: sofar.correct + (correct ? 1 : 0) });
      return correct;
    };
    for (let day = from, n = 0; day < this.span.today && n < 8; day += r.int(4, 12), n++) {
      if (day > due && course.points.every((p) => isMastered(this.answers.get(p.id)))) return;
      this.planner.enrol(this.learner.client, this.learner.person, course, day, 'passed', { sessions: n ? 1 : r.int(1, 2), answer });
    }
  }
}

/** The knowledge points each person's role profile requires (every point of a required competency up to the level asked), by organisation and person. */
async function requiredPoints(db: Db): Promise<Map<string, Set<string>>> {
  const rows = await db
    .select({ organisationId: learnerProfiles.organisationId, personId: learnerProfiles.personId, pointId: competencyKnowledgePoints.knowledgePointId })
    .from(learnerProfiles)
    .innerJoin(roleProfileRequirements, eq(roleProfileRequirements.roleProfileId, learnerProfiles.roleProfileId))
    .innerJoin(competencyKnowledgePoints, and(eq(competencyKnowledgePoints.competencyId, roleProfileRequirements.competencyId), lte(competencyKnowledgePoints.level, roleProfileRequirements.requiredLevel)))
    .where(isNotNull(learnerProfiles.roleProfileId));
  const required = new Map<string, Set<string>>();
  for (const r of rows) required.set(`${r.organisationId}/${r.personId}`, (required.get(`${r.organisationId}/${r.personId}`) ?? new Set()).add(r.pointId));
  return required;
}

/**
 * Writes the district's learning records into the database the rest of the demo was just written to (it needs the
 * server's address, which the planning steps do not know), then projects them. Returns the counts for the demo marker.
 */
export async function loadLearningRecords(db: Db, world: DemoWorld, options: { seed: number; publicUrl?: string }): Promise<Record<string, number>> {
  const publicUrl = (options.publicUrl ?? DEFAULT_DEMO_PUBLIC_URL).replace(/\/+$/, '');
  const random = new Random(options.seed, 'learning-records');
  const planner = new LearningPlanner(world, random, publicUrl);
  const courses = await catalogueCourses(db);
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
  const required = await requiredPoints(db);
  // The demo employee (the phone pages' account) always has records, of their own kind.
  const isDemoEmployee = (p: PersonRow) => p.id === employee?.personId;
  for (const org of world.enterprises()) {
    const employees = staff.get(org.id) ?? [];
    const isShowcase = org.id === showcase.id;
    const profiled = employees.filter(({ person }) => !isDemoEmployee(person) && required.has(`${org.id}/${person.id}`));
    if (!employees.length || !(isShowcase || random.chance(profiled.length ? 0.14 : 0.1))) continue;
    const client = isShowcase
      ? planner.addClient(org, DEMO_LRS_KEY, hashSecret(DEMO_LRS_SECRET), admin?.id ?? null)
      : planner.addClient(org, `lrs_${random.uuid().replace(/-/g, '').slice(0, 12)}`, newCredentials().secretHash, null);
    const offered = coursesFor(courses, org.industryDivision);
    // Those working towards their role profile: everyone who has one in the showcase, a few elsewhere.
    const towards = isShowcase ? profiled : profiled.filter(() => random.chance(0.35)).slice(0, 2);
    for (const { person, since } of towards) {
      const points = required.get(`${org.id}/${person.id}`)!;
      const start = Math.max(since + 1, today - random.int(60, HISTORY_DAYS - 2));
      if (start > today - 7) continue;
      const due = start + random.int(...random.weighted(PACES));
      new ProfileLearner(planner, { client, person }, { start, due, today }).study(courses.filter((c) => c.points.some((p) => points.has(p.id))));
    }
    // Others sample the catalogue: two or three micro-courses each on average, whatever the number offered.
    const share = isShowcase ? 0.5 : random.float() * 0.3 + 0.15;
    const sampling = employees.filter(({ person }) => !isDemoEmployee(person) && !towards.some((t) => t.person.id === person.id) && random.chance(share)).slice(0, isShowcase ? 10 : 3);
    for (const { person, since } of [...employees.filter(({ person }) => isDemoEmployee(person)), ...sampling]) {
      const earliest = Math.max(since + 1, today - HISTORY_DAYS);
      if (earliest > today - 1) continue;
      const taken = offered.filter(() => random.chance(Math.min(0.45, 2.5 / offered.length)));
      if (!taken.length) taken.push(random.pick(offered));
      for (const course of taken) {
        const ending = isDemoEmployee(person) ? (course.trade === 'labour_law' ? 'passed' : 'studying') : random.weighted(endings);
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
