/**
 * The learning reports' benchmark: the enterprise report (GET /api/v1/learning/reports/summary: attainment at two
 * dates, activity over 90 days, project completion, daily figures) for an enterprise of 5,000 learners with role
 * profiles over 2 million stored statements, against the same SQL sent directly. PostgreSQL only (a scratch
 * database, dropped at the end). See bench/README.md.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { Db } from '../server/src/db/client.ts';
import { memberships, users } from '../server/src/db/schema/index.ts';
import { hashPassword } from '../server/src/modules/auth/passwords.ts';
import { adminQuery, countStatements, loadCorpus, openBenchDatabase, pgSql, prepareDatabase, scratchDatabase } from './database.ts';
import { directReport, fillLearning, reportDates, signIn } from './learning-fills.ts';
import { httpLoad, loopLoad, percentile } from './load.ts';
import { progressBar, renderTable, type Row } from './report.ts';
import { freePort, startServer, type RunningServer } from './server.ts';
import { buildWorkload } from './workload.ts';

const { values: args } = parseArgs({
  options: {
    'database-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    statements: { type: 'string' },
    duration: { type: 'string' },
    connections: { type: 'string', default: '10' },
    learners: { type: 'string', default: '5000' },
    quick: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});

const quick = args.quick;
const corpusSize = Number(args.statements ?? (quick ? 20_000 : 2_000_000));
const seconds = Number(args.duration ?? (quick ? 3 : 20));
const connections = Number(args.connections);
const learnerCount = Number(args.learners);
for (const [name, value] of Object.entries({ statements: corpusSize, duration: seconds, connections, learners: learnerCount })) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number`);
}

const USERNAME = 'bench-report-reader';
const PASSWORD = `Bench-${randomUUID()}`;
const TARGET_MEDIAN_MS = 300;
const workRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'fulcrum-bench-report-'));
const port = await freePort();
const publicUrl = `http://127.0.0.1:${port}`;
const workload = buildWorkload(publicUrl, learnerCount);
const scratchName = `fulcrum_bench_report_${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}`;
const databaseUrl = scratchDatabase(args['database-url'], scratchName);
const until = new Date();
const dates = reportDates(until);
let server: RunningServer | undefined;

const log = (text: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${text}`);

async function cleanUp() {
  await server?.stop().catch(() => undefined);
  fs.rmSync(workRoot, { recursive: true, force: true });
  if (args.keep) console.log(`kept for inspection: the database ${databaseUrl} (remove it yourself)`);
  else await adminQuery(args['database-url'], `drop database if exists ${scratchName} with (force)`).catch((e: Error) => console.error(`could not drop ${scratchName}: ${e.message}`));
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void cleanUp().finally(() => process.exit(130)));

async function addReader(db: Db, organisationId: string) {
  const [user] = await db.insert(users).values({ username: USERNAME, displayName: '报表基准', passwordHash: await hashPassword(PASSWORD) }).returning();
  await db.insert(memberships).values({ userId: user!.id, organisationId, role: 'enterprise_admin' });
}

async function main() {
  log(`PostgreSQL: ${corpusSize.toLocaleString('en-US')} statements, ${learnerCount.toLocaleString('en-US')} learners, ${seconds} s per scenario, ${connections} connections · scratch database ${scratchName}`);
  await adminQuery(args['database-url'], `create database ${scratchName}`);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: connections });
  pool.on('error', () => undefined);
  const database = await openBenchDatabase({ databaseUrl, dataDir: workRoot });
  const rows: Row[] = [];
  try {
    log('migrating, writing the enterprise and its learners');
    const tenant = await prepareDatabase(database, workload);
    const sql = pgSql(pool);
    const corpus = progressBar(`Loading ${corpusSize.toLocaleString('en-US')} statements`);
    try {
      await loadCorpus(sql, workload, tenant, { statements: corpusSize, until, onProgress: corpus.update, maintenanceWorkMem: '512MB' });
    } finally {
      corpus.stop();
    }
    await fillLearning(sql, database, tenant.organisationId, until);
    await addReader(database.db, tenant.organisationId);
    const statements = await countStatements(sql);
    const counts = (await sql.query<Record<string, string>>(
      `select (select count(*) from competency_level_history) as history, (select count(*) from learning_study_time) as study_time,
              (select count(*) from learning_daily_rollups) as rollups, (select count(*) from exam_attempts) as attempts`,
    ))[0]!;
    log(`filled: ${Object.entries(counts).map(([k, v]) => `${k} ${Number(v).toLocaleString('en-US')}`).join(', ')}`);

    log(`starting the server on port ${port}`);
    server = await startServer({ port, publicUrl, dataDir: path.join(workRoot, 'data'), databaseUrl, adminPassword: `Bench-${randomUUID()}` });
    const cookie = await signIn(server.url, USERNAME, PASSWORD);
    const query = new URLSearchParams(dates).toString();
    const reportPath = `/api/v1/learning/reports/summary?${query}`;
    const response = await fetch(`${server.url}${reportPath}`, { headers: { cookie } });
    if (response.status !== 200) throw new Error(`GET ${reportPath} answered ${response.status}: ${(await response.text()).slice(0, 2000)}`);
    const report = (await response.json()) as { attainment: { asOf: { learners: number; attained: number }; compareTo: { attained: number } } };
    const direct = await directReport(database.db, tenant.organisationId, dates);
    if (report.attainment.asOf.attained !== direct.attained || report.attainment.compareTo.attained !== direct.before || report.attainment.asOf.learners !== direct.learners) {
      throw new Error(`the endpoint and the direct SQL disagree: ${JSON.stringify(report.attainment)} vs ${JSON.stringify(direct)}`);
    }
    log(`the report: ${direct.learners} learners, attaining ${direct.before} on ${dates.compareTo} → ${direct.attained} on ${dates.asOf}; the direct SQL agrees`);

    log(`the report over HTTP: ${connections} connections, ${seconds} s`);
    const stopWatching = server.watchMemory();
    const http = await httpLoad({ url: server.url, connections, seconds, method: 'GET', headers: { cookie }, paths: [reportPath] });
    rows.push({ scenario: 'GET reports/summary (HTTP)', database: 'PostgreSQL', rows: statements, result: { ...http, rss: stopWatching() }, statementsPerRequest: 0 });
    log(`the same SQL directly: ${connections} connections, ${seconds} s`);
    const baseline = await loopLoad(connections, seconds, async () => void (await directReport(database.db, tenant.organisationId, dates)));
    rows.push({ scenario: 'same SQL (pg)', database: 'PostgreSQL', rows: statements, result: { ...baseline, rss: 0 }, statementsPerRequest: 0 });
  } finally {
    await pool.end();
    await database.close();
  }
  const [ours, base] = rows.map((r) => percentile(r.result.latencies, 0.5));
  rows[0]!.baseline = { label: 'ms p50', value: base!, ours: ours! };
  console.log(`\nlearning report benchmark · ${new Date().toISOString().slice(0, 10)} · ${os.cpus().length} cores, Node ${process.version} · load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
  console.log(renderTable(rows));
  const p95 = percentile(rows[0]!.result.latencies, 0.95);
  const met = ours! <= TARGET_MEDIAN_MS && corpusSize >= 2_000_000 && learnerCount >= 5_000;
  console.log(
    `\nenterprise report: median ${ours!.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms over HTTP; the same SQL directly median ${base!.toFixed(1)} ms ` +
      `(ratio ${(ours! / base!).toFixed(2)}×); target ≤ ${TARGET_MEDIAN_MS} ms median for 5,000 learners over 2,000,000 statements: ${met ? 'met' : corpusSize < 2_000_000 ? 'not measured at full size' : 'MISSED'}`,
  );
}

try {
  await main();
} finally {
  await cleanUp();
}
