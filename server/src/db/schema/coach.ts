import { bigint, date, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { knowledgePoints, lessons, notifications, questions } from './learning.ts';
import { organisations, people } from './registry.ts';

/*
 * The AI coach ([7/8]): learner models kept by the projector from graded answers (BKT mastery, FSRS review cards),
 * parameters refitted by the coach.fit job (BKT per knowledge point, 2PL per exam question), and the pushes made to
 * employees with the learner's response to each. The models themselves are pure functions in modules/coach/model.
 */

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const at = (name: string) => timestamp(name, { withTimezone: true });

/** BKT parameters per knowledge point: defaults until the fit has enough data, then fitted by EM (source 'fitted'). */
export const coachKnowledgePointParams = pgTable('coach_knowledge_point_params', {
  knowledgePointId: uuid('knowledge_point_id')
    .primaryKey()
    .references(() => knowledgePoints.id, { onDelete: 'cascade' }),
  prior: real('prior').notNull(),
  learn: real('learn').notNull(),
  guess: real('guess').notNull(),
  slip: real('slip').notNull(),
  /** default | fitted */
  source: text('source').notNull(),
  learners: integer('learners').notNull().default(0),
  answers: integer('answers').notNull().default(0),
  logLikelihood: real('log_likelihood'),
  fittedAt: at('fitted_at').notNull(),
});

/**
 * Every graded answer on a knowledge point, as the projector saw it (one row per statement × knowledge point): the
 * compact log the fit reads and mastery is replayed from, without reparsing statements.
 */
export const coachAnswers = pgTable(
  'coach_answers',
  {
    seq: bigint('seq', { mode: 'number' }).notNull(),
    knowledgePointId: uuid('knowledge_point_id').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    correct: integer('correct').notNull(),
    answeredAt: at('answered_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.seq, t.knowledgePointId] }), index('coach_answers_person').on(t.personId, t.knowledgePointId, t.seq), index('coach_answers_point').on(t.knowledgePointId)],
);

/** BKT mastery per person × knowledge point; `lastSeq` is the last answer applied, so a replay applies nothing twice. */
export const coachMastery = pgTable(
  'coach_mastery',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    knowledgePointId: uuid('knowledge_point_id').notNull(),
    mastery: real('mastery').notNull(),
    answers: integer('answers').notNull().default(0),
    correct: integer('correct').notNull().default(0),
    lastSeq: bigint('last_seq', { mode: 'number' }).notNull().default(0),
    lastAnsweredAt: at('last_answered_at'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.knowledgePointId] })],
);

/** FSRS review card per person × learned knowledge point (the model's ReviewCard as JSON), with its due time indexed. */
export const coachReviewCards = pgTable(
  'coach_review_cards',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    knowledgePointId: uuid('knowledge_point_id').notNull(),
    card: jsonb('card').$type<Record<string, unknown>>().notNull(),
    dueAt: at('due_at').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.knowledgePointId] }), index('coach_review_cards_due').on(t.personId, t.dueAt)],
);

/** 2PL parameters per exam question once it has enough answers (discrimination a, difficulty b). */
export const coachItemParams = pgTable('coach_item_params', {
  questionId: uuid('question_id')
    .primaryKey()
    .references(() => questions.id, { onDelete: 'cascade' }),
  discrimination: real('discrimination').notNull(),
  difficulty: real('difficulty').notNull(),
  answers: integer('answers').notNull(),
  fittedAt: at('fitted_at').notNull(),
});

/**
 * A push: a lesson or micro-course the coach put in front of an employee on a day, with its reason and numbers, and
 * what the employee did with it (pushed → opened | dismissed | snoozed | done). One per person × lesson × day.
 */
export const coachPushes = pgTable(
  'coach_pushes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    lessonId: uuid('lesson_id')
      .notNull()
      .references(() => lessons.id),
    /** learn | review */
    kind: text('kind').notNull(),
    /** The Asia/Shanghai day of the push (the daily cap counts these). */
    day: date('day', { mode: 'string' }).notNull(),
    score: real('score').notNull(),
    /** { 'zh-CN': …, 'en-US': … } */
    reason: jsonb('reason').$type<Record<string, string>>().notNull(),
    numbers: jsonb('numbers').$type<Record<string, unknown>>().notNull(),
    status: text('status').notNull().default('pushed'),
    snoozedUntil: at('snoozed_until'),
    respondedAt: at('responded_at'),
    notificationId: uuid('notification_id').references(() => notifications.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('coach_pushes_once').on(t.personId, t.lessonId, t.day),
    index('coach_pushes_person').on(t.personId, t.day),
    index('coach_pushes_organisation').on(t.organisationId, t.day),
  ],
);
