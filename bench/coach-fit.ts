/**
 * The coach.fit job as it runs in production, against PostgreSQL: `runCoachFit` reads the answer log from
 * coach_answers, fits BKT for every knowledge point, writes the parameters and replays every mastery row, then
 * calibrates 2PL. The log is the one `bench:coach` fits in memory (10,000 learners × about 1,000,000 answers over 200
 * knowledge points, same seed), written into a scratch database first; the run is timed against the 2 minutes.
 *
 *   npm run bench:coach-fit [-- --database-url postgres://…/postgres] [-- --learners N] [-- --keep]
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { knowledgePoints, organisations, people } from '../server/src/db/schema/index.ts';
import { systemClock } from '../server/src/lib/clock.ts';
import { syntheticResidentId } from '../server/src/lib/synthetic-ids.ts';
import { runCoachFit } from '../server/src/modules/coach/fit.ts';
import { drawTruth, practiceLog } from '../server/src/modules/coach/model/simulate.ts';
import { Random } from '../server/src/demo/random.ts';
import { seedReference } from '../server/src/modules/reference/seed.ts';
import { chunks } from '../server/src/lib/list.ts';
import { adminQuery, openBenchDatabase, scratchDatabase } from './database.ts';

const { values: args } = parseArgs({
  options: {
    'database-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    learners: { type: 'string', default: '10000' },
    points: { type: 'string', default: '200' },
    seed: { type: 'string', default: '2026' },
    keep: { type: 'boolean', default: false },
  },
});
const adminUrl = args['database-url'];
const learners = Number(args.learners);
const pointCount = Number(args.points);
const seed = Number(args.seed);
const TARGET_S = 120;
const log = (text: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${text}`);

const scratchName = `fulcrum_bench_fit_${Date.now()}`;
await adminQuery(adminUrl, `create database ${scratchName}`);
const databaseUrl = scratchDatabase(adminUrl, scratchName);
const database = await openBenchDatabase({ databaseUrl, dataDir: '' });
try {
  await database.migrate();
  await seedReference(database.db);
  const db = database.db;
  const [organisation] = await db.insert(organisations).values({ type: 'enterprise', regionId: 'baodi', name: '基准测试企业', industryDivision: '36', size: 'large' }).returning();
  const orgId = organisation!.id;
  const points = await db
    .insert(knowledgePoints)
    .values(Array.from({ length: pointCount }, (_, i) => ({ organisationId: orgId, code: `KP${i + 1}`, name: `知识点 ${i + 1}` })))
    .returning({ id: knowledgePoints.id });
  const personIds: string[] = [];
  for (const batch of chunks(
    Array.from({ length: learners }, (_, i) => ({ name: `学员${i + 1}`, residentId: syntheticResidentId(500_000 + i) })),
    2_000,
  )) {
    personIds.push(...(await db.insert(people).values(batch).returning({ id: people.id })).map((p) => p.id));
  }

  // The same log bench:coach fits in memory: sequences of 5–15 answers on 10 points per learner.
  const truthRandom = new Random(seed, 'bench-coach-truth');
  const truths = Array.from({ length: pointCount }, () => drawTruth(truthRandom));
  const answers = practiceLog(truths, seed, { learners, pointsPerLearner: 10, minLength: 5, maxLength: 15, stream: 'bench' });
  const total = answers.correct.length;
  log(`writing ${total.toLocaleString('en-US')} answers of ${learners.toLocaleString('en-US')} learners on ${pointCount} knowledge points into coach_answers`);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const started = new Date('2026-01-05T09:00:00+08:00').getTime();
  for (let from = 0; from < total; from += 50_000) {
    const to = Math.min(total, from + 50_000);
    const seqs: number[] = [];
    const kps: string[] = [];
    const persons: string[] = [];
    const correct: number[] = [];
    const at: string[] = [];
    for (let i = from; i < to; i++) {
      seqs.push(i + 1);
      kps.push(points[answers.knowledgePoint[i]!]!.id);
      persons.push(personIds[answers.learner[i]!]!);
      correct.push(answers.correct[i]!);
      at.push(new Date(started + i * 1000).toISOString());
    }
    await pool.query(
      `insert into coach_answers (seq, knowledge_point_id, person_id, organisation_id, correct, answered_at)
       select s, k, p, $6, c, a from unnest($1::bigint[], $2::uuid[], $3::uuid[], $4::int[], $5::timestamptz[]) as u(s, k, p, c, a)`,
      [seqs, kps, persons, correct, at, orgId],
    );
  }
  await pool.end();
  log('answers written; running the coach.fit job');

  const begin = performance.now();
  const summary = await runCoachFit({ db, clock: systemClock, publicUrl: 'http://bench.fulcrum.test' });
  const seconds = (performance.now() - begin) / 1000;
  console.log('');
  console.log(`| job | answers | learners | knowledge points | fitted | mastery rows written | seconds | target | met |`);
  console.log(`|---|---|---|---|---|---|---|---|---|`);
  console.log(
    `| coach.fit (PostgreSQL) | ${total.toLocaleString('en-US')} | ${learners.toLocaleString('en-US')} | ${summary.points} | ${summary.fitted} | ${(summary.masteryRows ?? 0).toLocaleString('en-US')} | ${seconds.toFixed(1)} | ≤ ${TARGET_S} | ${seconds <= TARGET_S ? 'yes' : 'no'} |`,
  );
} finally {
  await database.close();
  if (args.keep) console.log(`kept: ${databaseUrl}`);
  else await adminQuery(adminUrl, `drop database if exists ${scratchName} with (force)`);
}
