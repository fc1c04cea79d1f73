import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './identity.ts';
import { organisations } from './registry.ts';

/** A column of a notice's table of entries; `mask` says how a private person's data is masked at publication. */
export interface NoticeColumn {
  key: string;
  zh: string;
  en: string;
  mask?: 'name' | 'residentId' | undefined;
}
/** One published entry: a reference to the record behind it and its cells, already masked. */
export interface NoticeEntry {
  ref: string;
  cells: Record<string, string>;
}

/** Public notices (公示): published with their entries, open to objections from starts_on to ends_on (Beijing dates). */
export const publicNotices = pgTable(
  'public_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: text('region_id').notNull(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    columns: jsonb('columns').$type<NoticeColumn[]>().notNull(),
    entries: jsonb('entries').$type<NoticeEntry[]>().notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    workingDays: integer('working_days').notNull(),
    status: text('status').notNull().default('published'),
    publishedBy: uuid('published_by').references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('public_notices_subject').on(t.subjectType, t.subjectId),
    index('public_notices_region_starts').on(t.regionId, t.startsOn),
    check('public_notices_status', sql`${t.status} in ('published', 'withdrawn')`),
    check('public_notices_period', sql`${t.endsOn} > ${t.startsOn}`),
  ],
);

/** Real-name objections to a notice; each is handled with a recorded outcome. */
export const noticeObjections = pgTable(
  'notice_objections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    noticeId: uuid('notice_id').notNull().references(() => publicNotices.id),
    /** The entry objected to (its ref), or null for the notice as a whole. */
    entryRef: text('entry_ref'),
    /** What the objector can quote to ask about it. */
    referenceCode: text('reference_code').notNull(),
    objectorName: text('objector_name').notNull(),
    objectorResidentId: text('objector_resident_id').notNull(),
    objectorPhone: text('objector_phone').notNull(),
    content: text('content').notNull(),
    filedAt: timestamp('filed_at', { withTimezone: true }).notNull(),
    status: text('status').notNull().default('open'),
    outcome: text('outcome'),
    handlingNote: text('handling_note'),
    handledBy: uuid('handled_by').references(() => users.id),
    handledAt: timestamp('handled_at', { withTimezone: true }),
  },
  (t) => [
    index('notice_objections_notice').on(t.noticeId, t.filedAt),
    uniqueIndex('notice_objections_reference').on(t.referenceCode),
    check('notice_objections_status', sql`${t.status} in ('open', 'handled')`),
    check('notice_objections_outcome', sql`${t.outcome} is null or ${t.outcome} in ('upheld', 'dismissed')`),
  ],
);
