import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { asc } from 'drizzle-orm';
import { auditLog, organisations } from './schema/index.ts';
import { backupDatabase, restoreDatabase } from './backup.ts';
import { syntheticUscc } from '../lib/synthetic-ids.ts';
import { buildTestApp, Client, createOrganisation, createUser, type TestApp } from '../test/app.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fulcrum-backup-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function snapshot(t: TestApp) {
  return {
    organisations: await t.db.select().from(organisations).orderBy(asc(organisations.id)),
    audit: await t.db.select().from(auditLog).orderBy(asc(auditLog.id)),
  };
}

async function registerEnterprise(t: TestApp, serial: number) {
  const department = await createOrganisation(t.db, { type: 'government_department' });
  const { user } = await createUser(t.db, department.id, 'department_officer');
  const client = await new Client(t.app).login(user.username);
  const response = await client.post('/api/v1/organisations', {
    type: 'enterprise', regionId: 'baodi', name: `备份测试企业${serial}`, uscc: syntheticUscc(serial), industryDivision: '36', size: 'small',
  });
  expect(response.statusCode).toBe(201);
}

describe('backup and restore', () => {
  it('restores a backup to exactly the rows it was taken from', async () => {
    const dataDir = path.join(tmp, 'data');
    const file = path.join(tmp, 'backup.bin');
    let t = await buildTestApp({ dataDir });
    await registerEnterprise(t, 1);
    const before = await snapshot(t);
    expect(before.organisations.length).toBeGreaterThan(0);
    expect(before.audit.length).toBeGreaterThan(0);

    if (t.databaseUrl) {
      // PostgreSQL: pg_dump while the server runs, change the data, pg_restore over it.
      await backupDatabase({ databaseUrl: t.databaseUrl, dataDir }, file);
      await registerEnterprise(t, 2);
      expect((await snapshot(t)).organisations.length).toBeGreaterThan(before.organisations.length);
      await restoreDatabase({ databaseUrl: t.databaseUrl, dataDir }, file);
      expect(await snapshot(t)).toEqual(before);
      await t.close();
      return;
    }

    // Embedded PGlite: the folder is locked while the app runs, so back up between runs; the data persists across restarts.
    await t.close();
    await backupDatabase({ databaseUrl: undefined, dataDir }, file);
    expect(fs.statSync(file).size).toBeGreaterThan(1000);
    t = await buildTestApp({ dataDir });
    expect(await snapshot(t)).toEqual(before);
    await registerEnterprise(t, 2);
    expect((await snapshot(t)).organisations.length).toBeGreaterThan(before.organisations.length);
    await t.close();
    await restoreDatabase({ databaseUrl: undefined, dataDir }, file);
    t = await buildTestApp({ dataDir });
    expect(await snapshot(t)).toEqual(before);
    await t.close();
    expect(fs.readdirSync(dataDir).some((f) => f.startsWith('pgdata.before-restore-'))).toBe(true);
  }, 120_000);
});
