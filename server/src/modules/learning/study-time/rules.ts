import { STUDY_HEARTBEAT_SECONDS } from '@fulcrum/shared';

/*
 * The rules of trustworthy study time, in one place. A 2022 national audit of training subsidies found fake trainees
 * and "course-clicking" software (MISSION.md, real rules), so the server — never the player — decides what counts:
 * credit is wall time between beats, capped, only while the page is focused and the learner present; video counts only
 * what was really played, merged on the server; a day has a cap; patterns a script leaves behind are flagged.
 */

/** Credit per beat is the wall time since the previous beat, at most this (1.5 × the heartbeat interval). */
export const MAX_CREDIT_PER_BEAT_SECONDS = Math.floor(1.5 * STUDY_HEARTBEAT_SECONDS);
/** No interaction for this long and a non-video lesson is idle: no credit until activity returns. */
export const IDLE_AFTER_SECONDS = 5 * 60;
/** The fastest playback the player offers: a reported segment longer than wall time × this is cut to what was possible. */
export const MAX_PLAYBACK_RATE = 2;
/** A video or micro-course is completed when its merged watched seconds reach this share of its duration. */
export const COMPLETION_SHARE = 0.9;
/** Credited seconds per person and Asia/Shanghai day beyond which beats earn nothing (8 hours). */
export const DAILY_CAP_SECONDS = 8 * 60 * 60;
/** A document or rich-text lesson may be marked as learned after this share of its planned time … */
export const MARK_LEARNED_SHARE = 0.5;
/** … and never before this many credited seconds. */
export const MARK_LEARNED_MIN_SECONDS = 60;
/** Two clients of one learner beating within this many seconds of each other are parallel sessions. */
export const PARALLEL_WINDOW_SECONDS = 60;
/** How many intervals between beats the regularity check looks at. */
export const REGULAR_BEATS = 20;
/**
 * Intervals whose standard deviation stays under this are a timer, not a person's tab: the player itself spreads its
 * beats by a few seconds, and network delay alone adds more jitter than this.
 */
export const REGULAR_STDDEV_SECONDS = 0.25;
/** Credited seconds on one lesson in one day beyond this multiple of its duration are impossible. */
export const IMPOSSIBLE_LESSON_MULTIPLE = 10;
/** A session without a beat for this long was abandoned (a closed tab that sent no end): it is ended at the next open. */
export const ABANDONED_AFTER_SECONDS = 10 * 60;

export type Range = [number, number];

/** Lesson kinds whose time is played media (or a micro-course's timed card sequence): they must be playing. */
export const isPlayedKind = (kind: string) => kind === 'video' || kind === 'micro_course';
/** Lesson kinds that are studied in the player at all (offline, practical and exam lessons live elsewhere). */
export const isStudiedKind = (kind: string) => isPlayedKind(kind) || kind === 'document' || kind === 'rich_text';

/** Sorted, overlapping or adjacent ranges merged, clamped to [0, duration]; empty ranges dropped. */
export function mergeRanges(ranges: Range[], durationSeconds: number): Range[] {
  const clamped = ranges
    .map(([from, to]): Range => [Math.max(0, Math.min(from, durationSeconds)), Math.max(0, Math.min(to, durationSeconds))])
    .filter(([from, to]) => to > from)
    .sort((a, b) => a[0] - b[0]);
  const merged: Range[] = [];
  for (const [from, to] of clamped) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

export const rangeSeconds = (ranges: Range[]) => ranges.reduce((sum, [from, to]) => sum + (to - from), 0);

/**
 * Reported segments cut to what could have been played since the previous beat (wall time × the fastest rate), in the
 * order reported: a segment that claims more than that — a seek reported as play — keeps only its possible start.
 */
export function cutSegments(segments: Range[], wallSeconds: number): Range[] {
  let budget = Math.max(0, wallSeconds) * MAX_PLAYBACK_RATE;
  const cut: Range[] = [];
  for (const [from, to] of segments) {
    const length = Math.min(to - from, budget);
    if (length <= 0) continue;
    cut.push([from, from + length]);
    budget -= length;
  }
  return cut;
}

export const roundSeconds = (seconds: number) => Math.round(seconds * 1000) / 1000;

/** The standard deviation of numbers (population). */
function standardDeviation(values: number[]): number {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length);
}

/** True when the last REGULAR_BEATS intervals vary less than a person's tab ever does. */
export function isTooRegular(intervals: number[]): boolean {
  return intervals.length >= REGULAR_BEATS && standardDeviation(intervals.slice(-REGULAR_BEATS)) < REGULAR_STDDEV_SECONDS;
}

/** Credited seconds a document or rich-text lesson needs before it may be marked as learned. */
export const markLearnedAfter = (durationSeconds: number) => Math.max(MARK_LEARNED_MIN_SECONDS, Math.round(durationSeconds * MARK_LEARNED_SHARE));

/** 0–100: the watched share of a lesson. */
export const watchedPercent = (watchedSeconds: number, durationSeconds: number) =>
  durationSeconds > 0 ? Math.min(100, Math.floor((watchedSeconds / durationSeconds) * 100)) : 0;

/** ISO 8601 duration of whole seconds, as xAPI's result.duration wants it. */
export const isoDuration = (seconds: number) => `PT${Math.max(0, Math.round(seconds))}S`;
