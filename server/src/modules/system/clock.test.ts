import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog } from '../../db/schema/index.ts';
import { ShiftableClock } from '../../lib/clock.ts';
import { buildTestApp, createOrganisation, signIn, type TestApp } from '../../test/app.ts';

const DAY = 86_400_000;

describe('the shiftable clock (SHIFTABLE_CLOCK=1)', () => {
  let t: TestApp;
  let plain: TestApp;
  const clock = new ShiftableClock();
  beforeAll(async () => {
    t = await buildTestApp({ shiftableClock: clock });
    plain = await buildTestApp();
  });
  afterAll(async () => {
    await t.close();
    await plain.close();
  });

  it('lets a system admin move the clock forward, audited, and the server dates follow it', async () => {
    const gov = await createOrganisation(t.db, { type: 'government_department', regionId: 'baodi' });
    const admin = await signIn(t, gov.id, 'system_admin');
    const res = await admin.post('/api/v1/system/clock/advance', { days: 10 });
    expect(res.statusCode).toBe(200);
    expect(res.json().offsetDays).toBe(10);
    expect(Math.abs(Date.parse(res.json().now) - (Date.now() + 10 * DAY))).toBeLessThan(60_000);
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.entityId, 'clock'));
    expect(entry?.action).toBe('advance');
    // The audit entry itself is stamped with the shifted time.
    expect(entry!.at.getTime()).toBeGreaterThan(Date.now() + 9 * DAY);
  });

  it('refuses other roles and backward moves', async () => {
    const gov = await createOrganisation(t.db, { type: 'government_department', regionId: 'baodi' });
    const officer = await signIn(t, gov.id, 'department_officer');
    expect((await officer.post('/api/v1/system/clock/advance', { days: 1 })).statusCode).toBe(403);
    const admin = await signIn(t, gov.id, 'system_admin');
    const bad = await admin.post('/api/v1/system/clock/advance', { days: -1 });
    expect(bad.statusCode).toBe(400);
    expect((await admin.get('/api/v1/system/clock')).json().offsetDays).toBe(10);
  });

  it('does not exist on a normal server', async () => {
    const gov = await createOrganisation(plain.db, { type: 'government_department', regionId: 'baodi' });
    const admin = await signIn(plain, gov.id, 'system_admin');
    expect((await admin.post('/api/v1/system/clock/advance', { days: 1 })).statusCode).toBe(404);
  });
});
