import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { xapiVerbs } from '@fulcrum/shared';
import { rangeToWindow, scorePercent, verbOptions, windowToRange } from './filters.ts';

describe('the statement browser’s date range', () => {
  it('covers whole days: since just before the first, until the last millisecond of the last', () => {
    const start = dayjs('2026-03-02T15:30:00');
    const end = dayjs('2026-03-04T08:00:00');
    const window = rangeToWindow([start, end]);
    expect(new Date(window.since!).getTime()).toBe(dayjs('2026-03-02T00:00:00').valueOf() - 1);
    expect(new Date(window.until!).getTime()).toBe(dayjs('2026-03-04T23:59:59.999').valueOf());
    expect(rangeToWindow(null)).toEqual({});
  });

  it('reads the same days back from the address, and nothing from a half or unreadable window', () => {
    const window = rangeToWindow([dayjs('2026-03-02'), dayjs('2026-03-04')]);
    const range = windowToRange(window.since, window.until);
    expect(range?.map((d) => d.format('YYYY-MM-DD'))).toEqual(['2026-03-02', '2026-03-04']);
    expect(windowToRange(window.since, undefined)).toBeNull();
    expect(windowToRange('yesterday', window.until)).toBeNull();
  });
});

describe('verb options', () => {
  it('names every registry verb in the reader’s language with its IRI, Fulcrum’s own under this server', () => {
    const zh = verbOptions('zh-CN', 'https://fulcrum.example.cn');
    expect(zh).toContainEqual({ value: xapiVerbs.completed, label: `完成 · ${xapiVerbs.completed}` });
    expect(zh).toContainEqual({ value: 'https://fulcrum.example.cn/xapi/verbs/checked-in', label: '签到 · https://fulcrum.example.cn/xapi/verbs/checked-in' });
    expect(verbOptions('en-US', 'https://fulcrum.example.cn').find((o) => o.value === xapiVerbs.passed)?.label).toBe(`passed · ${xapiVerbs.passed}`);
    expect(new Set(zh.map((o) => o.value)).size).toBe(zh.length);
  });
});

describe('scores', () => {
  it('turns a scaled score into a rounded percentage', () => {
    expect(scorePercent(0.856)).toBe(86);
    expect(scorePercent(1)).toBe(100);
    expect(scorePercent(-0.5)).toBe(-50);
    expect(scorePercent(null)).toBeNull();
  });
});
