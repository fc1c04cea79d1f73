import { bigserial, date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Every transition any declared workflow (lib/workflow.ts) takes: the history page of an application, a batch or
 * a claim reads it. The audit trail gets an entry for the same transition in the same transaction.
 */
export const workflowEvents = pgTable(
  'workflow_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    process: text('process').notNull(),
    entityId: uuid('entity_id').notNull(),
    transition: text('transition').notNull(),
    fromState: text('from_state').notNull(),
    toState: text('to_state').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name'),
    actorRole: text('actor_role'),
    organisationId: uuid('organisation_id'),
    comment: text('comment'),
    attachmentIds: jsonb('attachment_ids').$type<string[]>().notNull().default([]),
    data: jsonb('data'),
    /** The deadline of the state entered, in working days from the transition (null: none). */
    dueOn: date('due_on', { mode: 'string' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('workflow_events_entity').on(t.process, t.entityId, t.id)],
);
