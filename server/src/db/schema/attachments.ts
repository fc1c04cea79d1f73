import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './identity.ts';
import { organisations } from './registry.ts';

/**
 * Uploaded files. The bytes live in the blob store (lib/blob-store.ts) under their SHA-256, so the same file
 * uploaded twice is stored once; this row says whose it is and what it is (type detected from the content).
 */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    regionId: text('region_id').notNull(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    mime: text('mime').notNull(),
    filename: text('filename').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('attachments_organisation').on(t.organisationId, t.createdAt), index('attachments_sha256').on(t.sha256)],
);
