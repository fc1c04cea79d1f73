import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { TablePaginationConfig } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';

export interface ListState {
  page: number;
  pageSize: number;
  sort?: string;
  filters: Record<string, string>;
}

/**
 * A list page's page, size, sort and filters, kept in the URL so back/forward and shared links work.
 * `filterKeys` names the query parameters that are filters.
 */
export function useListState(filterKeys: readonly string[], defaults: { pageSize?: number; sort?: string } = {}) {
  const [params, setParams] = useSearchParams();
  const state: ListState = useMemo(() => {
    const filters: Record<string, string> = {};
    for (const key of filterKeys) {
      const value = params.get(key);
      if (value) filters[key] = value;
    }
    return {
      page: Number(params.get('page') ?? 1) || 1,
      pageSize: Number(params.get('pageSize') ?? defaults.pageSize ?? 20) || 20,
      sort: params.get('sort') ?? defaults.sort,
      filters,
    };
  }, [params, filterKeys, defaults.pageSize, defaults.sort]);

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
