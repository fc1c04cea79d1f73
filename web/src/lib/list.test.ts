import { describe, expect, it } from 'vitest';
import { MAX_PAGE_SIZE } from '@fulcrum/shared';
import { readListState } from './list.ts';

const read = (search: string, defaults = {}) => readListState(new URLSearchParams(search), ['q'], defaults);

describe('list state from the URL', () => {
  it('takes what is valid', () => {
    expect(read('q=abc&page=3&pageSize=50&sort=-name', { sortKeys: ['name'] })).toEqual({ page: 3, pageSize: 50, sort: '-name', filters: { q: 'abc' } });
  });
  it('keeps the page at least 1', () => {
    for (const page of ['0', '-4', 'x', '1.5', '']) expect(read(`page=${page}`).page).toBe(1);
  });
  it('keeps the page size within 1..MAX_PAGE_SIZE', () => {
    expect(read('pageSize=100000').pageSize).toBe(MAX_PAGE_SIZE);
    expect(read('pageSize=0').pageSize).toBe(1);
    expect(read('pageSize=-5').pageSize).toBe(1);
    expect(read('pageSize=abc').pageSize).toBe(20);
    expect(read('pageSize=', { pageSize: 50 }).pageSize).toBe(50);
  });
  it('ignores a sort the list does not allow', () => {
    expect(read('sort=password', { sortKeys: ['name', 'createdAt'] }).sort).toBeUndefined();
    expect(read('sort=-password', { sortKeys: ['name'], sort: 'name' }).sort).toBe('name');
    expect(read('sort=--name', { sortKeys: ['name'] }).sort).toBeUndefined();
    expect(read('sort=-createdAt', { sortKeys: ['name', 'createdAt'] }).sort).toBe('-createdAt');
  });
  it('takes any sort when the list names no keys', () => {
    expect(read('sort=whatever').sort).toBe('whatever');
  });
});
