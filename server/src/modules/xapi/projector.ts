import { and, asc, count, eq, gt, isNotNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { knowledgePointScores, learningProgress, learningStudyTime, xapiProjectionCursors, xapiStatements } from '../../db/schema/index.ts';
import { chunks, INSERT_CHUNK } from '../../lib/list.ts';
import { applyToProgress, knowledgePointsOf, studyDayOf, studySecondsOf, type ProgressState, type StatementFacts } from './projections.ts';

/*
 * The learning projector: folds stored statements, in `seq` order, into learning_progress, learning_study_time and
 * knowledge_point_scores (the rules are in projections.ts). The cursor row 'learning' of xapi_projection_cursors holds
 * the last seq applied; each batch reads the statements after it, applies them and moves the cursor in one transaction
 * that first locks the cursor row, so two processes on one PostgreSQL never apply a statement twice and a crash never
 * applies one halfway.
 *
 * Commit order. `seq` comes from a sequence when a row is inserted, but transactions commit in any order: a writer that
 * took seq 11 may still be open when seq 12 is committed and seen. Moving the cursor past 12 would lose 11 for good.
 * Gaps also arise for good reasons (a rolled-back batch, `insert … on conflict do nothing` of a statement already
 * stored, which still draws a value), so a gap cannot simply be waited out. The projector therefore applies statements
 * up to the first gap, and resolves a gap with a fence:
 *   1. read the sequence's last value H (every seq ≤ H has been handed out);
 *   2. list the transactions holding a write lock on xapi_statements (pg_locks; the lock is taken before the INSERT
 *      draws its seq and held until commit or rollback): every seq ≤ H not yet visible belongs to one of them;
 *   3. once none of those transactions is still open (same pid with the same xact_start), every seq ≤ H is committed
 *      or never will be: a fresh read sees all of them, and the gaps below H are skipped.
 * With no writer open at step 2 the gap is resolved at once; otherwise the fence is kept (in this process) and checked
 * on the next run — the open writer schedules one when it commits. Waiting is bounded by those particular transactions,
 * not by a quiet moment of the whole store. (The sequence must not cache values per session — bigserial's default.)
 * On PGlite there is one connection, transactions run one at a time and step 2 always finds no other writer.
 *
 * Voiding. A voiding statement recomputes the rows its target touched (the person × activity row and its days, the
 * knowledge points it graded) from that person's statements not voided, up to the voiding statement; a voided statement
 * met later is skipped. Rebuilding from nothing therefore gives the rows the incremental runs gave.
 */

const CURSOR = 'learning';
/** Statements per transaction: big enough to batch the writes, small enough to keep the cursor lock short. */
const BATCH = 1000;

/** A stored statement as the projector reads it; the JSON parts are read only for a person's statements. */
interface StatementRow extends Omit<StatementFacts, 'personId'> {
  personId: string | null;
  seq: number;
  voided: boolean;
  voidsId: string | null;
}

/** A transaction still writing statements: its backend and when its transaction began. */
interface Writer {
  pid: number;
  xactStart: string | null;
}
/** Every seq ≤ upTo is committed or gone once none of these writers is still in the same transaction. */
interface Fence {
  upTo: number;
  writers: Writer[];
}
const fences = new WeakMap<Db, Fence>();

const S = xapiStatements;
const statementColumns = {
  seq: S.seq,
  organisationId: S.organisationId,
  personId: S.personId,
  activityId: S.activityId,
  verbId: S.verbId,
  timestamp: S.timestamp,
  voided: S.voided,
  voidsId: S.voidsId,
  // Only a person's statements are projected: the JSON of the others is not even read.
  result: sql<unknown>`case when ${S.personId} is not null then ${S.statement}->'result' end`,
  contextActivities: sql<unknown>`case when ${S.personId} is not null then ${S.statement}->'context'->'contextActivities' end`,
  activityName: sql<unknown>`case when ${S.personId} is not null then ${S.statement}->'object'->'definition'->'name' end`,
};

async function readStatements(db: Db, where: SQL | undefined, limit?: number): Promise<StatementRow[]> {
  const query = db.select(statementColumns).from(S).where(where).orderBy(asc(S.seq));
  const rows = await (limit ? query.limit(limit) : query);
  return rows as StatementRow[];
}

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

async function lastAllocatedSeq(db: Db): Promise<number> {
  const result = await db.execute(sql`select (case when is_called then last_value else 0 end)::text as h from xapi_statements_seq_seq`);
  return Number(rowsOf<{ h: string }>(result)[0]?.h ?? 0);
}

async function writersInFlight(db: Db): Promise<Writer[]> {
  const result = await db.execute(sql`
    select l.pid, a.xact_start::text as xact_start
    from pg_locks l left join pg_stat_activity a on a.pid = l.pid
    where l.locktype = 'relation' and l.relation = 'xapi_statements'::regclass and l.mode = 'RowExclusiveLock'
      and l.granted and l.pid <> pg_backend_pid()`);
  return rowsOf<{ pid: number; xact_start: string | null }>(result).map((r) => ({ pid: Number(r.pid), xactStart: r.xact_start }));
}

/** The seq through which every statement is committed or gone for good, or null while that is not known (see above). */
async function resolvedThrough(db: Db, fenceKey: Db): Promise<number | null> {
  const upTo = await lastAllocatedSeq(db);
  const writers = await writersInFlight(db);
  if (!writers.length) {
    fences.delete(fenceKey);
    return upTo;
  }
  const fence = fences.get(fenceKey);
  const isDone = fence !== undefined && fence.writers.every((w) => !writers.some((o) => o.pid === w.pid && o.xactStart === w.xactStart));
  if (!fence || isDone) fences.set(fenceKey, { upTo, writers });
  return isDone ? fence.upTo : null;
}

/** The statements to apply: those that follow the cursor without a gap, or whose seq is known to be resolved. */
function appliable(rows: StatementRow[], cursor: number, resolved: number): StatementRow[] {
  const taken: StatementRow[] = [];
  let expected = cursor + 1;
  for (const row of rows) {
    if (row.seq !== expected && row.seq > resolved) break;
    taken.push(row);
    expected = row.seq + 1;
  }
  return taken;
}

const progressKey = (personId: string, activityId: string) => `${personId}\n${activityId}`;

/** Which tables a run of statements is folded into; `points` may be limited to some knowledge points. */
interface Parts {
  progress: boolean;
  points: boolean | Set<string>;
}
const allParts: Parts = { progress: true, points: true };
type PointRow = typeof knowledgePointScores.$inferInsert & { attempts: number; correct: number; lastAt: Date };

/** Folds a run of statements (no voiding statement among them) into the derived tables. */
async function applyRun(db: Db, rows: StatementRow[], publicUrl: string, parts: Parts = allParts): Promise<void> {
  const mine = rows.filter((r): r is StatementRow & { personId: string } => Boolean(r.personId) && !r.voided);
  if (!mine.length) return;
  const states = parts.progress ? await loadProgress(db, mine) : new Map<string, ProgressState>();
  const changed = new Set<string>();
  const days = new Map<string, typeof learningStudyTime.$inferInsert & { seconds: number }>();
  const points = new Map<string, PointRow>();
  for (const r of mine) {
    if (parts.progress && r.activityId) {
      const key = progressKey(r.personId, r.activityId);
      const before = states.get(key);
      const after = applyToProgress(before, r, publicUrl);
      if (after && after !== before) {
        states.set(key, after);
        changed.add(key);
        const seconds = studySecondsOf(r);
        if (seconds > 0) {
          const day = studyDayOf(r.timestamp);
          const dayKey = `${key}\n${day}`;
          const entry = days.get(dayKey) ?? { organisationId: r.organisationId, personId: r.personId, activityId: r.activityId, day, seconds: 0 };
          entry.seconds += seconds;
          entry.organisationId = r.organisationId;
          days.set(dayKey, entry);
        }
      }
    }
    if (parts.points) {
      const graded = knowledgePointsOf(r, publicUrl);
      for (const id of graded?.ids ?? []) {
        if (parts.points !== true && !parts.points.has(id)) continue;
        const pointKey = `${r.personId}\n${id}`;
        const entry = points.get(pointKey) ?? { organisationId: r.organisationId, personId: r.personId, knowledgePointId: id, attempts: 0, correct: 0, lastAt: r.timestamp };
        entry.attempts += 1;
        if (graded!.success) entry.correct += 1;
        if (r.timestamp > entry.lastAt) entry.lastAt = r.timestamp;
        entry.organisationId = r.organisationId;
        points.set(pointKey, entry);
      }
    }
  }

  await writeProgress(db, [...changed].map((key) => states.get(key)!));
  await addStudyTime(db, [...days.values()]);
  await addPointScores(db, [...points.values()]);
}

/** The progress rows the statements will change, by person × activity. */
async function loadProgress(db: Db, rows: (StatementRow & { personId: string })[]): Promise<Map<string, ProgressState>> {
  const wanted = new Map<string, { personId: string; activityId: string }>();
  for (const r of rows) if (r.activityId) wanted.set(progressKey(r.personId, r.activityId), { personId: r.personId, activityId: r.activityId });
  const states = new Map<string, ProgressState>();
  if (!wanted.size) return states;
  // The pairs go as two array parameters: a long list of row values in the query crashes PGlite (seen with ~500 pairs).
  const personIds = sql.param([...wanted.values()].map((k) => k.personId));
  const activityIds = sql.param([...wanted.values()].map((k) => k.activityId));
  const existing = await db
    .select()
    .from(learningProgress)
    .where(sql`(${learningProgress.personId}, ${learningProgress.activityId}) in (select * from unnest(${personIds}::uuid[], ${activityIds}::text[]))`);
  for (const row of existing) states.set(progressKey(row.personId, row.activityId), row as ProgressState);
  return states;
}

async function writeProgress(db: Db, rows: ProgressState[]): Promise<void> {
  // Rows travel as one JSON parameter per chunk: building thousands of bound parameters costs more than the write.
  for (const batch of chunks(rows, INSERT_CHUNK)) {
    const json = JSON.stringify(
      batch.map((r) => ({
        organisation_id: r.organisationId,
        person_id: r.personId,
        activity_id: r.activityId,
        activity_name: r.activityName,
        status: r.status,
        completed: r.completed,
        success: r.success,
        progress: r.progress,
        score_scaled: r.scoreScaled,
        study_seconds: r.studySeconds,
        statements: r.statements,
        first_at: r.firstAt,
        last_at: r.lastAt,
      })),
    );
    await db.execute(sql`
      insert into learning_progress (organisation_id, person_id, activity_id, activity_name, status, completed, success, progress, score_scaled,
        study_seconds, statements, first_at, last_at)
      select * from jsonb_to_recordset(${json}::jsonb) as r(organisation_id uuid, person_id uuid, activity_id text, activity_name text,
        status text, completed boolean, success boolean, progress integer, score_scaled real, study_seconds integer, statements integer,
        first_at timestamptz, last_at timestamptz)
      on conflict (person_id, activity_id) do update set organisation_id = excluded.organisation_id, activity_name = excluded.activity_name,
        status = excluded.status, completed = excluded.completed, success = excluded.success, progress = excluded.progress,
        score_scaled = excluded.score_scaled, study_seconds = excluded.study_seconds, statements = excluded.statements,
        first_at = excluded.first_at, last_at = excluded.last_at`);
  }
}

/** Adds study seconds per person, activity and day. */
async function addStudyTime(db: Db, rows: (typeof learningStudyTime.$inferInsert & { seconds: number })[]): Promise<void> {
  for (const batch of chunks(rows, INSERT_CHUNK)) {
    const json = JSON.stringify(batch.map((r) => ({ organisation_id: r.organisationId, person_id: r.personId, activity_id: r.activityId, day: r.day, seconds: r.seconds })));
    await db.execute(sql`
      insert into learning_study_time (organisation_id, person_id, activity_id, day, seconds)
      select * from jsonb_to_recordset(${json}::jsonb) as r(organisation_id uuid, person_id uuid, activity_id text, day date, seconds integer)
      on conflict (person_id, activity_id, day) do update set seconds = learning_study_time.seconds + excluded.seconds, organisation_id = excluded.organisation_id`);
  }
}

/** Adds answers per person and knowledge point. */
async function addPointScores(db: Db, rows: PointRow[]): Promise<void> {
  for (const batch of chunks(rows, INSERT_CHUNK)) {
    const json = JSON.stringify(
      batch.map((r) => ({ organisation_id: r.organisationId, person_id: r.personId, knowledge_point_id: r.knowledgePointId, attempts: r.attempts, correct: r.correct, last_at: r.lastAt })),
    );
    await db.execute(sql`
      insert into knowledge_point_scores (organisation_id, person_id, knowledge_point_id, attempts, correct, last_at)
      select * from jsonb_to_recordset(${json}::jsonb) as r(organisation_id uuid, person_id uuid, knowledge_point_id text, attempts integer, correct integer, last_at timestamptz)
      on conflict (person_id, knowledge_point_id) do update set attempts = knowledge_point_scores.attempts + excluded.attempts,
        correct = knowledge_point_scores.correct + excluded.correct, last_at = greatest(knowledge_point_scores.last_at, excluded.last_at),
        organisation_id = excluded.organisation_id`);
  }
}

/**
 * Recomputes what the target of a voiding statement had touched, from the person's other statements up to the voiding
 * one; answers the target (for the listeners) when it was a person's statement.
 */
async function recomputeVoided(db: Db, voiding: StatementRow, publicUrl: string): Promise<VoidedStatement | null> {
  const [target] = await db
    .select({
      seq: S.seq,
      personId: S.personId,
      activityId: S.activityId,
      result: sql<unknown>`${S.statement}->'result'`,
      contextActivities: sql<unknown>`${S.statement}->'context'->'contextActivities'`,
    })
    .from(S)
    .where(and(eq(S.id, voiding.voidsId!), eq(S.organisationId, voiding.organisationId)));
  if (!target?.personId) return null;
  const personId = target.personId;
  const voided = { seq: target.seq, personId };
  const upToVoiding = and(eq(S.personId, personId), eq(S.voided, false), lte(S.seq, voiding.seq));

  if (target.activityId) {
    await db.delete(learningProgress).where(and(eq(learningProgress.personId, personId), eq(learningProgress.activityId, target.activityId)));
    await db.delete(learningStudyTime).where(and(eq(learningStudyTime.personId, personId), eq(learningStudyTime.activityId, target.activityId)));
    const history = await readStatements(db, and(upToVoiding, eq(S.activityId, target.activityId)));
    await applyRun(db, history, publicUrl, { progress: true, points: false });
  }

  const pointIds = new Set(knowledgePointsOf(target, publicUrl)?.ids ?? []);
  if (!pointIds.size) return voided;
  const listed = sql.join([...pointIds].map((id) => sql`${id}`), sql`, `);
  await db.delete(knowledgePointScores).where(and(eq(knowledgePointScores.personId, personId), sql`${knowledgePointScores.knowledgePointId} in (${listed})`));
  const graded = await readStatements(db, and(upToVoiding, isNotNull(sql`${S.statement}->'result'->'success'`)));
  await applyRun(db, graded, publicUrl, { progress: false, points: pointIds });
  return voided;
}

/** Applies statements in order, recomputing at each voiding statement; answers the persons' statements voided. */
async function applyStatements(db: Db, rows: StatementRow[], publicUrl: string): Promise<VoidedStatement[]> {
  let run: StatementRow[] = [];
  const voided: VoidedStatement[] = [];
  for (const row of rows) {
    if (row.voidsId && !row.voided) {
      await applyRun(db, run, publicUrl);
      run = [];
      const target = await recomputeVoided(db, row, publicUrl);
      if (target) voided.push(target);
    } else {
      run.push(row);
    }
  }
  await applyRun(db, run, publicUrl);
  return voided;
}

/** What a projection listener learns of a batch: the statements about known people, as the projector read them. */
export interface ProjectedStatement {
  /** The statement's position in the store: increasing, so a listener can tell what it has already applied. */
  seq: number;
  organisationId: string;
  personId: string;
  activityId: string | null;
  verbId: string;
  timestamp: Date;
  voided: boolean;
  /** For a graded statement about knowledge points (result.success and knowledge points in its context): which, and whether right. */
  graded: { knowledgePointIds: string[]; success: boolean } | null;
}
/**
 * A person's statement voided by a statement of the batch (the voiding statement's actor may be no person at all, so
 * it need not be among the batch's ProjectedStatements). Met again on a rebuild.
 */
export interface VoidedStatement {
  seq: number;
  personId: string;
}
/** Runs inside the batch's transaction after the learning tables were updated, so what it derives moves with the cursor. */
export type ProjectionListener = (tx: Db, statements: ProjectedStatement[], publicUrl: string, voided: VoidedStatement[]) => Promise<void>;
const listeners: ProjectionListener[] = [];

/** Derived figures of other modules (competency levels, certificates, report rollups) follow the projector through this. */
export function onProjected(listener: ProjectionListener): void {
  if (!listeners.includes(listener)) listeners.push(listener);
}

async function notifyListeners(tx: Db, rows: StatementRow[], publicUrl: string, voided: VoidedStatement[]): Promise<void> {
  if (!listeners.length) return;
  const statements = rows
    .filter((row) => row.personId !== null)
    .map((row) => {
      const graded = knowledgePointsOf(row, publicUrl);
      return {
        seq: row.seq,
        organisationId: row.organisationId,
        personId: row.personId!,
        activityId: row.activityId,
        verbId: row.verbId,
        timestamp: row.timestamp,
        voided: row.voided,
        graded: graded && { knowledgePointIds: graded.ids, success: graded.success },
      };
    });
  if (!statements.length && !voided.length) return;
  for (const listener of listeners) await listener(tx, statements, publicUrl, voided);
}

/** One batch in one transaction: lock the cursor, apply what follows it, move it. */
async function projectBatch(tx: Db, fenceKey: Db, publicUrl: string): Promise<{ read: number; cursor: number; moved: boolean }> {
  await tx.insert(xapiProjectionCursors).values({ name: CURSOR, lastSeq: 0 }).onConflictDoNothing();
  const [cursorRow] = await tx.select().from(xapiProjectionCursors).where(eq(xapiProjectionCursors.name, CURSOR)).for('update');
  const cursor = cursorRow!.lastSeq;
  let rows = await readStatements(tx, gt(S.seq, cursor), BATCH);
  let taken = appliable(rows, cursor, cursor);
  if (taken.length < rows.length) {
    const resolved = await resolvedThrough(tx, fenceKey);
    if (resolved !== null) {
      // A fresh read (READ COMMITTED: a new snapshot) sees every statement ≤ resolved that will ever be committed.
      rows = await readStatements(tx, gt(S.seq, cursor), BATCH);
      taken = appliable(rows, cursor, resolved);
    }
  }
  if (!taken.length) return { read: 0, cursor, moved: false };
  const voided = await applyStatements(tx, taken, publicUrl);
  await notifyListeners(tx, taken, publicUrl, voided);
  const next = taken[taken.length - 1]!.seq;
  await tx.update(xapiProjectionCursors).set({ lastSeq: next, updatedAt: sql`now()` }).where(eq(xapiProjectionCursors.name, CURSOR));
  return { read: taken.length, cursor: next, moved: true };
}

/**
 * Applies every statement stored since the last run, in batches, and returns how many it read. Safe to run from
 * several processes at once: the cursor row's lock serialises them.
 */
export async function projectPending(db: Db, publicUrl: string, onProgress?: (done: number, total: number) => void): Promise<number> {
  let total = 0;
  if (onProgress) {
    const [cursorRow] = await db.select().from(xapiProjectionCursors).where(eq(xapiProjectionCursors.name, CURSOR));
    const [pending] = await db.select({ n: count() }).from(S).where(gt(S.seq, cursorRow?.lastSeq ?? 0));
    total = Number(pending?.n ?? 0);
    onProgress(0, total);
  }
  let done = 0;
  for (;;) {
    const step = await db.transaction((tx) => projectBatch(tx as unknown as Db, db, publicUrl));
    if (!step.moved) break;
    done += step.read;
    onProgress?.(Math.min(done, total), total);
  }
  return done;
}

/** Empties the derived tables and projects every statement again: after a change of the rules, or to check them. */
export async function rebuildProjection(db: Db, publicUrl: string, onProgress?: (done: number, total: number) => void): Promise<number> {
  await db.transaction(async (tx) => {
    await tx.insert(xapiProjectionCursors).values({ name: CURSOR, lastSeq: 0 }).onConflictDoNothing();
    await tx.select().from(xapiProjectionCursors).where(eq(xapiProjectionCursors.name, CURSOR)).for('update');
    await tx.delete(learningProgress);
    await tx.delete(learningStudyTime);
    await tx.delete(knowledgePointScores);
    await tx.update(xapiProjectionCursors).set({ lastSeq: 0, updatedAt: sql`now()` }).where(eq(xapiProjectionCursors.name, CURSOR));
  });
  return projectPending(db, publicUrl, onProgress);
}

/** One run at a time per database; a request while one runs asks for one more run after it. */
interface RunState {
  current: Promise<unknown> | null;
  next: Promise<unknown> | null;
}
const runs = new WeakMap<Db, RunState>();

function requestRun(db: Db, publicUrl: string): Promise<unknown> {
  let state = runs.get(db);
  if (!state) {
    state = { current: null, next: null };
    runs.set(db, state);
  }
  const start = (): Promise<unknown> => {
    const run = projectPending(db, publicUrl).finally(() => {
      if (state.current === run) state.current = null;
    });
    state.current = run;
    return run;
  };
  if (!state.current) return start();
  // The running pass may have read before the caller's statements were committed: queue exactly one more.
  state.next ??= state.current
    .catch(() => undefined)
    .then(() => {
      state.next = null;
      return start();
    });
  return state.next;
}

/**
 * Brings the derived learning tables up to date with newly stored statements, in the background, so storing a
 * statement never waits for the projection nor fails because of it (failures are logged; the next run retries).
 */
export function scheduleProjection(db: Db, publicUrl: string): void {
  // Writes close together share one run: under a steady stream of batches the projector wakes a few times a second
  // and applies what has arrived, instead of re-reading the same pending rows after every batch.
  if (pending.has(db)) return;
  const handle = setTimeout(() => {
    pending.delete(db);
    requestRun(db, publicUrl).catch((error: unknown) => {
      console.error('learning record projection failed (it is retried on the next statement or read):', error);
    });
  }, PROJECTION_DELAY_MS);
  handle.unref();
  pending.set(db, { handle, publicUrl });
}
const PROJECTION_DELAY_MS = 500;
const pending = new Map<Db, { handle: NodeJS.Timeout; publicUrl: string }>();

/** Waits for a projection run that starts after this call, so a read that follows a write sees what was written. */
export async function catchUpProjection(db: Db, publicUrl: string): Promise<void> {
  await requestRun(db, publicUrl);
}

/** The seq the projection has reached (for the command line's report and for tests). */
export async function projectionCursor(db: Db): Promise<number> {
  const [row] = await db.select().from(xapiProjectionCursors).where(eq(xapiProjectionCursors.name, CURSOR));
  return row?.lastSeq ?? 0;
}

/** Waits until no projection run is going or queued (errors ignored), so a server can close its database cleanly. */
export async function settleProjection(db: Db): Promise<void> {
  const timer = pending.get(db);
  if (timer) {
    clearTimeout(timer.handle);
    pending.delete(db);
    await requestRun(db, timer.publicUrl).catch(() => undefined);
  }
  for (let state = runs.get(db); state && (state.current || state.next); state = runs.get(db)) {
    await Promise.allSettled([state.current, state.next]);
  }
}
