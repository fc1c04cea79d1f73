import { MASTERED } from './bkt.ts';

/*
 * Competency levels from mastery, as the learning platform defines them: a competency names knowledge points, each from
 * a level on; level L is held when every point named at levels ≤ L is mastered. A valid certificate vouches for a level
 * (a floor), and a manager's rating may add at most one level above what the answers show. The gap to a role profile
 * is the required level minus the current one, weighted by the requirement's weight; the knowledge points still short
 * of mastery become the coach's targets.
 */

export type Localized = { 'zh-CN': string; 'en-US': string };

export interface CompetencyPoints {
  id: string;
  name: Localized;
  maxLevel: number;
  points: { knowledgePointId: string; level: number; weight?: number }[];
}

export interface LevelEvidence {
  /** The highest level a valid certificate vouches for. */
  certificateLevel?: number;
  /** A manager's rating on the competency's scale. */
  managerRating?: number;
}

export interface CompetencyLevel {
  /** The level held: the highest of the sources. */
  level: number;
  fromKnowledge: number;
  /** fromKnowledge plus the share of the next level's points mastered (0–1), for a gap that moves with every answer. */
  progress: number;
  source: 'knowledge' | 'certificate' | 'manager';
}

export type MasteryOf = (knowledgePointId: string) => number;

/** The knowledge points a required level asks for, each to be mastered (mastery ≥ target); higher levels' ask nothing. */
export function requiredMastery(pointLevel: number, requiredLevel: number, target = MASTERED): number {
  return pointLevel <= requiredLevel ? target : 0;
}

export function competencyLevel(competency: CompetencyPoints, masteryOf: MasteryOf, evidence: LevelEvidence = {}, target = MASTERED): CompetencyLevel {
  const named = competency.points.length ? Math.min(competency.maxLevel, Math.max(...competency.points.map((p) => p.level))) : 0;
  let fromKnowledge = named;
  for (const point of competency.points) {
    if (masteryOf(point.knowledgePointId) < target) fromKnowledge = Math.min(fromKnowledge, point.level - 1);
  }
  fromKnowledge = Math.max(0, fromKnowledge);
  const next = competency.points.filter((p) => p.level === fromKnowledge + 1);
  const share = next.length ? next.reduce((sum, p) => sum + Math.min(1, masteryOf(p.knowledgePointId) / target), 0) / next.length : 0;
  const progress = fromKnowledge < named ? fromKnowledge + share : fromKnowledge;
  const fromCertificate = evidence.certificateLevel ?? 0;
  const fromManager = evidence.managerRating === undefined ? 0 : Math.min(evidence.managerRating, fromKnowledge + 1);
  if (fromCertificate > fromKnowledge && fromCertificate >= fromManager) return { level: fromCertificate, fromKnowledge, progress: Math.max(progress, fromCertificate), source: 'certificate' };
  if (fromManager > fromKnowledge) return { level: fromManager, fromKnowledge, progress: Math.max(progress, fromManager), source: 'manager' };
  return { level: fromKnowledge, fromKnowledge, progress, source: 'knowledge' };
}

export interface Requirement {
  competency: CompetencyPoints;
  requiredLevel: number;
  weight: number;
  evidence?: LevelEvidence;
}

/** A knowledge point the role needs: mastery to reach, and its share of the requirements' weight. */
export interface KnowledgeTarget {
  knowledgePointId: string;
  requiredMastery: number;
  weight: number;
  competencyIds: string[];
}

export interface CompetencyGap {
  competencyId: string;
  requiredLevel: number;
  current: CompetencyLevel;
  /** Required minus current progress, never below 0. */
  gap: number;
  weightedGap: number;
  targets: KnowledgeTarget[];
}

/** Each requirement's gap and the knowledge points that would close it (none once a certificate or rating covers it). */
export function competencyGaps(requirements: readonly Requirement[], masteryOf: MasteryOf, target = MASTERED): CompetencyGap[] {
  return requirements.map((requirement) => {
    const { competency, requiredLevel, weight } = requirement;
    const current = competencyLevel(competency, masteryOf, requirement.evidence, target);
    const gap = Math.max(0, requiredLevel - current.progress);
    const needed = current.level >= requiredLevel ? [] : competency.points.filter((p) => requiredMastery(p.level, requiredLevel, target) > 0);
    const totalWeight = needed.reduce((sum, p) => sum + (p.weight ?? 1), 0);
    const targets = needed
      .filter((p) => masteryOf(p.knowledgePointId) < target)
      .map((p) => ({
        knowledgePointId: p.knowledgePointId,
        requiredMastery: requiredMastery(p.level, requiredLevel, target),
        weight: (weight * (p.weight ?? 1)) / totalWeight,
        competencyIds: [competency.id],
      }));
    return { competencyId: competency.id, requiredLevel, current, gap, weightedGap: gap * weight, targets };
  });
}

/** The role's knowledge targets, one per point: a point several competencies name needs the highest mastery and adds their weights. */
export function roleTargets(gaps: readonly CompetencyGap[]): KnowledgeTarget[] {
  const byPoint = new Map<string, KnowledgeTarget>();
  for (const target of gaps.flatMap((g) => g.targets)) {
    const seen = byPoint.get(target.knowledgePointId);
    if (!seen) byPoint.set(target.knowledgePointId, { ...target, competencyIds: [...target.competencyIds] });
    else {
      seen.requiredMastery = Math.max(seen.requiredMastery, target.requiredMastery);
      seen.weight += target.weight;
      seen.competencyIds.push(...target.competencyIds);
    }
  }
  return [...byPoint.values()];
}
