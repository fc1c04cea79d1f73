import { loadConfig } from '../config.ts';
import { DataDirLockedError } from '../db/client.ts';
import { DEFAULT_DEMO_SEED } from './generate.ts';
import { demoBanner, terminalProgress } from './progress.ts';
import { resetDemo } from './reset.ts';

/** npm run demo:reset [-- --seed N] [--force]: wipe the database and load the demo district again. */
const [command, ...args] = process.argv.slice(2);
const config = loadConfig();
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? (args[i + 1] ?? '') : undefined;
};
try {
  if (command !== 'reset') throw new Error('usage: cli.ts reset [--seed N] [--force]');
  const seedArg = flag('--seed');
  const seed = seedArg === undefined ? DEFAULT_DEMO_SEED : Number(seedArg);
  if (!Number.isSafeInteger(seed)) throw new Error(`--seed takes an integer, not "${seedArg}"`);
  const progress = terminalProgress('Demo district');
  const started = performance.now();
  let summary;
  try {
    summary = await resetDemo(config, {
      seed,
      now: new Date(),
      onProgress: progress.onProgress,
      adminPassword: config.bootstrapAdminPassword,
      publicUrl: config.publicUrl,
      force: args.includes('--force'),
      log: (line) => console.log(`demo:reset — ${line}`),
    });
  } finally {
    progress.stop();
  }
  console.log(`\n${demoBanner(summary, (performance.now() - started) / 1000, Boolean(config.bootstrapAdminPassword))}`);
  if (summary.keptAt) console.log(`\nThe previous database was kept at ${summary.keptAt}; delete it when you no longer need it.`);
} catch (error) {
  console.error(
    error instanceof DataDirLockedError ? `\n${error.message}\n(Stop the server before resetting the demo.)` : (error as Error).message,
  );
  process.exit(1);
}
