import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testDatabaseUrl } from '../config.ts';
import { openPostgres } from './client.ts';

/*
 * A PostgreSQL server may end an idle connection at any time (a restart, an administrator, a dropped database).
 * The server process must survive it and carry on with a fresh connection.
 */
describe.skipIf(!testDatabaseUrl())('the PostgreSQL pool', () => {
  it('survives the server ending an idle connection and serves the next query on a new one', async () => {
    const database = openPostgres(testDatabaseUrl()!);
    const uncaught: unknown[] = [];
    const record = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', record);
    try {
      const first = await database.db.execute(sql`select pg_backend_pid() as pid`);
      const pid = (first as unknown as { rows: { pid: number }[] }).rows[0]!.pid;
      const other = openPostgres(testDatabaseUrl()!);
      await other.db.execute(sql`select pg_terminate_backend(${pid})`);
      await other.close();
      await new Promise((resolve) => setTimeout(resolve, 200));
      const next = await database.db.execute(sql`select pg_backend_pid() as pid`);
      expect((next as unknown as { rows: { pid: number }[] }).rows[0]!.pid).not.toBe(pid);
      expect(uncaught).toEqual([]);
    } finally {
      process.off('uncaughtException', record);
      await database.close();
    }
  });
});
