import type { ErrorCode, ErrorIssue } from '@fulcrum/shared';

const statusOf: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  BODY_TOO_LARGE: 413,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_DISABLED: 403,
  RATE_LIMITED: 429,
  CSRF_REJECTED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DUPLICATE_USCC: 409,
  DUPLICATE_RESIDENT_ID: 409,
  DUPLICATE_USERNAME: 409,
  ALREADY_EMPLOYED: 409,
  EMPLOYMENT_ENDED: 409,
  ROLE_NOT_ALLOWED_FOR_ORGANISATION: 400,
  WRONG_PASSWORD: 400,
  PASSWORD_POLICY: 400,
  IMPORT_INVALID: 400,
  /** A workflow transition not allowed from the record's current state (details: currentState, allowed). */
  INVALID_TRANSITION: 409,
  /** The record changed state between reading and writing it (another officer acted first). */
  STALE_STATE: 409,
  /** An upload whose content is not one of the accepted types (detected from its bytes, not its name). */
  UNSUPPORTED_FILE_TYPE: 415,
  /** The subject cannot move on: its public notice period has not ended. */
  NOTICE_NOT_ENDED: 409,
  /** The subject cannot move on: an objection to its notice has no outcome yet. */
  OBJECTIONS_UNHANDLED: 409,
  /** An objection filed outside the notice period. */
  NOTICE_CLOSED: 409,
  QUOTA_FULL: 409,
  /** An occupation or level outside a training centre's certified scope. */
  OUTSIDE_SCOPE: 422,
  /** A suspended, revoked or expired training centre has lost its rights. */
  CENTRE_NOT_ACTIVE: 409,
  NOT_READY: 503,
  /** No subsidy policy of the class's region and year is in force yet. */
  NO_SUBSIDY_POLICY: 409,
  /** A claim cannot move on while a check's finding has no resolution (details: open). */
  FINDINGS_UNRESOLVED: 409,
  /** A person who may not join an apprenticeship class (not an employee, contract under a year …). */
  APPRENTICE_NOT_ELIGIBLE: 422,
  /** The person is already on the roster of another open apprenticeship class. */
  ALREADY_IN_OPEN_CLASS: 409,
  /** The class already has an open claim of that kind. */
  CLAIM_EXISTS: 409,
  /** A settlement needs the class completed (every apprentice assessed or gone). */
  CLASS_NOT_COMPLETED: 409,
  /** An xAPI request without a supported X-Experience-API-Version header. */
  XAPI_VERSION: 400,
  /** If-Match / If-None-Match did not hold for the document's current ETag. */
  PRECONDITION_FAILED: 412,
  INTERNAL: 500,
};

/** The one error type domain code throws; the app's error handler turns it into `{ error: { code, message, details } }`. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.status = statusOf[code];
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);
export const forbidden = (message = 'your role may not do this') => new AppError('FORBIDDEN', message);

/** A 400 naming the fields at fault, for checks that need the database (so cannot live in the zod contract). */
export function invalid(issues: ErrorIssue[]): AppError {
  return new AppError('VALIDATION_FAILED', issues.map((i) => `${i.path}: ${i.message}`).join('; '), { issues });
}
