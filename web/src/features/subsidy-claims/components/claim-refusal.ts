import { ApiError } from '../../../lib/api.ts';

/** What to tell the officer when a step is refused: a text key with its values, and whether to offer the notice. */
export interface ClaimRefusal {
  key: string;
  values?: Record<string, string | number>;
  /** Objections are handled on the notice's page: offer the way there. */
  toNotice: boolean;
}

const ns = 'subsidyClaims.codes';

/**
 * Explains a refused approval or disbursement in words, from the error's code and details: open findings (how many),
 * a notice not ended (the day it ends), objections still open (how many; the notice's page handles them), an upheld
 * objection; the feature's text for a stale or changed state. Null: the app's text for the code will do.
 */
export function claimRefusal(error: unknown): ClaimRefusal | null {
  if (!(error instanceof ApiError)) return null;
  const details = error.details ?? {};
  switch (error.code) {
    case 'FINDINGS_UNRESOLVED':
      return typeof details.open === 'number'
        ? { key: `${ns}.FINDINGS_UNRESOLVED_COUNT`, values: { count: details.open }, toNotice: false }
        : { key: `${ns}.FINDINGS_UNRESOLVED`, toNotice: false };
    case 'NOTICE_NOT_ENDED':
      return typeof details.endsOn === 'string'
        ? { key: `${ns}.NOTICE_NOT_ENDED_ON`, values: { date: details.endsOn }, toNotice: false }
        : { key: `${ns}.NOTICE_NOT_ENDED`, toNotice: false };
    case 'OBJECTIONS_UNHANDLED':
      return typeof details.open === 'number'
        ? { key: `${ns}.OBJECTIONS_UNHANDLED_COUNT`, values: { count: details.open }, toNotice: true }
        : { key: `${ns}.OBJECTIONS_UNHANDLED`, toNotice: true };
    case 'CONFLICT':
      return details.upheldObjection === true ? { key: `${ns}.UPHELD_OBJECTION`, toNotice: true } : { key: `${ns}.CONFLICT`, toNotice: false };
    case 'INVALID_TRANSITION':
    case 'STALE_STATE':
      return { key: `${ns}.${error.code}`, toNotice: false };
    default:
      return null;
  }
}
