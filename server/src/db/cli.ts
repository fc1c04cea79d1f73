import { loadConfig } from '../config.ts';
import { DataDirLockedError, openDatabase } from './client.ts';
import { backupDatabase, defaultBackupFile, restoreDatabase } from './backup.ts';
import { seedReference } from '../modules/reference/seed.ts';

/** npm run db:migrate | db:backup [file] | db:restore <file> */
const [command, file] = process.argv.slice(2);
const config = loadConfig();
try {
  if (command === 'migrate') {
    const database = await openDatabase(config);
    await database.migrate();
    await seedReference(database.db);
    await database.close();
    console.log('migrations applied');
  } else if (command === 'backup') {
    const out = file ?? defaultBackupFile(config.dataDir, config.databaseUrl ? 'postgres' : 'pglite');
    await backupDatabase(config, out);
    console.log(`backup written to ${out}`);
  } else if (command === 'restore') {
    if (!file) throw new Error('usage: npm run db:restore -- <backup file>');
    await restoreDatabase(config, file);
    console.log(`restored from ${file}`);
  } else {
    throw new Error('usage: cli.ts migrate | backup [file] | restore <file>');
  }
} catch (error) {
  console.error(error instanceof DataDirLockedError ? `${error.message}\n(Stop the server before a backup or restore of the embedded database.)` : (error as Error).message);
  process.exit(1);
}
