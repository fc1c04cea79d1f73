import { and, count, eq, inArray, like, sql } from 'drizzle-orm';
import {
  centreHasRights,
  effectiveCentreStatus,
  rosterEditableStatuses,
  type ApprenticeshipClass,
  type CentreStatus,
  type ClassStatus,
  type ClassTransition,
  type CreateApprenticeshipClassRequest,
  type ErrorIssue,
  type TransitionRequest,
  type UpdateApprenticeshipClassRequest,
  type WorkflowEvent,
} from '@fulcrum/shared';
import type { Db } from '../../db/client.ts';
import { apprenticeshipClasses, apprentices, regions, trainingCentres } from '../../db/schema/index.ts';
import { changedFields, recordAudit } from '../../lib/audit.ts';
import { authorize } from '../../lib/authorize.ts';
import { inTransaction, type Actor, type Ctx } from '../../lib/context.ts';
import { AppError, forbidden, invalid, notFound } from '../../lib/errors.ts';
import { checkAttachments, expectUpdated, historyOf, invalidTransition, recordCreated, takeTransition, toWorkflowEvent } from '../../lib/workflow.ts';
import { addCalendarDays } from '../../lib/working-days.ts';
import { certifiedLevels } from '../centre-operations/centres.ts';
import { findClass, todayOf, toApprenticeshipClass, type ClassRow } from './class-queries.ts';
import { applicablePolicy, findApplicablePolicy } from './policies.ts';
import { assertOrganiser, subsidyPolicy } from './policy.ts';
import { assertMayTake, classWorkflow } from './workflows.ts';

/*
 * Apprenticeship classes (新型学徒制培训班): the organiser prepares a draft, files it, and the HRSS bureau registers
 * (备案) it with a registration number, returns it or rejects it; the organiser completes it once every apprentice has
 * been assessed or has left.
 */

const C = apprenticeshipClasses;

/** The last day of a class of `years` years from `startsOn` (that day counted): 2026-03-01 + 2 → 2028-02-29. */
export function endsOnOf(startsOn: string, years: number): string {
  const [y, m, d] = startsOn.split('-').map(Number) as [number, number, number];
  // Date.UTC rolls 29 February of a common year over to 1 March, so the day before is 28 February.
  return addCalendarDays(new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10), -1);
}

const yearOf = (date: string) => Number(date.slice(0, 4));

/** What the class rules look at, after a create or a merged edit. */
interface ClassShape {
  institutionKind: 'training_centre' | 'institution';
  trainingCentreId: string | null;
  institutionName: string | null;
  occupation: string;
  targetLevel: number;
  startsOn: string;
  durationYears: number;
  durationReason: string | null;
}

/**
 * The duration against the policy in force for the cohort year (人社部发〔2021〕39号: 1–2 years, up to 3 with a
 * stated reason, when no policy is in force yet), and the institution named as its kind requires.
 */
async function shapeIssues(db: Db, regionId: string, shape: ClassShape, today: string): Promise<ErrorIssue[]> {
  const issues: ErrorIssue[] = [];
  if (shape.institutionKind === 'training_centre' && !shape.trainingCentreId) {
    issues.push({ path: 'body.trainingCentreId', code: 'REQUIRED', message: 'name the certified training centre' });
  }
  if (shape.institutionKind === 'institution' && !shape.institutionName) {
    issues.push({ path: 'body.institutionName', code: 'REQUIRED', message: 'name the training institution or college' });
  }
  const policy = await findApplicablePolicy(db, regionId, yearOf(shape.startsOn), today);
  const limits = policy ? { min: policy.minYears, max: policy.maxYears, withReason: policy.maxYearsWithReason } : { min: 1, max: 2, withReason: 3 };
  if (shape.durationYears < limits.min || shape.durationYears > limits.withReason) {
    issues.push({ path: 'body.durationYears', code: 'OUT_OF_RANGE', message: `from ${limits.min} to ${limits.withReason} years` });
  } else if (shape.durationYears > limits.max && !shape.durationReason) {
    issues.push({ path: 'body.durationReason', code: 'REQUIRED', message: `a class longer than ${limits.max} years states the reason` });
  }
  return issues;
}

/** A training centre of the class's region that holds its rights today and is certified for the occupation and level. */
async function assertCentreFits(db: Db, regionId: string, shape: ClassShape, today: string) {
  if (shape.institutionKind !== 'training_centre' || !shape.trainingCentreId) return;
  const [centre] = await db.select().from(trainingCentres).where(eq(trainingCentres.id, shape.trainingCentreId));
  if (!centre || centre.regionId !== regionId) {
    throw invalid([{ path: 'body.trainingCentreId', code: 'UNKNOWN_CENTRE', message: 'no certified training centre of your region' }]);
  }
  const status = { status: centre.status as CentreStatus, validUntil: centre.validUntil };
  if (!centreHasRights(status, today)) {
    throw new AppError('CENTRE_NOT_ACTIVE', 'the training centre has lost its rights and may not train apprentices', {
      effectiveStatus: effectiveCentreStatus(status, today),
      validUntil: centre.validUntil,
    });
  }
  const levels = await certifiedLevels(db, centre.id, shape.occupation);
  if (!levels.includes(shape.targetLevel)) {
    const path = levels.length ? 'body.targetLevel' : 'body.occupation';
    const message = levels.length ? `the centre is certified for levels ${levels.join(', ')} of this occupation only` : 'the centre is not certified for this occupation';
    throw new AppError('OUTSIDE_SCOPE', message, { issues: [{ path, code: 'OUTSIDE_SCOPE', message }], occupation: shape.occupation, certifiedLevels: levels });
  }
}

const normalised = (shape: ClassShape): ClassShape => ({
  ...shape,
  trainingCentreId: shape.institutionKind === 'training_centre' ? shape.trainingCentreId : null,
  institutionName: shape.institutionKind === 'institution' ? shape.institutionName : null,
});

/** Grouped classes are the FIC's and the chambers' (small firms together); an enterprise organises its own. */
function kindIssues(actor: Actor, kind: 'enterprise' | 'grouped'): ErrorIssue[] {
  const mayGroup = actor.organisationType === 'chamber' || actor.departmentKind === 'fic';
  if (kind === 'grouped' && !mayGroup) return [{ path: 'body.kind', code: 'NOT_ALLOWED', message: 'only the FIC or a chamber organises a grouped class' }];
  if (kind === 'enterprise' && actor.organisationType !== 'enterprise') {
    return [{ path: 'body.kind', code: 'NOT_ALLOWED', message: 'the FIC and chambers organise grouped classes of small firms' }];
  }
  return [];
}

async function reload(tx: Ctx, id: string): Promise<ApprenticeshipClass> {
  const row = await findClass(tx.db, tx.actor, id);
  if (!row) throw notFound('apprenticeship class');
  return toApprenticeshipClass(row, tx.actor, todayOf(tx));
}

/** A class within reach; 404 otherwise (another organisation's, another region's, someone else's draft). */
export async function getClass(ctx: Ctx, id: string): Promise<ApprenticeshipClass> {
  authorize(ctx.actor, subsidyPolicy, 'readClasses');
  return reload(ctx, id);
}

/** The class's history, oldest first. */
export async function classHistory(ctx: Ctx, id: string): Promise<WorkflowEvent[]> {
  authorize(ctx.actor, subsidyPolicy, 'readClasses');
  if (!(await findClass(ctx.db, ctx.actor, id))) throw notFound('apprenticeship class');
  return (await historyOf(ctx.db, classWorkflow.process, id)).map(toWorkflowEvent);
}

/** Saves a draft class organised by the actor's enterprise, chamber or FIC, after the same rules as filing will need. */
export async function createClass(ctx: Ctx, input: CreateApprenticeshipClassRequest): Promise<ApprenticeshipClass> {
  authorize(ctx.actor, subsidyPolicy, 'createClass');
  assertOrganiser(ctx.actor);
  const today = todayOf(ctx);
  const regionId = ctx.actor.regionId;
  const shape = normalised({
    institutionKind: input.institutionKind,
    trainingCentreId: input.trainingCentreId ?? null,
    institutionName: input.institutionName ?? null,
    occupation: input.occupation,
    targetLevel: input.targetLevel,
    startsOn: input.startsOn,
    durationYears: input.durationYears,
    durationReason: input.durationReason ?? null,
  });
  const kind = input.kind ?? 'enterprise';
  const issues = [...kindIssues(ctx.actor, kind), ...(await shapeIssues(ctx.db, regionId, shape, today))];
  if (issues.length) throw invalid(issues);
  await assertCentreFits(ctx.db, regionId, shape, today);
  const attachmentIds = input.attachmentIds ?? [];
  await checkAttachments(ctx.db, attachmentIds, [ctx.actor.organisationId]);
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const [row] = await tx.db
      .insert(C)
      .values({
        organisationId: tx.actor.organisationId,
        regionId,
        kind,
        name: input.name,
        ...shape,
        endsOn: endsOnOf(shape.startsOn, shape.durationYears),
        enterpriseTutor: input.enterpriseTutor,
        institutionTutor: input.institutionTutor,
        trainingPlan: input.trainingPlan,
        attachmentIds,
        status: classWorkflow.initial,
        createdBy: tx.actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await recordCreated(tx, classWorkflow, { id: row.id, status: 'draft', organisationId: row.organisationId, regionId }, {
      kind,
      name: row.name,
      ...shape,
      endsOn: row.endsOn,
    });
    return reload(tx, row.id);
  });
}

const EDITABLE: readonly ClassStatus[] = rosterEditableStatuses;

/** The organiser's own class (an FIC officer may not touch an enterprise's; no other department organises one): 403 otherwise. */
export function assertOwner(actor: Actor, row: { organisationId: string }) {
  assertOrganiser(actor);
  if (actor.organisationId !== row.organisationId) throw forbidden('only the organiser may change its class');
}

/** Edits a draft or returned class of the organiser's, under the rules of creation; the audit keeps the changed fields. */
export async function updateClass(ctx: Ctx, id: string, input: UpdateApprenticeshipClassRequest): Promise<ApprenticeshipClass> {
  authorize(ctx.actor, subsidyPolicy, 'createClass');
  assertOrganiser(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const row = await findClass(tx.db, tx.actor, id, true);
    if (!row) throw notFound('apprenticeship class');
    assertOwner(tx.actor, row);
    if (!EDITABLE.includes(row.status as ClassStatus)) throw invalidTransition(classWorkflow.process, 'update', row.status, []);
    const today = todayOf(tx);
    const shape = normalised({
      institutionKind: input.institutionKind ?? (row.institutionKind as ClassShape['institutionKind']),
      trainingCentreId: input.trainingCentreId !== undefined ? input.trainingCentreId : row.trainingCentreId,
      institutionName: input.institutionName !== undefined ? input.institutionName : row.institutionName,
      occupation: input.occupation ?? row.occupation,
      targetLevel: input.targetLevel ?? row.targetLevel,
      startsOn: input.startsOn ?? row.startsOn,
      durationYears: input.durationYears ?? row.durationYears,
      durationReason: input.durationReason !== undefined ? input.durationReason : row.durationReason,
    });
    const issues = await shapeIssues(tx.db, row.regionId, shape, today);
    if (issues.length) throw invalid(issues);
    await assertCentreFits(tx.db, row.regionId, shape, today);
    if (input.attachmentIds) await checkAttachments(tx.db, input.attachmentIds, [row.organisationId]);
    const next = {
      ...shape,
      endsOn: endsOnOf(shape.startsOn, shape.durationYears),
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.enterpriseTutor ? { enterpriseTutor: input.enterpriseTutor } : {}),
      ...(input.institutionTutor ? { institutionTutor: input.institutionTutor } : {}),
      ...(input.trainingPlan !== undefined ? { trainingPlan: input.trainingPlan } : {}),
      ...(input.attachmentIds ? { attachmentIds: input.attachmentIds } : {}),
    };
    const diff = changedFields(row as unknown as Record<string, unknown>, next as Record<string, unknown>);
    if (!diff.changed) return toApprenticeshipClass(row, tx.actor, today);
    const rows = await tx.db
      .update(C)
      .set({ ...next, updatedAt: tx.clock.now() })
      .where(and(eq(C.id, id), inArray(C.status, [...EDITABLE])))
      .returning({ id: C.id });
    expectUpdated(rows, classWorkflow.process);
    await recordAudit(tx, { entityType: classWorkflow.process, entityId: id, action: 'update', organisationId: row.organisationId, regionId: row.regionId, before: diff.before, after: diff.after });
    return reload(tx, id);
  });
}

/** The next registration number of a region and year: XT<division code>-<year>-<0001…>, unique per prefix. */
async function nextRegistrationNo(db: Db, regionId: string, year: number): Promise<string> {
  const [region] = await db.select({ divisionCode: regions.divisionCode }).from(regions).where(eq(regions.id, regionId));
  const prefix = `XT${region?.divisionCode ?? regionId}-${year}-`;
  // Two officers registering at once must not draw the same number: one numbering per prefix at a time.
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${prefix}))`);
  const taken = await db.select({ no: C.registrationNo }).from(C).where(like(C.registrationNo, `${prefix}%`));
  const last = taken.reduce((max, r) => Math.max(max, Number(r.no?.slice(prefix.length)) || 0), 0);
  return `${prefix}${String(last + 1).padStart(4, '0')}`;
}

async function rosterCounts(db: Db, classId: string) {
  const rows = await db.select({ status: apprentices.status, n: count() }).from(apprentices).where(eq(apprentices.classId, classId)).groupBy(apprentices.status);
  const of = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
  return { roster: rows.reduce((sum, r) => sum + Number(r.n), 0), active: of('active') };
}

const subjectOf = (row: ClassRow) => ({ id: row.id, status: row.status as ClassStatus, organisationId: row.organisationId, regionId: row.regionId });

/**
 * Takes one transition of a class: the owner rule first (an FIC officer files only the FIC's own class; a
 * department never registers a class it organises), then the engine's role, department, state and comment checks.
 * Filing needs a roster and a policy in force; registering gives the registration number; completing needs every
 * apprentice assessed or gone.
 */
export async function transitionClass(ctx: Ctx, id: string, transition: ClassTransition, input: TransitionRequest): Promise<ApprenticeshipClass> {
  authorize(ctx.actor, subsidyPolicy, 'readClasses');
  return inTransaction(ctx, async (tx) => {
    const row = await findClass(tx.db, tx.actor, id, true);
    if (!row) throw notFound('apprenticeship class');
    assertMayTake(classWorkflow, transition, tx.actor, row.organisationId);
    // Registration draws its number first, so the history row of the step names it.
    const registrationNo = transition === 'register' && row.status === 'filed' ? await nextRegistrationNo(tx.db, row.regionId, yearOf(row.startsOn)) : null;
    const result = await takeTransition(tx, classWorkflow, transition, subjectOf(row), { ...input, data: registrationNo ? { registrationNo } : undefined });
    const today = todayOf(tx);
    const now = tx.clock.now();
    const extra: Partial<typeof C.$inferInsert> = {};
    if (transition === 'file') {
      const counts = await rosterCounts(tx.db, id);
      if (counts.roster === 0) throw new AppError('CONFLICT', 'put at least one apprentice on the roster before filing', { roster: 0 });
      await applicablePolicy(tx.db, row.regionId, yearOf(row.startsOn), today);
      extra.filedAt = now;
    }
    if (transition === 'register') {
      extra.registrationNo = registrationNo;
      extra.registeredOn = today;
    }
    if (transition === 'complete') {
      const { active } = await rosterCounts(tx.db, id);
      if (active > 0) throw new AppError('CONFLICT', `${active} apprentice(s) are still in training: record their assessment or their leaving first`, { active });
    }
    const rows = await tx.db
      .update(C)
      .set({ status: result.to, dueOn: result.dueOn, updatedAt: now, ...extra })
      .where(and(eq(C.id, id), eq(C.status, result.from)))
      .returning({ id: C.id });
    expectUpdated(rows, classWorkflow.process);
    return reload(tx, id);
  });
}
