import { describe, expect, it } from 'vitest';
import { checkPassword } from './password.ts';

describe('password policy: ≥ 10 characters, 3 of 4 classes', () => {
  it.each(['Abcdefghi1', 'abcdefgh1!', 'ABCDEFGH1!', 'Tianjin-2026', '宝坻区Baodi2026'])('accepts %s', (pw) => {
    expect(checkPassword(pw)).toEqual([]);
  });

  it.each([
    ['Abcdefg1!', ['TOO_SHORT']],
    ['abcdefghijkl', ['TOO_FEW_CLASSES']],
    ['abcdefghij1', ['TOO_FEW_CLASSES']],
    ['short', ['TOO_SHORT', 'TOO_FEW_CLASSES']],
  ])('rejects %s', (pw, problems) => expect(checkPassword(pw)).toEqual(problems));
});
