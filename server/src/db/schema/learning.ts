import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './identity.ts';
import { organisations, people } from './registry.ts';

/*
 * The learning platform ([6/8]): catalogue (knowledge points, competencies, role profiles, courses, lessons, media),
 * trustworthy study time, OMO training projects with offline sessions and check-in, exams, certificates, and the
 * figures reports read. Every learning action is also an xAPI statement in xapi_statements (xapi.ts); these tables
 * hold what the platform itself manages.
 */

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
const at = (name: string) => timestamp(name, { withTimezone: true });
const fen = (name: string) => bigint(name, { mode: 'number' });
/** A full-text vector built from jieba's segmentation of Chinese text (config 'simple'), kept by the application. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

// ---------------------------------------------------------------------------------------------------------------
// Catalogue

/** 知识点: the unit of mastery. Owned by an organisation; `district` visibility lets every organisation use it. */
export const knowledgePoints = pgTable(
  'knowledge_points',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    trade: text('trade'),
    visibility: text('visibility').notNull().default('organisation'),
    searchVector: tsvector('search_vector'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('knowledge_points_code').on(t.organisationId, t.code),
    index('knowledge_points_search').using('gin', t.searchVector),
    index('knowledge_points_name_trgm').using('gin', sql`${t.name} gin_trgm_ops`),
    index('knowledge_points_description_trgm').using('gin', sql`${t.description} gin_trgm_ops`),
  ],
);

/** Prerequisite edges of the knowledge-point graph (`prerequisiteId` must be learned before `knowledgePointId`); acyclic by check on write. */
export const knowledgePointPrerequisites = pgTable(
  'knowledge_point_prerequisites',
  {
    knowledgePointId: uuid('knowledge_point_id').notNull().references(() => knowledgePoints.id, { onDelete: 'cascade' }),
    prerequisiteId: uuid('prerequisite_id').notNull().references(() => knowledgePoints.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.knowledgePointId, t.prerequisiteId] }), index('knowledge_point_prerequisites_prerequisite').on(t.prerequisiteId)],
);

/** A competency with levels 1..maxLevel; each level is reached by mastering the knowledge points required up to it. */
export const competencies = pgTable(
  'competencies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    maxLevel: integer('max_level').notNull().default(5),
    visibility: text('visibility').notNull().default('organisation'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('competencies_code').on(t.organisationId, t.code)],
);

/** Which knowledge points a competency needs, and from which level on. */
export const competencyKnowledgePoints = pgTable(
  'competency_knowledge_points',
  {
    competencyId: uuid('competency_id').notNull().references(() => competencies.id, { onDelete: 'cascade' }),
    knowledgePointId: uuid('knowledge_point_id').notNull().references(() => knowledgePoints.id),
    level: integer('level').notNull(),
  },
  (t) => [primaryKey({ columns: [t.competencyId, t.knowledgePointId] }), index('competency_knowledge_points_kp').on(t.knowledgePointId)],
);

/** 岗位能力模型: a role's required competency levels with weights. District templates (`isTemplate`) are copied by enterprises. */
export const roleProfiles = pgTable(
  'role_profiles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    isTemplate: boolean('is_template').notNull().default(false),
    copiedFromId: uuid('copied_from_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('role_profiles_name').on(t.organisationId, t.name), index('role_profiles_template').on(t.isTemplate)],
);

export const roleProfileRequirements = pgTable(
  'role_profile_requirements',
  {
    roleProfileId: uuid('role_profile_id').notNull().references(() => roleProfiles.id, { onDelete: 'cascade' }),
    competencyId: uuid('competency_id').notNull().references(() => competencies.id),
    requiredLevel: integer('required_level').notNull(),
    /** Relative weight in whole percent; a profile's weights add up to 100. */
    weight: integer('weight').notNull(),
  },
  (t) => [primaryKey({ columns: [t.roleProfileId, t.competencyId] })],
);

/** A learner as the platform sees them in one organisation: department and the role profile they are measured against. */
export const learnerProfiles = pgTable(
  'learner_profiles',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    personId: uuid('person_id').notNull().references(() => people.id),
    department: text('department'),
    roleProfileId: uuid('role_profile_id').references(() => roleProfiles.id),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.personId] }), index('learner_profiles_role').on(t.roleProfileId)],
);

/**
 * The level a person holds in a competency, as a history: a row is appended whenever the level changes, so the level
 * at any past moment is the latest row at or before it (reports compare before and after with these rows).
 */
export const competencyLevelHistory = pgTable(
  'competency_level_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    personId: uuid('person_id').notNull().references(() => people.id),
    competencyId: uuid('competency_id').notNull().references(() => competencies.id),
    level: integer('level').notNull(),
    /** knowledge (mastered knowledge points), certificate, manager (a manager's rating). */
    source: text('source').notNull(),
    effectiveAt: at('effective_at').notNull(),
  },
  (t) => [
    index('competency_level_history_person').on(t.personId, t.competencyId, t.effectiveAt),
    index('competency_level_history_organisation').on(t.organisationId, t.effectiveAt),
  ],
);

/** Uploaded media (video, PDF, images) for lessons, stored by SHA-256 in the blob store; videos are streamed with ranges. */
export const learningMedia = pgTable(
  'learning_media',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    sha256: text('sha256').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    fileName: text('file_name').notNull(),
    durationSeconds: integer('duration_seconds'),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('learning_media_organisation').on(t.organisationId, t.createdAt)],
);

/** 课程. Draft → published → archived; `district` visibility puts a published course in every organisation's catalogue. */
export const courses = pgTable(
  'courses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    trade: text('trade'),
    status: text('status').notNull().default('draft'),
    visibility: text('visibility').notNull().default('organisation'),
    coverMediaId: uuid('cover_media_id').references(() => learningMedia.id),
    searchVector: tsvector('search_vector'),
    createdBy: uuid('created_by').references(() => users.id),
    publishedAt: at('published_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('courses_organisation').on(t.organisationId, t.status),
    index('courses_search').using('gin', t.searchVector),
    index('courses_title_trgm').using('gin', sql`${t.title} gin_trgm_ops`),
    index('courses_description_trgm').using('gin', sql`${t.description} gin_trgm_ops`),
  ],
);

export const courseSections = pgTable(
  'course_sections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id').notNull().references(() => courses.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
  },
  (t) => [index('course_sections_course').on(t.courseId, t.position)],
);

/**
 * 课时. Kinds: video, document (PDF), rich_text, micro_course (≤ 600 s, one to three knowledge points), offline,
 * practical, exam. `durationSeconds` is the media's length (video, micro-course) or the planned time.
 */
export const lessons = pgTable(
  'lessons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    courseId: uuid('course_id').notNull().references(() => courses.id, { onDelete: 'cascade' }),
    sectionId: uuid('section_id').references(() => courseSections.id, { onDelete: 'set null' }),
    position: integer('position').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    body: text('body'),
    mediaId: uuid('media_id').references(() => learningMedia.id),
    examId: uuid('exam_id'),
    durationSeconds: integer('duration_seconds').notNull().default(0),
    searchVector: tsvector('search_vector'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('lessons_course').on(t.courseId, t.position),
    index('lessons_organisation_kind').on(t.organisationId, t.kind),
    index('lessons_search').using('gin', t.searchVector),
    index('lessons_title_trgm').using('gin', sql`${t.title} gin_trgm_ops`),
    index('lessons_description_trgm').using('gin', sql`${t.description} gin_trgm_ops`),
  ],
);

export const lessonKnowledgePoints = pgTable(
  'lesson_knowledge_points',
  {
    lessonId: uuid('lesson_id').notNull().references(() => lessons.id, { onDelete: 'cascade' }),
    knowledgePointId: uuid('knowledge_point_id').notNull().references(() => knowledgePoints.id),
  },
  (t) => [primaryKey({ columns: [t.lessonId, t.knowledgePointId] }), index('lesson_knowledge_points_kp').on(t.knowledgePointId)],
);

// ---------------------------------------------------------------------------------------------------------------
// Study time

/** One stretch of a learner on one lesson from one device, kept alive by heartbeats. */
export const studySessions = pgTable(
  'study_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    personId: uuid('person_id').notNull().references(() => people.id),
    lessonId: uuid('lesson_id').notNull().references(() => lessons.id),
    /** The player's own id for its tab or device, to tell parallel sessions apart. */
    clientKey: text('client_key').notNull(),
    /** active, idle, ended, superseded (another item took over). */
    status: text('status').notNull(),
    startedAt: at('started_at').notNull(),
    lastBeatAt: at('last_beat_at').notNull(),
    endedAt: at('ended_at'),
    creditedSeconds: integer('credited_seconds').notNull().default(0),
    beats: integer('beats').notNull().default(0),
    /** Seconds between beats, the last few (for the too-regular check). */
    recentIntervals: jsonb('recent_intervals').$type<number[]>().notNull().default([]),
    lastPosition: real('last_position'),
    userAgent: text('user_agent'),
    /** Credited seconds by Asia/Shanghai day, so a confirmed flag withdraws them from the right study_days rows. */
    creditedByDay: jsonb('credited_by_day').$type<Record<string, number>>().notNull().default({}),
    /** The xAPI statements written for this session (experienced on end, completed), voided when its time is withdrawn. */
    statementIds: jsonb('statement_ids').$type<string[]>().notNull().default([]),
    /** Set when a reviewer confirmed a flag on this session: its time no longer counts. */
    withdrawnAt: at('withdrawn_at'),
  },
  (t) => [index('study_sessions_person').on(t.personId, t.status, t.lastBeatAt), index('study_sessions_organisation').on(t.organisationId, t.startedAt)],
);

/** The merged ranges of a video a person has really watched, in seconds: [[start, end], …] sorted and disjoint. */
export const watchedRanges = pgTable(
  'watched_ranges',
  {
    personId: uuid('person_id').notNull().references(() => people.id),
    lessonId: uuid('lesson_id').notNull().references(() => lessons.id),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    ranges: jsonb('ranges').$type<Array<[number, number]>>().notNull().default([]),
    watchedSeconds: real('watched_seconds').notNull().default(0),
    /** When the lesson was completed (90 % watched, or marked as learned); its completed statement is written once. */
    completedAt: at('completed_at'),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.lessonId] })],
);

/** Credited seconds per person and Asia/Shanghai day (the daily cap). */
export const studyDays = pgTable(
  'study_days',
  {
    personId: uuid('person_id').notNull().references(() => people.id),
    day: date('day', { mode: 'string' }).notNull(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    creditedSeconds: integer('credited_seconds').notNull().default(0),
    /** What the player claimed that day (reported play and wall time before any cut), for the impossible-total check. */
    claimedSeconds: integer('claimed_seconds').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.personId, t.day] }), index('study_days_organisation').on(t.organisationId, t.day)],
);

/** A suspicious pattern for review: parallel_sessions, regular_heartbeats, impossible_total. */
export const studyFlags = pgTable(
  'study_flags',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    personId: uuid('person_id').notNull().references(() => people.id),
    sessionId: uuid('session_id').references(() => studySessions.id),
    kind: text('kind').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    /** open, cleared (time stands), confirmed (time withdrawn). */
    status: text('status').notNull().default('open'),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: at('reviewed_at'),
    reviewNote: text('review_note'),
    day: date('day', { mode: 'string' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('study_flags_organisation').on(t.organisationId, t.status, t.createdAt),
    uniqueIndex('study_flags_once').on(t.personId, t.kind, t.day),
  ],
);

// ---------------------------------------------------------------------------------------------------------------
// OMO training projects

/** 培训项目: ordered stages mixing online learning, offline sessions and practical tasks. */
export const trainingProjects = pgTable(
  'training_projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** draft, active, closed. */
    status: text('status').notNull().default('draft'),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('training_projects_organisation').on(t.organisationId, t.status)],
);

/** A stage: kind online (a course or micro-course lesson), offline (sessions) or practical (a graded task); due N days after enrolment. */
export const projectStages = pgTable(
  'project_stages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').notNull().references(() => trainingProjects.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    courseId: uuid('course_id').references(() => courses.id),
    lessonId: uuid('lesson_id').references(() => lessons.id),
    dueDays: integer('due_days'),
    /** Practical tasks: the score out of 100 that passes. */
    passScore: integer('pass_score'),
  },
  (t) => [index('project_stages_project').on(t.projectId, t.position)],
);

/** An offline session of a project's stage; check-in tokens are signed with `checkInSecret`. */
export const offlineSessions = pgTable(
  'offline_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    projectId: uuid('project_id').notNull().references(() => trainingProjects.id, { onDelete: 'cascade' }),
    stageId: uuid('stage_id').notNull().references(() => projectStages.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    venue: text('venue').notNull(),
    startsAt: at('starts_at').notNull(),
    endsAt: at('ends_at').notNull(),
    capacity: integer('capacity').notNull(),
    instructorUserId: uuid('instructor_user_id').references(() => users.id),
    checkInSecret: text('check_in_secret').notNull(),
    /** scheduled, cancelled. */
    status: text('status').notNull().default('scheduled'),
    createdAt: createdAt(),
  },
  (t) => [index('offline_sessions_project').on(t.projectId, t.startsAt), index('offline_sessions_instructor').on(t.instructorUserId, t.startsAt)],
);

/** A seat or a place on the waitlist; when a seat frees up the first on the waitlist is promoted. */
export const sessionRegistrations = pgTable(
  'session_registrations',
  {
    sessionId: uuid('session_id').notNull().references(() => offlineSessions.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').notNull().references(() => people.id),
    /** registered, waitlisted, cancelled. */
    status: text('status').notNull(),
    registeredAt: at('registered_at').notNull(),
    promotedAt: at('promoted_at'),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.personId] }), index('session_registrations_waitlist').on(t.sessionId, t.status, t.registeredAt)],
);

/** Attendance at an offline session: full, partial or absent; from a QR check-in or an instructor's correction. */
export const sessionCheckIns = pgTable(
  'session_check_ins',
  {
    sessionId: uuid('session_id').notNull().references(() => offlineSessions.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').notNull().references(() => people.id),
    state: text('state').notNull(),
    checkedInAt: at('checked_in_at'),
    /** qr, manual. */
    method: text('method').notNull(),
    correctedBy: uuid('corrected_by').references(() => users.id),
    note: text('note'),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.personId] })],
);

/** Who a project enrols automatically: kind organisation, department, role_profile or new_hires (value: days since hire). */
export const projectEnrolmentRules = pgTable(
  'project_enrolment_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').notNull().references(() => trainingProjects.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    value: text('value'),
    createdAt: createdAt(),
  },
  (t) => [index('project_enrolment_rules_project').on(t.projectId)],
);

export const projectEnrolments = pgTable(
  'project_enrolments',
  {
    projectId: uuid('project_id').notNull().references(() => trainingProjects.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').notNull().references(() => people.id),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    enrolledAt: at('enrolled_at').notNull(),
    /** rule, manual. */
    source: text('source').notNull(),
    ruleId: uuid('rule_id').references(() => projectEnrolmentRules.id, { onDelete: 'set null' }),
    /** active, completed, withdrawn. */
    status: text('status').notNull().default('active'),
    completedAt: at('completed_at'),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.personId] }), index('project_enrolments_person').on(t.personId, t.status)],
);

/** A learner's standing on one stage: not_started, in_progress, completed (failed for a practical task below the pass score). */
export const stageProgress = pgTable(
  'stage_progress',
  {
    stageId: uuid('stage_id').notNull().references(() => projectStages.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').notNull().references(() => people.id),
    projectId: uuid('project_id').notNull().references(() => trainingProjects.id, { onDelete: 'cascade' }),
    status: text('status').notNull().default('not_started'),
    dueOn: date('due_on', { mode: 'string' }),
    completedAt: at('completed_at'),
    /** Practical tasks: what the learner handed in (text and an optional attachment), the instructor's score and feedback. */
    submission: text('submission'),
    submissionAttachmentId: uuid('submission_attachment_id'),
    submittedAt: at('submitted_at'),
    score: integer('score'),
    feedback: text('feedback'),
    gradedBy: uuid('graded_by').references(() => users.id),
    gradedAt: at('graded_at'),
  },
  (t) => [primaryKey({ columns: [t.stageId, t.personId] }), index('stage_progress_person').on(t.personId, t.dueOn)],
);

/** In-app notifications (reminders, pushes); `dedupeKey` makes a reminder arrive once however often the job runs. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    personId: uuid('person_id').notNull().references(() => people.id),
    kind: text('kind').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    /** { 'zh-CN': …, 'en-US': … } */
    title: jsonb('title').$type<Record<string, string>>().notNull(),
    body: jsonb('body').$type<Record<string, string>>().notNull(),
    link: text('link'),
    createdAt: createdAt(),
    readAt: at('read_at'),
  },
  (t) => [uniqueIndex('notifications_dedupe').on(t.personId, t.dedupeKey), index('notifications_person').on(t.personId, t.createdAt)],
);

// ---------------------------------------------------------------------------------------------------------------
// Exams

/** 题库: single, multiple, true_false, fill_in, short_answer (instructor-graded); difficulty 1 (easy) .. 5 (hard). */
export const questions = pgTable(
  'questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    kind: text('kind').notNull(),
    stem: text('stem').notNull(),
    /** Choices: [{ key: 'A', text }]. */
    options: jsonb('options').$type<Array<{ key: string; text: string }>>().notNull().default([]),
    /** single: 'A'; multiple: ['A','C']; true_false: true; fill_in: ['accepted', …]; short_answer: a model answer. */
    answer: jsonb('answer').notNull(),
    explanation: text('explanation').notNull().default(''),
    difficulty: integer('difficulty').notNull(),
    /** active, retired. */
    status: text('status').notNull().default('active'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('questions_organisation').on(t.organisationId, t.status, t.difficulty)],
);

export const questionKnowledgePoints = pgTable(
  'question_knowledge_points',
  {
    questionId: uuid('question_id').notNull().references(() => questions.id, { onDelete: 'cascade' }),
    knowledgePointId: uuid('knowledge_point_id').notNull().references(() => knowledgePoints.id),
  },
  (t) => [primaryKey({ columns: [t.questionId, t.knowledgePointId] }), index('question_knowledge_points_kp').on(t.knowledgePointId)],
);

/** 试卷: fixed (listed questions) or random (drawn per attempt by knowledge point × difficulty). */
export const examPapers = pgTable(
  'exam_papers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    title: text('title').notNull(),
    mode: text('mode').notNull(),
    /** fixed: [{ questionId, points }]. */
    items: jsonb('items').$type<Array<{ questionId: string; points: number }>>().notNull().default([]),
    /** random: [{ knowledgePointId, difficulty, count, points }]. */
    drawRules: jsonb('draw_rules').$type<Array<{ knowledgePointId: string; difficulty: number; count: number; points: number }>>().notNull().default([]),
    totalPoints: integer('total_points').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('exam_papers_organisation').on(t.organisationId)],
);

/** 考试: a paper with a time limit, attempts, pass score, shuffling and an open window. */
export const exams = pgTable(
  'exams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    paperId: uuid('paper_id').notNull().references(() => examPapers.id),
    title: text('title').notNull(),
    timeLimitMinutes: integer('time_limit_minutes').notNull(),
    maxAttempts: integer('max_attempts').notNull(),
    passScore: integer('pass_score').notNull(),
    shuffleQuestions: boolean('shuffle_questions').notNull().default(true),
    shuffleOptions: boolean('shuffle_options').notNull().default(true),
    opensAt: at('opens_at'),
    closesAt: at('closes_at'),
    /** draft, published, closed. */
    status: text('status').notNull().default('draft'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('exams_organisation').on(t.organisationId, t.status)],
);

export const examAttempts = pgTable(
  'exam_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    examId: uuid('exam_id').notNull().references(() => exams.id),
    personId: uuid('person_id').notNull().references(() => people.id),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    attemptNo: integer('attempt_no').notNull(),
    startedAt: at('started_at').notNull(),
    deadlineAt: at('deadline_at').notNull(),
    submittedAt: at('submitted_at'),
    /** in_progress, submitted (short answers wait for an instructor), graded. */
    status: text('status').notNull(),
    /** The drawn paper as shown to this learner: [{ questionId, points, optionOrder }] in display order. */
    paper: jsonb('paper').$type<Array<{ questionId: string; points: number; optionOrder: string[] }>>().notNull(),
    score: integer('score'),
    passed: boolean('passed'),
    gradedAt: at('graded_at'),
  },
  (t) => [
    uniqueIndex('exam_attempts_number').on(t.examId, t.personId, t.attemptNo),
    index('exam_attempts_person').on(t.personId, t.startedAt),
    index('exam_attempts_organisation').on(t.organisationId, t.submittedAt),
  ],
);

export const examAnswers = pgTable(
  'exam_answers',
  {
    attemptId: uuid('attempt_id').notNull().references(() => examAttempts.id, { onDelete: 'cascade' }),
    questionId: uuid('question_id').notNull().references(() => questions.id),
    response: jsonb('response'),
    correct: boolean('correct'),
    points: integer('points'),
    gradedBy: uuid('graded_by').references(() => users.id),
    gradedAt: at('graded_at'),
    feedback: text('feedback'),
  },
  (t) => [primaryKey({ columns: [t.attemptId, t.questionId] }), index('exam_answers_question').on(t.questionId)],
);

// ---------------------------------------------------------------------------------------------------------------
// Certificates

/** Issue a certificate when a project, course or exam is completed; validity in months (none: never expires). */
export const certificateRules = pgTable(
  'certificate_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    title: text('title').notNull(),
    /** project, course, exam. */
    triggerKind: text('trigger_kind').notNull(),
    triggerId: uuid('trigger_id').notNull(),
    validityMonths: integer('validity_months'),
    /** A certificate can vouch for a competency level. */
    competencyId: uuid('competency_id').references(() => competencies.id),
    competencyLevel: integer('competency_level'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('certificate_rules_trigger').on(t.triggerKind, t.triggerId), index('certificate_rules_organisation').on(t.organisationId, t.active)],
);

/** A certificate; recertification issues the next cycle and keeps the earlier ones (status superseded or expired). */
export const learningCertificates = pgTable(
  'learning_certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    ruleId: uuid('rule_id').notNull().references(() => certificateRules.id),
    personId: uuid('person_id').notNull().references(() => people.id),
    /** The rule's title when issued: what the certificate says stays as issued. */
    title: text('title').notNull(),
    number: text('number').notNull(),
    cycle: integer('cycle').notNull(),
    issuedAt: at('issued_at').notNull(),
    expiresAt: at('expires_at'),
    /** valid, superseded, revoked (expiry is read from expires_at). */
    status: text('status').notNull().default('valid'),
    previousId: uuid('previous_id'),
    /** The code in the public verification link and QR. */
    verificationCode: text('verification_code').notNull(),
    sourceKind: text('source_kind').notNull(),
    sourceId: uuid('source_id').notNull(),
    /** When the completion it certifies happened; a later completion is what recertification looks for. */
    completedAt: at('completed_at').notNull(),
    revokedAt: at('revoked_at'),
    revokedBy: uuid('revoked_by').references(() => users.id),
    revocationReason: text('revocation_reason'),
  },
  (t) => [
    uniqueIndex('learning_certificates_number').on(t.number),
    uniqueIndex('learning_certificates_code').on(t.verificationCode),
    uniqueIndex('learning_certificates_cycle').on(t.ruleId, t.personId, t.cycle),
    index('learning_certificates_person').on(t.personId, t.issuedAt),
    index('learning_certificates_organisation').on(t.organisationId, t.issuedAt),
  ],
);

// ---------------------------------------------------------------------------------------------------------------
// Reports

/** Training spending an enterprise records (fees, venue, materials) for the input side of ROI. */
export const trainingCosts = pgTable(
  'training_costs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    projectId: uuid('project_id').references(() => trainingProjects.id),
    spentOn: date('spent_on', { mode: 'string' }).notNull(),
    amountFen: fen('amount_fen').notNull(),
    description: text('description').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('training_costs_organisation').on(t.organisationId, t.spentOn)],
);

/**
 * When a person first completed (or passed) an activity, from the projected statements: the completions the daily
 * rollups count. Written with "keep the earliest", so a replay of the projection leaves it as it was.
 */
export const learningCompletions = pgTable(
  'learning_completions',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    personId: uuid('person_id').notNull().references(() => people.id),
    activityId: text('activity_id').notNull(),
    completedAt: at('completed_at').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.activityId] }), index('learning_completions_organisation').on(t.organisationId, t.day)],
);

/** Per organisation and Asia/Shanghai day: the figures reports add up (kept current by the projector and the modules). */
export const learningDailyRollups = pgTable(
  'learning_daily_rollups',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    day: date('day', { mode: 'string' }).notNull(),
    studySeconds: bigint('study_seconds', { mode: 'number' }).notNull().default(0),
    completions: integer('completions').notNull().default(0),
    examAttempts: integer('exam_attempts').notNull().default(0),
    examPasses: integer('exam_passes').notNull().default(0),
    certificates: integer('certificates').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.day] })],
);
