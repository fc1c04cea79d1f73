import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { TablePaginationConfig } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { MAX_PAGE_SIZE } from '@fulcrum/shared';

export interface ListState {
  page: number;
  pageSize: number;
  sort?: string;
  filters: Record<string, string>;
}

/** A whole number from the URL within min..max; anything else (missing, text, fractions) is the fallback. */
function intParam(value: string | null, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = value === null || value.trim() === '' ? NaN : Number(value);
  if (!Number.isInteger(n)) return fallback;
  return Math.min(max, Math.max(min, n));
}

/** A sort from the URL (`name` / `-name`) if its key is one the list allows (any when no keys are given). */
function sortParam(value: string | null, sortKeys: readonly string[] | undefined): string | undefined {
  if (!value) return undefined;
  if (!sortKeys) return value;
  return sortKeys.includes(value.startsWith('-') ? value.slice(1) : value) ? value : undefined;
}

export interface ListDefaults {
  pageSize?: number;
  sort?: string;
  /** The keys the list may sort by (`name` allows `name` and `-name`); without them any sort is taken. */
  sortKeys?: readonly string[];
}

/** The list state a URL asks for, within what the server's list query allows. */
export function readListState(params: URLSearchParams, filterKeys: readonly string[], defaults: ListDefaults = {}): ListState {
  const filters: Record<string, string> = {};
  for (const key of filterKeys) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  return {
    page: intParam(params.get('page'), 1, 1),
    pageSize: intParam(params.get('pageSize'), defaults.pageSize ?? 20, 1, MAX_PAGE_SIZE),
    sort: sortParam(params.get('sort'), defaults.sortKeys) ?? defaults.sort,
    filters,
  };
}

/**
 * A list page's page, size, sort and filters, kept in the URL so back/forward and shared links work.
 * `filterKeys` names the query parameters that are filters; `sortKeys` (the list contract's, e.g. `personSortKeys`)
 * the columns it may sort by (given with the defaults), so a hand-edited or stale URL cannot ask the server for what it refuses.
 * The page is at least 1 and the page size 1..MAX_PAGE_SIZE, as the server's list query allows.
 */
export function useListState(filterKeys: readonly string[], defaults: ListDefaults = {}) {
  const [params, setParams] = useSearchParams();
  const { pageSize, sort, sortKeys } = defaults;
  const state = useMemo(
    () => readListState(params, filterKeys, { pageSize, sort, sortKeys }),
    [params, filterKeys, pageSize, sort, sortKeys],
  );

  const update = useCallback(
    (next: Partial<ListState>) => {
      const merged = { ...state, ...next, filters: next.filters ?? state.filters };
      const search = new URLSearchParams();
      for (const [key, value] of Object.entries(merged.filters)) if (value) search.set(key, value);
      if (merged.page > 1) search.set('page', String(merged.page));
      if (merged.pageSize !== (defaults.pageSize ?? 20)) search.set('pageSize', String(merged.pageSize));
      if (merged.sort && merged.sort !== defaults.sort) search.set('sort', merged.sort);
      setParams(search, { replace: true });
    },
    [state, setParams, defaults.pageSize, defaults.sort],
  );

  /** New filters start again from page 1. */
  const setFilters = useCallback((filters: Record<string, string | undefined>) => {
    const clean: Record<string, string> = {};
    for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== '') clean[key] = value;
    update({ filters: clean, page: 1 });
  }, [update]);

  /** For antd Table's onChange: pagination and a single-column sort (`name` / `-name`). */
  const onTableChange = useCallback(
    (pagination: TablePaginationConfig, _filters: unknown, sorter: SorterResult<unknown> | SorterResult<unknown>[]) => {
      const s = Array.isArray(sorter) ? sorter[0] : sorter;
      const field = s?.columnKey ?? s?.field;
      const sort = s?.order && field ? `${s.order === 'descend' ? '-' : ''}${String(field)}` : undefined;
      update({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? state.pageSize, sort });
    },
    [update, state.pageSize],
  );

  /** The API query for this state. */
  const query = useMemo(() => ({ ...state.filters, page: state.page, pageSize: state.pageSize, sort: state.sort }), [state]);

  /** antd sortOrder for a column key. */
  const sortOrderOf = (key: string) => (state.sort === key ? ('ascend' as const) : state.sort === `-${key}` ? ('descend' as const) : null);

  return { state, query, setFilters, onTableChange, sortOrderOf };
}

/** The text typed in a list's search box, starting from its filter in the URL and following it (back/forward and links change the box too). */
export function useSearchText(filter: string | undefined) {
  const [text, setText] = useState(filter ?? '');
  useEffect(() => setText(filter ?? ''), [filter]);
  return [text, setText] as const;
}
