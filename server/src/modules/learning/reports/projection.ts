import { eq, sql } from 'drizzle-orm';
import { xapiVerbs } from '@fulcrum/shared';
import type { Db } from '../../../db/client.ts';
import { xapiProjectionCursors } from '../../../db/schema/index.ts';
import { shanghaiDateOf } from '../../../lib/working-days.ts';
import { chunks, INSERT_CHUNK } from '../../../lib/list.ts';
import { onProjected, type ProjectedStatement } from '../../xapi/projector.ts';
import { recordLevelChanges, type LevelSubject } from './levels.ts';
import { refreshRollups } from './rollups.ts';

/*
 * What reports derive from the learning projection, in the projection's own transaction: first completions, the
 * daily rollups of the days a batch touches, and competency levels of the people in the batch.
 *
 * Rebuilds. Completions keep the earliest moment and rollups are recomputed, so both come out the same on a replay.
 * Level history is appended, so a replay must not append again: while a rebuild replays statements the levels were
 * already recorded for (its knowledge-point scores are still partial), nothing is appended. The mark is the highest
 * position of the learning cursor this listener has seen (row 'competency-levels' of xapi_projection_cursors); a batch
 * that starts below it is a replay. Once the replay passes the mark, the scores are whole again and levels are
 * compared with the latest row as usual, which appends only real changes.
 */

const LEARNING_CURSOR = 'learning';
const LEVELS_MARK = 'competency-levels';
const completionVerbs = new Set<string>([xapiVerbs.completed, xapiVerbs.passed]);

async function isReplay(tx: Db): Promise<boolean> {
  const [learning] = await tx.select().from(xapiProjectionCursors).where(eq(xapiProjectionCursors.name, LEARNING_CURSOR));
  const position = learning?.lastSeq ?? 0;
  await tx.insert(xapiProjectionCursors).values({ name: LEVELS_MARK, lastSeq: 0 }).onConflictDoNothing();
  const [mark] = await tx.select().from(xapiProjectionCursors).where(eq(xapiProjectionCursors.name, LEVELS_MARK)).for('update');
  if (position < (mark?.lastSeq ?? 0)) return true;
  await tx.update(xapiProjectionCursors).set({ lastSeq: position, updatedAt: sql`now()` }).where(eq(xapiProjectionCursors.name, LEVELS_MARK));
  return false;
}

async function recordCompletions(tx: Db, statements: ProjectedStatement[]): Promise<void> {
  const done = statements.filter((s) => s.activityId && completionVerbs.has(s.verbId));
  for (const batch of chunks(done, INSERT_CHUNK)) {
    const json = JSON.stringify(
      batch.map((s) => ({ organisation_id: s.organisationId, person_id: s.personId, activity_id: s.activityId, completed_at: s.timestamp, day: shanghaiDateOf(s.timestamp) })),
    );
    await tx.execute(sql`
      insert into learning_completions (organisation_id, person_id, activity_id, completed_at, day)
      select distinct on (person_id, activity_id) * from jsonb_to_recordset(${json}::jsonb)
        as r(organisation_id uuid, person_id uuid, activity_id text, completed_at timestamptz, day date)
      order by person_id, activity_id, completed_at
      on conflict (person_id, activity_id) do update set completed_at = excluded.completed_at, day = excluded.day, organisation_id = excluded.organisation_id
        where excluded.completed_at < learning_completions.completed_at`);
  }
}

/** The people of a batch, each at the moment of their latest statement in it. */
function subjectsOf(statements: ProjectedStatement[]): LevelSubject[] {
  const subjects = new Map<string, LevelSubject>();
  for (const s of statements) {
    const key = `${s.organisationId}\n${s.personId}`;
    const known = subjects.get(key);
    if (!known || s.timestamp > known.at) subjects.set(key, { organisationId: s.organisationId, personId: s.personId, at: s.timestamp });
  }
  return [...subjects.values()];
}

/** The listener itself (exported for the demo and tests, which may call it on data they load in bulk). */
export async function followProjection(tx: Db, statements: ProjectedStatement[]): Promise<void> {
  const live = statements.filter((s) => !s.voided);
  if (!live.length) return;
  await recordCompletions(tx, live);
  await refreshRollups(tx, live.map((s) => ({ organisationId: s.organisationId, day: shanghaiDateOf(s.timestamp) })));
  if (!(await isReplay(tx))) await recordLevelChanges(tx, subjectsOf(live));
}

onProjected(followProjection);
