import { count } from 'drizzle-orm';
import { loadConfig } from '../../config.ts';
import { DataDirLockedError, openDatabase } from '../../db/client.ts';
import { knowledgePointScores, learningProgress, learningStudyTime } from '../../db/schema/index.ts';
import { terminalProgress } from '../../demo/progress.ts';
import '../learning/projection-listeners.ts';
import { rebuildProjection } from './projector.ts';

/**
 * npm run xapi:reproject: empties learners' progress, study time and knowledge-point scores and derives them again from
 * every stored statement (after a change of the projection's rules, or to check the tables against the statements);
 * the learning platform's listeners (certificates, project stages, reports) follow the replay as they follow ingestion.
 */
const [command] = process.argv.slice(2);
const config = loadConfig();
try {
  if (command !== 'reproject') throw new Error('usage: cli.ts reproject');
  const database = await openDatabase(config);
  const progress = terminalProgress('Learning records');
  const started = performance.now();
  let statements = 0;
  try {
    statements = await rebuildProjection(database.db, config.publicUrl, (done, total) => progress.onProgress(done, Math.max(total, 1), 'statements'));
  } finally {
    progress.stop();
  }
  const [progressRows] = await database.db.select({ n: count() }).from(learningProgress);
  const [days] = await database.db.select({ n: count() }).from(learningStudyTime);
  const [points] = await database.db.select({ n: count() }).from(knowledgePointScores);
  await database.close();
  console.log(
    `\nxapi:reproject — ${statements} statements read in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
      `${progressRows?.n ?? 0} learner × activity rows, ${days?.n ?? 0} study days, ${points?.n ?? 0} knowledge-point scores (activity IRIs under ${config.publicUrl}).`,
  );
} catch (error) {
  console.error(
    error instanceof DataDirLockedError ? `${error.message}\n(Stop the server before reprojecting the embedded database.)` : (error as Error).message,
  );
  process.exit(1);
}
