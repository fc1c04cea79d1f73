import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { ShiftableClock, systemClock } from './lib/clock.ts';
import { startJobs } from './lib/jobs.ts';
import { DataDirLockedError, openDatabase } from './db/client.ts';
import { loadDemo, type DemoSummary } from './demo/generate.ts';
import { demoBanner, terminalProgress } from './demo/progress.ts';
import { seedReference } from './modules/reference/seed.ts';
import { jobs } from './modules/system/jobs.ts';
import { ensureBootstrapAdmin, hasAnyUser } from './modules/users/service.ts';

const config = loadConfig();
let database;
try {
  database = await openDatabase(config);
} catch (error) {
  if (error instanceof DataDirLockedError) {
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
await database.migrate();
await seedReference(database.db);

// An empty database gets the demo district (unless DEMO=0) or, without it, the first administrator.
let admin: Awaited<ReturnType<typeof ensureBootstrapAdmin>> = null;
let demo: { summary: DemoSummary; seconds: number } | undefined;
if (config.demo && !(await hasAnyUser(database.db))) {
  const progress = terminalProgress('Loading the demo district');
  const started = performance.now();
  try {
    const summary = await loadDemo(database.db, { now: new Date(), onProgress: progress.onProgress, adminPassword: config.bootstrapAdminPassword, publicUrl: config.publicUrl });
    demo = { summary, seconds: (performance.now() - started) / 1000 };
  } finally {
    progress.stop();
  }
} else {
  admin = await ensureBootstrapAdmin(database.db, config.bootstrapAdminPassword, new Date());
}

const clock = config.shiftableClock ? new ShiftableClock() : undefined;
const app = await buildApp({ database, config, clock, shiftableClock: clock });
// Scheduled jobs run in the serving process only (never in tests or tools); decision 014.
const stopJobs = startJobs(jobs, { db: database.db, clock: clock ?? systemClock, publicUrl: config.publicUrl }, app.log);
const shutdown = async (signal: string) => {
  app.log.info({ signal }, 'shutting down');
  await stopJobs();
  await app.close();
  await database.close();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ port: config.port, host: config.host });
const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
console.log(`\nFulcrum 支点 is serving on http://localhost:${config.port}  ·  API docs: http://localhost:${config.port}/api/docs  ·  database: ${where}`);
if (clock) console.log('SHIFTABLE_CLOCK is on: a system administrator can move this server\'s clock forward (POST /api/v1/system/clock/advance).');
if (demo) console.log(`\n${demoBanner(demo.summary, demo.seconds, Boolean(config.bootstrapAdminPassword))}`);
if (admin) {
  console.log(
    `First start: created the system administrator\n  username: ${admin.username}\n  password: ${admin.password}` +
      (admin.generated ? '\n  (generated; shown only now — set ADMIN_PASSWORD before the first start to choose it)' : ''),
  );
}
