import path from 'node:path';
import { serverRoot } from './paths.ts';

/** Everything the server reads from its environment; the only file that touches process.env. */
export interface Config {
  port: number;
  host: string;
  /** Folder of the embedded database, its lock and uploaded files. */
  dataDir: string;
  /** postgres://… switches from embedded PGlite to a real PostgreSQL server. */
  databaseUrl: string | undefined;
  logLevel: string;
  /** Trust X-Forwarded-* from a reverse proxy (needed for Secure cookies behind HTTPS). */
  trustProxy: boolean | number;
  /** Origins allowed on mutating requests besides the request's own host. */
  allowedOrigins: string[];
  loginRateLimitPerMinute: number;
  /** Objections to public notices one address may file per hour (lookups: three times as many). */
  objectionRateLimitPerHour: number;
  bootstrapAdminPassword: string | undefined;
  /** Load the synthetic demo district on the first start with an empty database (default with PGlite; DEMO=1 with DATABASE_URL; DEMO=0 never). */
  demo: boolean;
  webDist: string;
  /** SHIFTABLE_CLOCK=1: a system administrator may move the server's clock forward (demonstrations, browser tests). */
  shiftableClock: boolean;
  /** The address users reach this server at (no trailing slash): learning activities' and verbs' IRIs live under it. */
  publicUrl: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const root = path.resolve(serverRoot, '..');
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(root, env.DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    logLevel: env.LOG_LEVEL ?? 'info',
    // A number trusts that many proxy hops (so a client's own X-Forwarded-For cannot forge its address); true trusts all.
    trustProxy: /^\d+$/.test(env.TRUST_PROXY ?? '') ? Number(env.TRUST_PROXY) : env.TRUST_PROXY === 'true',
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    loginRateLimitPerMinute: Number(env.LOGIN_RATE_LIMIT ?? 20),
    objectionRateLimitPerHour: Number(env.OBJECTION_RATE_LIMIT ?? 10),
    bootstrapAdminPassword: env.ADMIN_PASSWORD || undefined,
    // On by default with the embedded database; with DATABASE_URL (a real installation) only when DEMO=1 is explicit.
    demo: env.DEMO === undefined || env.DEMO.trim() === '' ? !env.DATABASE_URL : !['0', 'false', 'no', 'off'].includes(env.DEMO.trim().toLowerCase()),
    webDist: path.resolve(root, 'web/dist'),
    shiftableClock: ['1', 'true', 'yes', 'on'].includes((env.SHIFTABLE_CLOCK ?? '').trim().toLowerCase()),
    publicUrl: (env.PUBLIC_URL?.trim() || `http://localhost:${env.PORT ?? 3000}`).replace(/\/+$/, ''),
  };
}

/** Read by the test helper only: a PostgreSQL server to create per-file test databases on. */
export function testDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.TEST_DATABASE_URL || undefined;
}
