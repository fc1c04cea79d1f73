import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, memberships } from '../../db/schema/index.ts';
import { MINUTE, HOUR } from '../../lib/clock.ts';
import { buildTestApp, Client, createOrganisation, createUser, TEST_PASSWORD, type TestApp } from '../../test/app.ts';

let t: TestApp;
let orgId: string;
let otherOrgId: string;

beforeAll(async () => {
  t = await buildTestApp();
  orgId = (await createOrganisation(t.db, { type: 'enterprise' })).id;
  otherOrgId = (await createOrganisation(t.db, { type: 'chamber' })).id;
});
afterAll(() => t.close());

describe('login and logout', () => {
  it('signs in with the right password and out again', async () => {
    const { user } = await createUser(t.db, orgId, 'enterprise_admin');
    const client = new Client(t.app);
    expect((await client.get('/api/v1/auth/session')).statusCode).toBe(401);
    const login = await client.post('/api/v1/auth/login', { username: user.username, password: TEST_PASSWORD });
    expect(login.statusCode).toBe(200);
    const cookie = login.cookies.find((c) => c.name === 'fulcrum_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(login.json().activeMembership.role).toBe('enterprise_admin');
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.entityId, user.id));
    expect(entry).toMatchObject({ action: 'login', actorUserId: user.id, actorRole: 'enterprise_admin', organisationId: orgId });
    const session = await client.get('/api/v1/auth/session');
    expect(session.statusCode).toBe(200);
    expect(session.json().user.username).toBe(user.username);
    expect((await client.post('/api/v1/auth/logout')).statusCode).toBe(200);
    const after = await new Client(t.app).request({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: `fulcrum_session=${cookie.value}` } });
    expect(after.statusCode).toBe(401);
  });

  it('answers a wrong password and an unknown username identically', async () => {
    const { user } = await createUser(t.db, orgId, 'employee');
    const wrong = await new Client(t.app).post('/api/v1/auth/login', { username: user.username, password: 'Wrong-password-1' });
    const unknown = await new Client(t.app).post('/api/v1/auth/login', { username: 'nobody-here', password: 'Wrong-password-1' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('counts parallel wrong passwords one by one, so a burst of guesses locks the account', async () => {
    const { user } = await createUser(t.db, orgId, 'employee');
    const client = new Client(t.app);
    const codes = await Promise.all(
      Array.from({ length: 8 }, () => client.post('/api/v1/auth/login', { username: user.username, password: 'Wrong-password-1' }).then((r) => r.statusCode)),
    );
    expect(codes.filter((c) => c === 423).length).toBeGreaterThanOrEqual(1);
    expect((await client.post('/api/v1/auth/login', { username: user.username, password: TEST_PASSWORD })).statusCode).toBe(423);
    t.clock.advance(15 * MINUTE + 1000);
  });

  it('locks the account for 15 minutes after 5 failures, even for the right password, then lets it in', async () => {
    const { user } = await createUser(t.db, orgId, 'employee');
    const client = new Client(t.app);
    for (let i = 0; i < 4; i++) {
      expect((await client.post('/api/v1/auth/login', { username: user.username, password: 'Wrong-password-1' })).statusCode).toBe(401);
    }
    const fifth = await client.post('/api/v1/auth/login', { username: user.username, password: 'Wrong-password-1' });
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.code).toBe('ACCOUNT_LOCKED');
    const right = await client.post('/api/v1/auth/login', { username: user.username, password: TEST_PASSWORD });
    expect(right.statusCode).toBe(423);
    const lockEntries = await t.db.select().from(auditLog).where(eq(auditLog.entityId, user.id));
    expect(lockEntries.map((e) => e.action)).toContain('lock');
    t.clock.advance(15 * MINUTE + 1000);
    expect((await client.post('/api/v1/auth/login', { username: user.username, password: TEST_PASSWORD })).statusCode).toBe(200);
  });

  it('rate-limits login attempts per address', async () => {
    const limited = await buildTestApp({ loginRateLimitPerMinute: 3 });
    try {
      const client = new Client(limited.app);
      const codes = [];
      for (let i = 0; i < 4; i++) codes.push((await client.post('/api/v1/auth/login', { username: 'x-user', password: 'Wrong-password-1' })).statusCode);
      expect(codes).toEqual([401, 401, 401, 429]);
      const last = await client.post('/api/v1/auth/login', { username: 'x-user', password: 'Wrong-password-1' });
      expect(last.json().error.code).toBe('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });
});

describe('session expiry', () => {
  it('expires after 30 idle minutes', async () => {
    const { user } = await createUser(t.db, orgId, 'employee');
    const client = await new Client(t.app).login(user.username);
    t.clock.advance(29 * MINUTE);
    expect((await client.get('/api/v1/auth/session')).statusCode).toBe(200);
    t.clock.advance(29 * MINUTE);
    expect((await client.get('/api/v1/auth/session')).statusCode).toBe(200);
    t.clock.advance(31 * MINUTE);
    const expired = await client.get('/api/v1/auth/session');
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('SESSION_EXPIRED');
  });

  it('expires 12 hours after login however active the user is', async () => {
    const { user } = await createUser(t.db, orgId, 'employee');
    const client = await new Client(t.app).login(user.username);
    // 35 × 20 min = 11 h 40 min: still valid; the 36th step reaches 12 h.
    for (let i = 0; i < (12 * HOUR) / (20 * MINUTE) - 1; i++) {
      t.clock.advance(20 * MINUTE);
      expect((await client.get('/api/v1/auth/session')).statusCode).toBe(200);
    }
    t.clock.advance(20 * MINUTE);
    expect((await client.get('/api/v1/auth/session')).json().error.code).toBe('SESSION_EXPIRED');
  });
});

describe('memberships', () => {
  it('switches between the memberships a user holds, and refuses one they do not', async () => {
    const { user } = await createUser(t.db, orgId, 'enterprise_admin');
    // Sign-in takes the oldest membership: made in the same millisecond as the first, the second could tie with it.
    const [second] = await t.db.insert(memberships).values({ userId: user.id, organisationId: otherOrgId, role: 'mediator', createdAt: new Date(Date.now() + 1000) }).returning();
    const stranger = await createUser(t.db, otherOrgId, 'chamber_admin');
    const client = await new Client(t.app).login(user.username);
    const before = (await client.get('/api/v1/auth/session')).json();
    expect(before.memberships).toHaveLength(2);
    expect(before.activeMembership.role).toBe('enterprise_admin');
    const switched = await client.post('/api/v1/auth/switch-membership', { membershipId: second!.id });
    expect(switched.statusCode).toBe(200);
    expect(switched.json().activeMembership).toMatchObject({ role: 'mediator', organisationId: otherOrgId });
    expect((await client.get('/api/v1/auth/session')).json().activeMembership.role).toBe('mediator');
    const refused = await client.post('/api/v1/auth/switch-membership', { membershipId: stranger.membership.id });
    expect(refused.statusCode).toBe(404);
  });
});

describe('change password', () => {
  it('checks the current password and the policy, then signs out other sessions', async () => {
    const { user } = await createUser(t.db, orgId, 'employee');
    const phone = await new Client(t.app).login(user.username);
    const laptop = await new Client(t.app).login(user.username);
    const wrong = await laptop.post('/api/v1/auth/change-password', { currentPassword: 'nope', newPassword: 'Another-pass-2026' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.issues[0].path).toBe('body.currentPassword');
    const weak = await laptop.post('/api/v1/auth/change-password', { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details.issues.map((i: { code: string }) => i.code)).toEqual(['PASSWORD_TOO_SHORT', 'PASSWORD_TOO_FEW_CLASSES']);
    const ok = await laptop.post('/api/v1/auth/change-password', { currentPassword: TEST_PASSWORD, newPassword: 'Another-pass-2026' });
    expect(ok.statusCode).toBe(200);
    expect((await laptop.get('/api/v1/auth/session')).statusCode).toBe(200);
    expect((await phone.get('/api/v1/auth/session')).statusCode).toBe(401);
    expect((await new Client(t.app).post('/api/v1/auth/login', { username: user.username, password: TEST_PASSWORD })).statusCode).toBe(401);
    await new Client(t.app).login(user.username, 'Another-pass-2026');
  });

  it('counts wrong current passwords too: the fifth locks the account and ends its sessions', async () => {
    const { user } = await createUser(t.db, orgId, 'employee');
    const client = await new Client(t.app).login(user.username);
    for (let i = 0; i < 4; i++) {
      expect((await client.post('/api/v1/auth/change-password', { currentPassword: 'Guess-number-1', newPassword: 'Another-pass-2026' })).statusCode).toBe(400);
    }
    const fifth = await client.post('/api/v1/auth/change-password', { currentPassword: 'Guess-number-1', newPassword: 'Another-pass-2026' });
    expect(fifth.statusCode).toBe(423);
    expect((await client.get('/api/v1/auth/session')).statusCode).toBe(401);
    expect((await new Client(t.app).post('/api/v1/auth/login', { username: user.username, password: TEST_PASSWORD })).statusCode).toBe(423);
    t.clock.advance(15 * MINUTE + 1000);
  });

  it('remembers the language per user', async () => {
    const { user } = await createUser(t.db, orgId, 'employee');
    const client = await new Client(t.app).login(user.username);
    expect((await client.put('/api/v1/auth/preferences', { locale: 'en-US' })).statusCode).toBe(200);
    const again = await new Client(t.app).login(user.username);
    expect((await again.get('/api/v1/auth/session')).json().user.locale).toBe('en-US');
  });
});

describe('CSRF', () => {
  it('refuses mutating requests without the custom header or from another origin', async () => {
    const { user } = await createUser(t.db, orgId, 'employee');
    const client = await new Client(t.app).login(user.username);
    const noHeader = await client.request({ method: 'PUT', url: '/api/v1/auth/preferences', payload: { locale: 'en-US' }, csrf: false });
    expect(noHeader.statusCode).toBe(403);
    expect(noHeader.json().error.code).toBe('CSRF_REJECTED');
    const foreign = await client.request({ method: 'PUT', url: '/api/v1/auth/preferences', payload: { locale: 'en-US' }, headers: { origin: 'https://evil.example' } });
    expect(foreign.statusCode).toBe(403);
    const crossSite = await client.request({ method: 'PUT', url: '/api/v1/auth/preferences', payload: { locale: 'en-US' }, headers: { 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.statusCode).toBe(403);
    const sameOrigin = await client.request({ method: 'PUT', url: '/api/v1/auth/preferences', payload: { locale: 'en-US' }, headers: { origin: 'http://localhost:80', host: 'localhost:80' } });
    expect(sameOrigin.statusCode).toBe(200);
  });
});
