import { describe, expect, it } from 'vitest';
import { isValidMobile, isValidResidentId, isValidUscc, residentIdBirthDate, usccCheckChar } from './identifiers.ts';

describe('USCC check character (GB 32100-2015)', () => {
  // Published codes of real registrants (e.g. on public company filings).
  const valid = ['91350100M000100Y43', '91110000802100433B', '11100000000013127D'];
  it.each(valid)('accepts %s', (code) => expect(isValidUscc(code)).toBe(true));

  it('computes the check character from the first 17', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(usccCheckChar('91110000802100433')).toBe('B');
  });

  it.each([
    ['wrong check character', '91350100M000100Y44'],
    ['17 characters', '91350100M000100Y4'],
    ['letter I is not in the charset', '91350100I000100Y43'],
    ['lower case', '91310000ma1fl8tq0a'],
    ['empty', ''],
  ])('rejects %s', (_why, code) => expect(isValidUscc(code)).toBe(false));
});

describe('resident ID check digit (GB 11643-1999)', () => {
  const today = new Date('2026-11-25');
  // The standard's own worked example, and an X check digit.
  it.each(['11010519491231002X', '440524188001010014', '120115199001010015'])('accepts %s', (id) => {
    expect(isValidResidentId(id, today)).toBe(true);
  });

  it.each([
    ['wrong check digit', '110105194912310021'],
    ['impossible date 1990-02-30', '120115199002300014'],
    ['born in the future', '120115203001010014'],
    ['lower-case x', '11010519491231002x'],
    ['15-digit old format', '110105491231002'],
  ])('rejects %s', (_why, id) => expect(isValidResidentId(id, today)).toBe(false));

  it('reads the birth date', () => {
    expect(residentIdBirthDate('11010519491231002X')).toBe('1949-12-31');
    expect(residentIdBirthDate('120115199002300014')).toBeNull();
  });
});

describe('mobile numbers', () => {
  it('accepts 11 digits starting 13–19 and nothing else', () => {
    expect(isValidMobile('13812345678')).toBe(true);
    expect(isValidMobile('12812345678')).toBe(false);
    expect(isValidMobile('1381234567')).toBe(false);
  });
});
