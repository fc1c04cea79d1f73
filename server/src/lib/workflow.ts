import { and, eq, inArray } from 'drizzle-orm';
import type { DepartmentKind, Role, WorkflowEvent } from '@fulcrum/shared';
import type { Db } from '../db/client.ts';
import { attachments, workflowEvents } from '../db/schema/index.ts';
import { recordAudit } from './audit.ts';
import type { Actor, Ctx } from './context.ts';
import { AppError, forbidden, invalid } from './errors.ts';
import { loadCalendar, shanghaiDateOf } from './working-days.ts';

/*
 * Review workflows as declared state machines. A process names its states, its transitions (from which states,
 * to which, who may take them, whether a comment or attachments are required) and the working-day deadline of
 * each state. `takeTransition` checks all of it, writes the history row and the audit entry in the caller's
 * transaction, and returns the new state and its deadline; the caller then updates its own row with
 * `status = from` in the WHERE clause (see `expectUpdated`), so two officers acting at once cannot both win.
 */

export interface TransitionSpec<S extends string> {
  from: readonly S[];
  to: S;
  roles: readonly Role[];
  /** For government roles: the department that holds this power (e.g. only the HRSS bureau certifies). */
  department?: DepartmentKind;
  comment?: 'required' | 'optional';
  attachments?: 'required' | 'optional';
  /** Taken by the owning organisation (its own record) rather than by the overseeing department. */
  byOwner?: boolean;
}

export interface WorkflowSpec<S extends string, T extends string> {
  /** The process name: the audit trail's entity type and the history's key. */
  process: string;
  states: readonly S[];
  initial: S;
  /** States the process ends in. */
  final: readonly S[];
  /** Working days allowed in a state, counted from the day it is entered (that day not counted). */
  deadlines?: Partial<Record<S, number>>;
  transitions: Record<T, TransitionSpec<S>>;
}

export const defineWorkflow = <S extends string, T extends string>(spec: WorkflowSpec<S, T>) => spec;

/** The record a transition applies to, as the caller read it (inside the transaction, FOR UPDATE). */
export interface WorkflowSubject<S extends string> {
  id: string;
  status: S;
  organisationId: string;
  regionId: string;
}

export interface TransitionInput {
  comment?: string | null | undefined;
  attachmentIds?: readonly string[] | undefined;
  /** Anything else the history should keep (e.g. on-site findings). */
  data?: unknown;
}

function mayTake<S extends string>(actor: Actor, spec: TransitionSpec<S>): boolean {
  if (!spec.roles.includes(actor.role)) return false;
  if (spec.department && actor.organisationType === 'government_department' && actor.departmentKind !== spec.department) {
    return actor.role === 'system_admin';
  }
  return true;
}

/** The transitions an actor may take from a state: what the page offers as buttons. */
export function availableTransitions<S extends string, T extends string>(wf: WorkflowSpec<S, T>, actor: Actor, state: S): T[] {
  return (Object.entries(wf.transitions) as [T, TransitionSpec<S>][])
    .filter(([, spec]) => spec.from.includes(state) && mayTake(actor, spec))
    .map(([name]) => name);
}

/** Transitions possible from a state at all (for the 409's details). */
const possibleFrom = <S extends string, T extends string>(wf: WorkflowSpec<S, T>, state: S) =>
  (Object.entries(wf.transitions) as [T, TransitionSpec<S>][]).filter(([, spec]) => spec.from.includes(state)).map(([name]) => name);

/** The 409 for a transition the current state does not allow. */
export function invalidTransition(process: string, transition: string, currentState: string, allowed: readonly string[]) {
  return new AppError('INVALID_TRANSITION', `${process}: cannot ${transition} from state ${currentState}`, {
    process,
    transition,
    currentState,
    allowed,
  });
}

/** Every given attachment exists and belongs to the actor's organisation or the subject's; 400 naming the first that does not. */
export async function checkAttachments(db: Db, ids: readonly string[], organisationIds: readonly string[], path = 'body.attachmentIds') {
  if (!ids.length) return;
  const rows = await db
    .select({ id: attachments.id })
    .from(attachments)
    .where(and(inArray(attachments.id, [...ids]), inArray(attachments.organisationId, [...organisationIds])));
  const found = new Set(rows.map((r) => r.id));
  const issues = ids.flatMap((id, i) => (found.has(id) ? [] : [{ path: `${path}.${i}`, code: 'UNKNOWN_ATTACHMENT', message: 'no such attachment of yours' }]));
  if (issues.length) throw invalid(issues);
}

/**
 * Checks and records one transition: the role (403), the state (409 with the current state), the comment and
 * attachments (400); writes the history row and the audit entry. Returns the new state and its deadline.
 */
export async function takeTransition<S extends string, T extends string>(
  tx: Ctx,
  wf: WorkflowSpec<S, T>,
  transition: T,
  subject: WorkflowSubject<S>,
  input: TransitionInput = {},
): Promise<{ from: S; to: S; dueOn: string | null }> {
  const spec = wf.transitions[transition];
  if (!mayTake(tx.actor, spec)) throw forbidden(`your role may not ${transition}`);
  if (!spec.from.includes(subject.status)) throw invalidTransition(wf.process, transition, subject.status, possibleFrom(wf, subject.status));
  const comment = input.comment?.trim() || null;
  if (spec.comment === 'required' && !comment) throw invalid([{ path: 'body.comment', code: 'REQUIRED', message: `a comment is required to ${transition}` }]);
  const attachmentIds = [...(input.attachmentIds ?? [])];
  if (spec.attachments === 'required' && !attachmentIds.length) {
    throw invalid([{ path: 'body.attachmentIds', code: 'REQUIRED', message: `attachments are required to ${transition}` }]);
  }
  await checkAttachments(tx.db, attachmentIds, [tx.actor.organisationId, subject.organisationId]);
  const days = wf.deadlines?.[spec.to];
  const now = tx.clock.now();
  const dueOn = days === undefined ? null : (await loadCalendar(tx.db)).addWorkingDays(shanghaiDateOf(now), days);
  await tx.db.insert(workflowEvents).values({
    process: wf.process,
    entityId: subject.id,
    transition,
    fromState: subject.status,
    toState: spec.to,
    actorUserId: tx.actor.userId,
    actorName: tx.actor.displayName,
    actorRole: tx.actor.role,
    organisationId: subject.organisationId,
    comment,
    attachmentIds,
    data: input.data ?? null,
    dueOn,
    at: now,
  });
  await recordAudit(tx, {
    entityType: wf.process,
    entityId: subject.id,
    action: transition,
    organisationId: subject.organisationId,
    regionId: subject.regionId,
    before: { status: subject.status },
    after: { status: spec.to, comment, attachmentIds: attachmentIds.length ? attachmentIds : undefined, data: input.data ?? undefined },
  });
  return { from: subject.status, to: spec.to, dueOn };
}

/** Records the creation of a workflow subject in its initial state (history + audit), e.g. a saved draft. */
export async function recordCreated<S extends string, T extends string>(tx: Ctx, wf: WorkflowSpec<S, T>, subject: WorkflowSubject<S>, after: unknown) {
  await tx.db.insert(workflowEvents).values({
    process: wf.process,
    entityId: subject.id,
    transition: 'create',
    fromState: subject.status,
    toState: subject.status,
    actorUserId: tx.actor.userId,
    actorName: tx.actor.displayName,
    actorRole: tx.actor.role,
    organisationId: subject.organisationId,
    at: tx.clock.now(),
  });
  await recordAudit(tx, { entityType: wf.process, entityId: subject.id, action: 'create', organisationId: subject.organisationId, regionId: subject.regionId, after });
}

/** After an `UPDATE … WHERE status = from RETURNING`, a missing row means someone else moved the record first. */
export function expectUpdated<R>(rows: R[], process: string): R {
  const [row] = rows;
  if (!row) throw new AppError('STALE_STATE', `${process}: the record changed meanwhile; reload and try again`);
  return row;
}

/** A subject's history, oldest first. */
export function historyOf(db: Db, process: string, entityId: string) {
  return db
    .select()
    .from(workflowEvents)
    .where(and(eq(workflowEvents.process, process), eq(workflowEvents.entityId, entityId)))
    .orderBy(workflowEvents.id);
}

/** A history row as the API returns it. */
export function toWorkflowEvent(row: typeof workflowEvents.$inferSelect): WorkflowEvent {
  return {
    id: row.id,
    transition: row.transition,
    fromState: row.fromState,
    toState: row.toState,
    actorName: row.actorName,
    actorRole: row.actorRole,
    comment: row.comment,
    attachmentIds: row.attachmentIds,
    data: row.data ?? null,
    dueOn: row.dueOn,
    at: row.at.toISOString(),
  };
}
