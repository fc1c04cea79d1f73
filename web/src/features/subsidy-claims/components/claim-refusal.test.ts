import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api.ts';
import { claimRefusal } from './claim-refusal.ts';

const refused = (code: string, details?: Record<string, unknown>) => new ApiError(409, code, 'refused', details);

describe('claimRefusal', () => {
  it('counts the open findings when approval is refused', () => {
    expect(claimRefusal(refused('FINDINGS_UNRESOLVED', { open: 2 }))).toEqual({ key: 'subsidyClaims.codes.FINDINGS_UNRESOLVED_COUNT', values: { count: 2 }, toNotice: false });
    expect(claimRefusal(refused('FINDINGS_UNRESOLVED'))?.key).toBe('subsidyClaims.codes.FINDINGS_UNRESOLVED');
  });
  it('names the day the notice ends', () => {
    expect(claimRefusal(refused('NOTICE_NOT_ENDED', { endsOn: '2026-10-12' }))).toEqual({ key: 'subsidyClaims.codes.NOTICE_NOT_ENDED_ON', values: { date: '2026-10-12' }, toNotice: false });
    expect(claimRefusal(refused('NOTICE_NOT_ENDED'))?.key).toBe('subsidyClaims.codes.NOTICE_NOT_ENDED');
  });
  it('sends open objections to the notice', () => {
    expect(claimRefusal(refused('OBJECTIONS_UNHANDLED', { open: 1 }))).toEqual({ key: 'subsidyClaims.codes.OBJECTIONS_UNHANDLED_COUNT', values: { count: 1 }, toNotice: true });
  });
  it('tells an upheld objection from another conflict', () => {
    expect(claimRefusal(refused('CONFLICT', { upheldObjection: true }))).toEqual({ key: 'subsidyClaims.codes.UPHELD_OBJECTION', toNotice: true });
    expect(claimRefusal(refused('CONFLICT'))?.key).toBe('subsidyClaims.codes.CONFLICT');
  });
  it('leaves other errors to the app', () => {
    expect(claimRefusal(new ApiError(403, 'FORBIDDEN', 'no'))).toBeNull();
    expect(claimRefusal(new Error('network'))).toBeNull();
  });
});
