import { describe, expect, it } from 'vitest';
import { levelName, occupationLevel, percent, scopeLevelOptions, scopeOccupationOptions } from './labels.ts';
import { yearsSince } from './year-options.ts';

const scope = [
  { occupation: 'fitter' as const, levels: [2, 4, 3] },
  { occupation: 'welder' as const, levels: [5] },
];

describe('scope options', () => {
  it('offers only the occupations of the scope', () => {
    expect(scopeOccupationOptions(scope, 'zh-CN')).toEqual([
      { value: 'fitter', label: '钳工' },
      { value: 'welder', label: '焊工' },
    ]);
  });
  it('offers only the levels certified for the chosen occupation, lowest level (5) first', () => {
    expect(scopeLevelOptions(scope, 'fitter', 'zh-CN').map((o) => o.value)).toEqual([4, 3, 2]);
    expect(scopeLevelOptions(scope, 'welder', 'en-US')).toEqual([{ value: 5, label: 'Level 5 / Junior' }]);
  });
  it('offers no level before an occupation is chosen, nor for one outside the scope', () => {
    expect(scopeLevelOptions(scope, undefined, 'zh-CN')).toEqual([]);
    expect(scopeLevelOptions(scope, 'electrician', 'zh-CN')).toEqual([]);
  });
});

describe('labels', () => {
  it('names an occupation and level in either language, and an unknown code as itself', () => {
    expect(occupationLevel('fitter', 4, 'zh-CN')).toBe('钳工 · 四级/中级工');
    expect(occupationLevel('fitter', 4, 'en-US')).toBe('Fitter · Level 4 / Intermediate');
    expect(occupationLevel('no_such_trade', 9, 'zh-CN')).toBe('no_such_trade · 9');
    expect(levelName(1, 'zh-CN')).toBe('一级/高级技师');
  });
  it('writes a fraction as a percentage with at most one decimal, and nothing as a dash', () => {
    expect(percent(0.9565217, 'zh-CN')).toBe('95.7%');
    expect(percent(1, 'en-US')).toBe('100%');
    expect(percent(0, 'en-US')).toBe('0%');
    expect(percent(null, 'zh-CN')).toBe('—');
  });
});

describe('yearsSince', () => {
  it('lists the years from certification to this year, latest first', () => {
    expect(yearsSince('2024-06-20', new Date('2026-03-02T09:00:00+08:00'))).toEqual([2026, 2025, 2024]);
  });
  it('lists this year alone for a centre certified this year', () => {
    expect(yearsSince('2026-01-15', new Date('2026-03-02T09:00:00+08:00'))).toEqual([2026]);
  });
});
