import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { chunks, INSERT_CHUNK } from '../../../lib/list.ts';
import { heldLevel, knowledgeLevel, type Answers, type CompetencyPoints, type LevelSource } from './mastery.ts';

/*
 * Competency levels of people, from the projected knowledge-point scores and the certificates that vouch for a level,
 * kept as a history in competency_level_history: a row is appended only when the level held changes, so the level at
 * any past moment is the latest row at or before it.
 */

/** A person in the organisation whose records count, and the moment a change would take effect. */
export interface LevelSubject {
  organisationId: string;
  personId: string;
  at: Date;
}

const keyOf = (organisationId: string, personId: string) => `${organisationId}\n${personId}`;
const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

function pairsParams(subjects: readonly Pick<LevelSubject, 'organisationId' | 'personId'>[]) {
  return {
    orgs: sql.param(subjects.map((s) => s.organisationId)),
    persons: sql.param(subjects.map((s) => s.personId)),
  };
}

type Nested<V> = Map<string, Map<string, V>>;
function put<V>(map: Nested<V>, key: string, inner: string, value: V) {
  const entry = map.get(key) ?? new Map<string, V>();
  entry.set(inner, value);
  map.set(key, entry);
}

async function answersOf(db: Db, subjects: readonly LevelSubject[]): Promise<Nested<Answers>> {
  const { orgs, persons } = pairsParams(subjects);
  const result = await db.execute(sql`
    select s.organisation_id, s.person_id, s.knowledge_point_id, s.attempts, s.correct
    from knowledge_point_scores s
    join unnest(${orgs}::uuid[], ${persons}::uuid[]) as k(org, person) on k.org = s.organisation_id and k.person = s.person_id`);
  const answers: Nested<Answers> = new Map();
  for (const r of rowsOf<{ organisation_id: string; person_id: string; knowledge_point_id: string; attempts: number; correct: number }>(result)) {
    put(answers, keyOf(r.organisation_id, r.person_id), r.knowledge_point_id, { attempts: Number(r.attempts), correct: Number(r.correct) });
  }
  return answers;
}

/** Levels that valid (not revoked) certificates vouch for, issued up to each subject's moment. */
async function certificateLevelsOf(db: Db, subjects: readonly LevelSubject[]): Promise<Nested<number>> {
  const { orgs, persons } = pairsParams(subjects);
  const ats = sql.param(subjects.map((s) => s.at.toISOString()));
  const result = await db.execute(sql`
    select k.org as organisation_id, k.person as person_id, r.competency_id, max(r.competency_level)::int as level
    from unnest(${orgs}::uuid[], ${persons}::uuid[], ${ats}::timestamptz[]) as k(org, person, at)
    join learning_certificates c on c.person_id = k.person and c.organisation_id = k.org and c.status <> 'revoked' and c.issued_at <= k.at
    join certificate_rules r on r.id = c.rule_id and r.competency_id is not null and r.competency_level is not null
    group by k.org, k.person, r.competency_id`);
  const levels: Nested<number> = new Map();
  for (const r of rowsOf<{ organisation_id: string; person_id: string; competency_id: string; level: number }>(result)) {
    put(levels, keyOf(r.organisation_id, r.person_id), r.competency_id, Number(r.level));
  }
  return levels;
}

/** The latest history row per person and competency: the level held now, and since when. */
export async function currentLevelsOf(db: Db, subjects: readonly Pick<LevelSubject, 'organisationId' | 'personId'>[]): Promise<Nested<{ level: number; effectiveAt: Date }>> {
  const { orgs, persons } = pairsParams(subjects);
  const result = await db.execute(sql`
    select distinct on (h.organisation_id, h.person_id, h.competency_id) h.organisation_id, h.person_id, h.competency_id, h.level, h.effective_at
    from competency_level_history h
    join unnest(${orgs}::uuid[], ${persons}::uuid[]) as k(org, person) on k.org = h.organisation_id and k.person = h.person_id
    order by h.organisation_id, h.person_id, h.competency_id, h.effective_at desc, h.id desc`);
  const levels: Nested<{ level: number; effectiveAt: Date }> = new Map();
  for (const r of rowsOf<{ organisation_id: string; person_id: string; competency_id: string; level: number; effective_at: string | Date }>(result)) {
    put(levels, keyOf(r.organisation_id, r.person_id), r.competency_id, { level: Number(r.level), effectiveAt: new Date(r.effective_at) });
  }
  return levels;
}

/** The knowledge points (with their levels) of the competencies that name any of the given knowledge points. */
export async function competenciesOfPoints(db: Db, pointIds: readonly string[]): Promise<Map<string, CompetencyPoints>> {
  const competencies = new Map<string, CompetencyPoints>();
  if (!pointIds.length) return competencies;
  const result = await db.execute(sql`
    select c.id as competency_id, c.max_level, ckp.knowledge_point_id::text as knowledge_point_id, ckp.level
    from competencies c join competency_knowledge_points ckp on ckp.competency_id = c.id
    where c.id in (select competency_id from competency_knowledge_points where knowledge_point_id::text = any(${sql.param([...pointIds])}::text[]))`);
  for (const r of rowsOf<{ competency_id: string; max_level: number; knowledge_point_id: string; level: number }>(result)) {
    const entry = competencies.get(r.competency_id) ?? { maxLevel: Number(r.max_level), points: [] };
    entry.points.push({ knowledgePointId: r.knowledge_point_id, level: Number(r.level) });
    competencies.set(r.competency_id, entry);
  }
  return competencies;
}

export interface HeldLevel {
  level: number;
  source: LevelSource;
}

/** The level each subject holds in each competency their answers, certificates or history touch. */
export function levelsFrom(
  subject: Pick<LevelSubject, 'organisationId' | 'personId'>,
  inputs: { answers: Nested<Answers>; certificates: Nested<number>; current: Nested<{ level: number }>; competencies: Map<string, CompetencyPoints> },
): Map<string, HeldLevel> {
  const key = keyOf(subject.organisationId, subject.personId);
  const answers = inputs.answers.get(key) ?? new Map<string, Answers>();
  const certified = inputs.certificates.get(key) ?? new Map<string, number>();
  const touched = new Set([...certified.keys(), ...(inputs.current.get(key)?.keys() ?? [])]);
  for (const [competencyId, competency] of inputs.competencies) {
    if (competency.points.some((p) => answers.has(p.knowledgePointId))) touched.add(competencyId);
  }
  const held = new Map<string, HeldLevel>();
  for (const competencyId of touched) {
    const competency = inputs.competencies.get(competencyId);
    held.set(competencyId, heldLevel(competency ? knowledgeLevel(competency, answers) : 0, certified.get(competencyId) ?? 0));
  }
  return held;
}

interface HistoryRow {
  organisationId: string;
  personId: string;
  competencyId: string;
  level: number;
  source: LevelSource;
  effectiveAt: Date;
}

async function appendHistory(db: Db, rows: HistoryRow[]): Promise<void> {
  for (const batch of chunks(rows, INSERT_CHUNK)) {
    const json = JSON.stringify(
      batch.map((r) => ({ organisation_id: r.organisationId, person_id: r.personId, competency_id: r.competencyId, level: r.level, source: r.source, effective_at: r.effectiveAt })),
    );
    await db.execute(sql`
      insert into competency_level_history (organisation_id, person_id, competency_id, level, source, effective_at)
      select * from jsonb_to_recordset(${json}::jsonb) as r(organisation_id uuid, person_id uuid, competency_id uuid, level integer, source text, effective_at timestamptz)`);
  }
}

/**
 * Recomputes the levels of the subjects and appends a history row wherever the level held differs from the latest
 * row; a change takes effect at the subject's moment, never before the row it follows. Answers the rows appended.
 */
export async function recordLevelChanges(db: Db, subjects: readonly LevelSubject[]): Promise<number> {
  if (!subjects.length) return 0;
  const [answers, certificates, current] = await Promise.all([answersOf(db, subjects), certificateLevelsOf(db, subjects), currentLevelsOf(db, subjects)]);
  const pointIds = new Set<string>();
  for (const byPoint of answers.values()) for (const id of byPoint.keys()) pointIds.add(id);
  const competencies = await competenciesOfPoints(db, [...pointIds]);
  const rows: HistoryRow[] = [];
  for (const subject of subjects) {
    const before = current.get(keyOf(subject.organisationId, subject.personId));
    for (const [competencyId, held] of levelsFrom(subject, { answers, certificates, current, competencies })) {
      const latest = before?.get(competencyId);
      if ((latest?.level ?? 0) === held.level) continue;
      const effectiveAt = latest && latest.effectiveAt > subject.at ? latest.effectiveAt : subject.at;
      rows.push({ ...subject, competencyId, ...held, effectiveAt });
    }
  }
  await appendHistory(db, rows.map(({ organisationId, personId, competencyId, level, source, effectiveAt }) => ({ organisationId, personId, competencyId, level, source, effectiveAt })));
  return rows.length;
}
