import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Config } from '../config.ts';
import { lockDataDir, openPglite, openPostgres, pgliteDir, type Database, type Db } from '../db/client.ts';
import { seedReference } from '../modules/reference/seed.ts';
import { DEMO_SETTING } from './accounts.ts';
import { loadDemo, type DemoSummary, type LoadDemoOptions } from './generate.ts';

export class NotADemoError extends Error {
  constructor() {
    super('this database holds data that is not the demo district; refusing to wipe it (add --force to wipe it anyway)');
  }
}

/** True when the database is empty (no users) or holds the demo: only then may a reset wipe it without --force. */
async function isDemoOrEmpty(db: Db): Promise<boolean> {
  const result = await db.execute<{ users: string | null; settings: string | null }>(
    sql`select to_regclass('public.users')::text as users, to_regclass('public.system_settings')::text as settings`,
  );
  const tables = (result as unknown as { rows: { users: string | null; settings: string | null }[] }).rows[0];
  if (!tables?.users) return true;
  const users = await db.execute(sql`select 1 from users limit 1`);
  if (!(users as unknown as { rows: unknown[] }).rows.length) return true;
  if (!tables.settings) return false;
  const marker = await db.execute(sql`select 1 from system_settings where key = ${DEMO_SETTING}`);
  return (marker as unknown as { rows: unknown[] }).rows.length > 0;
}

async function migrateAndLoad(database: Database, options: LoadDemoOptions & { log?: (line: string) => void }) {
  options.log?.('applying migrations to a fresh database');
  await database.migrate();
  await seedReference(database.db);
  return loadDemo(database.db, options);
}

/**
 * Wipes the database and loads the demo district again. PGlite: under the DATA_DIR lock (so it refuses while a
 * server runs on that folder) the data folder is deleted, or moved aside when it held other data and --force
 * was given. PostgreSQL: the public and drizzle schemas are dropped and the migrations rerun (the audit trail is
 * append-only by trigger, so dropping is the only way to empty it).
 */
export async function resetDemo(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  options: LoadDemoOptions & { force?: boolean; log?: (line: string) => void },
): Promise<DemoSummary & { keptAt?: string }> {
  if (config.databaseUrl) {
    const database = openPostgres(config.databaseUrl);
    try {
      options.log?.('checking the database at DATABASE_URL');
      if (!options.force && !(await isDemoOrEmpty(database.db))) throw new NotADemoError();
      await database.db.execute(sql`drop schema if exists public cascade`);
      await database.db.execute(sql`create schema public`);
      await database.db.execute(sql`drop schema if exists drizzle cascade`);
      return await migrateAndLoad(database, options);
    } finally {
      await database.close();
    }
  }
  // Opening the current database takes the lock: a running server makes this throw DataDirLockedError.
  options.log?.(`checking the database in ${config.dataDir}`);
  const current = await openPglite(config.dataDir);
  let isDemo: boolean;
  try {
    isDemo = await isDemoOrEmpty(current.db);
  } finally {
    await current.close();
  }
  if (!isDemo && !options.force) throw new NotADemoError();
  const unlock = await lockDataDir(config.dataDir);
  let keptAt: string | undefined;
  try {
    const folder = pgliteDir(config.dataDir);
    if (isDemo) {
      fs.rmSync(folder, { recursive: true, force: true });
    } else {
      keptAt = `${folder}.before-reset-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      fs.renameSync(folder, keptAt);
    }
  } finally {
    await unlock();
  }
  const database = await openPglite(config.dataDir);
  try {
    return { ...(await migrateAndLoad(database, options)), keptAt };
  } finally {
    await database.close();
  }
}
