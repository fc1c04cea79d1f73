import { countStatements, createBaselineTable } from '../database.ts';
import { BATCH, ingestionBatches, insertBatchesRaw, postBatches, waitForProjector, xapiHeaders } from '../xapi-load.ts';
import { rowOf, type Scenario, type ScenarioContext } from './context.ts';

/** The raw INSERT baseline's table (xapi_statements' columns, checks, indexes and foreign keys). */
export const BASELINE_TABLE = 'xapi_bench_baseline';
/** Clients posting batches, and connections of the raw INSERT baseline (as `npm run bench:xapi`). */
const INGESTION_CONNECTIONS = 10;
const TARGET = 10_000;

const batches = (context: ScenarioContext) => ingestionBatches(context.data.workload, context.data.scale === 'quick' ? 8 : 64);

/**
 * Statement ingestion: batches of 100 realistic statements posted to POST /xapi/statements by 10 clients (the code
 * of `npm run bench:xapi`), against a raw multi-row INSERT of the very same rows into a copy of the table. Runs last:
 * it adds statements to the report's enterprise. On PostgreSQL the baseline waits for the learning projector to
 * settle first.
 */
export const ingestion: Scenario = {
  name: 'ingestion',
  async run(context) {
    const prepared = batches(context);
    for (const batch of prepared) {
      const probe = await fetch(`${context.server.url}/xapi/statements`, { method: 'POST', headers: xapiHeaders(context.data.tenant), body: JSON.stringify(batch) });
      if (probe.status !== 200) throw new Error(`POST /xapi/statements answered ${probe.status}: ${(await probe.text()).slice(0, 500)}`);
    }
    context.log(`ingestion: ${INGESTION_CONNECTIONS} connections, ${context.seconds} s, ${prepared.length} batches of ${BATCH} statements (each posted once before, all accepted)`);
    const result = await postBatches(context.server, context.data.tenant, prepared, INGESTION_CONNECTIONS, context.seconds);
    if (result.errors) {
      const after = await fetch(`${context.server.url}/xapi/statements`, { method: 'POST', headers: xapiHeaders(context.data.tenant), body: JSON.stringify(prepared[0]) });
      context.log(`  ! a batch posted after the load answered ${after.status}: ${(await after.text()).slice(0, 300)}`);
    }
    const row = rowOf(`statement ingestion, POST batches of ${BATCH} (HTTP)`, context, result, context.sql ? await countStatements(context.sql) : 0);
    row.statementsPerRequest = BATCH;
    if (context.sql) context.log(`  the learning projector settled ${(await waitForProjector(context.sql)).toFixed(0)} s after the ingestion ended`);
    return [row];
  },
  baselineUses: 'database',
  async baseline(context) {
    const sql = context.sql!;
    const concurrency = context.afterServer ? 1 : INGESTION_CONNECTIONS;
    await createBaselineTable(sql, BASELINE_TABLE);
    const result = await insertBatchesRaw(sql, { tenant: context.data.tenant, publicUrl: context.data.publicUrl, batches: batches(context), table: BASELINE_TABLE, concurrency, seconds: context.seconds });
    const row = rowOf(`  baseline: raw INSERT of ${BATCH} rows (${context.afterServer ? 'PGlite in-process, 1 connection' : `pg, ${concurrency} connections`})`, context, result, await countStatements(sql, BASELINE_TABLE));
    row.statementsPerRequest = BATCH;
    await sql.query(`drop table ${BASELINE_TABLE}`);
    return [row];
  },
  judge(ours, baseline, context) {
    const row = ours[0];
    if (!row) return;
    const statements = (r: typeof row) => (r.result.ok / r.result.seconds) * BATCH;
    if (baseline[0]) row.baseline = { label: 'st/s', value: statements(baseline[0]), ours: statements(row) };
    const measured = context.database === 'PostgreSQL' && context.data.scale !== 'quick';
    row.target = { text: `≥ ${TARGET.toLocaleString('en-US')} statements/s on PostgreSQL (here ${Math.round(statements(row)).toLocaleString('en-US')})`, met: measured ? statements(row) >= TARGET && row.result.errors === 0 : null };
  },
};
