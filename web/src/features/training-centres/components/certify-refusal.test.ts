import { describe, expect, it } from 'vitest';
import { i18n } from '../../../i18n/index.ts';
import { ApiError } from '../../../lib/api.ts';
import '../i18n.ts';
import { certifyRefusal } from './certify-refusal.ts';

const zh = i18n.getFixedT('zh-CN');
const say = (error: unknown) => {
  const refusal = certifyRefusal(error);
  return refusal && zh(refusal.key, refusal.values);
};

describe('certifyRefusal', () => {
  it('names the day the notice period ends', () => {
    expect(say(new ApiError(409, 'NOTICE_NOT_ENDED', 'x', { endsOn: '2026-12-01' }))).toBe('公示期至 2026-12-01 结束，期满后才能认定');
  });
  it('says the batch was never published when there is no end date', () => {
    expect(say(new ApiError(409, 'NOTICE_NOT_ENDED', 'x', { endsOn: null }))).toBe('本批次尚未发布公示，不能认定');
  });
  it('counts the open objections and leads to the notice', () => {
    const refusal = certifyRefusal(new ApiError(409, 'OBJECTIONS_UNHANDLED', 'x', { open: 2 }));
    expect(refusal?.toNotice).toBe(true);
    expect(say(new ApiError(409, 'OBJECTIONS_UNHANDLED', 'x', { open: 2 }))).toBe('公示中还有 2 条异议未处理，处理完毕后才能认定');
    expect(certifyRefusal(new ApiError(409, 'NOTICE_NOT_ENDED', 'x', { endsOn: '2026-12-01' }))?.toNotice).toBe(false);
  });
  it('leaves other failures to the general error text', () => {
    expect(certifyRefusal(new ApiError(409, 'INVALID_TRANSITION', 'x', { currentState: 'certified' }))).toBeNull();
    expect(certifyRefusal(new TypeError('Failed to fetch'))).toBeNull();
  });
});
