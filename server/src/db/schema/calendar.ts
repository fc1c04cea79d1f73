import { sql } from 'drizzle-orm';
import { check, date, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './identity.ts';

/**
 * Admin-entered corrections to the working-day calendar: a date made a rest day ('holiday') or a working day
 * ('workday'). They win over the chinese-days package, and are the only source for years it does not cover.
 */
export const calendarOverrides = pgTable(
  'calendar_overrides',
  {
    date: date('date', { mode: 'string' }).primaryKey(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    note: text('note'),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('calendar_overrides_kind', sql`${t.kind} in ('holiday', 'workday')`)],
);
