import type { PGlite } from '@electric-sql/pglite';
import type { Logger } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type pg from 'pg';
import type { Db } from '../server/src/db/client.ts';
import * as schema from '../server/src/db/schema/index.ts';
import { listStatements, parseStatementQuery } from '../server/src/modules/xapi/statement-query.ts';
import type { LrsPrincipal } from '../server/src/modules/xapi/types.ts';
import type { Tenant } from './database.ts';

/** One SQL statement as the store sends it: its text and parameters. */
export interface SentSql {
  text: string;
  params: unknown[];
}

/**
 * The SQL the store sends for one GET /xapi/statements query, caught by running the store's own query code once on a
 * logging connection. The baseline then sends exactly these statements, with each case's agent key and `since` in
 * place of the first case's, directly to the database: the difference to the HTTP figure is everything but SQL.
 */
export async function storeQuerySql(
  connection: { pool: pg.Pool } | { pglite: PGlite },
  tenant: Tenant,
  first: { query: Record<string, string>; agentKey: string; since: string },
): Promise<(agentKey: string, since: string) => SentSql[]> {
  const sent: SentSql[] = [];
  const logger: Logger = { logQuery: (text, params) => void sent.push({ text, params }) };
  const db = ('pool' in connection ? drizzlePg({ client: connection.pool, schema, logger }) : drizzlePglite({ client: connection.pglite, schema, logger })) as unknown as Db;
  const principal: LrsPrincipal = {
    organisationId: tenant.organisationId,
    canRead: true,
    canWrite: true,
    clientId: tenant.clientId,
    authority: tenant.authority,
    learner: null,
  };
  const parsed = parseStatementQuery(first.query, '2.0.0', principal);
  if (parsed.kind !== 'list') throw new Error('the benchmark query is not a statement list');
  await listStatements(db, tenant.organisationId, parsed);
  if (!sent.length) throw new Error('the store sent no SQL for the query');
  const sinceIso = new Date(first.since).toISOString();
  return (agentKey, since) =>
    sent.map(({ text, params }) => ({
      text,
      params: params.map((p) => (p === first.agentKey ? agentKey : p === sinceIso || p === first.since ? new Date(since).toISOString() : p)),
    }));
}
