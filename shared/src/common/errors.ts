import { z } from 'zod';

/** Every stable error code the API returns; the web app switches on these. */
export const errorCodes = [
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'UNSUPPORTED_MEDIA_TYPE',
  'BODY_TOO_LARGE',
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'RATE_LIMITED',
  'CSRF_REJECTED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'DUPLICATE_USCC',
  'DUPLICATE_RESIDENT_ID',
  'DUPLICATE_USERNAME',
  'ALREADY_EMPLOYED',
  'EMPLOYMENT_ENDED',
  'ROLE_NOT_ALLOWED_FOR_ORGANISATION',
  'WRONG_PASSWORD',
  'PASSWORD_POLICY',
  'IMPORT_INVALID',
  'INVALID_TRANSITION',
  'STALE_STATE',
  'UNSUPPORTED_FILE_TYPE',
  'NOTICE_NOT_ENDED',
  'OBJECTIONS_UNHANDLED',
  'NOTICE_CLOSED',
  'QUOTA_FULL',
  'OUTSIDE_SCOPE',
  'CENTRE_NOT_ACTIVE',
  'NOT_READY',
  'NO_SUBSIDY_POLICY',
  'FINDINGS_UNRESOLVED',
  'APPRENTICE_NOT_ELIGIBLE',
  'ALREADY_IN_OPEN_CLASS',
  'CLAIM_EXISTS',
  'CLASS_NOT_COMPLETED',
  'XAPI_VERSION',
  'PRECONDITION_FAILED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const errorIssue = z.object({
  path: z.string().describe('dotted path of the field at fault, e.g. body.uscc or rows.3.residentId'),
  code: z.string(),
  message: z.string(),
});
export type ErrorIssue = z.infer<typeof errorIssue>;

/** The one error shape: `{ error: { code, message, details } }`. */
export const errorResponse = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponse>;
