import fs from 'node:fs';
import path from 'node:path';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import lockfile from 'proper-lockfile';
import * as schema from './schema/index.ts';
import { serverRoot } from '../paths.ts';

export type Schema = typeof schema;
/** The database every domain function takes: PGlite and node-postgres share this type, and so does a transaction. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
  /** The PGlite instance, for backups of the embedded database. */
  pglite?: PGlite;
}

export const migrationsFolder = path.join(serverRoot, 'src/db/migrations');

export class DataDirLockedError extends Error {
  constructor(dataDir: string) {
    super(
      `The data folder ${dataDir} is in use by another Fulcrum process. ` +
        'Stop that process, or set DATA_DIR to another folder. ' +
        '(If no other process is running, the lock goes stale within 10 seconds.)',
    );
  }
}

/** Takes the exclusive lock on DATA_DIR: PGlite takes none, and two processes on one folder lose data. */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    return await lockfile.lock(dataDir, {
      lockfilePath: path.join(dataDir, '.lock'),
      stale: 10_000,
      update: 2_000,
      retries: 0,
      realpath: false,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new DataDirLockedError(dataDir);
    throw error;
  }
}

export const pgliteDir = (dataDir: string) => path.join(dataDir, 'pgdata');

/** Embedded PostgreSQL: in memory when dataDir is undefined, else file-backed under DATA_DIR (locked). */
export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  const unlock = dataDir ? await lockDataDir(dataDir) : async () => {};
  try {
    const client = await PGlite.create({ dataDir: dataDir ? pgliteDir(dataDir) : undefined, loadDataDir, extensions: { pg_trgm } });
    const db = drizzlePglite({ client, schema }) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      pglite: client,
      migrate: async () => {
        await migratePglite(db as never, { migrationsFolder });
      },
      ping: async () => {
        await client.query('select 1');
      },
      close: async () => {
        await client.close();
        await unlock();
      },
    };
  } catch (error) {
    await unlock();
    throw error;
  }
}

export function openPostgres(url: string): Database {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server ends (a restart, a terminated backend, a dropped test database) is an 'error' event
  // on the pool; without a listener it would crash the process. The pool discards that connection and the next query
  // opens a fresh one, so there is nothing more to do here.
  pool.on('error', () => undefined);
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    migrate: async () => {
      await migratePg(db as never, { migrationsFolder });
    },
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => pool.end(),
  };
}

export function openDatabase(config: { databaseUrl: string | undefined; dataDir: string }): Promise<Database> {
  return config.databaseUrl ? Promise.resolve(openPostgres(config.databaseUrl)) : openPglite(config.dataDir);
}
