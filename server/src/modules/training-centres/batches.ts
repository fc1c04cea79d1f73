import { and, asc, count, eq, like, sql } from 'drizzle-orm';
import {
  occupationByCode,
  skillLevelLabels,
  type ApplicationStatus,
  type BatchStatus,
  type CertifySelectionBatchResult,
  type CreateSelectionBatchRequest,
  type PublishBatchNoticeRequest,
  type ScopeItem,
  type SelectionBatchDetail,
  type SkillLevel,
  type TransitionRequest,
} from '@fulcrum/shared';
import type { Db } from '../../db/client.ts';
import {
  noticeObjections,
  organisations,
  regions,
  selectionBatches,
  trainingCentreApplications,
  trainingCentres,
  trainingCentreScopes,
} from '../../db/schema/index.ts';
import { recordAudit } from '../../lib/audit.ts';
import { authorize } from '../../lib/authorize.ts';
import { inTransaction, type Ctx } from '../../lib/context.ts';
import { AppError, invalid, notFound } from '../../lib/errors.ts';
import { expectUpdated, historyOf, invalidTransition, recordCreated, takeTransition, toWorkflowEvent } from '../../lib/workflow.ts';
import { addCalendarDays } from '../../lib/working-days.ts';
import { assertNoticeCleared, publishNotice } from '../notices/service.ts';
import { assertHrss, trainingCentrePolicy } from './policy.ts';
import { batchApplications, findApplication, findBatch, todayOf, toBatch, type BatchRow } from './queries.ts';
import { applicationWorkflow, batchWorkflow } from './workflows.ts';

const A = trainingCentreApplications;
const B = selectionBatches;
/** The notice subject type of a batch's list. */
export const BATCH_NOTICE_SUBJECT = 'selection_batch';

const batchSubject = (row: BatchRow) => ({ id: row.id, status: row.status as BatchStatus, organisationId: row.organisationId, regionId: row.regionId });

async function detailOf(tx: Ctx, id: string): Promise<SelectionBatchDetail> {
  const row = await findBatch(tx.db, tx.actor, id);
  if (!row) throw notFound('selection batch');
  return { ...toBatch(row, tx.actor), applications: await batchApplications(tx.db, id) };
}

async function lockedBatch(tx: Ctx, id: string): Promise<BatchRow> {
  const row = await findBatch(tx.db, tx.actor, id, true);
  if (!row) throw notFound('selection batch');
  return row;
}

/** The 409 for a batch operation its state does not allow (e.g. adding to a batch already in notice). */
const batchNotOpen = (row: BatchRow, operation: string) => invalidTransition(batchWorkflow.process, operation, row.status, row.status === 'open' ? [operation] : []);

export async function getBatch(ctx: Ctx, id: string): Promise<SelectionBatchDetail> {
  authorize(ctx.actor, trainingCentrePolicy, 'listBatches');
  return detailOf(ctx, id);
}

export async function batchHistory(ctx: Ctx, id: string) {
  authorize(ctx.actor, trainingCentrePolicy, 'listBatches');
  if (!(await findBatch(ctx.db, ctx.actor, id))) throw notFound('selection batch');
  return (await historyOf(ctx.db, batchWorkflow.process, id)).map(toWorkflowEvent);
}

/** Opens a selection batch of the HRSS bureau's region. */
export async function createBatch(ctx: Ctx, input: CreateSelectionBatchRequest & { validityYears: number }): Promise<SelectionBatchDetail> {
  authorize(ctx.actor, trainingCentrePolicy, 'createBatch');
  assertHrss(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const [row] = await tx.db
      .insert(B)
      .values({
        regionId: tx.actor.regionId,
        organisationId: tx.actor.organisationId,
        name: input.name,
        year: input.year,
        quota: input.quota,
        opensOn: input.opensOn,
        closesOn: input.closesOn,
        validityYears: input.validityYears,
        status: batchWorkflow.initial,
        createdBy: tx.actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await recordCreated(tx, batchWorkflow, { id: row.id, status: 'open', organisationId: row.organisationId, regionId: row.regionId }, input);
    return detailOf(tx, row.id);
  });
}

/** Puts an approved application of the batch's region into the open batch, within its quota. */
export async function addToBatch(ctx: Ctx, batchId: string, applicationId: string): Promise<SelectionBatchDetail> {
  authorize(ctx.actor, trainingCentrePolicy, 'listBatches');
  return inTransaction(ctx, async (tx) => {
    const batch = await lockedBatch(tx, batchId);
    const app = await findApplication(tx.db, tx.actor, applicationId, true);
    if (!app) throw notFound('application');
    const result = await takeTransition(
      tx,
      applicationWorkflow,
      'add_to_batch',
      { id: app.id, status: app.status as ApplicationStatus, organisationId: app.organisationId, regionId: app.regionId },
      { data: { batchId: batch.id, batchName: batch.name } },
    );
    if (batch.status !== 'open') throw batchNotOpen(batch, 'add_application');
    if (app.regionId !== batch.regionId) {
      throw invalid([{ path: 'body.applicationId', code: 'OTHER_REGION', message: 'the application is of another region than the batch' }]);
    }
    const [held] = await tx.db.select({ n: count() }).from(A).where(eq(A.batchId, batch.id));
    if (Number(held?.n ?? 0) >= batch.quota) throw new AppError('QUOTA_FULL', `the batch holds its quota of ${batch.quota} already`, { quota: batch.quota });
    const rows = await tx.db
      .update(A)
      .set({ status: result.to, dueOn: result.dueOn, batchId: batch.id, updatedAt: tx.clock.now() })
      .where(and(eq(A.id, app.id), eq(A.status, result.from)))
      .returning({ id: A.id });
    expectUpdated(rows, applicationWorkflow.process);
    return detailOf(tx, batch.id);
  });
}

/** Takes an application out of a batch while the batch is still open; it is approved again and may join another. */
export async function removeFromBatch(ctx: Ctx, batchId: string, applicationId: string): Promise<SelectionBatchDetail> {
  authorize(ctx.actor, trainingCentrePolicy, 'listBatches');
  return inTransaction(ctx, async (tx) => {
    const batch = await lockedBatch(tx, batchId);
    const app = await findApplication(tx.db, tx.actor, applicationId, true);
    if (!app || app.batchId !== batch.id) throw notFound('application in this batch');
    const result = await takeTransition(
      tx,
      applicationWorkflow,
      'remove_from_batch',
      { id: app.id, status: app.status as ApplicationStatus, organisationId: app.organisationId, regionId: app.regionId },
      { data: { batchId: batch.id, batchName: batch.name } },
    );
    if (batch.status !== 'open') throw batchNotOpen(batch, 'remove_application');
    const rows = await tx.db
      .update(A)
      .set({ status: result.to, dueOn: result.dueOn, batchId: null, updatedAt: tx.clock.now() })
      .where(and(eq(A.id, app.id), eq(A.status, result.from), eq(A.batchId, batch.id)))
      .returning({ id: A.id });
    expectUpdated(rows, applicationWorkflow.process);
    return detailOf(tx, batch.id);
  });
}

/** "焊工（四级/中级工、三级/高级工）；电工（三级/高级工）": a scope as a notice or certificate prints it. */
export function scopeText(scope: readonly ScopeItem[]): string {
  return scope
    .map((item) => {
      const name = occupationByCode.get(item.occupation)?.nameZh ?? item.occupation;
      const levels = [...item.levels].sort((a, b) => b - a).map((l) => skillLevelLabels[l as SkillLevel]['zh-CN']);
      return `${name}（${levels.join('、')}）`;
    })
    .join('；');
}

const NOTICE_COLUMNS = [
  { key: 'seq', zh: '序号', en: 'No.' },
  { key: 'organisationName', zh: '企业名称', en: 'Enterprise' },
  { key: 'uscc', zh: '统一社会信用代码', en: 'Unified social credit code' },
  { key: 'scope', zh: '认定职业及等级', en: 'Occupations and levels' },
  { key: 'park', zh: '所在园区', en: 'Industrial park' },
];

/** Publishes the batch's list as a public notice (at least 5 working days); the batch is then in notice. */
export async function publishBatchNotice(ctx: Ctx, batchId: string, input: PublishBatchNoticeRequest): Promise<SelectionBatchDetail> {
  authorize(ctx.actor, trainingCentrePolicy, 'listBatches');
  return inTransaction(ctx, async (tx) => {
    const batch = await lockedBatch(tx, batchId);
    const result = await takeTransition(tx, batchWorkflow, 'publish_notice', batchSubject(batch), { data: { workingDays: input.workingDays ?? null } });
    const listed = (await batchApplications(tx.db, batch.id)).filter((a) => a.status === 'in_batch');
    if (!listed.length) throw new AppError('CONFLICT', 'the batch has no applications to publish', { applicationCount: 0 });
    const [department] = await tx.db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, batch.organisationId));
    const notice = await publishNotice(tx, {
      subjectType: BATCH_NOTICE_SUBJECT,
      subjectId: batch.id,
      organisationId: batch.organisationId,
      regionId: batch.regionId,
      title: input.title ?? `${batch.name}拟认定企业培训中心名单公示`,
      body:
        input.body ??
        `经企业申报、材料审查、现场核查和评审，现将${batch.name}拟认定的${listed.length}家企业培训中心名单予以公示。` +
          `公示期间，对公示名单有异议的，可实名提出书面意见并提供相关材料。联系单位：${department?.name ?? ''}。`,
      columns: NOTICE_COLUMNS,
      rows: listed.map((a, i) => ({
        ref: a.id,
        cells: { seq: String(i + 1), organisationName: a.organisationName, uscc: a.uscc ?? '', scope: scopeText(a.scope), park: a.industrialParkName ?? '' },
      })),
      ...(input.workingDays ? { workingDays: input.workingDays } : {}),
    });
    const rows = await tx.db
      .update(B)
      .set({ status: result.to, noticeId: notice.id, updatedAt: tx.clock.now() })
      .where(and(eq(B.id, batch.id), eq(B.status, result.from)))
      .returning({ id: B.id });
    expectUpdated(rows, batchWorkflow.process);
    return detailOf(tx, batch.id);
  });
}

/** Cancels an open batch that holds no application. */
export async function cancelBatch(ctx: Ctx, batchId: string, input: TransitionRequest): Promise<SelectionBatchDetail> {
  authorize(ctx.actor, trainingCentrePolicy, 'listBatches');
  return inTransaction(ctx, async (tx) => {
    const batch = await lockedBatch(tx, batchId);
    const result = await takeTransition(tx, batchWorkflow, 'cancel', batchSubject(batch), input);
    if (batch.applicationCount > 0) {
      throw new AppError('CONFLICT', 'remove the applications from the batch before cancelling it', { applicationCount: batch.applicationCount });
    }
    const rows = await tx.db
      .update(B)
      .set({ status: result.to, updatedAt: tx.clock.now() })
      .where(and(eq(B.id, batch.id), eq(B.status, result.from)))
      .returning({ id: B.id });
    expectUpdated(rows, batchWorkflow.process);
    return detailOf(tx, batch.id);
  });
}

/** The last day of a certificate valid `years` years from `certifiedOn` (that day counted): 2026-03-10 + 3 → 2029-03-09. */
export function validUntilOf(certifiedOn: string, years: number): string {
  const [y, m, d] = certifiedOn.split('-').map(Number) as [number, number, number];
  // Date.UTC rolls 29 February of a common year over to 1 March, so the day before is 28 February.
  const anniversary = new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
  return addCalendarDays(anniversary, -1);
}

/** The next certificate numbers of a region and year: TC<division code>-<year>-<001…>, unique across the installation. */
async function certificateNumbers(db: Db, regionId: string, year: number) {
  const [region] = await db.select({ divisionCode: regions.divisionCode }).from(regions).where(eq(regions.id, regionId));
  const prefix = `TC${region?.divisionCode ?? regionId}-${year}-`;
  // Two batches of a region certified at once must not draw the same number: one numbering per prefix at a time.
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${prefix}))`);
  const taken = await db.select({ no: trainingCentres.certificateNo }).from(trainingCentres).where(like(trainingCentres.certificateNo, `${prefix}%`));
  let last = taken.reduce((max, r) => Math.max(max, Number(r.no.slice(prefix.length)) || 0), 0);
  return () => `${prefix}${String(++last).padStart(3, '0')}`;
}

/** The reference codes of the upheld objections to a notice, by the entry they concern ('*' for the whole notice). */
async function upheldObjections(db: Db, noticeId: string): Promise<Map<string, string[]>> {
  const rows = await db
    .select({ entryRef: noticeObjections.entryRef, referenceCode: noticeObjections.referenceCode })
    .from(noticeObjections)
    .where(and(eq(noticeObjections.noticeId, noticeId), eq(noticeObjections.outcome, 'upheld')))
    .orderBy(asc(noticeObjections.filedAt));
  const byRef = new Map<string, string[]>();
  for (const row of rows) byRef.set(row.entryRef ?? '*', [...(byRef.get(row.entryRef ?? '*') ?? []), row.referenceCode]);
  return byRef;
}

/**
 * Certifies a batch after its public notice: the notice must have ended with every objection handled. An
 * application with an upheld objection (to it, or to the whole notice) is excluded; every other becomes a
 * certified centre with the next certificate number of the region and year, valid `validityYears` years.
 */
export async function certifyBatch(ctx: Ctx, batchId: string, input: TransitionRequest): Promise<CertifySelectionBatchResult> {
  authorize(ctx.actor, trainingCentrePolicy, 'listBatches');
  return inTransaction(ctx, async (tx) => {
    const batch = await lockedBatch(tx, batchId);
    const result = await takeTransition(tx, batchWorkflow, 'certify', batchSubject(batch), input);
    const today = todayOf(tx);
    const { notice, upheldRefs } = await assertNoticeCleared(tx.db, BATCH_NOTICE_SUBJECT, batch.id, today);
    const objections = upheldRefs.size ? await upheldObjections(tx.db, notice.id) : new Map<string, string[]>();
    const apps = await tx.db
      .select()
      .from(A)
      .where(and(eq(A.batchId, batch.id), eq(A.status, 'in_batch')))
      .orderBy(asc(A.createdAt), asc(A.id))
      .for('update');
    // Numbers follow the order of the published list (序号 1 gets the first number).
    const position = new Map(notice.entries.map((entry, i) => [entry.ref, i]));
    apps.sort((a, b) => (position.get(a.id) ?? apps.length) - (position.get(b.id) ?? apps.length));
    const validUntil = validUntilOf(today, batch.validityYears);
    const nextNumber = await certificateNumbers(tx.db, batch.regionId, Number(today.slice(0, 4)));
    let certified = 0;
    let excluded = 0;
    for (const app of apps) {
      const subject = { id: app.id, status: app.status as ApplicationStatus, organisationId: app.organisationId, regionId: app.regionId };
      const codes = [...(objections.get(app.id) ?? []), ...(objections.get('*') ?? [])];
      if (upheldRefs.has(app.id) || upheldRefs.has('*')) {
        const step = await takeTransition(tx, applicationWorkflow, 'exclude', subject, {
          comment: `公示期间异议成立（异议编号：${codes.join('、') || '—'}），不予认定`,
          data: { noticeId: notice.id, objections: codes },
        });
        const rows = await tx.db.update(A).set({ status: step.to, dueOn: null, updatedAt: tx.clock.now() }).where(and(eq(A.id, app.id), eq(A.status, step.from))).returning({ id: A.id });
        expectUpdated(rows, applicationWorkflow.process);
        excluded++;
        continue;
      }
      const certificateNo = nextNumber();
      const step = await takeTransition(tx, applicationWorkflow, 'certify', subject, { data: { certificateNo, validUntil } });
      const rows = await tx.db.update(A).set({ status: step.to, dueOn: null, updatedAt: tx.clock.now() }).where(and(eq(A.id, app.id), eq(A.status, step.from))).returning({ id: A.id });
      expectUpdated(rows, applicationWorkflow.process);
      await certifyCentre(tx, { app, batchId: batch.id, certificateNo, certifiedOn: today, validUntil });
      certified++;
    }
    const rows = await tx.db
      .update(B)
      .set({ status: result.to, updatedAt: tx.clock.now() })
      .where(and(eq(B.id, batch.id), eq(B.status, result.from)))
      .returning({ id: B.id });
    expectUpdated(rows, batchWorkflow.process);
    return { ...(await detailOf(tx, batch.id)), counts: { certified, excluded } };
  });
}

/** Writes the certified centre of an enterprise: a new row, or the enterprise's revoked or expired centre renewed in place. */
async function certifyCentre(
  tx: Ctx,
  input: { app: typeof A.$inferSelect; batchId: string; certificateNo: string; certifiedOn: string; validUntil: string },
) {
  const { app } = input;
  const values = {
    regionId: app.regionId,
    applicationId: app.id,
    batchId: input.batchId,
    certificateNo: input.certificateNo,
    status: 'active',
    statusReason: null,
    certifiedOn: input.certifiedOn,
    validUntil: input.validUntil,
    annualCapacity: app.annualCapacity,
    updatedAt: tx.clock.now(),
  };
  const [previous] = await tx.db.select().from(trainingCentres).where(eq(trainingCentres.organisationId, app.organisationId)).for('update');
  let centreId: string;
  if (previous) {
    await tx.db.update(trainingCentres).set(values).where(eq(trainingCentres.id, previous.id));
    await tx.db.delete(trainingCentreScopes).where(eq(trainingCentreScopes.centreId, previous.id));
    centreId = previous.id;
  } else {
    const [row] = await tx.db
      .insert(trainingCentres)
      .values({ ...values, organisationId: app.organisationId, createdAt: tx.clock.now() })
      .returning({ id: trainingCentres.id });
    centreId = row!.id;
  }
  const scopeRows = app.scope.flatMap((item) => item.levels.map((level) => ({ centreId, occupation: item.occupation, level })));
  if (scopeRows.length) await tx.db.insert(trainingCentreScopes).values(scopeRows);
  await recordAudit(tx, {
    entityType: 'training_centre',
    entityId: centreId,
    action: 'certify',
    organisationId: app.organisationId,
    regionId: app.regionId,
    before: previous ? { certificateNo: previous.certificateNo, status: previous.status, validUntil: previous.validUntil } : undefined,
    after: {
      certificateNo: input.certificateNo,
      status: 'active',
      certifiedOn: input.certifiedOn,
      validUntil: input.validUntil,
      annualCapacity: app.annualCapacity,
      scope: app.scope,
      applicationId: app.id,
      batchId: input.batchId,
    },
  });
}

