import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { DataDirLockedError, openDatabase } from './db/client.ts';
import { seedReference } from './modules/reference/seed.ts';
import { ensureBootstrapAdmin } from './modules/users/service.ts';

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
const admin = await ensureBootstrapAdmin(database.db, config.bootstrapAdminPassword, new Date());

const app = await buildApp({ database, config });
const shutdown = async (signal: string) => {
  app.log.info({ signal }, 'shutting down');
  await app.close();
  await database.close();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ port: config.port, host: config.host });
const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
console.log(`\nFulcrum 支点 is serving on http://localhost:${config.port}  ·  API docs: http://localhost:${config.port}/api/docs  ·  database: ${where}`);
if (admin) {
  console.log(
    `First start: created the system administrator\n  username: ${admin.username}\n  password: ${admin.password}` +
      (admin.generated ? '\n  (generated; shown only now — set ADMIN_PASSWORD before the first start to choose it)' : ''),
  );
}
