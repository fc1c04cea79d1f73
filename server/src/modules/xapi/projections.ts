import { fulcrumVerbIri, parseLearningActivityIri, xapiVerbs, type LearningProgressRow } from '@fulcrum/shared';
import { shanghaiDateOf, type IsoDate } from '../../lib/working-days.ts';

/*
 * The rules that turn one stored statement into changes of the derived learning tables. Pure: the projector
 * (projector.ts) reads statements in `seq` order and folds them through these functions, so an incremental run and a
 * rebuild from nothing give the same rows.
 *
 * Status. A learner's standing on an activity has two tiers:
 * - outcomes, which stick: completed (also cmi5's satisfied) < failed < waived < passed. A later statement only moves
 *   the outcome up this order, so "terminated" or "failed" after "passed" keeps "passed", and "failed" after
 *   "completed" shows the more informative "failed" (the `completed` flag stays true beside it);
 * - session states, for a learner without an outcome yet: launched, in_progress (initialized, progressed, and the
 *   activity verbs experienced / attended / checked-in), terminated, abandoned. The state of the statement with the
 *   latest timestamp wins (a new launch after a terminated session shows "launched" again; a late-arriving older
 *   statement changes nothing).
 * An outcome always outranks a session state.
 *
 * Completion, success, progress and score never go back: completed and waived set `completed` and progress 100;
 * passed and waived set success true, failed sets it false only while it is not already true; progress is the highest
 * cmi5 progress extension reported; the score is the best `result.score.scaled` of the deciding kind (a first pass
 * replaces earlier failing scores; a failure after a pass does not touch the score).
 *
 * Study time is the `result.duration` of statements that measure a whole stretch of learning: the session-ending
 * terminated and abandoned (cmi5 gives them the session's length) and experienced / attended. The durations of
 * completed, passed and failed are not added: cmi5 has them measure from the session's start too, so they overlap the
 * terminated statement's duration of the same session. A duration counts on the Asia/Shanghai day of the statement's
 * timestamp and at most MAX_STATEMENT_SECONDS.
 *
 * Knowledge points: a statement with a boolean `result.success` whose context activities (`category` or `other`) name
 * Fulcrum knowledge points (`<publicUrl>/xapi/activities/knowledge-point/<id>`) adds an attempt to each, and a correct
 * answer when successful. Other verbs (answered, attempted, anything an authoring tool invents) do not make progress
 * rows; they count only for knowledge points.
 */

/** One statement as the projector reads it: the indexed columns and the parts of the JSON the rules look at. */
export interface StatementFacts {
  organisationId: string;
  personId: string;
  activityId: string | null;
  verbId: string;
  timestamp: Date;
  /** `statement.result`. */
  result: unknown;
  /** `statement.context.contextActivities`. */
  contextActivities: unknown;
  /** `statement.object.definition.name`, a language map. */
  activityName: unknown;
}

export type LearningStatus = LearningProgressRow['status'];

/** A learner's row on one activity, as learning_progress stores it. */
export interface ProgressState {
  organisationId: string;
  personId: string;
  activityId: string;
  activityName: string | null;
  status: LearningStatus;
  completed: boolean;
  success: boolean | null;
  progress: number | null;
  scoreScaled: number | null;
  studySeconds: number;
  statements: number;
  firstAt: Date;
  lastAt: Date;
}

/** What a verb does to a learner's standing; `activity` is learning without an outcome (experienced …). */
export type VerbEffect =
  | 'launched'
  | 'initialized'
  | 'progressed'
  | 'completed'
  | 'passed'
  | 'failed'
  | 'abandoned'
  | 'waived'
  | 'terminated'
  | 'satisfied'
  | 'activity';

/** The cmi5 result extension carrying a progress percentage. */
export const CMI5_PROGRESS_EXTENSION = 'https://w3id.org/xapi/cmi5/result/extensions/progress';
/** One statement's duration counts for at most a day: a tab left open over a weekend is not three days of study. */
export const MAX_STATEMENT_SECONDS = 24 * 3600;

const effectByVerb = new Map<string, VerbEffect>([
  [xapiVerbs.launched, 'launched'],
  [xapiVerbs.initialized, 'initialized'],
  [xapiVerbs.progressed, 'progressed'],
  [xapiVerbs.completed, 'completed'],
  [xapiVerbs.passed, 'passed'],
  [xapiVerbs.failed, 'failed'],
  [xapiVerbs.abandoned, 'abandoned'],
  [xapiVerbs.waived, 'waived'],
  [xapiVerbs.terminated, 'terminated'],
  [xapiVerbs.satisfied, 'satisfied'],
  [xapiVerbs.experienced, 'activity'],
  [xapiVerbs.attended, 'activity'],
]);

/** The effect of a verb on progress rows, or null for verbs that only count for knowledge points. */
export function verbEffect(verbId: string, publicUrl: string): VerbEffect | null {
  return effectByVerb.get(verbId) ?? (verbId === fulcrumVerbIri(publicUrl, 'checked-in') ? 'activity' : null);
}

/** Verbs whose duration is a stretch of study of its own (see the module comment for why not completed/passed/failed). */
const timedVerbs = new Set<string>([xapiVerbs.terminated, xapiVerbs.abandoned, xapiVerbs.experienced, xapiVerbs.attended]);

type Outcome = 'completed' | 'failed' | 'waived' | 'passed';
const outcomeRank: Record<Outcome, number> = { completed: 1, failed: 2, waived: 3, passed: 4 };
const isOutcome = (status: LearningStatus): status is Outcome => status in outcomeRank;

/** The status a verb effect stands for (satisfied is a completion; the activity verbs are learning in progress). */
function statusOf(effect: VerbEffect): LearningStatus {
  switch (effect) {
    case 'satisfied':
      return 'completed';
    case 'initialized':
    case 'progressed':
    case 'activity':
      return 'in_progress';
    default:
      return effect;
  }
}

const asRecord = (value: unknown): Record<string, unknown> | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/** A language map's text for people reading Chinese first: zh-CN, then en-US, then any language. */
export function displayName(languageMap: unknown): string | null {
  const map = asRecord(languageMap);
  if (!map) return null;
  const entries = Object.entries(map).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].trim() !== '');
  const byTag = (tag: string) => entries.find(([key]) => key.toLowerCase() === tag)?.[1];
  return byTag('zh-cn') ?? byTag('en-us') ?? entries[0]?.[1] ?? null;
}

const durationPattern =
  /^P(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;
const DAY_SECONDS = 86_400;
/** Seconds per unit of P…Y…M…W…DT…H…M…S; years and months have no fixed length and are taken as 365 and 30 days. */
const unitSeconds = [365 * DAY_SECONDS, 30 * DAY_SECONDS, 7 * DAY_SECONDS, DAY_SECONDS, 3600, 60, 1];

/** Seconds of an ISO 8601 duration (`PT1H2M3.5S`, `P1DT2H`), or null when the text is not one. */
export function durationSeconds(text: unknown): number | null {
  if (typeof text !== 'string') return null;
  const match = durationPattern.exec(text);
  if (!match || text === 'P' || text.endsWith('T')) return null;
  let seconds = 0;
  for (let i = 0; i < unitSeconds.length; i++) {
    const part = match[i + 1];
    if (part !== undefined) seconds += Number(part.replace(',', '.')) * unitSeconds[i]!;
  }
  return seconds;
}

/** The whole seconds of study a statement adds (0 when its verb does not measure study or it has no duration). */
export function studySecondsOf(facts: Pick<StatementFacts, 'verbId' | 'result'>): number {
  if (!timedVerbs.has(facts.verbId)) return 0;
  const seconds = durationSeconds(asRecord(facts.result)?.duration);
  return seconds === null ? 0 : Math.round(Math.min(seconds, MAX_STATEMENT_SECONDS));
}

/** The day a statement's study time counts on: the learner's calendar day in Beijing. */
export function studyDayOf(timestamp: Date): IsoDate {
  return shanghaiDateOf(timestamp);
}

function progressExtension(result: Record<string, unknown> | null): number | null {
  const value = asRecord(result?.extensions)?.[CMI5_PROGRESS_EXTENSION];
  return typeof value === 'number' && Number.isFinite(value) ? Math.round(Math.min(100, Math.max(0, value))) : null;
}

function scaledScore(result: Record<string, unknown> | null): number | null {
  const scaled = asRecord(result?.score)?.scaled;
  return typeof scaled === 'number' && Number.isFinite(scaled) ? scaled : null;
}

const max = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));

/**
 * The row after one more statement (in `seq` order), or the row unchanged when the statement's verb does not make
 * progress. A statement of a person on an activity without a row yet starts one.
 */
export function applyToProgress(row: ProgressState | undefined, facts: StatementFacts, publicUrl: string): ProgressState | undefined {
  const effect = verbEffect(facts.verbId, publicUrl);
  if (!effect || !facts.activityId) return row;
  const at = facts.timestamp;
  const next: ProgressState = row
    ? { ...row }
    : {
        organisationId: facts.organisationId,
        personId: facts.personId,
        activityId: facts.activityId,
        activityName: null,
        status: statusOf(effect),
        completed: false,
        success: null,
        progress: null,
        scoreScaled: null,
        studySeconds: 0,
        statements: 0,
        firstAt: at,
        lastAt: at,
      };
  const result = asRecord(facts.result);
  const status = statusOf(effect);
  if (row) {
    if (isOutcome(status)) {
      if (!isOutcome(row.status) || outcomeRank[status] > outcomeRank[row.status]) next.status = status;
    } else if (!isOutcome(row.status) && at.getTime() >= row.lastAt.getTime()) {
      next.status = status;
    }
  }

  if (effect === 'completed' || effect === 'satisfied' || effect === 'waived') {
    next.completed = true;
    next.progress = 100;
  } else if (effect === 'progressed') {
    next.progress = max(next.progress, progressExtension(result));
  }
  if (effect === 'passed' || effect === 'waived') {
    // A first pass replaces the scores of earlier failures; later passes keep the best.
    const score = effect === 'passed' ? scaledScore(result) : null;
    next.scoreScaled = next.success === true ? max(next.scoreScaled, score) : (score ?? next.scoreScaled);
    next.success = true;
  } else if (effect === 'failed' && next.success !== true) {
    next.success = false;
    next.scoreScaled = max(next.scoreScaled, scaledScore(result));
  }

  next.studySeconds += studySecondsOf(facts);
  next.statements += 1;
  next.organisationId = facts.organisationId;
  next.activityName = displayName(facts.activityName) ?? next.activityName;
  if (at < next.firstAt) next.firstAt = at;
  if (at > next.lastAt) next.lastAt = at;
  return next;
}

/** The knowledge points a graded statement names, with whether it was answered right; null when it is not graded or names none. */
export function knowledgePointsOf(facts: Pick<StatementFacts, 'result' | 'contextActivities'>, publicUrl: string): { ids: string[]; success: boolean } | null {
  const success = asRecord(facts.result)?.success;
  if (typeof success !== 'boolean') return null;
  const context = asRecord(facts.contextActivities);
  if (!context) return null;
  const ids = new Set<string>();
  for (const list of [context.category, context.other]) {
    for (const activity of Array.isArray(list) ? list : list ? [list] : []) {
      const id = asRecord(activity)?.id;
      if (typeof id !== 'string') continue;
      const parsed = parseLearningActivityIri(publicUrl, id);
      if (parsed?.kind === 'knowledge-point') ids.add(parsed.id);
    }
  }
  return ids.size ? { ids: [...ids], success } : null;
}
