import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, openPglite } from './client.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fulcrum-lock-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('the DATA_DIR lock', () => {
  it('refuses a second opener of the same folder, in this process and in another, until the first closes', async () => {
    const dataDir = path.join(tmp, 'data');
    const first = await openPglite(dataDir);
    await expect(openPglite(dataDir)).rejects.toBeInstanceOf(DataDirLockedError);

    const server = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, '../main.ts')], {
      env: { ...process.env, DATA_DIR: dataDir, PORT: '0', DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(server.status).toBe(1);
    expect(server.stderr).toContain('is in use by another Fulcrum process');

    await first.close();
    const second = await openPglite(dataDir);
    await second.ping();
    await second.close();
  }, 120_000);
});
