import { asc, count, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgSelect } from 'drizzle-orm/pg-core';
import { MAX_EXPORT_ROWS } from '@fulcrum/shared';

export interface ListParams {
  page: number;
  pageSize: number;
  sort?: string | undefined;
  format: 'json' | 'xlsx';
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** ORDER BY for a `name` / `-name` sort key, with a tiebreaker so pages never overlap. */
export function orderBy(sort: string | undefined, columns: Record<string, AnyPgColumn | SQL>, fallback: SQL[], tiebreak: AnyPgColumn): SQL[] {
  if (!sort) return [...fallback, asc(tiebreak)];
  const descending = sort.startsWith('-');
  const column = columns[descending ? sort.slice(1) : sort];
  if (!column) return [...fallback, asc(tiebreak)];
  // Empty values sort last both ways (PostgreSQL puts NULLs first when descending).
  return [descending ? sql`${column} desc nulls last` : asc(column), asc(tiebreak)];
}

/**
 * Runs a list query one page at a time (or, for an export, up to MAX_EXPORT_ROWS rows from the first),
 * with the total from the same filters.
 */
export async function paginate<Q extends PgSelect, R>(
  query: Q,
  countQuery: PromiseLike<{ n: number }[]>,
  params: ListParams,
  map: (row: Awaited<Q>[number]) => R,
): Promise<Page<R>> {
  const isExport = params.format === 'xlsx';
  const limit = isExport ? MAX_EXPORT_ROWS : params.pageSize;
  const offset = isExport ? 0 : (params.page - 1) * params.pageSize;
  const [rows, totals] = await Promise.all([query.limit(limit).offset(offset), countQuery]);
  return { items: (rows as Awaited<Q>).map(map), page: params.page, pageSize: params.pageSize, total: Number(totals[0]?.n ?? 0) };
}

export const countAll = () => ({ n: count() });

/** Rows per multi-row INSERT: PostgreSQL's protocol takes at most 65,535 parameters per statement. */
export const INSERT_CHUNK = 500;

export function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
