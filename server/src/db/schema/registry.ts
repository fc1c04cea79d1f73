import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const regions = pgTable('regions', {
  id: text('id').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  divisionCode: text('division_code').notNull(),
});

export const industrialParks = pgTable(
  'industrial_parks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: text('region_id').notNull().references(() => regions.id),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
  },
  (t) => [uniqueIndex('industrial_parks_region_name').on(t.regionId, t.nameZh)],
);

export interface ContactRecord {
  name: string;
  phone: string;
  title?: string | undefined;
  email?: string | undefined;
}

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    type: text('type').notNull(),
    regionId: text('region_id').notNull().references(() => regions.id),
    name: text('name').notNull(),
    departmentKind: text('department_kind'),
    uscc: text('uscc'),
    industryDivision: text('industry_division'),
    industrialParkId: uuid('industrial_park_id').references(() => industrialParks.id),
    size: text('size'),
    stateOwned: boolean('state_owned').notNull().default(false),
    employeeCount: integer('employee_count'),
    contacts: jsonb('contacts').$type<ContactRecord[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('organisations_uscc').on(t.uscc).where(sql`${t.uscc} is not null`),
    index('organisations_region_type').on(t.regionId, t.type),
    index('organisations_park').on(t.industrialParkId),
  ],
);

export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    residentId: text('resident_id').notNull(),
    phone: text('phone'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('people_resident_id').on(t.residentId)],
);

export const employments = pgTable(
  'employments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull().references(() => people.id),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    position: text('position').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    contractStart: date('contract_start', { mode: 'string' }),
    contractEnd: date('contract_end', { mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('employments_one_open').on(t.personId, t.organisationId).where(sql`${t.endDate} is null`),
    index('employments_organisation').on(t.organisationId),
    // People are reached through their employments (an EXISTS per person row in every scoped list).
    index('employments_person').on(t.personId),
  ],
);
