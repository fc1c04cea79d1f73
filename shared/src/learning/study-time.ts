import { z } from 'zod';
import { isoDate, listQuery, pageOf } from '../common/pagination.ts';
import { lessonKinds } from './catalogue.ts';

/*
 * Study time that can be trusted (it feeds subsidy hours): the player opens a session for a lesson, beats every
 * STUDY_HEARTBEAT_SECONDS with what happened since the previous beat, and ends it. The server decides what is credited;
 * the rules and their constants live in server/src/modules/learning/study-time/rules.ts.
 */

/** How often the player beats (it adds a little random spread so a real tab never looks like a script). */
export const STUDY_HEARTBEAT_SECONDS = 15;

export const studySessionStatuses = ['active', 'idle', 'superseded', 'ended'] as const;
export type StudySessionStatus = (typeof studySessionStatuses)[number];

export const studyFlagKinds = ['parallel_sessions', 'regular_heartbeats', 'impossible_total'] as const;
export type StudyFlagKind = (typeof studyFlagKinds)[number];
export const studyFlagKindLabels: Record<StudyFlagKind, { 'zh-CN': string; 'en-US': string }> = {
  parallel_sessions: { 'zh-CN': '多端同时学习', 'en-US': 'Parallel sessions' },
  regular_heartbeats: { 'zh-CN': '心跳过于规律', 'en-US': 'Too-regular heartbeats' },
  impossible_total: { 'zh-CN': '学时超出可能', 'en-US': 'Impossible total' },
};

export const studyFlagStatuses = ['open', 'cleared', 'confirmed'] as const;
export type StudyFlagStatus = (typeof studyFlagStatuses)[number];
export const studyFlagStatusLabels: Record<StudyFlagStatus, { 'zh-CN': string; 'en-US': string }> = {
  open: { 'zh-CN': '待复核', 'en-US': 'Open' },
  cleared: { 'zh-CN': '已排除（学时有效）', 'en-US': 'Cleared (time stands)' },
  confirmed: { 'zh-CN': '已确认（学时扣除）', 'en-US': 'Confirmed (time withdrawn)' },
};

/** Seconds from the start of the media (or of the micro-course's card sequence). */
const second = z.number().min(0).max(86_400);
const segment = z.tuple([second, second]).refine(([from, to]) => to >= from, { message: 'a segment ends at or after its start' });

export const openStudySessionRequest = z.strictObject({
  lessonId: z.uuid(),
  clientKey: z.string().trim().min(8).max(64).describe("the player's own id for its tab or device"),
});
export type OpenStudySessionRequest = z.infer<typeof openStudySessionRequest>;

export const heartbeatRequest = z.strictObject({
  position: second.nullable().default(null),
  playing: z.boolean().default(false),
  focused: z.boolean(),
  lastInteractionAt: z.iso.datetime({ offset: true }).nullable().default(null),
  segments: z.array(segment).max(50).default([]).describe('ranges played since the previous beat, in seconds'),
  playbackRate: z.number().min(0.25).max(4).default(1),
});
export type HeartbeatRequest = z.infer<typeof heartbeatRequest>;

/** The end of a session; also accepted as text/plain JSON from navigator.sendBeacon on page hide. */
export const endStudySessionRequest = z.strictObject({ position: second.nullable().default(null) });
export type EndStudySessionRequest = z.infer<typeof endStudySessionRequest>;

export const studySession = z.object({
  id: z.uuid(),
  lessonId: z.uuid(),
  status: z.enum(studySessionStatuses),
  creditedSeconds: z.number().int(),
  beats: z.number().int(),
  startedAt: z.iso.datetime({ offset: true }),
  lastBeatAt: z.iso.datetime({ offset: true }),
  endedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type StudySession = z.infer<typeof studySession>;

/** What a beat earned and why not more. */
export const heartbeatReasons = ['credited', 'superseded', 'unfocused', 'idle', 'paused', 'daily_cap', 'ended'] as const;
export type HeartbeatReason = (typeof heartbeatReasons)[number];

export const lessonStudyState = z.object({
  lessonId: z.uuid(),
  ranges: z.array(z.tuple([z.number(), z.number()])),
  watchedSeconds: z.number(),
  durationSeconds: z.number().int(),
  watchedPercent: z.number().int().describe('0–100, of the lesson duration'),
  completed: z.boolean(),
  completedAt: z.iso.datetime({ offset: true }).nullable(),
  creditedSeconds: z.number().int().describe('credited on this lesson over all sessions, withdrawn time excluded'),
  lastPosition: z.number().nullable(),
});
export type LessonStudyState = z.infer<typeof lessonStudyState>;

export const studyToday = z.object({
  day: isoDate,
  creditedSeconds: z.number().int(),
  capSeconds: z.number().int(),
});
export type StudyToday = z.infer<typeof studyToday>;

export const heartbeatResponse = z.object({
  session: studySession,
  creditedSeconds: z.number().int().describe('what this beat earned'),
  reason: z.enum(heartbeatReasons),
  lesson: lessonStudyState,
  today: studyToday,
});
export type HeartbeatResponse = z.infer<typeof heartbeatResponse>;

export const openStudySessionResponse = z.object({ session: studySession, lesson: lessonStudyState, today: studyToday });
export type OpenStudySessionResponse = z.infer<typeof openStudySessionResponse>;

/** Everything the player needs for one lesson: the lesson, where the learner stands, today's time and the cap. */
export const lessonPlayer = z.object({
  lesson: z.object({
    id: z.uuid(),
    kind: z.enum(lessonKinds),
    title: z.string(),
    description: z.string(),
    body: z.string().nullable(),
    mediaId: z.uuid().nullable(),
    mediaContentType: z.string().nullable(),
    durationSeconds: z.number().int(),
    courseId: z.uuid(),
    courseTitle: z.string(),
    knowledgePoints: z.array(z.object({ id: z.uuid(), name: z.string(), description: z.string() })),
  }),
  state: lessonStudyState,
  today: studyToday,
  markLearnedAfterSeconds: z.number().int().describe('credited seconds a document or rich-text lesson needs before "mark as learned"'),
});
export type LessonPlayer = z.infer<typeof lessonPlayer>;

export const myStudyTime = z.object({
  today: studyToday,
  lessons: z.array(
    z.object({
      lessonId: z.uuid(),
      lessonTitle: z.string(),
      lessonKind: z.enum(lessonKinds),
      courseTitle: z.string(),
      creditedSeconds: z.number().int(),
      watchedPercent: z.number().int(),
      completed: z.boolean(),
      lastStudiedAt: z.iso.datetime({ offset: true }),
    }),
  ),
});
export type MyStudyTime = z.infer<typeof myStudyTime>;

export const studyFlag = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  kind: z.enum(studyFlagKinds),
  day: isoDate,
  status: z.enum(studyFlagStatuses),
  detail: z.record(z.string(), z.unknown()),
  sessionId: z.uuid().nullable(),
  lessonTitle: z.string().nullable(),
  sessionCreditedSeconds: z.number().int().nullable(),
  reviewedByName: z.string().nullable(),
  reviewedAt: z.iso.datetime({ offset: true }).nullable(),
  reviewNote: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type StudyFlag = z.infer<typeof studyFlag>;

export const listStudyFlagsQuery = listQuery(['createdAt', 'day', 'personName']).extend({
  status: z.enum(studyFlagStatuses).optional(),
  kind: z.enum(studyFlagKinds).optional(),
  personId: z.uuid().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type ListStudyFlagsQuery = z.infer<typeof listStudyFlagsQuery>;
export const studyFlagPage = pageOf(studyFlag);
export type StudyFlagPage = z.infer<typeof studyFlagPage>;

export const reviewStudyFlagRequest = z.strictObject({
  decision: z.enum(['cleared', 'confirmed']),
  note: z.string().trim().min(2).max(500),
});
export type ReviewStudyFlagRequest = z.infer<typeof reviewStudyFlagRequest>;

export const learnerStudyDaysQuery = z.strictObject({ from: isoDate.optional(), to: isoDate.optional() });
export type LearnerStudyDaysQuery = z.infer<typeof learnerStudyDaysQuery>;
export const learnerStudyDays = z.object({
  personId: z.uuid(),
  personName: z.string(),
  capSeconds: z.number().int(),
  totalSeconds: z.number().int(),
  days: z.array(z.object({ day: isoDate, creditedSeconds: z.number().int() })),
});
export type LearnerStudyDays = z.infer<typeof learnerStudyDays>;
