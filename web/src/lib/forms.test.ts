import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n/index.ts';
import { ApiError } from './api.ts';
import { errorText } from './forms.ts';

describe('errorText', () => {
  const t = i18n.getFixedT('en-US');
  it('uses the text of a known code', () => {
    expect(errorText(t, new ApiError(503, 'NOT_READY', 'the database does not answer'))).toBe('The service is not available yet; please try again later');
  });
  it('falls back to a translated generic text, never the server message or status text', () => {
    const text = errorText(t, new ApiError(418, 'SOMETHING_NEW', "I'm a teapot"));
    expect(text).toBe('The request failed (error 418); please try again later');
    expect(text).not.toContain('teapot');
    expect(errorText(i18n.getFixedT('zh-CN'), new ApiError(418, 'SOMETHING_NEW', "I'm a teapot"))).toContain('418');
  });
  it('calls anything else a network problem', () => {
    expect(errorText(t, new TypeError('Failed to fetch'))).toBe('Network problem; please try again');
  });
});
