import { z } from 'zod';
import { listQuery, pageOf } from '../common/pagination.ts';

/** What an LRS client's key may do: read statements and documents, write them, or both. */
export const lrsScopes = ['read', 'write'] as const;
export type LrsScope = (typeof lrsScopes)[number];

/** An LRS client: a key pair (HTTP Basic) a content package or tool of one organisation reports with. */
export const lrsClient = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  name: z.string(),
  key: z.string().describe('the Basic-auth user name'),
  scopes: z.array(z.enum(lrsScopes)),
  /** The endpoint to configure in the content package or tool. */
  endpoint: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  createdByName: z.string().nullable(),
  lastUsedAt: z.iso.datetime({ offset: true }).nullable(),
  revokedAt: z.iso.datetime({ offset: true }).nullable(),
  statements: z.number().int().describe('statements stored with this key'),
});
export type LrsClient = z.infer<typeof lrsClient>;
export const lrsClientPage = pageOf(lrsClient);
export type LrsClientPage = z.infer<typeof lrsClientPage>;

export const createLrsClientRequest = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(z.enum(lrsScopes)).min(1).max(2),
});
export type CreateLrsClientRequest = z.infer<typeof createLrsClientRequest>;
/** The secret is shown once, when the client is created; only its hash is kept. */
export const createdLrsClient = z.object({ client: lrsClient, secret: z.string() });
export type CreatedLrsClient = z.infer<typeof createdLrsClient>;

export const lrsClientListQuery = listQuery(['name', 'createdAt']).extend({
  includeRevoked: z.enum(['true', 'false']).default('false'),
  organisationId: z.uuid().optional().describe('system administrators: the organisation to list'),
});

/** A stored statement as the console's browser shows it: the indexed facts, and the statement itself. */
export const storedStatementRow = z.object({
  id: z.uuid(),
  stored: z.iso.datetime({ offset: true }),
  timestamp: z.iso.datetime({ offset: true }),
  actorName: z.string().nullable(),
  actorKey: z.string().describe('the actor’s identifier (mbox, account …) as one text'),
  personId: z.uuid().nullable().describe('the Fulcrum person the actor is, when known'),
  verbId: z.string(),
  verbDisplay: z.string().nullable(),
  objectId: z.string().nullable(),
  objectName: z.string().nullable(),
  voided: z.boolean(),
  clientName: z.string().nullable().describe('the LRS client that stored it; null when written by a signed-in learner'),
  statement: z.record(z.string(), z.unknown()),
});
export type StoredStatementRow = z.infer<typeof storedStatementRow>;
export const storedStatementPage = pageOf(storedStatementRow);
export type StoredStatementPage = z.infer<typeof storedStatementPage>;
export const statementBrowseQuery = listQuery(['stored']).extend({
  verb: z.string().max(2048).optional(),
  activity: z.string().max(2048).optional(),
  personId: z.uuid().optional(),
  since: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
});

/** Where a learner stands on an activity, named after the cmi5 verbs their statements carry. */
export const learningStatuses = ['launched', 'initialized', 'in_progress', 'completed', 'passed', 'failed', 'abandoned', 'waived', 'terminated'] as const;
export type LearningStatus = (typeof learningStatuses)[number];
/** Display names of a learner's standing on an activity, for pages and exports alike. */
export const learningStatusLabels: Record<LearningStatus, { 'zh-CN': string; 'en-US': string }> = {
  launched: { 'zh-CN': '已启动', 'en-US': 'Launched' },
  initialized: { 'zh-CN': '已开始', 'en-US': 'Started' },
  in_progress: { 'zh-CN': '学习中', 'en-US': 'In progress' },
  completed: { 'zh-CN': '已完成', 'en-US': 'Completed' },
  passed: { 'zh-CN': '已通过', 'en-US': 'Passed' },
  failed: { 'zh-CN': '未通过', 'en-US': 'Failed' },
  abandoned: { 'zh-CN': '已中断', 'en-US': 'Abandoned' },
  waived: { 'zh-CN': '已免修', 'en-US': 'Waived' },
  terminated: { 'zh-CN': '已结束', 'en-US': 'Ended' },
};
/** Study time as hours and minutes (`1:05`), the way the console and the exports show it. */
export function studyTimeText(seconds: number): string {
  const minutes = Math.floor(Math.max(0, seconds) / 60);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** A learner's standing on one activity, derived from their statements by the projector. */
export const learningProgressRow = z.object({
  personId: z.uuid(),
  personName: z.string(),
  activityId: z.string(),
  activityName: z.string().nullable(),
  status: z.enum(learningStatuses),
  completed: z.boolean(),
  success: z.boolean().nullable(),
  progress: z.number().int().min(0).max(100).nullable().describe('percent, from result.extensions progress or completion'),
  scoreScaled: z.number().nullable(),
  studySeconds: z.number().int(),
  firstAt: z.iso.datetime({ offset: true }),
  lastAt: z.iso.datetime({ offset: true }),
});
export type LearningProgressRow = z.infer<typeof learningProgressRow>;
export const learningProgressPage = pageOf(learningProgressRow);
export type LearningProgressPage = z.infer<typeof learningProgressPage>;
/** A learner's own rows, every one (a learner has few activities): the phone page. */
export const learningProgressList = z.object({ items: z.array(learningProgressRow) });
export type LearningProgressList = z.infer<typeof learningProgressList>;
export const learningProgressQuery = listQuery(['lastAt', 'personName']).extend({
  personId: z.uuid().optional(),
  activity: z.string().max(2048).optional(),
});
