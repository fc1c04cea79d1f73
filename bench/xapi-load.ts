import { randomUUID } from 'node:crypto';
import { md5, multiRowInsert, statementRow, type Sql, type Tenant } from './database.ts';
import { httpLoad, loopLoad, type LoadResult } from './load.ts';
import type { RunningServer } from './server.ts';
import { fillTemplate, registrationOf, type Statement, type Workload } from './workload.ts';

/*
 * Statement ingestion as content sends it (batches posted over HTTP) and its baseline (the same rows in raw
 * multi-row INSERTs), shared by `npm run bench:xapi` and the ingestion scenario of `npm run bench`.
 */

export const BATCH = 100;

/** A small deterministic generator (mulberry-like), so two runs build the same batches. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return state / 4294967296;
  };
}

/** A batch of statements as a content package would send: random learners and templates, timestamps of the last hour. */
export function batchOf(workload: Workload, random: () => number, count: number, now: number): Statement[] {
  return Array.from({ length: count }, () => {
    const learner = workload.learners[Math.floor(random() * workload.learners.length)]!;
    const template = workload.templates[Math.floor(random() * workload.templates.length)]!;
    return fillTemplate(template, learner, registrationOf(learner, template.course, md5), new Date(now - Math.floor(random() * 3_600_000)).toISOString());
  });
}

/** `count` batches of BATCH statements without ids (so each can be posted again and again), from fixed seeds. */
export function ingestionBatches(workload: Workload, count: number): Statement[][] {
  const now = Date.now();
  return Array.from({ length: count }, (_, i) => batchOf(workload, seededRandom(1000 + i), BATCH, now));
}

export const xapiHeaders = (tenant: Tenant) => ({ authorization: tenant.authorization, 'x-experience-api-version': '2.0.0', 'content-type': 'application/json' });

/** The server's last logged error (its type, database code and the start of its message), for a failed scenario. */
export function lastServerError(server: RunningServer): string {
  const lines = server.output().trim().split('\n');
  const said = lines
    .reverse()
    .map((line) => {
      try {
        const entry = JSON.parse(line) as { msg?: string; err?: { type?: string; message?: string; code?: string; sqlState?: string } };
        return entry.err ? `${entry.msg ?? ''}: ${entry.err.type ?? ''} ${entry.err.sqlState ?? entry.err.code ?? ''} ${(entry.err.message ?? '').replace(/\s+/g, ' ').slice(0, 200)}` : null;
      } catch {
        return null;
      }
    })
    .find(Boolean);
  return said ?? lines[0]?.slice(0, 300) ?? 'none logged';
}

/** When requests failed, what the server said about them. */
export function reportErrors(server: RunningServer, result: { errors: number }) {
  if (result.errors) console.warn(`! ${result.errors} requests failed; the server's last error: ${lastServerError(server)}`);
}

/**
 * The server folds new statements into the learning tables after it answers; the next scenario starts once that
 * work is done (the projector's cursor stands still), so it does not measure the previous one's tail.
 */
export async function waitForProjector(sql: Sql): Promise<number> {
  const started = performance.now();
  const cursor = async () => Number((await sql.query<{ s: string | null }>('select max(last_seq) as s from xapi_projection_cursors'))[0]?.s ?? 0);
  let last = await cursor();
  for (;;) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = await cursor();
    if (now === last || performance.now() - started > 300_000) break;
    last = now;
  }
  return (performance.now() - started) / 1000;
}

/** Posts the batches (in rotation) to POST /xapi/statements with `connections` clients; the server's peak RSS comes with it. */
export async function postBatches(server: RunningServer, tenant: Tenant, batches: Statement[][], connections: number, seconds: number): Promise<LoadResult> {
  const bodies = batches.map((batch) => JSON.stringify(batch));
  const stopWatching = server.watchMemory();
  const result = await httpLoad({ url: server.url, connections, seconds, method: 'POST', headers: xapiHeaders(tenant), paths: ['/xapi/statements'], bodies });
  const rss = stopWatching();
  reportErrors(server, result);
  return { ...result, rss };
}

/**
 * The baseline of ingestion: the same statements, as the rows the store computes for them, in multi-row INSERTs of
 * BATCH rows sent directly to `table` by `concurrency` loops. The keys and JSON are computed once; each INSERT only
 * gives its rows new ids and `stored`.
 */
export async function insertBatchesRaw(
  sql: Sql,
  input: { tenant: Tenant; publicUrl: string; batches: Statement[][]; table: string; concurrency: number; seconds: number },
): Promise<LoadResult> {
  const insert = multiRowInsert(input.table, BATCH);
  const prepared = input.batches.map((batch) =>
    batch.map((statement) => {
      const row = statementRow(statement, input.tenant, input.publicUrl, new Date(0));
      const { id: _id, stored: _stored, ...rest } = JSON.parse(row[14] as string) as Statement;
      return { row, json: JSON.stringify(rest).slice(1) };
    }),
  );
  let next = 0;
  const result = await loopLoad(input.concurrency, input.seconds, async () => {
    const batch = prepared[next++ % prepared.length]!;
    const stored = new Date().toISOString();
    const params: unknown[] = [];
    for (const { row, json } of batch) {
      const id = randomUUID();
      params.push(id, row[1], stored, ...row.slice(3, 14), `{"id":"${id}","stored":"${stored}",${json}`);
    }
    await sql.query(insert, params);
  });
  return { ...result, rss: 0 };
}
