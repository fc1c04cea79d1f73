import { loadConfig } from '../../config.ts';
import { DataDirLockedError, openDatabase } from '../../db/client.ts';
import { terminalProgress } from '../../demo/progress.ts';
import { systemClock } from '../../lib/clock.ts';
import { runCoachFit } from './fit.ts';

/**
 * npm run coach:fit: refits the coach's models now, as the nightly coach.fit job does — BKT parameters per knowledge
 * point, every mastery row replayed with them, 2PL parameters per exam question with enough answers.
 */
const [command] = process.argv.slice(2);
const config = loadConfig();
try {
  if (command !== 'fit') throw new Error('usage: cli.ts fit');
  const database = await openDatabase(config);
  const progress = terminalProgress('Knowledge points');
  const started = performance.now();
  let summary;
  try {
    summary = await runCoachFit({ db: database.db, clock: systemClock, publicUrl: config.publicUrl }, (done, total) => progress.onProgress(done, total, 'fitted'));
  } finally {
    progress.stop();
    await database.close();
  }
  console.log(
    `\ncoach:fit — ${summary.points} knowledge points with answers (${summary.fitted} fitted, ${(summary.points ?? 0) - (summary.fitted ?? 0)} on defaults), ` +
      `${summary.masteryRows} mastery rows replayed, ${summary.items} exam questions calibrated (2PL), in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
} catch (error) {
  console.error(error instanceof DataDirLockedError ? `${error.message}\n(Stop the server before refitting the embedded database.)` : (error as Error).message);
  process.exit(1);
}
