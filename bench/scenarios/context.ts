import type { Db } from '../../server/src/db/client.ts';
import type { Sql } from '../database.ts';
import type { Dataset } from '../dataset.ts';
import { httpLoad, type HttpLoadOptions, type LoadResult } from '../load.ts';
import { percentile } from '../load.ts';
import type { Row } from '../report.ts';
import type { RunningServer } from '../server.ts';

/** What every scenario of `npm run bench` gets: the data, the run's sizes and where to send its requests. */
export interface ScenarioContext {
  data: Dataset;
  seconds: number;
  /** Concurrent clients of the read scenarios (default 50). */
  connections: number;
  database: 'PostgreSQL' | 'PGlite';
  /** The scratch database's address (PostgreSQL), for scenarios that measure their own baseline. */
  databaseUrl?: string;
  log: (text: string) => void;
}

/** The real server is running. */
export interface RunContext extends ScenarioContext {
  server: RunningServer;
  /** PostgreSQL: the benchmark's own pool on the same database (absent on PGlite while the server holds it). */
  sql?: Sql;
}

/**
 * The baselines' turn: the bare app (`bare` baselines) or the database from this process (`database` baselines). On
 * PostgreSQL both are there while the server runs; on PGlite the baselines run after the server has stopped, against
 * the same folder, the database ones first in this process, then the bare app's.
 */
export interface BaselineContext extends ScenarioContext {
  bare?: RunningServer;
  sql?: Sql;
  db?: Db;
  /** True on PGlite. */
  afterServer: boolean;
}

/**
 * A scenario: its HTTP measurement against the real server, its baseline, and the verdict that pairs them (the
 * baseline figure and ratio on the first row, and whether the target was met).
 */
export interface Scenario {
  name: string;
  run(context: RunContext): Promise<Row[]>;
  /** What the baseline needs: the bare app, or the database from this process. */
  baselineUses?: 'bare' | 'database';
  baseline?(context: BaselineContext): Promise<Row[]>;
  judge?(ours: Row[], baseline: Row[], context: ScenarioContext): void;
}

/** Drives the server (or the bare app) with autocannon and watches its memory: one LoadResult. */
export async function measure(target: RunningServer, options: Omit<HttpLoadOptions, 'url'>): Promise<LoadResult> {
  const stopWatching = target.watchMemory();
  const result = await httpLoad({ ...options, url: target.url });
  return { ...result, rss: stopWatching() };
}

export const rate = (row: Row) => row.result.ok / row.result.seconds;
export const p = (row: Row, q: number) => percentile(row.result.latencies, q);

/** Sets the baseline's req/s and the ratio on the first of `ours`. */
export function pairRate(ours: Row[], baseline: Row[]) {
  if (ours[0] && baseline[0]) ours[0].baseline = { label: 'req/s', value: rate(baseline[0]), ours: rate(ours[0]) };
}

/** The target of authenticated reads: ≥ 50 % of the bare baseline's req/s and p99 ≤ 100 ms (at 50 connections, PostgreSQL). */
export function judgeRead(ours: Row[], baseline: Row[], context: ScenarioContext) {
  pairRate(ours, baseline);
  const row = ours[0];
  if (!row) return;
  const ratio = row.baseline ? row.baseline.ours / row.baseline.value : 0;
  const measured = context.database === 'PostgreSQL' && context.connections === 50 && context.data.scale !== 'quick';
  row.target = { text: `≥ 0.50× baseline req/s, p99 ≤ 100 ms at 50 connections on PostgreSQL`, met: measured ? ratio >= 0.5 && p(row, 0.99) <= 100 && row.result.errors === 0 : null };
}

/** A row of a measurement. */
export const rowOf = (scenario: string, context: ScenarioContext, result: LoadResult, rows = 0): Row => ({ scenario, database: context.database, rows, result, statementsPerRequest: 0 });

const json = { 'content-type': 'application/json', 'x-requested-with': 'fulcrum' };
export const jsonHeaders = json;

/** A bare baseline of GETs: `paths` (with `headerSets`, e.g. cookies) in rotation against the bare app, as one row. */
export async function bareGets(context: BaselineContext, label: string, paths: string[], headerSets?: Record<string, string>[]): Promise<Row[]> {
  const result = await measure(context.bare!, { connections: context.connections, seconds: context.seconds, method: 'GET', headers: {}, paths, headerSets });
  return [rowOf(`  baseline: ${label} (bare)`, context, result)];
}
