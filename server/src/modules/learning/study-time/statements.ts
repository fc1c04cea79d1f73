import { eq, sql } from 'drizzle-orm';
import { xapiVerbDisplay, xapiVerbs, type LearningActivityKind } from '@fulcrum/shared';
import type { Db } from '../../../db/client.ts';
import { lessonKnowledgePoints, people, studySessions } from '../../../db/schema/index.ts';
import type { Clock } from '../../../lib/clock.ts';
import { personAgent } from '../../xapi/learner.ts';
import { recordLearning, storeAsPlatform, type LearningAction, type RecordDeps } from '../record.ts';
import { isoDuration } from './rules.ts';

/*
 * Study time as xAPI statements (authority: the platform). A session's credited seconds become one `experienced`
 * statement when it ends (result.duration = exactly the credited time, so learning_study_time shows it), a completion
 * one `completed` statement with the lesson's knowledge points; the session's id is the statements' registration.
 * When a reviewer confirms a flag the session's statements are voided: the projector then recomputes the learner's
 * study time and progress without them (voiding, not a compensating statement, because xAPI durations cannot be negative).
 */

export interface SessionLesson {
  id: string;
  kind: string;
  title: string;
  courseId: string;
  courseTitle: string;
}

const activityOf = (lesson: SessionLesson) => ({
  kind: (lesson.kind === 'micro_course' ? 'micro-course' : 'lesson') as LearningActivityKind,
  id: lesson.id,
  name: lesson.title,
});
const parentOf = (lesson: SessionLesson) => ({ kind: 'course' as const, id: lesson.courseId, name: lesson.courseTitle });

/** The experienced statement of a session's credited time. */
export function experiencedAction(personId: string, sessionId: string, lesson: SessionLesson, seconds: number, at: Date): LearningAction {
  return { personId, verb: 'experienced', activity: activityOf(lesson), parent: parentOf(lesson), registration: sessionId, result: { duration: isoDuration(seconds) }, timestamp: at };
}

/** The completed statement of a lesson, naming its knowledge points. */
export async function completedAction(db: Db, personId: string, sessionId: string, lesson: SessionLesson, at: Date): Promise<LearningAction> {
  const points = await db.select({ id: lessonKnowledgePoints.knowledgePointId }).from(lessonKnowledgePoints).where(eq(lessonKnowledgePoints.lessonId, lesson.id));
  return {
    personId,
    verb: 'completed',
    activity: activityOf(lesson),
    parent: parentOf(lesson),
    registration: sessionId,
    result: { completion: true },
    knowledgePointIds: points.map((p) => p.id),
    timestamp: at,
  };
}

/** Stores the actions of sessions (after their change committed) and remembers each statement on its session. */
export async function recordSessionStatements(deps: RecordDeps, organisationId: string, items: { sessionId: string; action: LearningAction }[]): Promise<void> {
  if (!items.length) return;
  const ids = await recordLearning(deps, organisationId, items.map((i) => i.action));
  for (const [index, item] of items.entries()) {
    await deps.db
      .update(studySessions)
      .set({ statementIds: sql`${studySessions.statementIds} || ${JSON.stringify([ids[index]])}::jsonb` })
      .where(eq(studySessions.id, item.sessionId));
  }
}

/** Voids statements of a person (after the withdrawal committed), as the platform that wrote them. */
export async function voidStatements(deps: RecordDeps & { clock: Clock }, organisationId: string, personId: string, statementIds: string[]): Promise<void> {
  if (!statementIds.length) return;
  const [person] = await deps.db.select({ id: people.id, name: people.name }).from(people).where(eq(people.id, personId));
  const actor = personAgent(deps.publicUrl, { id: personId, name: person?.name ?? '' });
  const statements = statementIds.map((id) => ({
    actor,
    verb: { id: xapiVerbs.voided, display: xapiVerbDisplay.voided },
    object: { objectType: 'StatementRef', id },
  }));
  await storeAsPlatform(deps, organisationId, statements);
}
