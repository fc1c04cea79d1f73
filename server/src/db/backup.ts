import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { lockDataDir, openPglite, pgliteDir } from './client.ts';

const run = promisify(execFile);

export interface BackupTarget {
  databaseUrl: string | undefined;
  dataDir: string;
}

/** Writes a backup: PGlite's data directory as a gzipped tarball, or a pg_dump custom-format archive. */
export async function backupDatabase(target: BackupTarget, file: string): Promise<string> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  if (target.databaseUrl) {
    await run('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, target.databaseUrl]);
    return file;
  }
  const database = await openPglite(target.dataDir);
  try {
    const dump = await database.pglite!.dumpDataDir('gzip');
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await database.close();
  }
  return file;
}

/**
 * Restores a backup over the current database. For PGlite the current data folder is kept beside the
 * restored one (pgdata.before-restore-…) until you delete it.
 */
export async function restoreDatabase(target: BackupTarget, file: string): Promise<void> {
  if (!fs.existsSync(file)) throw new Error(`no backup file ${file}`);
  if (target.databaseUrl) {
    await run('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', `--dbname=${target.databaseUrl}`, file]);
    return;
  }
  const unlock = await lockDataDir(target.dataDir);
  const current = pgliteDir(target.dataDir);
  if (fs.existsSync(current)) fs.renameSync(current, `${current}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  await unlock();
  const database = await openPglite(target.dataDir, new Blob([fs.readFileSync(file)]));
  await database.ping();
  await database.close();
}

export const defaultBackupFile = (dataDir: string, kind: 'pglite' | 'postgres') =>
  path.join(dataDir, '..', 'backups', `fulcrum-${new Date().toISOString().replace(/[:.]/g, '-')}.${kind === 'pglite' ? 'tar.gz' : 'pgdump'}`);
