import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, customType, date, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './identity.ts';
import { organisations, people } from './registry.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * The keys content packages and tools of one organisation report with (HTTP Basic). The secret is random and long,
 * so a SHA-256 of it is enough to check it quickly on every request; it is shown once and never stored.
 */
export const lrsClients = pgTable(
  'lrs_clients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    name: text('name').notNull(),
    key: text('key').notNull(),
    secretHash: text('secret_hash').notNull(),
    scopes: text('scopes').array().notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('lrs_clients_key').on(t.key), index('lrs_clients_organisation').on(t.organisationId, t.createdAt)],
);

/**
 * Every xAPI statement, immutable once stored. The whole statement (as the store returns it: id, stored, authority,
 * version) is the JSONB; the columns beside it are what the queries filter and order by. `seq` orders statements
 * stored in the same instant and keys the projector's progress.
 */
export const xapiStatements = pgTable(
  'xapi_statements',
  {
    id: uuid('id').primaryKey(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    stored: timestamp('stored', { withTimezone: true, precision: 3 }).notNull(),
    timestamp: timestamp('timestamp', { withTimezone: true, precision: 3 }).notNull(),
    /** The actor's inverse functional identifier as one text (see statement-keys.ts: `mbox:…`, `account:…` …). */
    actorKey: text('actor_key').notNull(),
    /**
     * The object's identifier when the object is an agent or identified group; `StatementRef` (or `StatementRef:pending`
     * for a voiding statement whose target was not stored yet) when it is a statement reference — see statement-store.ts.
     */
    objectAgentKey: text('object_agent_key'),
    verbId: text('verb_id').notNull(),
    /** The object's id when the object is an activity. */
    activityId: text('activity_id'),
    registration: uuid('registration'),
    /** Set when a later voiding statement targets this one; a voided statement is only found by voidedStatementId. */
    voided: boolean('voided').notNull().default(false),
    /** The statement this one voids (voiding statements only). */
    voidsId: uuid('voids_id'),
    /** Every agent and group the statement names (actor, object, authority, context instructor and team, sub-statement). */
    relatedAgents: text('related_agents').array().notNull(),
    /** Every activity the statement names (object, context activities, sub-statement's). */
    relatedActivities: text('related_activities').array().notNull(),
    /** The Fulcrum person the actor is, when known. */
    personId: uuid('person_id').references(() => people.id),
    /** The LRS client that stored it; null when a signed-in learner's page wrote it. */
    clientId: uuid('client_id').references(() => lrsClients.id),
    statement: jsonb('statement').notNull(),
  },
  (t) => [
    uniqueIndex('xapi_statements_seq').on(t.seq),
    index('xapi_statements_stored').on(t.organisationId, t.stored, t.seq),
    index('xapi_statements_actor').on(t.organisationId, t.actorKey, t.stored, t.seq),
    index('xapi_statements_object_agent').on(t.organisationId, t.objectAgentKey, t.stored).where(sql`${t.objectAgentKey} is not null`),
    index('xapi_statements_verb').on(t.organisationId, t.verbId, t.stored),
    index('xapi_statements_activity').on(t.organisationId, t.activityId, t.stored).where(sql`${t.activityId} is not null`),
    index('xapi_statements_registration').on(t.registration).where(sql`${t.registration} is not null`),
    index('xapi_statements_person').on(t.personId, t.stored).where(sql`${t.personId} is not null`),
    index('xapi_statements_client').on(t.clientId).where(sql`${t.clientId} is not null`),
    index('xapi_statements_related_agents').using('gin', t.relatedAgents),
    index('xapi_statements_related_activities').using('gin', t.relatedActivities),
  ],
);

/** Attachment bytes by their SHA-2 hash, shared by the statements that reference them. */
export const xapiAttachments = pgTable('xapi_attachments', {
  sha2: text('sha2').primaryKey(),
  contentType: text('content_type').notNull(),
  length: integer('length').notNull(),
  content: bytea('content').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The State, Activity Profile and Agent Profile resources: documents keyed by what identifies them in the
 * specification. Absent parts of the key are '' so one unique index covers every kind.
 */
export const xapiDocuments = pgTable(
  'xapi_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    kind: text('kind', { enum: ['state', 'activity_profile', 'agent_profile'] }).notNull(),
    activityId: text('activity_id').notNull().default(''),
    agentKey: text('agent_key').notNull().default(''),
    registration: text('registration').notNull().default(''),
    documentId: text('document_id').notNull(),
    contentType: text('content_type').notNull(),
    content: bytea('content').notNull(),
    etag: text('etag').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [
    uniqueIndex('xapi_documents_key').on(t.organisationId, t.kind, t.activityId, t.agentKey, t.registration, t.documentId),
    index('xapi_documents_updated').on(t.organisationId, t.kind, t.activityId, t.agentKey, t.updatedAt),
  ],
);

/** The canonical definition of each activity an organisation's statements have named (the Activities resource). */
export const xapiActivities = pgTable(
  'xapi_activities',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    activityId: text('activity_id').notNull(),
    definition: jsonb('definition'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.activityId] })],
);

/** How far each projector has read the statements (by `seq`); rebuilding a projection resets its row. */
export const xapiProjectionCursors = pgTable('xapi_projection_cursors', {
  name: text('name').primaryKey(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A person's standing on one activity, derived from their statements (projector). */
export const learningProgress = pgTable(
  'learning_progress',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    personId: uuid('person_id').notNull().references(() => people.id),
    activityId: text('activity_id').notNull(),
    activityName: text('activity_name'),
    status: text('status').notNull(),
    completed: boolean('completed').notNull().default(false),
    success: boolean('success'),
    progress: integer('progress'),
    scoreScaled: real('score_scaled'),
    studySeconds: integer('study_seconds').notNull().default(0),
    statements: integer('statements').notNull().default(0),
    firstAt: timestamp('first_at', { withTimezone: true }).notNull(),
    lastAt: timestamp('last_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.activityId] }), index('learning_progress_organisation').on(t.organisationId, t.lastAt)],
);

/** Seconds of study per person, activity and day (Asia/Shanghai), from statements' result durations (projector). */
export const learningStudyTime = pgTable(
  'learning_study_time',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    personId: uuid('person_id').notNull().references(() => people.id),
    activityId: text('activity_id').notNull(),
    day: date('day').notNull(),
    seconds: integer('seconds').notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.activityId, t.day] }), index('learning_study_time_organisation').on(t.organisationId, t.day)],
);

/** Answers per person and knowledge point (the activities a graded answer names in its context), for mastery (projector). */
export const knowledgePointScores = pgTable(
  'knowledge_point_scores',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    personId: uuid('person_id').notNull().references(() => people.id),
    knowledgePointId: text('knowledge_point_id').notNull(),
    attempts: integer('attempts').notNull().default(0),
    correct: integer('correct').notNull().default(0),
    lastAt: timestamp('last_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.knowledgePointId] }), index('knowledge_point_scores_organisation').on(t.organisationId)],
);
