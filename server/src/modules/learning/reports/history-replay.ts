import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { chunks, INSERT_CHUNK } from '../../../lib/list.ts';
import { knowledgePointsOf } from '../../xapi/projections.ts';
import { heldLevel, knowledgeLevel, type Answers, type CompetencyPoints } from './mastery.ts';

/*
 * Rebuilds competency_level_history of one organisation from its records in the order things happened: every graded
 * answer (from the stored statements) and every certificate that vouches for a level, by timestamp. The projector's
 * listener records changes in the order statements arrive, at their timestamps; records loaded in bulk (the demo, an
 * import of past learning) arrive out of time order, so their history is rebuilt this way once, outside any request.
 */

interface AnswerEvent {
  kind: 'answer';
  personId: string;
  at: Date;
  pointIds: string[];
  success: boolean;
}
interface CertificateEvent {
  kind: 'certificate';
  personId: string;
  at: Date;
  competencyId: string;
  level: number;
}
type LevelEvent = AnswerEvent | CertificateEvent;

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

async function answerEvents(db: Db, organisationId: string, publicUrl: string): Promise<AnswerEvent[]> {
  const result = await db.execute(sql`
    select person_id, timestamp, statement->'result' as result, statement->'context'->'contextActivities' as context_activities
    from xapi_statements
    where organisation_id = ${organisationId} and person_id is not null and not voided and statement->'result'->'success' is not null`);
  const events: AnswerEvent[] = [];
  for (const r of rowsOf<{ person_id: string; timestamp: string | Date; result: unknown; context_activities: unknown }>(result)) {
    const graded = knowledgePointsOf({ result: r.result, contextActivities: r.context_activities }, publicUrl);
    if (graded) events.push({ kind: 'answer', personId: r.person_id, at: new Date(r.timestamp), pointIds: graded.ids, success: graded.success });
  }
  return events;
}

async function certificateEvents(db: Db, organisationId: string): Promise<CertificateEvent[]> {
  const result = await db.execute(sql`
    select c.person_id, c.issued_at, r.competency_id, r.competency_level
    from learning_certificates c join certificate_rules r on r.id = c.rule_id
    where c.organisation_id = ${organisationId} and c.status <> 'revoked' and r.competency_id is not null and r.competency_level is not null`);
  return rowsOf<{ person_id: string; issued_at: string | Date; competency_id: string; competency_level: number }>(result).map((r) => ({
    kind: 'certificate',
    personId: r.person_id,
    at: new Date(r.issued_at),
    competencyId: r.competency_id,
    level: Number(r.competency_level),
  }));
}

async function allCompetencies(db: Db): Promise<{ competencies: Map<string, CompetencyPoints>; byPoint: Map<string, string[]> }> {
  const result = await db.execute(sql`
    select c.id, c.max_level, ckp.knowledge_point_id::text as point_id, ckp.level
    from competencies c join competency_knowledge_points ckp on ckp.competency_id = c.id`);
  const competencies = new Map<string, CompetencyPoints>();
  const byPoint = new Map<string, string[]>();
  for (const r of rowsOf<{ id: string; max_level: number; point_id: string; level: number }>(result)) {
    const entry = competencies.get(r.id) ?? { maxLevel: Number(r.max_level), points: [] };
    entry.points.push({ knowledgePointId: r.point_id, level: Number(r.level) });
    competencies.set(r.id, entry);
    byPoint.set(r.point_id, [...(byPoint.get(r.point_id) ?? []), r.id]);
  }
  return { competencies, byPoint };
}

/** One person's state while their events are replayed. */
interface PersonState {
  answers: Map<string, Answers>;
  certified: Map<string, number>;
  held: Map<string, number>;
}

/** Replaces the organisation's level history with the one its records give in time order; answers the rows written. */
export async function replayLevelHistory(db: Db, organisationId: string, publicUrl: string): Promise<number> {
  const events: LevelEvent[] = [...(await answerEvents(db, organisationId, publicUrl)), ...(await certificateEvents(db, organisationId))];
  events.sort((a, b) => a.at.getTime() - b.at.getTime());
  const { competencies, byPoint } = await allCompetencies(db);
  const states = new Map<string, PersonState>();
  const rows: { person_id: string; competency_id: string; level: number; source: string; effective_at: Date }[] = [];
  for (const event of events) {
    let state = states.get(event.personId);
    if (!state) states.set(event.personId, (state = { answers: new Map(), certified: new Map(), held: new Map() }));
    const touched = applyEvent(state, event, byPoint);
    for (const competencyId of touched) {
      const competency = competencies.get(competencyId);
      const held = heldLevel(competency ? knowledgeLevel(competency, state.answers) : 0, state.certified.get(competencyId) ?? 0);
      if (held.level === (state.held.get(competencyId) ?? 0)) continue;
      state.held.set(competencyId, held.level);
      rows.push({ person_id: event.personId, competency_id: competencyId, level: held.level, source: held.source, effective_at: event.at });
    }
  }
  await db.execute(sql`delete from competency_level_history where organisation_id = ${organisationId}`);
  for (const batch of chunks(rows, INSERT_CHUNK)) {
    await db.execute(sql`
      insert into competency_level_history (organisation_id, person_id, competency_id, level, source, effective_at)
      select ${organisationId}::uuid, * from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb)
        as r(person_id uuid, competency_id uuid, level integer, source text, effective_at timestamptz)`);
  }
  return rows.length;
}

/** Folds one event into a person's state and answers the competencies it may have changed. */
function applyEvent(state: PersonState, event: LevelEvent, byPoint: Map<string, string[]>): string[] {
  if (event.kind === 'certificate') {
    state.certified.set(event.competencyId, Math.max(state.certified.get(event.competencyId) ?? 0, event.level));
    return [event.competencyId];
  }
  const touched: string[] = [];
  for (const pointId of event.pointIds) {
    const answers = state.answers.get(pointId) ?? { attempts: 0, correct: 0 };
    state.answers.set(pointId, { attempts: answers.attempts + 1, correct: answers.correct + (event.success ? 1 : 0) });
    touched.push(...(byPoint.get(pointId) ?? []));
  }
  return [...new Set(touched)];
}
