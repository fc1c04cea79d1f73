import { ApiError } from '../../../lib/api.ts';

/** What to tell the reviewer when certifying a batch is refused: a text key with its values, and whether to offer the notice. */
export interface CertifyRefusalText {
  key: string;
  values?: Record<string, string | number>;
  /** Objections are handled on the notice's page: offer the way there. */
  toNotice: boolean;
}

/**
 * Explains a refused certification in words: the notice period has not ended (with the day it ends, or that the batch
 * was never published), objections are still open (how many), or the feature's text for any other code (null: the app's).
 */
export function certifyRefusal(error: unknown): CertifyRefusalText | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code === 'NOTICE_NOT_ENDED') {
    const endsOn = typeof error.details?.endsOn === 'string' ? error.details.endsOn : null;
    return endsOn
      ? { key: 'trainingCentres.codes.NOTICE_NOT_ENDED_ON', values: { date: endsOn }, toNotice: false }
      : { key: 'trainingCentres.codes.NOTICE_NOT_PUBLISHED', toNotice: false };
  }
  if (error.code === 'OBJECTIONS_UNHANDLED') {
    const open = typeof error.details?.open === 'number' ? error.details.open : null;
    return open === null
      ? { key: 'trainingCentres.codes.OBJECTIONS_UNHANDLED', toNotice: true }
      : { key: 'trainingCentres.codes.OBJECTIONS_UNHANDLED_COUNT', values: { count: open }, toNotice: true };
  }
  return null;
}
