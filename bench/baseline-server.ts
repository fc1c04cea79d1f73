/**
 * The bare baseline app of `npm run bench`: Fastify with no plugins, no validation and no authorisation, on the same
 * database as the real server (a `pg.Pool` of the server's size, 10; or the PGlite folder once the server has
 * stopped), whose routes send only the primary-key reads each scenario's handler cannot do without. Started as a
 * child process by bench/run.ts (PORT, DATABASE_URL or DATA_DIR); the difference to the real figure is everything
 * else the server does.
 */
import { createHash } from 'node:crypto';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import { openPglite } from '../server/src/db/client.ts';
import { pgliteSql, pgSql, type Sql } from './database.ts';

/** The server's pool size (server/src/db/client.ts). */
export const SERVER_POOL_SIZE = 10;

/** The session behind a cookie with its user, membership and organisation: what the authentication hook reads. */
export const SESSION_READ =
  'select s.last_seen_at, s.absolute_expires_at, u.id, u.display_name, u.locale, u.disabled, u.person_id, m.id as membership_id, m.revoked_at, m.role, ' +
  'o.id as organisation_id, o.type, o.department_kind, o.region_id from sessions s join users u on u.id = s.user_id ' +
  'join memberships m on m.id = s.membership_id join organisations o on o.id = m.organisation_id where s.token_hash = $1';
/** The account a sign-in looks up by username (before argon2 verifies the password). */
export const USER_READ = 'select id, password_hash, disabled, failed_logins, locked_until, person_id from users where username = $1';
export const PERSON_READ = 'select id, name, resident_id, phone from people where id = $1';
export const LEARNER_PROFILE_READ = 'select department, role_profile_id from learner_profiles where organisation_id = $1 and person_id = $2';
export const NOTICE_READ = 'select id, title, starts_on, ends_on, status from public_notices where id = $1';

const tokenOf = (request: FastifyRequest) => /(?:^|;\s*)fulcrum_session=([^;]+)/.exec(request.headers.cookie ?? '')?.[1];
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The bare app over `sql`: one route per kind of baseline. */
export function bareApp(sql: Sql) {
  const app = Fastify({ logger: false });
  const session = async (request: FastifyRequest, reply: FastifyReply) => {
    const token = tokenOf(request);
    const [row] = token ? await sql.query<{ person_id: string | null; organisation_id: string }>(SESSION_READ, [sha256(token)]) : [];
    if (!row) void reply.status(401).send({ code: 'UNAUTHENTICATED' });
    return row;
  };
  app.get('/readyz', async () => ({ ok: true }));
  // Sign-in: the account by username (no argon2: that is the deliberate cost the real route adds).
  app.post<{ Body: { username?: string } }>('/bare/login', async (request, reply) => {
    const [user] = await sql.query(USER_READ, [request.body?.username ?? '']);
    return user ? { ok: true } : reply.status(401).send({ code: 'INVALID_CREDENTIALS' });
  });
  // Authenticated reads: the session only (course search, the claim queue) …
  app.get('/bare/session', async (request, reply) => {
    const row = await session(request, reply);
    return row ? { ok: true } : reply;
  });
  // … and the employee home: the session, the person and the learner profile.
  app.get('/bare/home', async (request, reply) => {
    const row = await session(request, reply);
    if (!row) return reply;
    const [person] = await sql.query(PERSON_READ, [row.person_id]);
    const [profile] = await sql.query(LEARNER_PROFILE_READ, [row.organisation_id, row.person_id]);
    return { person, profile };
  });
  // The public notice page: a notice by primary key, no session.
  app.get<{ Params: { id: string } }>('/bare/notices/:id', async (request, reply) => {
    const [notice] = await sql.query(NOTICE_READ, [request.params.id]);
    return notice ?? reply.status(404).send({ code: 'NOT_FOUND' });
  });
  return app;
}

async function main() {
  const port = Number(process.env.PORT);
  let sql: Sql;
  let close: () => Promise<void>;
  if (process.env.DATABASE_URL) {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: SERVER_POOL_SIZE });
    pool.on('error', () => undefined);
    sql = pgSql(pool);
    close = () => pool.end();
  } else {
    const database = await openPglite(process.env.DATA_DIR!);
    sql = pgliteSql(database.pglite as PGlite);
    close = () => database.close();
  }
  const app = bareApp(sql);
  await app.listen({ port, host: '127.0.0.1' });
  const stop = () => {
    void app
      .close()
      .then(close)
      .finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

if (process.env.BENCH_BASELINE_SERVER === '1') await main();
