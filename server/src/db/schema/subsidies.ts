import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ClaimComputation, LevelRates, Tutor } from '@fulcrum/shared';
import { users } from './identity.ts';
import { employments, organisations, people } from './registry.ts';
import { courses } from './learning.ts';
import { trainingCentres } from './training-centres.ts';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
/** Amounts in integer fen; bigint so sums over a district never overflow, read as JS numbers (< 2^53). */
const fen = (name: string) => bigint(name, { mode: 'number' });

/** One version of a region's apprenticeship subsidy policy for a cohort year. Rows are never updated: an edit is the next version. */
export const subsidyPolicies = pgTable(
  'subsidy_policies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: text('region_id').notNull(),
    year: integer('year').notNull(),
    version: integer('version').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    ratesFen: jsonb('rates_fen').$type<LevelRates>().notNull(),
    rateWithoutCertificateFen: fen('rate_without_certificate_fen').notNull(),
    advanceRatioBp: integer('advance_ratio_bp').notNull(),
    advanceBasis: text('advance_basis').notNull(),
    minCentralisedHours: integer('min_centralised_hours').notNull(),
    onlineShareCapBp: integer('online_share_cap_bp').notNull(),
    videoShareMinBp: integer('video_share_min_bp').notNull(),
    minYears: integer('min_years').notNull(),
    maxYears: integer('max_years').notNull(),
    maxYearsWithReason: integer('max_years_with_reason').notNull(),
    noticeWorkingDays: integer('notice_working_days').notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
    note: text('note').notNull().default(''),
    reason: text('reason'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('subsidy_policies_version').on(t.regionId, t.year, t.version)],
);

/** An apprenticeship class (新型学徒制培训班) registered (备案) with the HRSS bureau. */
export const apprenticeshipClasses = pgTable(
  'apprenticeship_classes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The organiser: the enterprise, or the FIC / chamber of a grouped class. */
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    regionId: text('region_id').notNull(),
    kind: text('kind').notNull(),
    registrationNo: text('registration_no'),
    name: text('name').notNull(),
    institutionKind: text('institution_kind').notNull(),
    trainingCentreId: uuid('training_centre_id').references(() => trainingCentres.id),
    institutionName: text('institution_name'),
    occupation: text('occupation').notNull(),
    targetLevel: integer('target_level').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    durationYears: integer('duration_years').notNull(),
    durationReason: text('duration_reason'),
    enterpriseTutor: jsonb('enterprise_tutor').$type<Tutor>().notNull(),
    institutionTutor: jsonb('institution_tutor').$type<Tutor>().notNull(),
    trainingPlan: text('training_plan').notNull(),
    attachmentIds: jsonb('attachment_ids').$type<string[]>().notNull().default([]),
    status: text('status').notNull(),
    dueOn: date('due_on', { mode: 'string' }),
    filedAt: timestamp('filed_at', { withTimezone: true }),
    registeredOn: date('registered_on', { mode: 'string' }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('apprenticeship_classes_region_status').on(t.regionId, t.status),
    index('apprenticeship_classes_organisation').on(t.organisationId),
    uniqueIndex('apprenticeship_classes_registration_no').on(t.registrationNo).where(sql`${t.registrationNo} is not null`),
  ],
);

/**
 * The platform courses that make up a class's online theory: apprentices' credited study time on their lessons, inside
 * the class's dates and on days without an open study-time flag, counts as the class's online hours.
 */
export const apprenticeshipClassCourses = pgTable(
  'apprenticeship_class_courses',
  {
    classId: uuid('class_id')
      .notNull()
      .references(() => apprenticeshipClasses.id),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id),
    addedBy: uuid('added_by').references(() => users.id),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.classId, t.courseId] }), index('apprenticeship_class_courses_course').on(t.courseId)],
);

/** A person on a class's roster, with their employer (the class's enterprise, or a small firm of a grouped class). */
export const apprentices = pgTable(
  'apprentices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    classId: uuid('class_id').notNull().references(() => apprenticeshipClasses.id),
    personId: uuid('person_id').notNull().references(() => people.id),
    employerOrganisationId: uuid('employer_organisation_id').notNull().references(() => organisations.id),
    employmentId: uuid('employment_id').notNull().references(() => employments.id),
    joinedOn: date('joined_on', { mode: 'string' }).notNull(),
    status: text('status').notNull(),
    leftOn: date('left_on', { mode: 'string' }),
    leftReason: text('left_reason'),
    assessedOn: date('assessed_on', { mode: 'string' }),
    assessmentPassed: boolean('assessment_passed'),
    levelReached: integer('level_reached'),
    certificateNo: text('certificate_no'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('apprentices_class_person').on(t.classId, t.personId),
    index('apprentices_person').on(t.personId),
    index('apprentices_employer').on(t.employerOrganisationId),
  ],
);

/** One teaching session of a class (centralised, online or on the job), with a start and end time of day. */
export const classSessions = pgTable(
  'class_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    classId: uuid('class_id').notNull().references(() => apprenticeshipClasses.id),
    date: date('date', { mode: 'string' }).notNull(),
    kind: text('kind').notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    minutes: integer('minutes').notNull(),
    location: text('location').notNull(),
    topic: text('topic').notNull(),
    videoRecorded: boolean('video_recorded').notNull().default(false),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('class_sessions_class_date').on(t.classId, t.date)],
);

/** Who was at a session: every apprentice on the active roster gets a row, present or absent. */
export const sessionAttendance = pgTable(
  'session_attendance',
  {
    sessionId: uuid('session_id').notNull().references(() => classSessions.id),
    apprenticeId: uuid('apprentice_id').notNull().references(() => apprentices.id),
    personId: uuid('person_id').notNull().references(() => people.id),
    present: boolean('present').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.apprenticeId] }), index('session_attendance_apprentice').on(t.apprenticeId), index('session_attendance_person').on(t.personId)],
);

/** A subsidy claim (advance or settlement) of a class: the computation is kept as computed, under its policy version. */
export const subsidyClaims = pgTable(
  'subsidy_claims',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referenceNo: text('reference_no').notNull(),
    classId: uuid('class_id').notNull().references(() => apprenticeshipClasses.id),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    regionId: text('region_id').notNull(),
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    round: integer('round').notNull().default(1),
    policyId: uuid('policy_id').notNull().references(() => subsidyPolicies.id),
    computation: jsonb('computation').$type<ClaimComputation>().notNull(),
    amountFen: fen('amount_fen').notNull(),
    noticeId: uuid('notice_id'),
    disbursedOn: date('disbursed_on', { mode: 'string' }),
    bankReference: text('bank_reference'),
    dueOn: date('due_on', { mode: 'string' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('subsidy_claims_reference_no').on(t.referenceNo),
    // One live claim of each kind per class; withdrawn and rejected ones step aside.
    uniqueIndex('subsidy_claims_one_live').on(t.classId, t.kind).where(sql`${t.status} not in ('withdrawn', 'rejected')`),
    index('subsidy_claims_region_status').on(t.regionId, t.status),
    index('subsidy_claims_organisation').on(t.organisationId),
    index('subsidy_claims_notice').on(t.noticeId),
  ],
);

/** A check's finding on a claim, raised in a submission round and resolved by the HRSS officer. */
export const claimFindings = pgTable(
  'claim_findings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    claimId: uuid('claim_id').notNull().references(() => subsidyClaims.id),
    round: integer('round').notNull(),
    code: text('code').notNull(),
    apprenticeId: uuid('apprentice_id').references(() => apprentices.id),
    personId: uuid('person_id').references(() => people.id),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
    status: text('status').notNull().default('open'),
    resolutionNote: text('resolution_note'),
    resolvedBy: uuid('resolved_by').references(() => users.id),
    resolvedByName: text('resolved_by_name'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [index('claim_findings_claim').on(t.claimId, t.round)],
);

/** The disbursement ledger: append-only (a trigger refuses UPDATE and DELETE); balances are sums. */
export const subsidyLedgerEntries = pgTable(
  'subsidy_ledger_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    regionId: text('region_id').notNull(),
    classId: uuid('class_id').notNull().references(() => apprenticeshipClasses.id),
    claimId: uuid('claim_id').references(() => subsidyClaims.id),
    kind: text('kind').notNull(),
    amountFen: fen('amount_fen').notNull(),
    bookedOn: date('booked_on', { mode: 'string' }).notNull(),
    bankReference: text('bank_reference'),
    note: text('note'),
    correctsEntryId: uuid('corrects_entry_id'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedByName: text('recorded_by_name'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('subsidy_ledger_seq').on(t.seq),
    index('subsidy_ledger_organisation').on(t.organisationId, t.bookedOn),
    index('subsidy_ledger_class').on(t.classId),
    index('subsidy_ledger_region').on(t.regionId, t.bookedOn),
  ],
);
