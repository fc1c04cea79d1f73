import { MASTERY_MIN_ANSWERS, MASTERY_MIN_CORRECT_RATE } from '@fulcrum/shared';

/*
 * Competency levels from answers. A knowledge point is mastered once a person has at least MASTERY_MIN_ANSWERS graded
 * answers on it and at least MASTERY_MIN_CORRECT_RATE of all of them are correct (the projection keeps totals, not
 * the order of answers, so the share is over all answers). A person's level in a competency is the highest level L
 * such that every knowledge point the competency requires at levels ≤ L is mastered, capped at the highest level
 * that names any knowledge point (a level with nothing to show is not reached by default). A certificate that vouches
 * for a level counts too: the level held is the highest of the sources.
 */

export interface Answers {
  attempts: number;
  correct: number;
}

export function isMastered(answers: Answers | undefined): boolean {
  if (!answers || answers.attempts < MASTERY_MIN_ANSWERS) return false;
  return answers.correct >= answers.attempts * MASTERY_MIN_CORRECT_RATE;
}

/** A competency as levels read it: the knowledge points it requires, each from a level on. */
export interface CompetencyPoints {
  maxLevel: number;
  points: { knowledgePointId: string; level: number }[];
}

/** The level the knowledge points give, 0 when even level 1 is not reached. */
export function knowledgeLevel(competency: CompetencyPoints, answers: ReadonlyMap<string, Answers>): number {
  if (!competency.points.length) return 0;
  let level = Math.min(competency.maxLevel, Math.max(...competency.points.map((p) => p.level)));
  for (const point of competency.points) {
    if (!isMastered(answers.get(point.knowledgePointId))) level = Math.min(level, point.level - 1);
  }
  return Math.max(0, level);
}

export type LevelSource = 'knowledge' | 'certificate';

/** The level held and the source that gives it (knowledge wins a tie). */
export function heldLevel(fromKnowledge: number, fromCertificate: number): { level: number; source: LevelSource } {
  return fromCertificate > fromKnowledge ? { level: fromCertificate, source: 'certificate' } : { level: fromKnowledge, source: 'knowledge' };
}
