import { describe, expect, it } from 'vitest';
import { fulcrumVerbIri, learningActivityIri, xapiVerbs, type XapiVerbName } from '@fulcrum/shared';
import {
  applyToProgress,
  CMI5_PROGRESS_EXTENSION,
  displayName,
  durationSeconds,
  knowledgePointsOf,
  MAX_STATEMENT_SECONDS,
  studyDayOf,
  studySecondsOf,
  type ProgressState,
  type StatementFacts,
} from './projections.ts';

const URL = 'http://fulcrum.test';
const COURSE = learningActivityIri(URL, 'micro-course', 'hydraulics');
const ORG = '00000000-0000-4000-8000-000000000001';
const PERSON = '00000000-0000-4000-8000-000000000002';
const t0 = Date.parse('2026-03-02T01:00:00Z');

/** A statement of the learner on the course, `minute` minutes after t0. */
function facts(verb: XapiVerbName | string, minute: number, extra: Partial<StatementFacts> = {}): StatementFacts {
  return {
    organisationId: ORG,
    personId: PERSON,
    activityId: COURSE,
    verbId: verb in xapiVerbs ? xapiVerbs[verb as XapiVerbName] : verb,
    timestamp: new Date(t0 + minute * 60_000),
    result: undefined,
    contextActivities: undefined,
    activityName: undefined,
    ...extra,
  };
}

/** Folds statements in the order given, as the projector does in seq order. */
const fold = (statements: StatementFacts[]) => statements.reduce<ProgressState | undefined>((row, f) => applyToProgress(row, f, URL), undefined);

describe('status', () => {
  it('follows a cmi5 session: launched, then in progress from initialized on', () => {
    expect(fold([facts('launched', 0)])!.status).toBe('launched');
    expect(fold([facts('launched', 0), facts('initialized', 1)])!.status).toBe('in_progress');
    expect(fold([facts('launched', 0), facts('initialized', 1), facts('progressed', 5)])!.status).toBe('in_progress');
    expect(fold([facts('launched', 0), facts('initialized', 1), facts('terminated', 30)])!.status).toBe('terminated');
    expect(fold([facts('launched', 0), facts('abandoned', 40)])!.status).toBe('abandoned');
  });

  it('keeps an outcome when a weaker verb comes after it, and takes the stronger one in either order', () => {
    const pairs: [string, string, string][] = [
      ['passed', 'terminated', 'passed'],
      ['passed', 'failed', 'passed'],
      ['passed', 'completed', 'passed'],
      ['completed', 'failed', 'failed'],
      ['completed', 'launched', 'completed'],
      ['failed', 'abandoned', 'failed'],
      ['waived', 'failed', 'waived'],
      ['passed', 'waived', 'passed'],
      ['satisfied', 'terminated', 'completed'],
    ];
    for (const [stronger, weaker, expected] of pairs) {
      expect(fold([facts(stronger, 0), facts(weaker, 5)])!.status, `${stronger} then ${weaker}`).toBe(expected);
      expect(fold([facts(weaker, 0), facts(stronger, 5)])!.status, `${weaker} then ${stronger}`).toBe(expected);
    }
  });

  it('shows the latest session state by timestamp: a new launch after a terminated session, not a late older statement', () => {
    expect(fold([facts('initialized', 0), facts('terminated', 30), facts('launched', 60)])!.status).toBe('launched');
    // Stored late: a statement older than what is already known does not change the state.
    expect(fold([facts('terminated', 30), facts('initialized', 1)])!.status).toBe('terminated');
  });

  it('counts experienced, attended and Fulcrum check-ins as learning in progress; other verbs make no row', () => {
    expect(fold([facts('experienced', 0)])!.status).toBe('in_progress');
    expect(fold([facts('attended', 0)])!.status).toBe('in_progress');
    expect(fold([facts(fulcrumVerbIri(URL, 'checked-in'), 0)])!.status).toBe('in_progress');
    expect(fold([facts('answered', 0)])).toBeUndefined();
    expect(fold([facts('http://example.com/verbs/bookmarked', 0)])).toBeUndefined();
    // Another server's check-in verb is not Fulcrum's.
    expect(fold([facts('http://elsewhere.test/xapi/verbs/checked-in', 0)])).toBeUndefined();
    // A statement without an activity object makes no row either.
    expect(fold([facts('completed', 0, { activityId: null })])).toBeUndefined();
    const row = fold([facts('launched', 0), facts('answered', 3)]);
    expect(row!.statements).toBe(1);
  });
});

describe('completion, success, progress and score', () => {
  it('takes progress from the cmi5 extension, keeps the highest, and completes at 100', () => {
    const progressed = (value: unknown, minute: number) => facts('progressed', minute, { result: { extensions: { [CMI5_PROGRESS_EXTENSION]: value } } });
    expect(fold([progressed(40, 1)])!.progress).toBe(40);
    expect(fold([progressed(40, 1), progressed(25, 2)])!.progress).toBe(40);
    expect(fold([progressed(62.6, 1)])!.progress).toBe(63);
    expect(fold([progressed(140, 1)])!.progress).toBe(100);
    expect(fold([progressed('50', 1)])!.progress).toBeNull();
    const completed = fold([progressed(40, 1), facts('completed', 2)])!;
    expect(completed).toMatchObject({ completed: true, progress: 100 });
    expect(fold([facts('completed', 2), progressed(10, 3)])).toMatchObject({ completed: true, progress: 100 });
  });

  it('sets success and score from passed and failed; a first pass replaces failing scores, a later failure changes nothing', () => {
    const scored = (verb: string, scaled: number, minute: number) => facts(verb, minute, { result: { success: verb === 'passed', score: { scaled } } });
    expect(fold([scored('failed', 0.4, 0)])).toMatchObject({ success: false, scoreScaled: 0.4 });
    expect(fold([scored('failed', 0.4, 0), scored('failed', 0.55, 1)])).toMatchObject({ success: false, scoreScaled: 0.55 });
    expect(fold([scored('failed', 0.55, 0), scored('passed', 0.5, 1)])).toMatchObject({ success: true, scoreScaled: 0.5, status: 'passed' });
    expect(fold([scored('passed', 0.8, 0), scored('failed', 0.3, 1)])).toMatchObject({ success: true, scoreScaled: 0.8, status: 'passed' });
    expect(fold([scored('passed', 0.8, 0), scored('passed', 0.9, 1), scored('passed', 0.7, 2)])).toMatchObject({ scoreScaled: 0.9 });
    // Passing does not complete: cmi5 reports completion separately.
    expect(fold([scored('passed', 0.8, 0)])).toMatchObject({ completed: false, progress: null });
    expect(fold([facts('waived', 0)])).toMatchObject({ completed: true, success: true, progress: 100, status: 'waived' });
  });

  it('counts statements, spans first to last by timestamp and names the activity zh-CN first', () => {
    const row = fold([
      facts('initialized', 10, { activityName: { 'en-US': 'Hydraulics' } }),
      facts('launched', 9),
      facts('terminated', 40, { activityName: { 'en-US': 'Hydraulic maintenance', 'zh-CN': '液压系统维护' } }),
      facts('experienced', 50),
    ])!;
    expect(row.statements).toBe(4);
    expect(row.firstAt).toEqual(new Date(t0 + 9 * 60_000));
    expect(row.lastAt).toEqual(new Date(t0 + 50 * 60_000));
    expect(row.activityName).toBe('液压系统维护');
    expect(displayName({ fr: 'Hydraulique' })).toBe('Hydraulique');
    expect(displayName({ 'en-us': 'lower-case tag', de: 'x' })).toBe('lower-case tag');
    expect(displayName({ 'zh-CN': '  ', 'en-US': 'blank Chinese skipped' })).toBe('blank Chinese skipped');
    expect(displayName('not a map')).toBeNull();
  });

  it('keeps the organisation of the latest statement (a learner who moved on)', () => {
    const other = '00000000-0000-4000-8000-000000000009';
    expect(fold([facts('launched', 0), facts('initialized', 1, { organisationId: other })])!.organisationId).toBe(other);
  });
});

describe('study time', () => {
  it('parses ISO 8601 durations and refuses what is not one', () => {
    expect(durationSeconds('PT1H2M3.5S')).toBe(3723.5);
    expect(durationSeconds('PT90S')).toBe(90);
    expect(durationSeconds('P1DT2H')).toBe(26 * 3600);
    expect(durationSeconds('P1W')).toBe(7 * 86_400);
    expect(durationSeconds('PT0,5S')).toBe(0.5);
    expect(durationSeconds('PT0S')).toBe(0);
    for (const bad of ['P', 'PT', '1H', 'PT1H2', 'PTXS', 'P1H', '', 42, null]) expect(durationSeconds(bad), String(bad)).toBeNull();
  });

  it('adds the durations of terminated, abandoned, experienced and attended only', () => {
    const timed = (verb: string) => studySecondsOf(facts(verb, 0, { result: { duration: 'PT25M30.4S' } }));
    for (const verb of ['terminated', 'abandoned', 'experienced', 'attended']) expect(timed(verb), verb).toBe(1530);
    // cmi5's completed, passed and failed measure from the session's start too: adding them would count it twice.
    for (const verb of ['completed', 'passed', 'failed', 'progressed', 'initialized', 'answered']) expect(timed(verb), verb).toBe(0);
    expect(studySecondsOf(facts('terminated', 0, { result: { duration: 'P3D' } }))).toBe(MAX_STATEMENT_SECONDS);
    expect(studySecondsOf(facts('terminated', 0))).toBe(0);
  });

  it('sums a session’s study time once, from its terminated statement', () => {
    const session = [
      facts('launched', 0),
      facts('initialized', 1),
      facts('completed', 20, { result: { completion: true, duration: 'PT19M' } }),
      facts('passed', 21, { result: { success: true, score: { scaled: 0.9 }, duration: 'PT20M' } }),
      facts('terminated', 22, { result: { duration: 'PT21M' } }),
    ];
    expect(fold(session)!.studySeconds).toBe(21 * 60);
  });

  it('puts study time on the Beijing calendar day of the timestamp', () => {
    expect(studyDayOf(new Date('2026-03-01T16:30:00Z'))).toBe('2026-03-02');
    expect(studyDayOf(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
  });
});

describe('knowledge points', () => {
  const point = (id: string) => ({ objectType: 'Activity', id: learningActivityIri(URL, 'knowledge-point', id) });

  it('finds Fulcrum knowledge points in category and other, object or array form, with the answer’s success', () => {
    const graded = knowledgePointsOf({ result: { success: true }, contextActivities: { category: [point('kp-1')], other: point('kp-2') } }, URL);
    expect(graded).toEqual({ ids: ['kp-1', 'kp-2'], success: true });
    expect(knowledgePointsOf({ result: { success: false }, contextActivities: { other: [point('kp-1'), point('kp-1')] } }, URL)).toEqual({ ids: ['kp-1'], success: false });
    expect(knowledgePointsOf({ result: { success: true }, contextActivities: { category: [point('液压 回路')] } }, URL)).toEqual({ ids: ['液压 回路'], success: true });
  });

  it('ignores ungraded statements, parents and groupings, other kinds and other servers', () => {
    expect(knowledgePointsOf({ result: {}, contextActivities: { category: [point('kp-1')] } }, URL)).toBeNull();
    expect(knowledgePointsOf({ result: { success: 'true' }, contextActivities: { category: [point('kp-1')] } }, URL)).toBeNull();
    expect(knowledgePointsOf({ result: { success: true }, contextActivities: { parent: [point('kp-1')], grouping: [point('kp-2')] } }, URL)).toBeNull();
    expect(knowledgePointsOf({ result: { success: true }, contextActivities: { category: [{ id: learningActivityIri(URL, 'lesson', 'l-1') }] } }, URL)).toBeNull();
    expect(knowledgePointsOf({ result: { success: true }, contextActivities: { category: [{ id: 'http://elsewhere.test/xapi/activities/knowledge-point/kp-1' }] } }, URL)).toBeNull();
    expect(knowledgePointsOf({ result: { success: true }, contextActivities: undefined }, URL)).toBeNull();
  });
});
