import { asc, count, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { coachAnswers } from '../../db/schema/index.ts';
import type { JobDeps, JobSummary } from '../../lib/jobs.ts';
import { fitAllKnowledgePoints, update, type BktFit } from './model/bkt.ts';
import { calibrateItems } from './model/irt.ts';
import { writeMastery } from './projection.ts';

/*
 * The nightly refit (job coach.fit, `npm run coach:fit`; decision 015, "Storage and jobs"): BKT parameters per
 * knowledge point by EM from the whole answer log (defaults where data are thin), every mastery row replayed with the
 * new parameters, and 2PL parameters for exam questions with enough graded answers. The log is read into typed arrays,
 * point by point, so a million answers cost no objects of ours; every write is set-based, in chunks.
 */

/** Answers per read: bounds the driver's row objects held at once. */
const READ_CHUNK = 100_000;
const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

interface AnswerArrays {
  points: string[];
  people: string[];
  learner: Int32Array;
  knowledgePoint: Int32Array;
  correct: Uint8Array;
  seq: Float64Array;
  answeredAt: Float64Array;
}

/** The whole log ordered by point, person and seq, in typed arrays (people and points as indices). */
async function readAnswerLog(db: Db): Promise<AnswerArrays> {
  const counts = await db
    .select({ knowledgePointId: coachAnswers.knowledgePointId, n: count() })
    .from(coachAnswers)
    .groupBy(coachAnswers.knowledgePointId)
    .orderBy(asc(coachAnswers.knowledgePointId));
  const total = counts.reduce((sum, c) => sum + Number(c.n), 0);
  const log: AnswerArrays = {
    points: counts.map((c) => c.knowledgePointId),
    people: [],
    learner: new Int32Array(total),
    knowledgePoint: new Int32Array(total),
    correct: new Uint8Array(total),
    seq: new Float64Array(total),
    answeredAt: new Float64Array(total),
  };
  const personIndex = new Map<string, number>();
  let n = 0;
  for (let from = 0; from < counts.length; ) {
    // Whole points per read, up to READ_CHUNK answers (a bigger point alone).
    let to = from;
    let size = 0;
    while (to < counts.length && (to === from || size + Number(counts[to]!.n) <= READ_CHUNK)) size += Number(counts[to++]!.n);
    const result = await db.execute(sql`
      select knowledge_point_id, person_id, correct, seq::float8 as seq, extract(epoch from answered_at)::float8 * 1000 as at
      from coach_answers where knowledge_point_id = any(${sql.param(log.points.slice(from, to))}::uuid[])
      order by knowledge_point_id, person_id, seq`);
    let k = from;
    for (const r of rowsOf<{ knowledge_point_id: string; person_id: string; correct: number; seq: number; at: number }>(result)) {
      while (log.points[k] !== r.knowledge_point_id) k++;
      let p = personIndex.get(r.person_id);
      if (p === undefined) {
        p = log.people.length;
        personIndex.set(r.person_id, p);
        log.people.push(r.person_id);
      }
      log.learner[n] = p;
      log.knowledgePoint[n] = k;
      log.correct[n] = r.correct ? 1 : 0;
      log.seq[n] = Number(r.seq);
      log.answeredAt[n] = Number(r.at);
      n++;
    }
    from = to;
  }
  return { ...log, learner: log.learner.subarray(0, n), knowledgePoint: log.knowledgePoint.subarray(0, n), correct: log.correct.subarray(0, n), seq: log.seq.subarray(0, n), answeredAt: log.answeredAt.subarray(0, n) };
}

async function writeParams(db: Db, points: string[], fits: BktFit[], at: Date): Promise<void> {
  for (let from = 0; from < points.length; from += 5000) {
    const to = Math.min(from + 5000, points.length);
    const part = fits.slice(from, to);
    const column = (pick: (fit: BktFit) => number | string | null) => sql.param(part.map(pick));
    await db.execute(sql`
      insert into coach_knowledge_point_params (knowledge_point_id, prior, learn, guess, slip, source, learners, answers, log_likelihood, fitted_at)
      select r.* from unnest(${sql.param(points.slice(from, to))}::uuid[], ${column((f) => f.params.prior)}::real[], ${column((f) => f.params.learn)}::real[],
        ${column((f) => f.params.guess)}::real[], ${column((f) => f.params.slip)}::real[], ${column((f) => (f.isDefault ? 'default' : 'fitted'))}::text[],
        ${column((f) => f.sequences)}::integer[], ${column((f) => f.answers)}::integer[],
        ${column((f) => (Number.isFinite(f.logLikelihood) ? f.logLikelihood : null))}::real[], ${column(() => at.toISOString())}::timestamptz[])
        as r(knowledge_point_id, prior, learn, guess, slip, source, learners, answers, log_likelihood, fitted_at)
      where exists (select 1 from knowledge_points k where k.id = r.knowledge_point_id)
      on conflict (knowledge_point_id) do update set prior = excluded.prior, learn = excluded.learn, guess = excluded.guess, slip = excluded.slip,
        source = excluded.source, learners = excluded.learners, answers = excluded.answers, log_likelihood = excluded.log_likelihood,
        fitted_at = excluded.fitted_at`);
  }
}

/** Every person × point's mastery replayed from its answers with the new parameters; answers the rows written. */
async function replayMastery(db: Db, log: AnswerArrays, fits: BktFit[]): Promise<number> {
  const n = log.correct.length;
  let groups = 0;
  for (let i = 0; i < n; i++) if (i === 0 || log.learner[i] !== log.learner[i - 1] || log.knowledgePoint[i] !== log.knowledgePoint[i - 1]) groups++;
  const rows = {
    personId: new Array<string>(groups),
    knowledgePointId: new Array<string>(groups),
    mastery: new Float64Array(groups),
    answers: new Int32Array(groups),
    correct: new Int32Array(groups),
    lastSeq: new Float64Array(groups),
    lastAnsweredAt: new Array<string>(groups),
  };
  let g = -1;
  for (let i = 0; i < n; i++) {
    const k = log.knowledgePoint[i]!;
    const params = fits[k]!.params;
    if (i === 0 || log.learner[i] !== log.learner[i - 1] || k !== log.knowledgePoint[i - 1]) {
      g++;
      rows.personId[g] = log.people[log.learner[i]!]!;
      rows.knowledgePointId[g] = log.points[k]!;
      rows.mastery[g] = params.prior;
    }
    rows.mastery[g] = update(rows.mastery[g]!, log.correct[i] === 1, params);
    rows.answers[g]! += 1;
    rows.correct[g]! += log.correct[i]!;
    rows.lastSeq[g] = log.seq[i]!;
    rows.lastAnsweredAt[g] = new Date(log.answeredAt[i]!).toISOString();
  }
  await writeMastery(db, rows);
  return groups;
}

/** 2PL for exam questions: each person's first graded answer to a question (later attempts have seen it before). */
async function calibrateExamItems(db: Db, at: Date): Promise<number> {
  const rows = rowsOf<{ person_id: string; question_id: string; correct: boolean }>(
    await db.execute(sql`
      select distinct on (t.person_id, a.question_id) t.person_id, a.question_id, a.correct
      from exam_answers a join exam_attempts t on t.id = a.attempt_id
      where a.correct is not null and t.status <> 'in_progress'
      order by t.person_id, a.question_id, t.started_at`),
  );
  const people = new Map<string, number>();
  const items = new Map<string, number>();
  const log = { person: new Int32Array(rows.length), item: new Int32Array(rows.length), correct: new Uint8Array(rows.length) };
  const indexOf = (map: Map<string, number>, id: string) => map.get(id) ?? map.set(id, map.size).get(id)!;
  rows.forEach((r, i) => {
    log.person[i] = indexOf(people, r.person_id);
    log.item[i] = indexOf(items, r.question_id);
    log.correct[i] = r.correct ? 1 : 0;
  });
  const calibration = calibrateItems(log, items.size, people.size);
  const questionIds = [...items.keys()];
  const calibrated = calibration.items.flatMap((item, j) => (item.params ? [{ questionId: questionIds[j]!, ...item.params, answers: item.answers }] : []));
  await db.transaction(async (tx) => {
    if (calibrated.length) {
      await tx.execute(sql`
        insert into coach_item_params (question_id, discrimination, difficulty, answers, fitted_at)
        select r.*, ${at.toISOString()}::timestamptz from unnest(${sql.param(calibrated.map((c) => c.questionId))}::uuid[], ${sql.param(calibrated.map((c) => c.a))}::real[],
          ${sql.param(calibrated.map((c) => c.b))}::real[], ${sql.param(calibrated.map((c) => c.answers))}::integer[]) as r(question_id, discrimination, difficulty, answers)
        on conflict (question_id) do update set discrimination = excluded.discrimination, difficulty = excluded.difficulty, answers = excluded.answers,
          fitted_at = excluded.fitted_at`);
    }
    await tx.execute(sql`delete from coach_item_params where question_id <> all(${sql.param(calibrated.map((c) => c.questionId))}::uuid[])`);
  });
  return calibrated.length;
}

/** The coach.fit job: BKT per knowledge point, mastery replayed, 2PL per exam question. */
export async function runCoachFit(deps: JobDeps, onProgress?: (done: number, total: number) => void): Promise<JobSummary> {
  const at = deps.clock.now();
  const log = await readAnswerLog(deps.db);
  const fits = fitAllKnowledgePoints(log, log.points.length, log.people.length, { onProgress });
  await writeParams(deps.db, log.points, fits, at);
  const masteryRows = await replayMastery(deps.db, log, fits);
  const items = await calibrateExamItems(deps.db, at);
  return { points: log.points.length, fitted: fits.filter((f) => !f.isDefault).length, masteryRows, items };
}
