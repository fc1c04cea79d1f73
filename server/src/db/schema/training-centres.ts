import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './identity.ts';
import { industrialParks, organisations, people } from './registry.ts';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export interface ScopeItem {
  occupation: string;
  levels: number[];
}
export interface InstructorRecord {
  name: string;
  occupation: string;
  level: number;
  certificateNo?: string | undefined;
}
export interface PastTrainingRecord {
  year: number;
  trainings: number;
  personTimes: number;
}
export interface OnsiteCheck {
  date: string;
  findings: string;
  passed: boolean;
}

/** An enterprise's application to become a certified training centre (企业培训中心), from draft to certified. */
export const trainingCentreApplications = pgTable(
  'training_centre_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    regionId: text('region_id').notNull(),
    status: text('status').notNull(),
    scope: jsonb('scope').$type<ScopeItem[]>().notNull(),
    facilities: text('facilities').notNull(),
    instructors: jsonb('instructors').$type<InstructorRecord[]>().notNull(),
    annualPlan: text('annual_plan').notNull(),
    annualCapacity: integer('annual_capacity').notNull(),
    pastTraining: jsonb('past_training').$type<PastTrainingRecord[]>().notNull(),
    attachmentIds: jsonb('attachment_ids').$type<string[]>().notNull().default([]),
    onsiteCheck: jsonb('onsite_check').$type<OnsiteCheck>(),
    batchId: uuid('batch_id'),
    /** The deadline of the current state (working days), when it has one. */
    dueOn: date('due_on', { mode: 'string' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('tc_applications_region_status').on(t.regionId, t.status),
    index('tc_applications_organisation').on(t.organisationId),
    index('tc_applications_batch').on(t.batchId),
  ],
);

/** A selection batch (遴选批次): a quota and a period; its list goes to public notice, then to certification. */
export const selectionBatches = pgTable(
  'selection_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: text('region_id').notNull(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    name: text('name').notNull(),
    year: integer('year').notNull(),
    quota: integer('quota').notNull(),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    validityYears: integer('validity_years').notNull(),
    status: text('status').notNull(),
    noticeId: uuid('notice_id'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('selection_batches_region').on(t.regionId, t.year)],
);

/** A certified training centre: certificate number, validity, status; its scope is in training_centre_scopes. */
export const trainingCentres = pgTable(
  'training_centres',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    regionId: text('region_id').notNull(),
    applicationId: uuid('application_id').references(() => trainingCentreApplications.id),
    batchId: uuid('batch_id').references(() => selectionBatches.id),
    certificateNo: text('certificate_no').notNull(),
    status: text('status').notNull(),
    statusReason: text('status_reason'),
    certifiedOn: date('certified_on', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    annualCapacity: integer('annual_capacity').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('training_centres_certificate').on(t.certificateNo),
    uniqueIndex('training_centres_organisation').on(t.organisationId),
    index('training_centres_region_status').on(t.regionId, t.status),
  ],
);

/** One (occupation, level) a centre may train and assess. */
export const trainingCentreScopes = pgTable(
  'training_centre_scopes',
  {
    centreId: uuid('centre_id').notNull().references(() => trainingCentres.id),
    occupation: text('occupation').notNull(),
    level: integer('level').notNull(),
  },
  (t) => [primaryKey({ columns: [t.centreId, t.occupation, t.level] }), index('training_centre_scopes_occupation').on(t.occupation, t.level)],
);

/** A training a centre delivered (a class): counts toward its annual report and its used capacity. */
export const centreTrainings = pgTable(
  'centre_trainings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centreId: uuid('centre_id').notNull().references(() => trainingCentres.id),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    occupation: text('occupation').notNull(),
    level: integer('level').notNull(),
    title: text('title').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    traineeCount: integer('trainee_count').notNull(),
    matchId: uuid('match_id'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('centre_trainings_centre').on(t.centreId, t.startsOn)],
);

/** A skill-level assessment (企业自主评价) a centre recorded, only within its scope. */
export const skillAssessments = pgTable(
  'skill_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centreId: uuid('centre_id').notNull().references(() => trainingCentres.id),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    personId: uuid('person_id').notNull().references(() => people.id),
    occupation: text('occupation').notNull(),
    level: integer('level').notNull(),
    assessedOn: date('assessed_on', { mode: 'string' }).notNull(),
    score: integer('score').notNull(),
    passed: boolean('passed').notNull(),
    certificateNo: text('certificate_no'),
    matchId: uuid('match_id'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('skill_assessments_centre').on(t.centreId, t.assessedOn),
    index('skill_assessments_person').on(t.personId),
    index('skill_assessments_match').on(t.matchId),
    uniqueIndex('skill_assessments_certificate').on(t.certificateNo).where(sql`${t.certificateNo} is not null`),
  ],
);

/** A centre's annual report for a year and HRSS's decision on it. */
export const centreAnnualReviews = pgTable(
  'centre_annual_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centreId: uuid('centre_id').notNull().references(() => trainingCentres.id),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    regionId: text('region_id').notNull(),
    year: integer('year').notNull(),
    status: text('status').notNull(),
    /** Figures computed from records when filed (trainings, person-times, assessments, pass rate). */
    figures: jsonb('figures').notNull(),
    narrative: text('narrative').notNull(),
    attachmentIds: jsonb('attachment_ids').$type<string[]>().notNull().default([]),
    decision: text('decision'),
    decisionNote: text('decision_note'),
    filedBy: uuid('filed_by').references(() => users.id),
    filedAt: timestamp('filed_at', { withTimezone: true }).notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('centre_annual_reviews_year').on(t.centreId, t.year), index('centre_annual_reviews_region').on(t.regionId, t.status)],
);

/** An enterprise's posted training need (资源对接). */
export const trainingNeeds = pgTable(
  'training_needs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    regionId: text('region_id').notNull(),
    occupation: text('occupation').notNull(),
    level: integer('level').notNull(),
    headcount: integer('headcount').notNull(),
    preferredStart: date('preferred_start', { mode: 'string' }).notNull(),
    preferredEnd: date('preferred_end', { mode: 'string' }).notNull(),
    industrialParkId: uuid('industrial_park_id').references(() => industrialParks.id),
    location: text('location'),
    note: text('note'),
    status: text('status').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('training_needs_region_status').on(t.regionId, t.status), index('training_needs_organisation').on(t.organisationId)],
);

/** A need's request to a centre, tracked from request to completion. */
export const trainingMatches = pgTable(
  'training_matches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    needId: uuid('need_id').notNull().references(() => trainingNeeds.id),
    centreId: uuid('centre_id').notNull().references(() => trainingCentres.id),
    /** The enterprise that posted the need. */
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    centreOrganisationId: uuid('centre_organisation_id').notNull().references(() => organisations.id),
    regionId: text('region_id').notNull(),
    status: text('status').notNull(),
    /** The score and its explanation when requested. */
    score: jsonb('score').notNull(),
    message: text('message'),
    responseNote: text('response_note'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [
    index('training_matches_need').on(t.needId),
    index('training_matches_centre').on(t.centreId, t.status),
    uniqueIndex('training_matches_open').on(t.needId, t.centreId).where(sql`${t.status} in ('requested', 'accepted')`),
  ],
);
