import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import { openPglite, openPostgres, type Database } from '../server/src/db/client.ts';
import { employments, lrsClients, organisations, people } from '../server/src/db/schema/index.ts';
import { seedReference } from '../server/src/modules/reference/seed.ts';
import { clientAuthority, newCredentials } from '../server/src/modules/xapi/clients.ts';
import { statementKeys } from '../server/src/modules/xapi/statement-keys.ts';
import { registrationOf, registrationSql, type Statement, type Workload } from './workload.ts';

/** What the benchmark needs to talk to the store: the organisation, its LRS client and the Basic header. */
export interface Tenant {
  organisationId: string;
  clientId: string;
  key: string;
  authorization: string;
  authority: Statement;
}

/** One way to send SQL, whether to a PostgreSQL pool or the embedded database held by this process. */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

export const md5 = (text: string) => createHash('md5').update(text).digest('hex');

/** The scratch database's name and address on the server behind `adminUrl`. */
export function scratchDatabase(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Creates or drops the scratch database through the server's maintenance connection. */
export async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * The end of a run: drops the scratch database and removes the temporary folder, or with `keep` says where the
 * database or the PGlite folder is (the folder of a PostgreSQL run goes either way).
 */
export async function removeScratch(input: { keep: boolean; embedded: boolean; workRoot: string; dataDir: string; adminUrl: string; scratchName: string; databaseUrl?: string }) {
  if (input.keep) {
    console.log(`kept for inspection: ${input.embedded ? `the PGlite folder ${input.dataDir}` : `the database ${input.databaseUrl}`} (remove it yourself)`);
    if (!input.embedded) fs.rmSync(input.workRoot, { recursive: true, force: true });
    return;
  }
  if (!input.embedded) await adminQuery(input.adminUrl, `drop database if exists ${input.scratchName} with (force)`).catch((e: Error) => console.error(`could not drop ${input.scratchName}: ${e.message}`));
  fs.rmSync(input.workRoot, { recursive: true, force: true });
}

export function pgSql(pool: pg.Pool): Sql {
  return { query: async (text, params) => (await pool.query(text, params)).rows };
}

export function pgliteSql(pglite: PGlite): Sql {
  return { query: async <T>(text: string, params?: unknown[]) => (await pglite.query<T>(text, params)).rows };
}

/** Opens the database as the server will: PostgreSQL by URL or the embedded one in DATA_DIR (locked while open). */
export function openBenchDatabase(target: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  return target.databaseUrl ? Promise.resolve(openPostgres(target.databaseUrl)) : openPglite(target.dataDir);
}

/**
 * Migrates the empty database and writes what the store expects to find: the reference regions, an enterprise, its
 * learners as people with open employments, and one LRS client with read and write scopes.
 */
export async function prepareDatabase(database: Database, workload: Workload): Promise<Tenant> {
  await database.migrate();
  await seedReference(database.db);
  const [organisation] = await database.db
    .insert(organisations)
    .values({ type: 'enterprise', regionId: 'baodi', name: '天津津液压设备有限公司', industryDivision: '34', size: 'large', employeeCount: workload.learners.length })
    .returning();
  const organisationId = organisation!.id;
  for (let at = 0; at < workload.learners.length; at += 1000) {
    const chunk = workload.learners.slice(at, at + 1000);
    await database.db.insert(people).values(chunk.map((l) => ({ id: l.personId, name: l.name, residentId: l.residentId })));
    await database.db
      .insert(employments)
      .values(chunk.map((l) => ({ personId: l.personId, organisationId, position: l.index % 10 === 0 ? '班组长' : '操作工', startDate: '2024-03-01' })));
  }
  const { key, secret, secretHash } = newCredentials();
  const name = '课件上报（基准测试）';
  const [client] = await database.db.insert(lrsClients).values({ organisationId, name, key, secretHash, scopes: ['read', 'write'] }).returning();
  return {
    organisationId,
    clientId: client!.id,
    key,
    authorization: `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`,
    authority: clientAuthority(workload.publicUrl, { key, name }),
  };
}

/** The columns of xapi_statements a stored statement fills (seq and voided keep their defaults). */
export const STATEMENT_COLUMNS = [
  'id',
  'organisation_id',
  'stored',
  'timestamp',
  'actor_key',
  'object_agent_key',
  'verb_id',
  'activity_id',
  'registration',
  'voids_id',
  'related_agents',
  'related_activities',
  'person_id',
  'client_id',
  'statement',
] as const;

/**
 * The row the store writes for a statement a client sent: the statement completed as the store completes it (id,
 * stored, authority, version) and the indexed columns computed by the store's own `statementKeys`.
 */
export function statementRow(sent: Statement, tenant: Tenant, publicUrl: string, stored: Date): unknown[] {
  const storedText = stored.toISOString();
  const full: Statement = { ...sent, id: sent.id ?? randomUUID(), timestamp: sent.timestamp ?? storedText, stored: storedText, authority: tenant.authority, version: '2.0.0' };
  const keys = statementKeys(full);
  const account = (sent.actor as { account?: { homePage?: string; name?: string } }).account;
  const personId = account && account.homePage === publicUrl ? account.name! : null;
  return [
    full.id,
    tenant.organisationId,
    storedText,
    full.timestamp,
    keys.actorKey,
    keys.objectAgentKey,
    keys.verbId,
    keys.activityId,
    keys.registration,
    keys.voidsId,
    keys.relatedAgents,
    keys.relatedActivities,
    personId,
    tenant.clientId,
    JSON.stringify(full),
  ];
}

/** A multi-row INSERT of `rows` rows into `table`, numbered parameters in column order. */
export function multiRowInsert(table: string, rows: number): string {
  const width = STATEMENT_COLUMNS.length;
  const tuples = Array.from({ length: rows }, (_, r) => `(${STATEMENT_COLUMNS.map((_, c) => `$${r * width + c + 1}`).join(', ')})`);
  return `insert into ${table} (${STATEMENT_COLUMNS.map((c) => `"${c}"`).join(', ')}) values ${tuples.join(', ')}`;
}

/**
 * The baseline's table: xapi_statements' columns, defaults, checks and indexes (`like … including all`) and the same
 * foreign keys, so a raw INSERT into it does what the store's INSERT does at the database and nothing more.
 */
export async function createBaselineTable(sql: Sql, table: string): Promise<void> {
  await sql.query(`create table ${table} (like xapi_statements including all)`);
  await sql.query(
    `alter table ${table} add foreign key (organisation_id) references organisations(id), ` +
      'add foreign key (person_id) references people(id), add foreign key (client_id) references lrs_clients(id)',
  );
}

/** Rows in the store's table (the `rows` column of the report). */
export async function countStatements(sql: Sql, table = 'xapi_statements'): Promise<number> {
  const [row] = await sql.query<{ n: string | number }>(`select count(*) as n from ${table}`);
  return Number(row!.n);
}

export interface CorpusOptions {
  statements: number;
  /** The newest stored instant; the corpus spreads over the year before it. */
  until: Date;
  onProgress: (done: number, total: number, label: string) => void;
  maintenanceWorkMem: string;
}

/**
 * Loads the query corpus inside the database: one INSERT … SELECT over generate_series per chunk, each row a
 * template statement given a learner (the actor, its key in the related agents, the person), the attempt's
 * registration, an id and a stored instant spread evenly over a year, the JSONB completed as the store completes it.
 * The statements table's secondary indexes are dropped first and rebuilt with their own definitions afterwards (the
 * usual way to load a table in bulk), then the table is analysed.
 */
export async function loadCorpus(sql: Sql, workload: Workload, tenant: Tenant, options: CorpusOptions): Promise<void> {
  const { statements: total, onProgress } = options;
  await sql.query('create table bench_learners (n integer primary key, actor jsonb not null, actor_key text not null, person_id uuid)');
  await sql.query(
    'create table bench_templates (n integer primary key, course text not null, statement jsonb not null, context jsonb not null, ' +
      'actor_key text not null, object_agent_key text, verb_id text not null, activity_id text, related_agents text[] not null, related_activities text[] not null)',
  );
  for (let at = 0; at < workload.learners.length; at += 1000) {
    const chunk = workload.learners.slice(at, at + 1000);
    const params: unknown[] = [];
    const tuples = chunk.map((learner) => {
      const keys = statementKeys({ ...workload.templates[0]!.statement, actor: learner.agent });
      params.push(learner.index, JSON.stringify(learner.agent), keys.actorKey, 'account' in learner.agent ? learner.personId : null);
      const base = params.length - 4;
      return `($${base + 1}, $${base + 2}::jsonb, $${base + 3}, $${base + 4}::uuid)`;
    });
    await sql.query(`insert into bench_learners (n, actor, actor_key, person_id) values ${tuples.join(', ')}`, params);
  }
  const placeholder = workload.learners[0]!;
  for (const [n, template] of workload.templates.entries()) {
    // The keys of the completed statement with the first learner as actor; the loader swaps in each row's actor key.
    const completed = { ...template.statement, actor: placeholder.agent, authority: tenant.authority, context: { ...(template.statement.context as Statement), registration: registrationOf(placeholder, template.course, md5) } };
    const keys = statementKeys(completed);
    const { context, ...rest } = template.statement;
    await sql.query(
      'insert into bench_templates (n, course, statement, context, actor_key, object_agent_key, verb_id, activity_id, related_agents, related_activities) ' +
        'values ($1, $2, $3::jsonb, $4::jsonb, $5, $6, $7, $8, $9::text[], $10::text[])',
      [n, template.course, JSON.stringify({ ...rest, authority: tenant.authority, version: '2.0.0' }), JSON.stringify(context), keys.actorKey, keys.objectAgentKey, keys.verbId, keys.activityId, keys.relatedAgents, keys.relatedActivities],
    );
  }

  const indexes = await sql.query<{ indexname: string; indexdef: string }>(
    "select indexname, indexdef from pg_indexes where schemaname = 'public' and tablename = 'xapi_statements' and indexname <> 'xapi_statements_pkey' order by indexname",
  );
  for (const index of indexes) await sql.query(`drop index ${index.indexname}`);

  const learners = workload.learners.length;
  const templates = workload.templates.length;
  const spanMs = 365 * 24 * 3600 * 1000;
  const start = new Date(options.until.getTime() - spanMs);
  const stepMs = spanMs / total;
  const chunkSize = 25_000;
  const iso = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  onProgress(0, total, 'statements');
  for (let from = 1; from <= total; from += chunkSize) {
    const to = Math.min(total, from + chunkSize - 1);
    await sql.query(
      `insert into xapi_statements (${STATEMENT_COLUMNS.map((c) => `"${c}"`).join(', ')})
       select s.id, $1::uuid, s.stored, s.ts, l.actor_key, t.object_agent_key, t.verb_id, t.activity_id, s.registration, null,
              array_replace(t.related_agents, t.actor_key, l.actor_key), t.related_activities, l.person_id, $2::uuid,
              t.statement || jsonb_build_object('id', s.id, 'actor', l.actor, 'stored', ${iso('s.stored')}, 'timestamp', ${iso('s.ts')},
                                                'context', t.context || jsonb_build_object('registration', s.registration))
       from (
         select g.n, g.id, g.stored, g.stored - ((g.n % 900) * interval '1 second') as ts, g.learner, g.template,
                ${registrationSql('g.learner', 'c.course')} as registration
         from (
           select n, gen_random_uuid() as id,
                  date_trunc('milliseconds', $3::timestamptz + ((n - 1) * $4::double precision) * interval '1 millisecond') as stored,
                  ((n * 7919) % $5)::integer as learner,
                  (((n * 2654435761) % 4294967296) % $6)::integer as template
           from generate_series($7::bigint, $8::bigint) as n
         ) g
         join bench_templates c on c.n = g.template
       ) s
       join bench_learners l on l.n = s.learner
       join bench_templates t on t.n = s.template
       order by s.n`,
      [tenant.organisationId, tenant.clientId, start.toISOString(), stepMs, learners, templates, from, to],
    );
    onProgress(to, total, 'statements');
  }
  await sql.query(`set maintenance_work_mem = '${options.maintenanceWorkMem}'`);
  for (const [i, index] of indexes.entries()) {
    onProgress(i, indexes.length, `index ${index.indexname}`);
    await sql.query(index.indexdef);
  }
  onProgress(indexes.length, indexes.length, 'analyze');
  await sql.query('drop table bench_learners');
  await sql.query('drop table bench_templates');
  // Vacuum too: the visibility map is what a table written long ago has, and autovacuum will not start mid-run.
  await sql.query('vacuum analyze xapi_statements');
}
