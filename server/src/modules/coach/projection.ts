import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { chunks } from '../../lib/list.ts';
import { onProjected, type ProjectedStatement, type VoidedStatement } from '../xapi/projector.ts';
import { isUuid } from '../xapi/json.ts';
import { DEFAULT_BKT, MASTERED, update, type BktParams } from './model/bkt.ts';
import { newReviewCard, ratingFromAnswer, review, type ReviewCard, type ReviewState } from './model/fsrs.ts';

/*
 * The coach's learner models, kept by the xAPI projection in its own transaction (decision 015, "Storage and jobs").
 * Every graded answer about knowledge points becomes one coach_answers row per point; the batch's people × points then
 * take their new answers (seq above the row's last_seq) through BKT's `update`, in seq order, from the stored mastery
 * or the point's prior. A point's FSRS card is made when its mastery first reaches MASTERED (reviewed 'good' at that
 * answer) and every later answer reviews it. A replay inserts no answer twice and applies none twice (last_seq), so a
 * rebuild changes nothing. A voided answer is deleted and its people × points are replayed from the answers left.
 */

type Pair = { personId: string; knowledgePointId: string };
const pairKey = (p: Pair) => `${p.personId}\n${p.knowledgePointId}`;

function distinctPairs(rows: Pair[]): Pair[] {
  const pairs = new Map<string, Pair>();
  for (const r of rows) pairs.set(pairKey(r), { personId: r.personId, knowledgePointId: r.knowledgePointId });
  return [...pairs.values()];
}

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
/** People × points go as two array parameters (a long list of row values in a query crashes PGlite). */
const pairTable = (pairs: Pair[]) =>
  sql`unnest(${sql.param(pairs.map((p) => p.personId))}::uuid[], ${sql.param(pairs.map((p) => p.knowledgePointId))}::uuid[]) as p(person_id, knowledge_point_id)`;

/** The BKT parameters of some knowledge points: fitted or stored defaults, else DEFAULT_BKT. */
export async function loadBktParams(db: Db, knowledgePointIds: string[]): Promise<Map<string, BktParams>> {
  const params = new Map<string, BktParams>();
  if (!knowledgePointIds.length) return params;
  const result = await db.execute(sql`
    select knowledge_point_id, prior, learn, guess, slip from coach_knowledge_point_params
    where knowledge_point_id = any(${sql.param(knowledgePointIds)}::uuid[])`);
  for (const r of rowsOf<{ knowledge_point_id: string; prior: number; learn: number; guess: number; slip: number }>(result)) {
    params.set(r.knowledge_point_id, { prior: Number(r.prior), learn: Number(r.learn), guess: Number(r.guess), slip: Number(r.slip) });
  }
  return params;
}

/** A review card as stored in coach_review_cards.card (JSON: dates as ISO text). */
export function reviewCardFromJson(json: Record<string, unknown>): ReviewCard {
  return {
    knowledgePointId: String(json.knowledgePointId),
    due: new Date(String(json.due)),
    stability: Number(json.stability),
    difficulty: Number(json.difficulty),
    scheduledDays: Number(json.scheduledDays),
    learningSteps: Number(json.learningSteps),
    reps: Number(json.reps),
    lapses: Number(json.lapses),
    state: json.state as ReviewState,
    lastReview: json.lastReview ? new Date(String(json.lastReview)) : null,
  };
}

/** Mastery rows as parallel columns, written set-based (one array parameter per column). */
export interface MasteryColumns {
  personId: string[];
  knowledgePointId: string[];
  mastery: number[] | Float64Array;
  answers: number[] | Int32Array;
  correct: number[] | Int32Array;
  lastSeq: number[] | Float64Array;
  /** ISO timestamps. */
  lastAnsweredAt: string[];
}

const MASTERY_CHUNK = 5000;

/**
 * Upserts mastery rows in chunks. A row never goes back to an earlier last_seq: a refit that read the answers before
 * the projection applied newer ones leaves that row to the projection (the next refit catches it up).
 */
export async function writeMastery(db: Db, rows: MasteryColumns): Promise<void> {
  for (let from = 0; from < rows.personId.length; from += MASTERY_CHUNK) {
    const to = Math.min(from + MASTERY_CHUNK, rows.personId.length);
    const column = <T>(values: ArrayLike<T>) => sql.param(Array.from(Array.prototype.slice.call(values, from, to) as T[]));
    await db.execute(sql`
      insert into coach_mastery (person_id, knowledge_point_id, mastery, answers, correct, last_seq, last_answered_at, updated_at)
      select r.person_id, r.knowledge_point_id, r.mastery, r.answers, r.correct, r.last_seq, r.last_answered_at, now()
      from unnest(${column(rows.personId)}::uuid[], ${column(rows.knowledgePointId)}::uuid[], ${column(rows.mastery)}::real[],
        ${column(rows.answers)}::integer[], ${column(rows.correct)}::integer[], ${column(rows.lastSeq)}::bigint[],
        ${column(rows.lastAnsweredAt)}::timestamptz[]) as r(person_id, knowledge_point_id, mastery, answers, correct, last_seq, last_answered_at)
      on conflict (person_id, knowledge_point_id) do update set mastery = excluded.mastery, answers = excluded.answers,
        correct = excluded.correct, last_seq = excluded.last_seq, last_answered_at = excluded.last_answered_at, updated_at = now()
      where coach_mastery.last_seq <= excluded.last_seq`);
  }
}

interface AnswerRow {
  seq: number;
  person_id: string;
  knowledge_point_id: string;
  correct: number;
  answered_ms: number;
}

/** State of one person × point while answers are applied. */
interface PairState {
  mastery: number;
  answers: number;
  correct: number;
  lastSeq: number;
  lastAnsweredAt: string | null;
  card: ReviewCard | null;
  isCardChanged: boolean;
}

/** One graded answer: BKT update, then the card (made when mastery first reaches MASTERED, reviewed on every later answer). */
function applyAnswer(state: PairState, answer: AnswerRow, params: BktParams): void {
  const right = answer.correct === 1;
  const at = new Date(Number(answer.answered_ms));
  state.mastery = update(state.mastery, right, params);
  state.answers += 1;
  if (right) state.correct += 1;
  state.lastSeq = Number(answer.seq);
  state.lastAnsweredAt = at.toISOString();
  if (state.card) {
    // A statement may carry an earlier timestamp than the last review: the review then counts as made at that review.
    const when = state.card.lastReview && state.card.lastReview > at ? state.card.lastReview : at;
    state.card = review(state.card, ratingFromAnswer({ correct: right }), when);
    state.isCardChanged = true;
  } else if (state.mastery >= MASTERED) {
    state.card = review(newReviewCard(answer.knowledge_point_id, at), 'good', at);
    state.isCardChanged = true;
  }
}

/** Applies every answer of the given people × points above their last_seq, in seq order; a few queries for the lot. */
async function advance(tx: Db, pairs: Pair[]): Promise<void> {
  if (!pairs.length) return;
  const [params, stored, cards, answers] = [
    await loadBktParams(tx, [...new Set(pairs.map((p) => p.knowledgePointId))]),
    rowsOf<{ person_id: string; knowledge_point_id: string; mastery: number; answers: number; correct: number; last_seq: string | number; last_answered_at: string | null }>(
      await tx.execute(sql`
        select m.person_id, m.knowledge_point_id, m.mastery, m.answers, m.correct, m.last_seq, m.last_answered_at::text as last_answered_at
        from ${pairTable(pairs)} join coach_mastery m using (person_id, knowledge_point_id)`),
    ),
    rowsOf<{ person_id: string; knowledge_point_id: string; card: Record<string, unknown> }>(
      await tx.execute(sql`select c.person_id, c.knowledge_point_id, c.card from ${pairTable(pairs)} join coach_review_cards c using (person_id, knowledge_point_id)`),
    ),
    rowsOf<AnswerRow>(
      await tx.execute(sql`
        select a.seq::float8 as seq, a.person_id, a.knowledge_point_id, a.correct, extract(epoch from a.answered_at)::float8 * 1000 as answered_ms
        from ${pairTable(pairs)}
          join coach_answers a using (person_id, knowledge_point_id)
          left join coach_mastery m using (person_id, knowledge_point_id)
        where a.seq > coalesce(m.last_seq, 0)
        order by a.person_id, a.knowledge_point_id, a.seq`),
    ),
  ];
  if (!answers.length) return;
  const states = new Map<string, PairState>();
  for (const m of stored) {
    const key = pairKey({ personId: m.person_id, knowledgePointId: m.knowledge_point_id });
    states.set(key, { mastery: Number(m.mastery), answers: m.answers, correct: m.correct, lastSeq: Number(m.last_seq), lastAnsweredAt: m.last_answered_at, card: null, isCardChanged: false });
  }
  const cardsByPair = new Map(cards.map((c) => [pairKey({ personId: c.person_id, knowledgePointId: c.knowledge_point_id }), reviewCardFromJson(c.card)]));
  // Answers come pair by pair, each pair's in seq order.
  const touched: PairState[] = [];
  const touchedPairs: Pair[] = [];
  let currentKey = '';
  let state: PairState | undefined;
  for (const answer of answers) {
    const pair = { personId: answer.person_id, knowledgePointId: answer.knowledge_point_id };
    const key = pairKey(pair);
    const kpParams = params.get(pair.knowledgePointId) ?? DEFAULT_BKT;
    if (key !== currentKey || !state) {
      currentKey = key;
      state = states.get(key) ?? { mastery: kpParams.prior, answers: 0, correct: 0, lastSeq: 0, lastAnsweredAt: null, card: null, isCardChanged: false };
      state.card = cardsByPair.get(key) ?? null;
      touchedPairs.push(pair);
      touched.push(state);
    }
    applyAnswer(state, answer, kpParams);
  }
  await writeMastery(tx, {
    personId: touchedPairs.map((p) => p.personId),
    knowledgePointId: touchedPairs.map((p) => p.knowledgePointId),
    mastery: touched.map((s) => s.mastery),
    answers: touched.map((s) => s.answers),
    correct: touched.map((s) => s.correct),
    lastSeq: touched.map((s) => s.lastSeq),
    lastAnsweredAt: touched.map((s) => s.lastAnsweredAt!),
  });
  const changedCards = touched.flatMap((s, i) => (s.isCardChanged && s.card ? [{ pair: touchedPairs[i]!, card: s.card }] : []));
  await writeCards(tx, changedCards);
}

async function writeCards(tx: Db, cards: { pair: Pair; card: ReviewCard }[]): Promise<void> {
  for (const batch of chunks(cards, MASTERY_CHUNK)) {
    await tx.execute(sql`
      insert into coach_review_cards (person_id, knowledge_point_id, card, due_at, updated_at)
      select r.person_id, r.knowledge_point_id, r.card, r.due_at, now()
      from unnest(${sql.param(batch.map((c) => c.pair.personId))}::uuid[], ${sql.param(batch.map((c) => c.pair.knowledgePointId))}::uuid[],
        ${sql.param(batch.map((c) => JSON.stringify(c.card)))}::jsonb[], ${sql.param(batch.map((c) => c.card.due.toISOString()))}::timestamptz[])
        as r(person_id, knowledge_point_id, card, due_at)
      on conflict (person_id, knowledge_point_id) do update set card = excluded.card, due_at = excluded.due_at, updated_at = now()`);
  }
}

/** The batch's graded answers, one per statement × existing knowledge point; answers the people × points newly logged. */
async function logAnswers(tx: Db, statements: ProjectedStatement[]): Promise<Pair[]> {
  const answers = statements.flatMap((s) =>
    s.voided || !s.graded
      ? []
      : s.graded.knowledgePointIds.filter(isUuid).map((knowledgePointId) => ({ seq: s.seq, knowledgePointId, personId: s.personId, organisationId: s.organisationId, correct: s.graded!.success ? 1 : 0, at: s.timestamp.toISOString() })),
  );
  const logged: Pair[] = [];
  for (const batch of chunks(answers, MASTERY_CHUNK)) {
    const result = await tx.execute(sql`
      insert into coach_answers (seq, knowledge_point_id, person_id, organisation_id, correct, answered_at)
      select r.seq, r.knowledge_point_id, r.person_id, r.organisation_id, r.correct, r.answered_at
      from unnest(${sql.param(batch.map((a) => a.seq))}::bigint[], ${sql.param(batch.map((a) => a.knowledgePointId))}::uuid[],
        ${sql.param(batch.map((a) => a.personId))}::uuid[], ${sql.param(batch.map((a) => a.organisationId))}::uuid[],
        ${sql.param(batch.map((a) => a.correct))}::integer[], ${sql.param(batch.map((a) => a.at))}::timestamptz[])
        as r(seq, knowledge_point_id, person_id, organisation_id, correct, answered_at)
      where exists (select 1 from knowledge_points k where k.id = r.knowledge_point_id)
      on conflict (seq, knowledge_point_id) do nothing
      returning person_id, knowledge_point_id`);
    for (const r of rowsOf<{ person_id: string; knowledge_point_id: string }>(result)) logged.push({ personId: r.person_id, knowledgePointId: r.knowledge_point_id });
  }
  return logged;
}

/** Deletes the voided statements' answers and their people × points' mastery and cards; answers those pairs. */
async function forgetVoided(tx: Db, voided: VoidedStatement[]): Promise<Pair[]> {
  if (!voided.length) return [];
  const result = await tx.execute(sql`
    delete from coach_answers where seq = any(${sql.param(voided.map((v) => v.seq))}::bigint[]) returning person_id, knowledge_point_id`);
  const pairs = distinctPairs(rowsOf<{ person_id: string; knowledge_point_id: string }>(result).map((r) => ({ personId: r.person_id, knowledgePointId: r.knowledge_point_id })));
  if (!pairs.length) return [];
  await tx.execute(sql`delete from coach_mastery m using ${pairTable(pairs)} where m.person_id = p.person_id and m.knowledge_point_id = p.knowledge_point_id`);
  await tx.execute(sql`delete from coach_review_cards c using ${pairTable(pairs)} where c.person_id = p.person_id and c.knowledge_point_id = p.knowledge_point_id`);
  return pairs;
}

/** The listener (exported for tests and for loaders that project in bulk). */
export async function followCoachProjection(tx: Db, statements: ProjectedStatement[], _publicUrl: string, voided: VoidedStatement[] = []): Promise<void> {
  const logged = await logAnswers(tx, statements);
  const replayed = await forgetVoided(tx, voided);
  await advance(tx, distinctPairs([...logged, ...replayed]));
}

onProjected(followCoachProjection);
