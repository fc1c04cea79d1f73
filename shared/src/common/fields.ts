import { z } from 'zod';
import { isValidMobile, isValidResidentId, isValidUscc } from '../identity/identifiers.ts';
import { checkPassword } from '../identity/password.ts';

/** Field schemas with the national check digits; issue codes are stable for the web app. */
export const usccField = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isValidUscc, { message: 'not a valid unified social credit code (GB 32100-2015)', params: { code: 'INVALID_USCC' } });

export const residentIdField = z
  .string()
  .trim()
  .toUpperCase()
  .refine((v) => isValidResidentId(v), {
    message: 'not a valid resident ID number (GB 11643-1999)',
    params: { code: 'INVALID_RESIDENT_ID' },
  });

export const mobileField = z
  .string()
  .trim()
  .refine(isValidMobile, { message: 'not a valid mainland mobile number', params: { code: 'INVALID_PHONE' } });

export const personNameField = z.string().trim().min(1).max(50);

export const passwordField = z.string().superRefine((value, ctx) => {
  for (const problem of checkPassword(value)) {
    ctx.addIssue({
      code: 'custom',
      message:
        problem === 'TOO_SHORT'
          ? 'at least 10 characters'
          : problem === 'TOO_LONG'
            ? 'at most 256 characters'
            : 'at least 3 of: lower case, upper case, digits, symbols',
      params: { code: `PASSWORD_${problem}` },
    });
  }
});
