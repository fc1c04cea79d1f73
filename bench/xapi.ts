/**
 * The learning record store's benchmark: statement ingestion over HTTP in batches of 100 against a raw multi-row
 * INSERT of the same rows, and the `agent` + `since` query over a large corpus against the same SQL sent directly.
 * Runs the real server as a child process on a scratch PostgreSQL database (default) or an embedded PGlite folder
 * (--embedded). See bench/README.md.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql as drizzleSql } from 'drizzle-orm';
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import type { Database } from '../server/src/db/client.ts';
import { agentKey } from '../server/src/modules/xapi/statement-keys.ts';
import {
  adminQuery,
  countStatements,
  createBaselineTable,
  loadCorpus,
  openBenchDatabase,
  pgliteSql,
  pgSql,
  prepareDatabase,
  removeScratch,
  scratchDatabase,
  STATEMENT_COLUMNS,
  statementRow,
  type Sql,
  type Tenant,
} from './database.ts';
import { httpLoad, loopLoad, type LoadResult } from './load.ts';
import { BATCH, batchOf, ingestionBatches as buildBatches, insertBatchesRaw, postBatches, reportErrors as reportServerErrors, seededRandom, waitForProjector as projectorSettled, xapiHeaders } from './xapi-load.ts';
import { storeQuerySql } from './query-sql.ts';
import { machine, progressBar, renderTable, type Row } from './report.ts';
import { freePort, startServer, type RunningServer } from './server.ts';
import { buildWorkload, type Learner, type Statement } from './workload.ts';

const { values: args } = parseArgs({
  options: {
    embedded: { type: 'boolean', default: false },
    'database-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    statements: { type: 'string' },
    duration: { type: 'string' },
    connections: { type: 'string', default: '10' },
    'query-connections': { type: 'string', default: '10' },
    learners: { type: 'string', default: '5000' },
    quick: { type: 'boolean', default: false },
    profile: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'server-root': { type: 'string' },
  },
});

const embedded = args.embedded;
const quick = args.quick;
const corpusSize = Number(args.statements ?? (quick ? 5_000 : embedded ? 200_000 : 2_000_000));
const seconds = Number(args.duration ?? (quick ? 3 : 20));
const connections = Number(args.connections);
const queryConnections = Number(args['query-connections']);
const learnerCount = Number(args.learners);
const BATCH_BODIES = quick ? 8 : 64;
const QUERY_PATHS = quick ? 200 : 2_000;
const BASELINE_TABLE = 'xapi_bench_baseline';
const databaseLabel = embedded ? 'PGlite' : 'PostgreSQL';

for (const [name, value] of Object.entries({ statements: corpusSize, duration: seconds, connections, 'query-connections': queryConnections, learners: learnerCount })) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number`);
}

const workRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'fulcrum-bench-'));
const dataDir = path.join(workRoot, 'data');
const port = await freePort();
const publicUrl = `http://127.0.0.1:${port}`;
const workload = buildWorkload(publicUrl, learnerCount);
const scratchName = `fulcrum_bench_${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}`;
const databaseUrl = embedded ? undefined : scratchDatabase(args['database-url'], scratchName);
const rows: Row[] = [];
let server: RunningServer | undefined;

const log = (text: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${text}`);

async function cleanUp() {
  await server?.stop().catch(() => undefined);
  await removeScratch({ keep: args.keep, embedded, workRoot, dataDir, adminUrl: args['database-url'], scratchName, databaseUrl });
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void cleanUp().finally(() => process.exit(130));
  });
}

/** PostgreSQL: the server and the baselines share the scratch database; the corpus is loaded while the server idles. */
async function runPostgres() {
  await adminQuery(args['database-url'], `create database ${scratchName}`);
  const tenant = await prepare();
  const pool = new pg.Pool({ connectionString: databaseUrl, max: Math.max(connections, queryConnections) });
  pool.on('error', () => undefined);
  try {
    const sql = pgSql(pool);
    server = await start();
    const probe = await postProbe(tenant);
    await checkProbe(sql, probe, tenant);
    await ingestOverHttp(tenant, sql);
    await waitForProjector(sql);
    await ingestRaw(tenant, sql, connections);
    await loadQueryCorpus(tenant, await dedicatedSql(), '512MB');
    await queryDirect(tenant, sql, { pool }, queryConnections);
    await queryOverHttp(tenant, sql);
  } finally {
    await pool.end();
  }

  async function dedicatedSql(): Promise<Sql & { end(): Promise<void> }> {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    return { query: async (text, params) => (await client.query(text, params)).rows, end: () => client.end() };
  }
}

/**
 * PGlite: one process may hold the folder at a time, so the benchmark's own work (preparing, the raw INSERT baseline,
 * loading the corpus, the direct SQL) happens while the server is stopped, in this process's own PGlite on the
 * same folder; PGlite has one connection, so its baselines run one statement at a time.
 */
async function runEmbedded() {
  const tenant = await withEmbedded(async (database, sql) => {
    const seeded = await prepareDatabaseIn(database);
    await ingestRaw(seeded, sql, 1);
    return seeded;
  });
  server = await start();
  const probe = await postProbe(tenant);
  await ingestOverHttp(tenant);
  await server.stop();
  server = undefined;
  await withEmbedded(async (database, sql) => {
    await checkProbe(sql, probe, tenant);
    await loadQueryCorpus(tenant, sql, '128MB');
    await queryDirect(tenant, sql, { pglite: database.pglite as PGlite }, 1);
  });
  server = await start();
  await queryOverHttp(tenant);
}

async function withEmbedded<T>(work: (database: Database, sql: Sql) => Promise<T>): Promise<T> {
  const database = await openBenchDatabase({ dataDir });
  try {
    return await work(database, pgliteSql(database.pglite as PGlite));
  } finally {
    await database.close();
  }
}

async function prepare(): Promise<Tenant> {
  const database = await openBenchDatabase({ databaseUrl, dataDir });
  try {
    return await prepareDatabaseIn(database);
  } finally {
    await database.close();
  }
}

async function prepareDatabaseIn(database: Database): Promise<Tenant> {
  log('migrating the database, writing the enterprise, its learners and an LRS client');
  const tenant = await prepareDatabase(database, workload);
  const sql: Sql = database.kind === 'pglite' ? pgliteSql(database.pglite as PGlite) : { query: async <T>(text: string) => ((await database.db.execute(drizzleSql.raw(text))) as unknown as { rows: T[] }).rows };
  await createBaselineTable(sql, BASELINE_TABLE);
  return tenant;
}

async function start(): Promise<RunningServer> {
  log(`starting the server on port ${port}`);
  const profileDir = args.profile ? path.resolve(args.profile) : undefined;
  const root = args['server-root'] ? path.resolve(args['server-root']) : undefined;
  if (root) log(`the server runs from ${root}`);
  return startServer({ port, publicUrl, dataDir, databaseUrl, adminPassword: `Bench-${randomUUID()}`, profileDir, root });
}

/** One batch posted with ids of our own, so its stored rows can be compared with the rows the baseline writes. */
async function postProbe(tenant: Tenant): Promise<Statement[]> {
  const statements = batchOf(workload, seededRandom(7), 20, Date.now()).map((s) => ({ id: randomUUID(), ...s }));
  const response = await fetch(`${server!.url}/xapi/statements`, { method: 'POST', headers: xapiHeaders(tenant), body: JSON.stringify(statements) });
  if (response.status !== 200) throw new Error(`POST /xapi/statements answered ${response.status}: ${(await response.text()).slice(0, 2000)}`);
  return statements;
}

/**
 * The store's rows for the probe batch against the rows this benchmark computes for the same statements: every
 * column but seq and stored must match, or the baselines and the corpus would not be the store's rows.
 */
async function checkProbe(sql: Sql, probe: Statement[], tenant: Tenant) {
  const stored = await sql.query<Record<string, unknown>>(
    `select ${STATEMENT_COLUMNS.map((c) => `"${c}"`).join(', ')}, stored from xapi_statements where id = any($1::uuid[])`,
    [probe.map((s) => s.id)],
  );
  if (stored.length !== probe.length) throw new Error(`the probe batch stored ${stored.length} of ${probe.length} statements`);
  const differences: string[] = [];
  for (const statement of probe) {
    const row = stored.find((r) => r.id === statement.id)!;
    const storedAt = new Date(row.stored as string | Date);
    const ours = statementRow(statement, tenant, publicUrl, storedAt);
    STATEMENT_COLUMNS.forEach((column, i) => {
      if (column === 'stored') return;
      const theirs = column === 'timestamp' ? new Date(row[column] as string).toISOString() : row[column];
      const mine = column === 'statement' ? JSON.parse(ours[i] as string) : ours[i];
      if (!sameValue(theirs, mine)) differences.push(`${column}: store ${JSON.stringify(theirs)?.slice(0, 300)} · bench ${JSON.stringify(mine)?.slice(0, 300)}`);
    });
  }
  if (differences.length) {
    console.warn(`! the store's rows differ from the rows the baseline and corpus use (${differences.length}):\n  ${[...new Set(differences)].slice(0, 8).join('\n  ')}`);
  } else {
    log(`the store's rows for a probe batch match the benchmark's rows column by column (${probe.length} statements)`);
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && [...a].sort().every((v, i) => sameValue(v, [...b].sort()[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => sameValue((a as Statement)[k], (b as Statement)[k]));
  }
  return (a ?? null) === (b ?? null);
}

const ingestionBatches = (() => {
  let batches: Statement[][] | undefined;
  return () => (batches ??= buildBatches(workload, BATCH_BODIES));
})();

/** Scenario 1: batches of 100 statements (no ids: the bodies are reused) posted by `connections` clients. */
async function ingestOverHttp(tenant: Tenant, sql?: Sql) {
  const batches = ingestionBatches();
  const size = batches.reduce((sum, b) => sum + Buffer.byteLength(JSON.stringify(b)), 0) / batches.length / BATCH;
  log(`ingestion over HTTP: ${connections} connections, ${seconds} s, ${batches.length} batch bodies of ${BATCH} statements (${Math.round(size)} bytes a statement)`);
  const result = await postBatches(server!, tenant, batches, connections, seconds);
  rows.push({ scenario: `POST batches of ${BATCH} (HTTP)`, database: databaseLabel, rows: sql ? await countStatements(sql) : result.ok * BATCH, result, statementsPerRequest: BATCH });
}

/**
 * The server folds new statements into the learning tables after it answers; the next scenario starts once that
 * work is done (the projector's cursor stands still), so it does not measure the previous one's tail.
 */
async function waitForProjector(sql: Sql) {
  const settled = await projectorSettled(sql);
  log(`the learning projector settled ${settled.toFixed(0)} s after the ingestion ended`);
}

const reportErrors = (result: { errors: number }) => reportServerErrors(server!, result);

/** Baseline of scenario 1: the same rows, as the store computes them, in multi-row INSERTs of 100 sent directly. */
async function ingestRaw(tenant: Tenant, sql: Sql, concurrency: number) {
  log(`raw INSERT baseline: ${concurrency} connection${concurrency > 1 ? 's' : ''}, ${seconds} s, multi-row INSERTs of ${BATCH} rows into ${BASELINE_TABLE}`);
  const result = await insertBatchesRaw(sql, { tenant, publicUrl, batches: ingestionBatches(), table: BASELINE_TABLE, concurrency, seconds });
  rows.push({ scenario: `raw INSERT of ${BATCH} rows (${embedded ? 'PGlite in-process' : 'pg'})`, database: databaseLabel, rows: await countStatements(sql, BASELINE_TABLE), result, statementsPerRequest: BATCH });
}

async function loadQueryCorpus(tenant: Tenant, sql: Sql & { end?: () => Promise<void> }, maintenanceWorkMem: string) {
  const bar = progressBar(`Loading ${corpusSize.toLocaleString('en-US')} statements`);
  const started = performance.now();
  try {
    await loadCorpus(sql, workload, tenant, { statements: corpusSize, until: new Date(), onProgress: bar.update, maintenanceWorkMem });
  } finally {
    bar.stop();
    await sql.end?.();
  }
  log(`corpus loaded and analysed in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

interface QueryCase {
  learner: Learner;
  since: string;
}

/**
 * The query parameters: learners in rotation and a `since` far enough back that the learner has about 100–300
 * statements after it in a full corpus (each learner's statements are spread evenly over the year).
 */
const queryCases = (() => {
  let cases: QueryCase[] | undefined;
  return () => {
    if (cases) return cases;
    const random = seededRandom(99);
    const perLearner = corpusSize / workload.learners.length;
    const year = 365 * 24 * 3600 * 1000;
    const now = Date.now();
    cases = Array.from({ length: QUERY_PATHS }, () => {
      const learner = workload.learners[Math.floor(random() * workload.learners.length)]!;
      const fraction = Math.min(1, (110 + random() * 200) / perLearner);
      return { learner, since: new Date(now - fraction * year).toISOString() };
    });
    return cases;
  };
})();

const queryParameters = (c: QueryCase) => ({ agent: JSON.stringify(c.learner.agent), since: c.since, limit: String(BATCH) });

/** Scenario 2: GET /xapi/statements?agent=…&since=…&limit=100 by `queryConnections` clients, rotating the cases. */
async function queryOverHttp(tenant: Tenant, sql?: Sql) {
  const cases = queryCases();
  const paths = cases.map((c) => `/xapi/statements?${new URLSearchParams(queryParameters(c))}`);
  const headers = { authorization: tenant.authorization, 'x-experience-api-version': '2.0.0' };
  // A sample of the pages, read in full: each holds statements of that learner since that instant, up to 100.
  let returned = 0;
  const sample = paths.slice(0, 20);
  for (const [i, p] of sample.entries()) {
    const response = await fetch(`${server!.url}${p}`, { headers });
    if (response.status !== 200) throw new Error(`GET ${p} answered ${response.status}: ${(await response.text()).slice(0, 2000)}`);
    const page = (await response.json()) as { statements: Statement[] };
    const key = agentKey(cases[i]!.learner.agent);
    if (page.statements.some((s) => agentKey(s.actor as Statement) !== key || (s.stored as string) <= cases[i]!.since)) {
      throw new Error(`GET ${p} returned statements of another agent or stored before since`);
    }
    returned += page.statements.length;
  }
  const pageSize = returned / sample.length;
  log(`query over HTTP: ${queryConnections} connections, ${seconds} s, ${paths.length} agent/since pairs (a sample of ${sample.length} pages held ${pageSize.toFixed(0)} statements each)`);
  const stopWatching = server!.watchMemory();
  const result = await httpLoad({ url: server!.url, connections: queryConnections, seconds, method: 'GET', headers, paths });
  const rss = stopWatching();
  reportErrors(result);
  const direct = rows.find((r) => r.scenario.startsWith('same SQL'));
  rows.push({
    scenario: 'GET agent + since, limit 100 (HTTP)',
    database: databaseLabel,
    rows: sql ? await countStatements(sql) : (direct?.rows ?? corpusSize),
    result: { ...result, rss },
    statementsPerRequest: pageSize,
  });
}

/**
 * Baseline of scenario 2: the SQL the store sends for these queries (caught from the store's own query code, see
 * query-sql.ts), sent directly, one query's statements one after another as the store sends them.
 */
async function queryDirect(tenant: Tenant, sql: Sql, connection: Parameters<typeof storeQuerySql>[0], concurrency: number) {
  const cases = queryCases();
  const keys = cases.map((c) => agentKey(c.learner.agent));
  const sqlFor = await storeQuerySql(connection, tenant, { query: queryParameters(cases[0]!), agentKey: keys[0]!, since: cases[0]!.since });
  const statements = sqlFor(keys[0]!, cases[0]!.since);
  log(`same SQL directly: ${concurrency} connection${concurrency > 1 ? 's' : ''}, ${seconds} s; a query is ${statements.length} statement${statements.length > 1 ? 's' : ''}:`);
  for (const s of statements) console.log(`    ${s.text.replace(/\s+/g, ' ').slice(0, 400)}${s.text.length > 400 ? ' …' : ''}`);
  let next = 0;
  const result = await loopLoad(concurrency, seconds, async () => {
    const i = next++ % cases.length;
    for (const statement of sqlFor(keys[i]!, cases[i]!.since)) await sql.query(statement.text, statement.params);
  });
  rows.push({ scenario: `same SQL (${embedded ? 'PGlite in-process' : 'pg'})`, database: databaseLabel, rows: await countStatements(sql), result: { ...result, rss: 0 } as LoadResult, statementsPerRequest: 0 });
}

/**
 * The rows in the order of the scenarios (whatever order the database's constraints ran them in), each HTTP scenario
 * with its baseline: statements/s of the raw INSERT for ingestion, req/s of the direct SQL for the query.
 */
function arrangeRows() {
  const order = ['POST', 'raw INSERT', 'GET', 'same SQL'];
  rows.sort((a, b) => order.findIndex((o) => a.scenario.startsWith(o)) - order.findIndex((o) => b.scenario.startsWith(o)));
  const rate = (row: Row) => row.result.ok / row.result.seconds;
  const [ingest, raw, query, direct] = order.map((o) => rows.find((r) => r.scenario.startsWith(o)));
  if (ingest && raw) ingest.baseline = { label: 'st/s', value: rate(raw) * BATCH, ours: rate(ingest) * BATCH };
  if (query && direct) query.baseline = { label: 'req/s', value: rate(direct), ours: rate(query) };
}

function verdicts(): string {
  const lines: string[] = [];
  const ingest = rows.find((r) => r.scenario.startsWith('POST'));
  const query = rows.find((r) => r.scenario.startsWith('GET'));
  if (ingest) {
    const rate = (ingest.result.ok / ingest.result.seconds) * BATCH;
    lines.push(`ingestion: ${Math.round(rate).toLocaleString('en-US')} statements/s over HTTP${embedded ? '' : ` (target ≥ 10,000 on PostgreSQL: ${rate >= 10_000 ? 'met' : 'MISSED'})`}, ${ingest.result.errors} errors`);
  }
  if (query) {
    const sorted = [...query.result.latencies].sort((a, b) => a - b);
    const p95 = sorted[Math.max(0, Math.ceil(0.95 * sorted.length) - 1)] ?? 0;
    lines.push(`query: p95 ${p95.toFixed(1)} ms over ${query.rows.toLocaleString('en-US')} rows${embedded ? '' : ` (target ≤ 50 ms over 2,000,000 on PostgreSQL: ${p95 <= 50 && query.rows >= 2_000_000 ? 'met' : 'MISSED'})`}, ${query.result.errors} errors`);
  }
  return `\n${lines.join('\n')}`;
}

async function main() {
  try {
    log(
      `${databaseLabel}: corpus ${corpusSize.toLocaleString('en-US')} statements, ${learnerCount.toLocaleString('en-US')} learners, ` +
        `${seconds} s per scenario, ${connections} connections posting batches of ${BATCH}, ${queryConnections} querying, ` +
      `load average before ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}` +
        (embedded ? ` · DATA_DIR ${dataDir}` : ` · scratch database ${scratchName}`),
    );
    if (embedded) await runEmbedded();
    else await runPostgres();
    arrangeRows();
    console.log(`\nxAPI store benchmark · ${new Date().toISOString().slice(0, 10)} · ${machine()} · load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
    console.log(renderTable(rows));
    console.log(verdicts());
  } finally {
    await cleanUp();
  }
}

await main();
