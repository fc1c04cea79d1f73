import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import type { OrganisationType, Role } from '@fulcrum/shared';
import { buildApp, CSRF_HEADER, CSRF_HEADER_VALUE } from '../app.ts';
import { testDatabaseUrl } from '../config.ts';
import { openPglite, openPostgres, type Database, type Db } from '../db/client.ts';
import { memberships, organisations, users } from '../db/schema/index.ts';
import { ManualClock, type ShiftableClock } from '../lib/clock.ts';
import { hashPassword } from '../modules/auth/passwords.ts';
import { SESSION_COOKIE } from '../modules/auth/sessions.ts';
import { seedReference } from '../modules/reference/seed.ts';

export const TEST_PASSWORD = 'Test-password-2026';
/** The public address test apps serve at: Fulcrum's activity and verb IRIs start with it. */
export const TEST_PUBLIC_URL = 'http://fulcrum.test';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  db: Db;
  clock: ManualClock;
  /** The PostgreSQL URL of this file's database, when running on PostgreSQL. */
  databaseUrl: string | undefined;
  /** The app's data folder (uploaded files under blobs/). */
  dataDir: string;
  close(): Promise<void>;
}

/** A fresh PostgreSQL database on the TEST_DATABASE_URL server, dropped by the returned function. */
async function createPostgresDatabase(serverUrl: string) {
  const name = `fulcrum_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/**
 * The app on its own database with migrations applied: in-memory PGlite (or file-backed in dataDir),
 * or a fresh PostgreSQL database when TEST_DATABASE_URL is set.
 */
export async function buildTestApp(
  options: { dataDir?: string; loginRateLimitPerMinute?: number; objectionRateLimitPerHour?: number; clock?: ManualClock; /** Serve with this clock and its shifting routes instead. */ shiftableClock?: ShiftableClock } = {},
): Promise<TestApp> {
  const serverUrl = testDatabaseUrl();
  const pgDatabase = serverUrl ? await createPostgresDatabase(serverUrl) : undefined;
  const database = pgDatabase ? openPostgres(pgDatabase.url) : await openPglite(options.dataDir);
  await database.migrate();
  await seedReference(database.db);
  const clock = options.clock ?? new ManualClock();
  // Uploaded files go to a folder of this test app's own (removed on close) unless the test gives a data folder.
  const tempDir = options.dataDir ? undefined : await fs.mkdtemp(path.join(os.tmpdir(), 'fulcrum-test-'));
  const app = await buildApp({
    database,
    clock: options.shiftableClock ?? clock,
    shiftableClock: options.shiftableClock,
    logger: false,
    config: {
      logLevel: 'silent',
      trustProxy: false,
      allowedOrigins: [],
      loginRateLimitPerMinute: options.loginRateLimitPerMinute ?? 10_000,
      objectionRateLimitPerHour: options.objectionRateLimitPerHour ?? 10_000,
      webDist: path.join(import.meta.dirname, 'no-web-dist'),
      dataDir: options.dataDir ?? tempDir!,
      publicUrl: TEST_PUBLIC_URL,
    },
  });
  return {
    app,
    database,
    db: database.db,
    clock,
    databaseUrl: pgDatabase?.url,
    dataDir: options.dataDir ?? tempDir!,
    close: async () => {
      await app.close();
      await database.close();
      await pgDatabase?.drop();
      if (tempDir) await fs.rm(tempDir, { recursive: true, force: true });
    },
  };
}

let passwordHash: Promise<string> | undefined;
let counter = 0;

/** Factory: an organisation straight in the database. */
export async function createOrganisation(
  db: Db,
  values: { type: OrganisationType; regionId?: string; name?: string; uscc?: string | null; stateOwned?: boolean },
) {
  counter++;
  const [org] = await db
    .insert(organisations)
    .values({
      type: values.type,
      regionId: values.regionId ?? 'baodi',
      name: values.name ?? `测试${values.type}${counter}`,
      uscc: values.uscc ?? null,
      stateOwned: values.stateOwned ?? false,
      departmentKind: values.type === 'government_department' ? 'hrss' : null,
      industryDivision: values.type === 'enterprise' ? '36' : null,
      size: values.type === 'enterprise' ? 'medium' : null,
    })
    .returning();
  return org!;
}

/** Factory: a user holding one role in an organisation, with TEST_PASSWORD. */
export async function createUser(db: Db, organisationId: string, role: Role, username?: string) {
  counter++;
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const [user] = await db
    .insert(users)
    .values({ username: username ?? `${role.replace(/_/g, '-')}-${counter}`, displayName: `${role} ${counter}`, passwordHash: await passwordHash })
    .returning();
  const [membership] = await db.insert(memberships).values({ userId: user!.id, organisationId, role }).returning();
  return { user: user!, membership: membership! };
}

/** A signed-in HTTP client: keeps the session cookie and sends the CSRF header on every request. */
export class Client {
  cookie: string | undefined;
  constructor(private app: FastifyInstance) {}

  async request(options: InjectOptions & { csrf?: boolean }): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...(options.headers as Record<string, string>) };
    if (options.csrf !== false) headers[CSRF_HEADER] = CSRF_HEADER_VALUE;
    if (this.cookie) headers.cookie = `${SESSION_COOKIE}=${this.cookie}`;
    const response = await this.app.inject({ ...options, headers });
    const set = response.cookies.find((c) => c.name === SESSION_COOKIE);
    if (set) this.cookie = set.value || undefined;
    return response;
  }
  get = (url: string) => this.request({ method: 'GET', url });
  post = (url: string, payload?: unknown) => this.request({ method: 'POST', url, payload: payload as InjectOptions['payload'] });
  patch = (url: string, payload?: unknown) => this.request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'] });
  put = (url: string, payload?: unknown) => this.request({ method: 'PUT', url, payload: payload as InjectOptions['payload'] });

  async login(username: string, password = TEST_PASSWORD) {
    const response = await this.post('/api/v1/auth/login', { username, password });
    if (response.statusCode !== 200) throw new Error(`login ${username} failed: ${response.statusCode} ${response.body}`);
    return this;
  }
}

/** Logs in as a fresh user with the role and returns the client. */
export async function signIn(t: TestApp, organisationId: string, role: Role) {
  const { user } = await createUser(t.db, organisationId, role);
  return new Client(t.app).login(user.username);
}
