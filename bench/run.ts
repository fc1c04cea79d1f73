/**
 * `npm run bench`: loads a deterministic district (--scale small|district) into a scratch PostgreSQL database (or a
 * PGlite folder with --embedded), starts the real server on a free port, runs each scenario against it with its bare
 * baseline measured in the same run, and prints one table (also written to bench/results/latest.md). See
 * bench/README.md.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { Database } from '../server/src/db/client.ts';
import { adminQuery, openBenchDatabase, pgSql, removeScratch, scratchDatabase } from './database.ts';
import { embeddedSql, loadDataset, scales, type Dataset, type Scale } from './dataset.ts';
import { machine, renderSummary, type Row } from './report.ts';
import { buildServerBundle, freePort, repositoryRoot, startServer, type RunningServer } from './server.ts';
import { lastServerError } from './xapi-load.ts';
import type { BaselineContext, RunContext, Scenario, ScenarioContext } from './scenarios/context.ts';
import { courseSearch } from './scenarios/course-search.ts';
import { employeeHome } from './scenarios/employee-home.ts';
import { ingestion } from './scenarios/ingestion.ts';
import { login } from './scenarios/login.ts';
import { publicNotices } from './scenarios/public-notices.ts';
import { report } from './scenarios/report.ts';
import { examStorm, prepareStorm } from './scenarios/storm.ts';
import { subsidyQueue } from './scenarios/subsidy-queue.ts';

/** In the order they run: reads first, the exam storm, then ingestion (it adds statements to the report's enterprise). */
const SCENARIOS: Scenario[] = [login, employeeHome, courseSearch, subsidyQueue, publicNotices, report, examStorm, ingestion];

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: 'small' },
    embedded: { type: 'boolean', default: false },
    'database-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    duration: { type: 'string' },
    connections: { type: 'string', default: '50' },
    only: { type: 'string' },
    profile: { type: 'string' },
    keep: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    tsx: { type: 'boolean', default: false },
  },
});

const scale: Scale = args.quick ? 'quick' : (args.scale as Scale);
if (!(scale in scales) || scale === 'quick' && !args.quick) throw new Error(`--scale must be small or district (or --quick), not ${args.scale}`);
const seconds = Number(args.duration ?? (args.quick ? 2 : scale === 'district' ? 30 : 15));
const connections = Number(args.connections);
for (const [name, value] of Object.entries({ duration: seconds, connections })) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number`);
}
const only = args.only?.split(',').map((s) => s.trim()).filter(Boolean);
const unknown = only?.filter((name) => !SCENARIOS.some((s) => s.name === name)) ?? [];
if (unknown.length) throw new Error(`no scenario ${unknown.join(', ')}; the scenarios are ${SCENARIOS.map((s) => s.name).join(', ')}`);
const selected = SCENARIOS.filter((s) => !only || only.includes(s.name));

const embedded = args.embedded;
const databaseLabel = embedded ? 'PGlite' : 'PostgreSQL';
const workRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'fulcrum-bench-run-'));
const dataDir = path.join(workRoot, 'data');
const port = await freePort();
const publicUrl = `http://127.0.0.1:${port}`;
const scratchName = `fulcrum_bench_run_${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}`;
const databaseUrl = embedded ? undefined : scratchDatabase(args['database-url'], scratchName);
const profileDir = args.profile ? path.resolve(args.profile) : undefined;
const running: RunningServer[] = [];
const failures: string[] = [];

const log = (text: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${text}`);

async function cleanUp() {
  await Promise.all(running.map((s) => s.stop().catch(() => undefined)));
  await removeScratch({ keep: args.keep, embedded, workRoot, dataDir, adminUrl: args['database-url'], scratchName, databaseUrl });
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void cleanUp().finally(() => process.exit(130)));

/**
 * The real server as `npm start` runs it (the esbuild bundle, built first; `--tsx`: the sources through tsx), with a
 * sign-in rate limit the login scenario does not trip over, and a CPU profile when asked.
 */
async function startReal(): Promise<RunningServer> {
  if (!args.tsx) buildServerBundle();
  log(`starting the server${args.tsx ? ' (sources through tsx)' : ' (server/dist/main.mjs, as npm start)'} on port ${port}${profileDir ? ` (CPU profile into ${profileDir})` : ''}`);
  const server = await startServer({ port, publicUrl, dataDir, databaseUrl, adminPassword: `Bench-${randomUUID()}`, profileDir, bundle: !args.tsx, env: { LOGIN_RATE_LIMIT: '100000000' } });
  running.push(server);
  return server;
}

/** The bare baseline app (bench/baseline-server.ts) as a child process on the same database. */
async function startBare(): Promise<RunningServer> {
  const barePort = await freePort();
  log(`starting the bare baseline app on port ${barePort}`);
  const bare = await startServer({ port: barePort, publicUrl, dataDir, databaseUrl, adminPassword: 'unused', entry: 'bench/baseline-server.ts', env: { BENCH_BASELINE_SERVER: '1' } });
  running.push(bare);
  return bare;
}

async function stop(server: RunningServer) {
  await server.stop();
  running.splice(running.indexOf(server), 1);
}

const context = (data: Dataset): ScenarioContext => ({ data, seconds, connections, database: databaseLabel, databaseUrl, log });

/** Runs one step of a scenario; a failure is reported (with the server's last error) and the run goes on with the next one. */
async function attempt(label: string, work: () => Promise<Row[]>, server?: RunningServer): Promise<Row[]> {
  try {
    const rows = await work();
    const errors = rows.reduce((sum, row) => sum + row.result.errors, 0);
    if (errors && server) console.warn(`! ${label}: ${errors} requests failed; the server's last error: ${lastServerError(server)}`);
    return rows;
  } catch (error) {
    const message = `${label}: ${(error as Error).message.split('\n')[0]}`;
    console.error(`! ${message}${server ? `\n  the server's last error: ${lastServerError(server)}` : ''}`);
    failures.push(message);
    return [];
  }
}

async function load(database: Database, sql: Parameters<typeof loadDataset>[1]): Promise<Dataset> {
  log(`loading the ${scale} dataset (${Object.entries(scales[scale]).map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`).join(', ')})`);
  return loadDataset(database, sql, { scale, publicUrl, now: new Date(), prepare: selected.includes(examStorm) ? prepareStorm : undefined, log });
}

/** PostgreSQL: the server, the bare app and this process share the scratch database; each baseline follows its scenario. */
async function runPostgres(): Promise<Row[]> {
  await adminQuery(args['database-url'], `create database ${scratchName}`);
  const database = await openBenchDatabase({ databaseUrl, dataDir });
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  pool.on('error', () => undefined);
  try {
    const sql = pgSql(pool);
    const data = await load(database, sql);
    const server = await startReal();
    const bare = await startBare();
    const rows: Row[] = [];
    for (const scenario of selected) {
      const ours = await attempt(scenario.name, () => scenario.run({ ...context(data), server, sql } satisfies RunContext), server);
      const base = scenario.baseline && ours.length ? await attempt(`${scenario.name} baseline`, () => scenario.baseline!({ ...context(data), bare, sql, db: database.db, afterServer: false } satisfies BaselineContext)) : [];
      scenario.judge?.(ours, base, context(data));
      rows.push(...ours, ...base);
    }
    return rows;
  } finally {
    await pool.end();
    await database.close();
  }
}

/**
 * PGlite: one process may hold the folder at a time. The dataset is loaded by this process, then the server runs
 * every scenario; after it stops, this process runs the database baselines on the folder, then the bare app the rest.
 */
async function runEmbedded(): Promise<Row[]> {
  let database = await openBenchDatabase({ dataDir });
  let data: Dataset;
  try {
    data = await load(database, embeddedSql(database));
  } finally {
    await database.close();
  }
  const server = await startReal();
  const ours = new Map<Scenario, Row[]>();
  for (const scenario of selected) ours.set(scenario, await attempt(scenario.name, () => scenario.run({ ...context(data), server } satisfies RunContext), server));
  await stop(server);
  log('the server stopped: the baselines run now, against the same folder');
  const base = new Map<Scenario, Row[]>();
  const withBaseline = selected.filter((s) => s.baseline && ours.get(s)!.length);
  database = await openBenchDatabase({ dataDir });
  try {
    for (const scenario of withBaseline.filter((s) => s.baselineUses === 'database')) {
      base.set(scenario, await attempt(`${scenario.name} baseline`, () => scenario.baseline!({ ...context(data), sql: embeddedSql(database), db: database.db, afterServer: true } satisfies BaselineContext)));
    }
  } finally {
    await database.close();
  }
  const bareOnes = withBaseline.filter((s) => s.baselineUses === 'bare');
  if (bareOnes.length) {
    const bare = await startBare();
    for (const scenario of bareOnes) base.set(scenario, await attempt(`${scenario.name} baseline`, () => scenario.baseline!({ ...context(data), bare, afterServer: true } satisfies BaselineContext)));
    await stop(bare);
  }
  return selected.flatMap((scenario) => {
    const mine = ours.get(scenario)!;
    const theirs = (base.get(scenario) ?? []).map((row) => ({ ...row, scenario: `${row.scenario} — after the server stopped` }));
    scenario.judge?.(mine, theirs, context(data));
    return [...mine, ...theirs];
  });
}

async function main() {
  const startedAt = new Date();
  const loadBefore = os.loadavg().map((l) => l.toFixed(1)).join(' ');
  log(
    `${databaseLabel}, scale ${scale}, ${seconds} s per scenario, ${connections} connections for reads, scenarios ${selected.map((s) => s.name).join(', ')} · load average ${loadBefore}` +
      (embedded ? ` · DATA_DIR ${dataDir}` : ` · scratch database ${scratchName}`),
  );
  try {
    const rows = embedded ? await runEmbedded() : await runPostgres();
    const heading = `Fulcrum benchmark · ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC · ${databaseLabel} · scale ${scale} · ${seconds} s per scenario, ${connections} connections for reads · ${machine()} · load average before ${loadBefore}, at the end ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`;
    const table = renderSummary(rows);
    const peak = Math.max(0, ...rows.filter((r) => !r.scenario.includes('baseline')).map((r) => r.result.rss));
    const rssJudged = !embedded && scale !== 'quick';
    const notes = [
      `Server peak RSS over the scenarios: ${Math.round(peak / 1024 / 1024)} MiB (target ≤ 300 MB under load on PostgreSQL: ${rssJudged ? (peak <= 300 * 1000 * 1000 ? 'met' : 'MISSED') : 'not measured'}).`,
      ...(embedded ? ['On PGlite the baselines ran after the server had stopped, against the same folder (one process may hold it): database baselines from this process, one connection; the bare app with its own PGlite.'] : []),
      ...failures.map((f) => `Failed: ${f}`),
    ];
    console.log(`\n${heading}\n\n${table}\n${notes.length ? `\n${notes.join('\n')}\n` : ''}`);
    const results = path.join(repositoryRoot, 'bench', 'results');
    fs.mkdirSync(results, { recursive: true });
    const command = `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim();
    fs.writeFileSync(path.join(results, 'latest.md'), `# ${command}\n\n${heading}\n\n${table}\n${notes.length ? `\n${notes.map((n) => `- ${n}`).join('\n')}\n` : ''}`);
    log(`written to bench/results/latest.md`);
    if (failures.length) process.exitCode = 1;
  } finally {
    await cleanUp();
  }
}

await main();
