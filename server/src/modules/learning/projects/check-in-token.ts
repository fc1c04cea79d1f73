import { createHmac, timingSafeEqual } from 'node:crypto';

/*
 * The rotating QR token of an offline session: `<session id>.<time step>.<HMAC-SHA256 over both with the session's
 * secret>`. A new token appears every STEP_SECONDS; a token is accepted from its step's start until the step ends plus
 * GRACE_SECONDS (so a scan made just before the code changed still counts): at most 40 s old, within the 60 s bound.
 */

export const STEP_SECONDS = 30;
export const GRACE_SECONDS = 10;
const STEP_MS = STEP_SECONDS * 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const sign = (secret: string, sessionId: string, step: number) => createHmac('sha256', secret).update(`${sessionId}.${step}`).digest('base64url');

/** The token shown at an instant, with when the next one replaces it. */
export function issueToken(sessionId: string, secret: string, now: Date): { token: string; issuedAt: Date; expiresAt: Date } {
  const step = Math.floor(now.getTime() / STEP_MS);
  return { token: `${sessionId}.${step}.${sign(secret, sessionId, step)}`, issuedAt: new Date(step * STEP_MS), expiresAt: new Date((step + 1) * STEP_MS) };
}

/** The session a token names, without trusting it yet (null when it is not shaped like a token). */
export function parseToken(token: string): { sessionId: string; step: number; signature: string } | null {
  const [sessionId, stepText, signature, ...rest] = token.split('.');
  if (rest.length || !sessionId || !UUID.test(sessionId) || !stepText || !/^\d{1,12}$/.test(stepText) || !signature) return null;
  return { sessionId, step: Number(stepText), signature };
}

/** 'ok', 'invalid' (not signed with the secret, or from the future) or 'expired'. */
export function verifyToken(parsed: { sessionId: string; step: number; signature: string }, secret: string, now: Date): 'ok' | 'invalid' | 'expired' {
  const expected = Buffer.from(sign(secret, parsed.sessionId, parsed.step));
  const given = Buffer.from(parsed.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
  const startsAt = parsed.step * STEP_MS;
  if (now.getTime() < startsAt) return 'invalid';
  return now.getTime() <= startsAt + STEP_MS + GRACE_SECONDS * 1000 ? 'ok' : 'expired';
}
