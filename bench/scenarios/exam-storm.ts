/**
 * The exam start storm: a whole workforce starts the same exam within seconds (500 learners in 10 s by default), then
 * saves its answers and submits. Arrivals follow an open-loop schedule spread evenly over the window — a storm does
 * not wait for answers — and every latency is taken from the request's scheduled instant, so a slow server shows as
 * latency rather than as fewer requests. The baseline is a bare route doing the primary-key reads a start cannot do
 * without (the session and the exam with its paper), driven by the same schedule. Runs inside `npm run bench`, or on
 * its own: `tsx bench/scenarios/exam-storm.ts [--database-url URL | --embedded]` (see bench/README.md).
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import Fastify from 'fastify';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import pg from 'pg';
import type { AnswerResponse, QuestionKind } from '@fulcrum/shared';
import type { Db } from '../../server/src/db/client.ts';
import { employments, examPapers, exams, knowledgePoints, memberships, organisations, people, questionKnowledgePoints, questions, users } from '../../server/src/db/schema/index.ts';
import { hashPassword } from '../../server/src/modules/auth/passwords.ts';
import { hashToken, SESSION_COOKIE } from '../../server/src/modules/auth/sessions.ts';
import { seedReference } from '../../server/src/modules/reference/seed.ts';
import { syntheticResidentId } from '../../server/src/lib/synthetic-ids.ts';
import { adminQuery, openBenchDatabase, scratchDatabase } from '../database.ts';
import { percentile, type LoadResult } from '../load.ts';
import { progressBar, renderTable, type Row } from '../report.ts';
import { freePort, startServer, type RunningServer } from '../server.ts';

/** What a run needs of the prepared exam: its ids, the learners, and a right and a wrong response to every question. */
export interface ExamStormData {
  organisationId: string;
  examId: string;
  managerUsername: string;
  learners: { personId: string; username: string }[];
  bankSize: number;
  questionsPerAttempt: number;
  responses: Record<string, { right: AnswerResponse; wrong: AnswerResponse }>;
}

export interface ExamStormOptions {
  password: string;
  learners: number;
  windowSeconds: number;
  /** PostgreSQL behind the server: the bare baseline reads it and the check counts attempts with SQL. Absent: PGlite. */
  databaseUrl?: string;
}

const TRADES = ['电气安全', '触电急救', '高处作业', '消防器材', '有限空间', '起重吊装', '焊接作业', '危化品管理'];
/** Kinds of the questions at difficulty 1–3 (all graded on submit); difficulty 4 adds short answers for an instructor. */
const OBJECTIVE_KINDS: QuestionKind[] = ['single', 'single', 'multiple', 'true_false', 'fill_in', 'single', 'multiple', 'true_false', 'single', 'fill_in'];
const HARD_KINDS: QuestionKind[] = ['short_answer', 'multiple', 'multiple', 'single'];
const POINTS_BY_DIFFICULTY = [0, 2, 3, 5];
const LETTERS = ['A', 'B', 'C', 'D'];

type QuestionRow = typeof questions.$inferInsert;

function questionOf(organisationId: string, trade: string, kind: QuestionKind, difficulty: number, n: number): { row: QuestionRow; wrong: AnswerResponse } {
  const options = LETTERS.map((key, i) => ({ key, text: `${trade}选项${key}（第${i + 1}项）` }));
  const base = { organisationId, kind, difficulty, explanation: `${trade}第${n}题的解析。`, status: 'active' };
  const right = LETTERS[n % 4]!;
  switch (kind) {
    case 'single':
      return { row: { ...base, stem: `【${trade}】第${n}题：下列哪一项是正确做法？`, options, answer: right }, wrong: LETTERS[(n + 1) % 4]! };
    case 'multiple':
      return { row: { ...base, stem: `【${trade}】第${n}题：下列哪些做法符合规程？`, options, answer: [right, LETTERS[(n + 2) % 4]!] }, wrong: [right] };
    case 'true_false':
      return { row: { ...base, stem: `【${trade}】第${n}题：作业前必须确认防护措施到位。`, answer: n % 2 === 0 }, wrong: n % 2 !== 0 };
    case 'fill_in':
      return { row: { ...base, stem: `【${trade}】第${n}题：作业时须佩戴____。`, answer: ['防护用品', 'PPE'] }, wrong: '不知道' };
    default:
      return { row: { ...base, stem: `【${trade}】第${n}题：简述发现隐患后的处置步骤。`, answer: '停止作业、设置警示、报告班组长、排除隐患后复工。' }, wrong: '立即报告。' };
  }
}

/** The response a learner sends: the question's own answer, or the wrong one prepared with it. */
function rightResponse(row: QuestionRow): AnswerResponse {
  if (row.kind === 'fill_in') return (row.answer as string[])[0]!;
  return row.answer as AnswerResponse;
}

/**
 * Writes what a real exam needs, with the server's schema: eight knowledge points, a bank of 272 questions of the
 * five kinds (per knowledge point ten objective ones at each difficulty 1–3, and four at difficulty 4 of which one
 * is a short answer), a random paper of 25 questions drawn per attempt by knowledge point × difficulty (so roughly
 * one attempt in four draws a short answer and waits for an instructor), and a published exam open now (60 minutes,
 * two attempts). The learners become eligible: each account is linked to its person and holds an employee
 * membership of the organisation as its first one (the membership a sign-in acts in).
 */
export async function prepareExamStorm(db: Db, input: { organisationId: string; managerUserId: string; learners: { personId: string; username: string }[] }): Promise<ExamStormData> {
  const { organisationId } = input;
  const suffix = randomUUID().slice(0, 8);
  const kps = await db
    .insert(knowledgePoints)
    .values(TRADES.map((name, i) => ({ organisationId, code: `STORM-${suffix}-${i + 1}`, name, trade: name, description: `${name}的基本要求` })))
    .returning({ id: knowledgePoints.id, name: knowledgePoints.name });

  const planned: Array<{ kp: string; row: QuestionRow; wrong: AnswerResponse }> = [];
  for (const kp of kps) {
    for (const difficulty of [1, 2, 3]) OBJECTIVE_KINDS.forEach((kind, n) => planned.push({ kp: kp.id, ...questionOf(organisationId, kp.name, kind, difficulty, difficulty * 100 + n) }));
    HARD_KINDS.forEach((kind, n) => planned.push({ kp: kp.id, ...questionOf(organisationId, kp.name, kind, 4, 400 + n) }));
  }
  const inserted = await db.insert(questions).values(planned.map((p) => p.row)).returning({ id: questions.id });
  await db.insert(questionKnowledgePoints).values(inserted.map((q, i) => ({ questionId: q.id, knowledgePointId: planned[i]!.kp })));
  const responses: ExamStormData['responses'] = {};
  inserted.forEach((q, i) => (responses[q.id] = { right: rightResponse(planned[i]!.row), wrong: planned[i]!.wrong }));

  const drawRules = [
    ...kps.flatMap((kp) => [1, 2, 3].map((difficulty) => ({ knowledgePointId: kp.id, difficulty, count: 1, points: POINTS_BY_DIFFICULTY[difficulty]! }))),
    { knowledgePointId: kps[0]!.id, difficulty: 4, count: 1, points: 20 },
  ];
  const totalPoints = drawRules.reduce((s, r) => s + r.count * r.points, 0);
  const [paper] = await db.insert(examPapers).values({ organisationId, title: '安全生产综合考试（随机卷）', mode: 'random', drawRules, totalPoints }).returning({ id: examPapers.id });
  const now = Date.now();
  const [exam] = await db
    .insert(exams)
    .values({
      organisationId,
      paperId: paper!.id,
      title: '2026 年度安全生产全员考试',
      timeLimitMinutes: 60,
      maxAttempts: 2,
      passScore: Math.round(totalPoints * 0.6),
      opensAt: new Date(now - 60_000),
      closesAt: new Date(now + 7 * 24 * 3600_000),
      status: 'published',
    })
    .returning({ id: exams.id });

  await makeEligible(db, organisationId, input.learners);
  const [manager] = await db.select({ username: users.username }).from(users).where(eq(users.id, input.managerUserId));
  if (!manager) throw new Error(`no manager account ${input.managerUserId}`);
  return {
    organisationId,
    examId: exam!.id,
    managerUsername: manager.username,
    learners: input.learners,
    bankSize: inserted.length,
    questionsPerAttempt: drawRules.reduce((s, r) => s + r.count, 0),
    responses,
  };
}

/** Links each learner's account to its person and gives it an employee membership; refuses accounts acting elsewhere. */
async function makeEligible(db: Db, organisationId: string, learners: ExamStormData['learners']) {
  for (let at = 0; at < learners.length; at += 500) {
    const chunk = learners.slice(at, at + 500);
    const accounts = await db.select({ id: users.id, username: users.username, personId: users.personId }).from(users).where(inArray(users.username, chunk.map((l) => l.username)));
    const byName = new Map(accounts.map((a) => [a.username, a]));
    for (const learner of chunk) {
      const account = byName.get(learner.username);
      if (!account) throw new Error(`no account ${learner.username}`);
      if (account.personId !== learner.personId) await db.update(users).set({ personId: learner.personId }).where(eq(users.id, account.id));
    }
    const held = await db
      .select({ userId: memberships.userId, organisationId: memberships.organisationId, role: memberships.role, createdAt: memberships.createdAt })
      .from(memberships)
      .where(and(inArray(memberships.userId, accounts.map((a) => a.id)), isNull(memberships.revokedAt)));
    const missing = accounts.filter((a) => !held.some((m) => m.userId === a.id && m.organisationId === organisationId && m.role === 'employee'));
    if (missing.length) await db.insert(memberships).values(missing.map((a) => ({ userId: a.id, organisationId, role: 'employee' })));
    const elsewhere = accounts.filter((a) => held.some((m) => m.userId === a.id && (m.organisationId !== organisationId || m.role !== 'employee')));
    if (elsewhere.length) throw new Error(`${elsewhere.length} learners (${elsewhere[0]!.username} …) hold other memberships; a sign-in may act in another one`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP from many clients

/**
 * Each learner's requests leave from an address of its own on the loopback network (127.0.x.y), ten learners an
 * address, as a room of browsers would: the sign-in rate limit counts per address (20 a minute by default).
 */
const LEARNERS_PER_ADDRESS = 10;
const addressOf = (learner: number) => {
  const a = Math.floor(learner / LEARNERS_PER_ADDRESS);
  return `127.0.${1 + Math.floor(a / 250)}.${2 + (a % 250)}`;
};

/** Learners saving answers at the same time (each one's saves in sequence). */
const SAVING_LEARNERS = 10;

const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

interface Answer {
  status: number;
  body: string;
  cookie?: string;
}

function send(base: string, method: string, route: string, options: { localAddress: string; cookie?: string; body?: unknown }): Promise<Answer> {
  const url = new URL(route, base);
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  const headers: http.OutgoingHttpHeaders = { 'x-requested-with': 'fulcrum' };
  if (payload !== undefined) Object.assign(headers, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
  if (options.cookie) headers.cookie = options.cookie;
  return new Promise((resolve, reject) => {
    const request = http.request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method, headers, agent, localAddress: options.localAddress, timeout: 60_000 }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => {
        const cookie = response.headers['set-cookie']?.find((c) => c.startsWith(`${SESSION_COOKIE}=`))?.split(';')[0];
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), cookie });
      });
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error('no answer within 60 s')));
    request.on('error', reject);
    request.end(payload);
  });
}

/** Latencies (ms) and failures of one kind of request; the first failure's answer is kept for the report. */
class Tally {
  latencies: number[] = [];
  errors = 0;
  firstError: string | undefined;
  started = performance.now();
  finished = performance.now();

  record(startedAt: number, outcome: Answer | Error) {
    const now = performance.now();
    this.finished = Math.max(this.finished, now);
    if (outcome instanceof Error || outcome.status < 200 || outcome.status > 299) {
      this.errors++;
      this.firstError ??= outcome instanceof Error ? outcome.message : `${outcome.status} ${outcome.body.slice(0, 600)}`;
      return;
    }
    this.latencies.push(now - startedAt);
  }

  result(rss: number): LoadResult {
    if (this.firstError) console.warn(`  ! ${this.errors} failed; the first: ${this.firstError}`);
    return { ok: this.latencies.length, errors: this.errors, seconds: Math.max(0.001, (this.finished - this.started) / 1000), latencies: this.latencies, rss };
  }
}

/**
 * Runs `work(i)` for i = 0 … count-1 at instants spread evenly over the window from now (an open loop: an arrival
 * waits for nobody), and resolves when all have finished. `work` gets its scheduled instant.
 */
async function openLoop(count: number, windowSeconds: number, work: (i: number, scheduledAt: number) => Promise<void>) {
  const t0 = performance.now() + 20;
  const step = (windowSeconds * 1000) / count;
  await Promise.all(
    Array.from({ length: count }, (_, i) => {
      const scheduledAt = t0 + i * step;
      return new Promise<void>((resolve) => setTimeout(() => void work(i, scheduledAt).finally(resolve), Math.max(0, scheduledAt - performance.now())));
    }),
  );
}

/** Runs `work` over the items with at most `concurrency` at a time. */
async function pooled<T>(items: T[], concurrency: number, work: (item: T, i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i]!, i);
      }
    }),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The baseline

/**
 * The reads a start cannot do without, by primary key: the session behind the cookie with its user, membership and
 * organisation (what the server's authentication hook reads), and the exam with its paper. `npm run bench` may serve
 * them from a bare route of its own; `bareStartRoute` is this scenario's.
 */
export const baselineReads: Array<{ text: string; params: Array<'tokenHash' | 'examId' | 'organisationId'> }> = [
  {
    text:
      'select s.last_seen_at, s.absolute_expires_at, u.id, u.display_name, u.locale, u.disabled, u.person_id, m.id as membership_id, m.revoked_at, m.role, ' +
      'o.id as organisation_id, o.type, o.department_kind, o.region_id from sessions s join users u on u.id = s.user_id ' +
      'join memberships m on m.id = s.membership_id join organisations o on o.id = m.organisation_id where s.token_hash = $1',
    params: ['tokenHash'],
  },
  {
    text: "select e.*, p.* from exams e join exam_papers p on p.id = e.paper_id where e.id = $1 and e.organisation_id = $2 and e.status = 'published'",
    params: ['examId', 'organisationId'],
  },
];

/**
 * A bare Fastify route `POST /api/v1/learning/exams/:id/attempts` in this process over a `pg.Pool` of 10 (the
 * server's size): it sends `baselineReads` one after another and answers 201, or 401/404 when a read finds nothing.
 */
export async function bareStartRoute(databaseUrl: string, organisationId: string): Promise<{ url: string; close(): Promise<void> }> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  pool.on('error', () => undefined);
  const app = Fastify({ logger: false });
  app.post<{ Params: { id: string } }>('/api/v1/learning/exams/:id/attempts', async (request, reply) => {
    const token = /(?:^|;\s*)fulcrum_session=([^;]+)/.exec(request.headers.cookie ?? '')?.[1];
    if (!token) return reply.status(401).send({ code: 'UNAUTHENTICATED' });
    const values = { tokenHash: hashToken(token), examId: request.params.id, organisationId };
    for (const [i, read] of baselineReads.entries()) {
      const { rows } = await pool.query(read.text, read.params.map((p) => values[p]));
      if (!rows.length) return reply.status(i === 0 ? 401 : 404).send({ code: i === 0 ? 'UNAUTHENTICATED' : 'NOT_FOUND' });
    }
    return reply.status(201).send({ examId: request.params.id });
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    close: async () => {
      await app.close();
      await pool.end();
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The run

interface StartedAttempt {
  id: string;
  questions: Array<{ questionId: string }>;
}

/**
 * Signs the learners in (not measured), fires their starts on the open-loop schedule, then has each learner save an
 * answer to every question it drew (three in four right) and submit, the learners again spread over the window.
 * Answers the rows: the start storm (with the bare baseline's p99 on PostgreSQL), the saves, the submits, and the
 * baseline itself; a check afterwards that exactly one submitted attempt exists per learner counts any mismatch as
 * errors of the submit row.
 */
export async function runExamStorm(server: RunningServer, data: ExamStormData, options: ExamStormOptions): Promise<Row[]> {
  const count = options.learners;
  if (data.learners.length < count) throw new Error(`the dataset has ${data.learners.length} learners; the storm needs ${count}`);
  const learners = data.learners.slice(0, count);
  const database = options.databaseUrl ? 'PostgreSQL' : 'PGlite';
  const log = (text: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${text}`);

  log(`exam storm: signing in ${count} learners (8 at a time, from ${Math.ceil(count / LEARNERS_PER_ADDRESS)} loopback addresses)`);
  const cookies = await signIn(server.url, learners.map((l) => l.username), options.password);

  log(`exam storm: ${count} starts of one exam over ${options.windowSeconds} s (one every ${((options.windowSeconds * 1000) / count).toFixed(0)} ms), paper of ${data.questionsPerAttempt} drawn from ${data.bankSize}`);
  const starts = new Tally();
  const attempts: Array<StartedAttempt | undefined> = new Array(count);
  let stopWatching = server.watchMemory();
  await openLoop(count, options.windowSeconds, async (i, scheduledAt) => {
    const answer = await send(server.url, 'POST', `/api/v1/learning/exams/${data.examId}/attempts`, { localAddress: addressOf(i), cookie: cookies[i] }).catch((e: Error) => e);
    starts.record(scheduledAt, answer);
    if (!(answer instanceof Error) && answer.status === 201) attempts[i] = JSON.parse(answer.body) as StartedAttempt;
  });
  const startRow: Row = { scenario: `exam start storm, ${count} in ${options.windowSeconds} s (HTTP)`, database, rows: data.bankSize, result: starts.result(stopWatching()), statementsPerRequest: 0 };
  const resumed = count - attempts.filter(Boolean).length - starts.errors;
  if (resumed > 0) {
    startRow.result.errors += resumed;
    console.warn(`  ! ${resumed} starts answered 200 (an attempt already in progress) instead of 201`);
  }

  const rows: Row[] = [startRow];
  if (options.databaseUrl) {
    const baseline = await measureBaseline(options.databaseUrl, data, cookies, options.windowSeconds);
    rows.push(baseline);
    startRow.baseline = { label: 'ms p99', value: percentile(baseline.result.latencies, 0.99), ours: percentile(startRow.result.latencies, 0.99) };
  } else {
    startRow.scenario += ' · no bare baseline on PGlite';
  }

  // A learner saves answers over the exam's hour, not in a burst: the saves run ten learners at a time (each learner's
  // one after another), and the storm that matters, everyone submitting at the end, follows the open-loop schedule.
  log(`exam storm: each learner saves ${data.questionsPerAttempt} answers (${SAVING_LEARNERS} learners at a time), then ${count} submits over ${options.windowSeconds} s`);
  const saves = new Tally();
  stopWatching = server.watchMemory();
  await pooled(attempts, SAVING_LEARNERS, async (attempt, i) => {
    if (!attempt) return;
    for (const q of attempt.questions) {
      const prepared = data.responses[q.questionId]!;
      const response = Math.random() < 0.75 ? prepared.right : prepared.wrong;
      const sentAt = performance.now();
      saves.record(sentAt, await send(server.url, 'PUT', `/api/v1/learning/attempts/${attempt.id}/answers/${q.questionId}`, { localAddress: addressOf(i), cookie: cookies[i], body: { response } }).catch((e: Error) => e));
    }
  });
  rows.push({ scenario: `exam save answer, ${count} × ${data.questionsPerAttempt}, ${SAVING_LEARNERS} at a time (HTTP)`, database, rows: data.bankSize, result: saves.result(stopWatching()), statementsPerRequest: 0 });

  const submits = new Tally();
  stopWatching = server.watchMemory();
  await openLoop(count, options.windowSeconds, async (i, scheduledAt) => {
    const attempt = attempts[i];
    if (attempt) submits.record(scheduledAt, await send(server.url, 'POST', `/api/v1/learning/attempts/${attempt.id}/submit`, { localAddress: addressOf(i), cookie: cookies[i] }).catch((e: Error) => e));
  });
  const submitRow: Row = { scenario: `exam submit, ${count} in ${options.windowSeconds} s (HTTP)`, database, rows: data.bankSize, result: submits.result(stopWatching()), statementsPerRequest: 0 };
  rows.push(submitRow);

  const check = options.databaseUrl ? await checkWithSql(options.databaseUrl, data.examId) : await checkWithApi(server.url, data, options.password);
  const mismatches = Math.abs(check.attempts - count) + (check.attempts - check.finished) + Math.abs(check.people - count);
  log(`exam storm check: ${check.attempts} attempts by ${check.people} learners, ${check.finished} submitted or graded (${check.graded} graded), ${check.statements} xAPI statements`);
  if (mismatches) {
    submitRow.result.errors += mismatches;
    console.warn(`  ! expected exactly ${count} attempts, one per learner, all submitted or graded`);
  }
  submitRow.statementsPerRequest = check.statements / Math.max(1, check.finished);
  for (const row of rows) row.rows = check.attempts;

  const p99 = percentile(startRow.result.latencies, 0.99);
  const allStarted = attempts.filter(Boolean).length === count && startRow.result.errors === 0;
  log(
    `exam start: ${attempts.filter(Boolean).length}/${count} started, p99 ${p99.toFixed(0)} ms` +
      (options.databaseUrl ? ` (target on PostgreSQL: all started with no error and p99 ≤ 500 ms: ${allStarted && p99 <= 500 ? 'met' : 'MISSED'})` : ''),
  );
  return rows;
}

async function signIn(url: string, usernames: string[], password: string): Promise<string[]> {
  const cookies: string[] = new Array(usernames.length);
  const bar = progressBar('Signing in');
  try {
    await pooled(usernames, 8, async (username, i) => {
      const answer = await send(url, 'POST', '/api/v1/auth/login', { localAddress: addressOf(i), body: { username, password } });
      if (answer.status !== 200 || !answer.cookie) throw new Error(`sign-in of ${username} answered ${answer.status}: ${answer.body.slice(0, 600)}`);
      cookies[i] = answer.cookie;
      if (i % 20 === 0) bar.update(i, usernames.length, username);
    });
    bar.update(usernames.length, usernames.length, 'done');
  } finally {
    bar.stop();
  }
  return cookies;
}

async function measureBaseline(databaseUrl: string, data: ExamStormData, cookies: string[], windowSeconds: number): Promise<Row> {
  const bare = await bareStartRoute(databaseUrl, data.organisationId);
  try {
    const tally = new Tally();
    await openLoop(cookies.length, windowSeconds, async (i, scheduledAt) => {
      tally.record(scheduledAt, await send(bare.url, 'POST', `/api/v1/learning/exams/${data.examId}/attempts`, { localAddress: addressOf(i), cookie: cookies[i] }).catch((e: Error) => e));
    });
    return { scenario: `bare PK reads, same schedule (pg pool of 10, in-process)`, database: 'PostgreSQL', rows: data.bankSize, result: tally.result(0), statementsPerRequest: 0 };
  } finally {
    await bare.close();
  }
}

interface Check {
  attempts: number;
  people: number;
  finished: number;
  graded: number;
  statements: number;
}

async function checkWithSql(databaseUrl: string, examId: string): Promise<Check> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<Record<keyof Check, string>>(
      `select count(*) as attempts, count(distinct person_id) as people, count(*) filter (where status in ('submitted', 'graded')) as finished,
              count(*) filter (where status = 'graded') as graded,
              (select count(*) from xapi_statements s where s.registration in (select id from exam_attempts where exam_id = $1)) as statements
       from exam_attempts where exam_id = $1`,
      [examId],
    );
    const r = rows[0]!;
    return { attempts: Number(r.attempts), people: Number(r.people), finished: Number(r.finished), graded: Number(r.graded), statements: Number(r.statements) };
  } finally {
    await client.end();
  }
}

/** PGlite is held by the server: the manager reads the exam's results page by page. */
async function checkWithApi(url: string, data: ExamStormData, password: string): Promise<Check> {
  const localAddress = '127.0.0.1';
  const login = await send(url, 'POST', '/api/v1/auth/login', { localAddress, body: { username: data.managerUsername, password } });
  if (!login.cookie) throw new Error(`the manager's sign-in answered ${login.status}: ${login.body.slice(0, 600)}`);
  const results: Array<{ personId: string; status: string }> = [];
  for (let page = 1; ; page++) {
    const answer = await send(url, 'GET', `/api/v1/learning/exams/${data.examId}/results?page=${page}&pageSize=100`, { localAddress, cookie: login.cookie });
    if (answer.status !== 200) throw new Error(`results answered ${answer.status}: ${answer.body.slice(0, 600)}`);
    const body = JSON.parse(answer.body) as { items: Array<{ personId: string; status: string }>; total: number };
    results.push(...body.items);
    if (!body.items.length || results.length >= body.total) break;
  }
  const finished = results.filter((r) => r.status === 'submitted' || r.status === 'graded');
  const graded = results.filter((r) => r.status === 'graded').length;
  // Statements of a graded attempt: one per graded answer and the exam's; a submitted one waits for its short answer.
  const statements = graded * (data.questionsPerAttempt + 1) + (finished.length - graded) * (data.questionsPerAttempt - 1);
  return { attempts: results.length, people: new Set(results.map((r) => r.personId)).size, finished: finished.length, graded, statements };
}

// ---------------------------------------------------------------------------------------------------------------
// On its own, for development

/** An enterprise, its learners as people with accounts sharing one password hash, and a training manager. */
async function minimalDataset(db: Db, learnerCount: number, password: string) {
  await seedReference(db);
  const [organisation] = await db
    .insert(organisations)
    .values({ type: 'enterprise', regionId: 'baodi', name: '天津宝坻安全设备有限公司', industryDivision: '34', size: 'large', employeeCount: learnerCount })
    .returning({ id: organisations.id });
  const organisationId = organisation!.id;
  const passwordHash = await hashPassword(password);
  const learners: ExamStormData['learners'] = [];
  for (let at = 0; at < learnerCount; at += 500) {
    const n = Math.min(500, learnerCount - at);
    const persons = await db
      .insert(people)
      .values(Array.from({ length: n }, (_, k) => ({ name: `考生${at + k + 1}`, residentId: syntheticResidentId(700_000 + at + k) })))
      .returning({ id: people.id });
    await db.insert(employments).values(persons.map((p) => ({ personId: p.id, organisationId, position: '操作工', startDate: '2024-03-01' })));
    const accounts = await db
      .insert(users)
      .values(persons.map((p, k) => ({ username: `storm${String(at + k + 1).padStart(4, '0')}`, displayName: `考生${at + k + 1}`, personId: p.id, passwordHash })))
      .returning({ id: users.id, username: users.username, personId: users.personId });
    await db.insert(memberships).values(accounts.map((a) => ({ userId: a.id, organisationId, role: 'employee' })));
    learners.push(...accounts.map((a) => ({ personId: a.personId!, username: a.username })));
  }
  const [manager] = await db.insert(users).values({ username: 'storm-manager', displayName: '培训主管', passwordHash }).returning({ id: users.id });
  await db.insert(memberships).values({ userId: manager!.id, organisationId, role: 'training_manager' });
  return { organisationId, managerUserId: manager!.id, learners };
}

async function main() {
  const { values: args } = parseArgs({
    options: {
      embedded: { type: 'boolean', default: false },
      'database-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
      learners: { type: 'string', default: '500' },
      window: { type: 'string', default: '10' },
      profile: { type: 'string' },
      keep: { type: 'boolean', default: false },
    },
  });
  const learnerCount = Number(args.learners);
  const windowSeconds = Number(args.window);
  if (!Number.isInteger(learnerCount) || learnerCount < 1 || !(windowSeconds > 0)) throw new Error('--learners must be a positive whole number and --window positive');
  const password = `Storm-${randomUUID()}`;
  const workRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'fulcrum-exam-storm-'));
  const dataDir = path.join(workRoot, 'data');
  const scratchName = `fulcrum_bench_storm_${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}`;
  const databaseUrl = args.embedded ? undefined : scratchDatabase(args['database-url'], scratchName);
  let server: RunningServer | undefined;
  try {
    if (!args.embedded) await adminQuery(args['database-url'], `create database ${scratchName}`);
    const database = await openBenchDatabase({ databaseUrl, dataDir });
    let data: ExamStormData;
    try {
      await database.migrate();
      const dataset = await minimalDataset(database.db, learnerCount, password);
      data = await prepareExamStorm(database.db, dataset);
    } finally {
      await database.close();
    }
    const port = await freePort();
    const publicUrl = `http://127.0.0.1:${port}`;
    server = await startServer({ port, publicUrl, dataDir, databaseUrl, adminPassword: `Bench-${randomUUID()}`, profileDir: args.profile ? path.resolve(args.profile) : undefined });
    const rows = await runExamStorm(server, data, { password, learners: learnerCount, windowSeconds, databaseUrl });
    const cpus = os.cpus();
    console.log(`\nexam start storm · ${new Date().toISOString().slice(0, 10)} · ${cpus.length} cores, ${cpus[0]?.model.trim() ?? ''}, Node ${process.version} · load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
    console.log(renderTable(rows));
  } finally {
    await server?.stop().catch(() => undefined);
    agent.destroy();
    if (args.keep) console.log(`kept: ${databaseUrl ?? dataDir}`);
    else {
      if (!args.embedded) await adminQuery(args['database-url'], `drop database if exists ${scratchName} with (force)`).catch((e: Error) => console.error(`could not drop ${scratchName}: ${e.message}`));
      fs.rmSync(workRoot, { recursive: true, force: true });
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
