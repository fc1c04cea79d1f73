import { describe, expect, it } from 'vitest';
import { maskName, maskPhone, maskResidentId } from './masking.ts';

describe('masking of private persons', () => {
  it.each([
    ['张三', '张*'],
    ['张小三', '张*三'],
    ['欧阳小明', '欧**明'],
    ['李', '*'],
    ['', ''],
  ])('name %s → %s', (name, masked) => expect(maskName(name)).toBe(masked));

  it('keeps the first 3 and last 4 of an ID number, as on public notices', () => {
    expect(maskResidentId('120115199001011234')).toBe('120***********1234');
    expect(maskResidentId('120115199001011234')).toHaveLength(18);
  });

  it('masks the middle of a phone number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
});
