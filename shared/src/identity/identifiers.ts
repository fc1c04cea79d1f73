/**
 * Check characters of the two national identifiers every record keys on.
 * USCC: GB 32100-2015 (统一社会信用代码). Resident ID: GB 11643-1999 (公民身份号码, ISO 7064 MOD 11-2).
 */

const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The 18th character of a USCC computed from its first 17 (GB 32100-2015 §5). */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_CHARSET.indexOf(first17[i] ?? '');
    if (value < 0) throw new RangeError(`invalid USCC character at ${i + 1}`);
    sum += value * (USCC_WEIGHTS[i] ?? 0);
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31] ?? '';
}

/** True when the code has 18 characters of the GB 32100 charset and a matching check character. */
export function isValidUscc(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  return usccCheckChar(code.slice(0, 17)) === code[17];
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The 18th character of a resident ID computed from its first 17 digits (GB 11643-1999). */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK[sum % 11] ?? '';
}

/** The date of birth encoded in positions 7–14 of a resident ID, or null if it is not a real date. */
export function residentIdBirthDate(id: string): string | null {
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1800 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** True for an 18-character ID with a real birth date not in the future and a matching check digit. */
export function isValidResidentId(id: string, today: Date = new Date()): boolean {
  if (!/^[1-9]\d{16}[\dX]$/.test(id)) return false;
  const birth = residentIdBirthDate(id);
  if (!birth || birth > today.toISOString().slice(0, 10)) return false;
  return residentIdCheckChar(id.slice(0, 17)) === id[17];
}

/** Mainland mobile numbers (11 digits starting 13–19). */
export function isValidMobile(phone: string): boolean {
  return /^1[3-9]\d{9}$/.test(phone);
}
