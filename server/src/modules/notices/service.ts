import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, gt, gte, ilike, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  maskName,
  maskResidentId,
  REFERENCE_CODE_ALPHABET,
  type FileObjectionRequest,
  type FileObjectionResponse,
  type HandleObjectionRequest,
  type Locale,
  type ListNoticesQuery,
  type NoticeDetail,
  type NoticePage,
  type NoticeSettings,
  type NoticeState,
  type NoticeSummary,
  type ObjectionLookupRequest,
  type ObjectionLookupResponse,
  type ObjectionOutcome,
  type ObjectionStatus,
  type PublicNotice as PublicNoticeView,
  type PublicNoticePage,
  type PublicNoticeSummary,
  type PublicNoticesQuery,
  type UpdateNoticeSettingsRequest,
} from '@fulcrum/shared';
import type { Db } from '../../db/client.ts';
import { noticeObjections, organisations, publicNotices, users, type NoticeColumn, type NoticeEntry } from '../../db/schema/index.ts';
import { recordAudit } from '../../lib/audit.ts';
import { authorize, can, reachOf } from '../../lib/authorize.ts';
import type { Clock } from '../../lib/clock.ts';
import { inTransaction, type Actor, type Ctx } from '../../lib/context.ts';
import { AppError, forbidden, invalid, notFound } from '../../lib/errors.ts';
import { countAll, orderBy, paginate } from '../../lib/list.ts';
import { toXlsx } from '../../lib/xlsx.ts';
import { invalidTransition } from '../../lib/workflow.ts';
import { loadCalendar, shanghaiDateOf, type WorkingDayCalendar } from '../../lib/working-days.ts';
import { likePattern } from '../organisations/queries.ts';
import { getSetting, putSetting } from '../system/settings.ts';
import { noticePolicy } from './policy.ts';

export type { NoticeColumn, NoticeEntry };
/** A published notice as stored: entries already masked. */
export type PublicNotice = typeof publicNotices.$inferSelect;

/** The installation setting holding the shortest notice period, in working days. */
export const MIN_WORKING_DAYS_SETTING = 'notice.minWorkingDays';
/** MISSION.md: a public notice lasts at least 5 working days unless the installation sets otherwise. */
export const DEFAULT_MIN_WORKING_DAYS = 5;

/** The installation's shortest notice period (working days). */
export async function minWorkingDays(db: Db): Promise<number> {
  const value = await getSetting<number>(db, MIN_WORKING_DAYS_SETTING);
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : DEFAULT_MIN_WORKING_DAYS;
}

export interface PublishNoticeInput {
  subjectType: string;
  subjectId: string;
  /** The publishing organisation (a department); its kind decides who handles objections. */
  organisationId: string;
  regionId: string;
  title: string;
  body: string;
  columns: NoticeColumn[];
  rows: { ref: string; cells: Record<string, string> }[];
  workingDays?: number;
}

/** Masks the cells of columns marked `mask`, so a private person's raw name or ID number never enters a notice. */
export function maskEntries(columns: readonly NoticeColumn[], rows: readonly NoticeEntry[]): NoticeEntry[] {
  const masks = new Map(columns.filter((c) => c.mask).map((c) => [c.key, c.mask!]));
  return rows.map((row) => ({
    ref: row.ref,
    cells: Object.fromEntries(
      Object.entries(row.cells).map(([key, value]) => {
        const mask = masks.get(key);
        return [key, mask === 'name' ? maskName(value) : mask === 'residentId' ? maskResidentId(value) : value];
      }),
    ),
  }));
}

/**
 * Publishes a notice starting today (Beijing) and running `workingDays` working days after it (today not counted),
 * masking private persons' cells before they are stored. Runs in the caller's transaction, so the notice exists
 * exactly when the caller's own state change commits.
 */
export async function publishNotice(tx: Ctx, input: PublishNoticeInput): Promise<PublicNotice> {
  const minimum = await minWorkingDays(tx.db);
  const workingDays = input.workingDays ?? minimum;
  if (!Number.isInteger(workingDays) || workingDays < minimum) {
    throw invalid([{ path: 'body.workingDays', code: 'BELOW_MINIMUM', message: `a notice lasts at least ${minimum} working days` }]);
  }
  const startsOn = shanghaiDateOf(tx.clock.now());
  const endsOn = (await loadCalendar(tx.db)).noticeEnd(startsOn, workingDays);
  const [row] = await tx.db
    .insert(publicNotices)
    .values({
      regionId: input.regionId,
      organisationId: input.organisationId,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      title: input.title,
      body: input.body,
      columns: input.columns.map((c) => ({ key: c.key, zh: c.zh, en: c.en, ...(c.mask ? { mask: c.mask } : {}) })),
      entries: maskEntries(input.columns, input.rows),
      startsOn,
      endsOn,
      workingDays,
      publishedBy: tx.actor.userId,
      publishedAt: tx.clock.now(),
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await recordAudit(tx, {
    entityType: 'public_notice',
    entityId: row.id,
    action: 'publish',
    organisationId: row.organisationId,
    regionId: row.regionId,
    after: { subjectType: row.subjectType, subjectId: row.subjectId, title: row.title, startsOn, endsOn, workingDays, entries: row.entries.length },
  });
  return row;
}

/** The latest published notice of a subject, or null. */
export async function findNoticeOfSubject(db: Db, subjectType: string, subjectId: string): Promise<PublicNotice | null> {
  const [row] = await db
    .select()
    .from(publicNotices)
    .where(and(eq(publicNotices.subjectType, subjectType), eq(publicNotices.subjectId, subjectId), eq(publicNotices.status, 'published')))
    .orderBy(desc(publicNotices.publishedAt), desc(publicNotices.endsOn))
    .limit(1);
  return row ?? null;
}

/**
 * The gate a subject passes after its notice: the period is over (today after endsOn, Beijing) and every objection
 * has an outcome. Returns the refs of entries with an upheld objection ('*' for one against the whole notice), which
 * the caller must not carry forward.
 */
export async function assertNoticeCleared(
  db: Db,
  subjectType: string,
  subjectId: string,
  today: string,
): Promise<{ notice: PublicNotice; upheldRefs: Set<string> }> {
  const notice = await findNoticeOfSubject(db, subjectType, subjectId);
  if (!notice) throw new AppError('NOTICE_NOT_ENDED', 'no public notice has been published yet', { endsOn: null });
  if (today <= notice.endsOn) throw new AppError('NOTICE_NOT_ENDED', `the public notice runs until ${notice.endsOn}`, { endsOn: notice.endsOn });
  const objections = await db
    .select({ status: noticeObjections.status, outcome: noticeObjections.outcome, entryRef: noticeObjections.entryRef })
    .from(noticeObjections)
    .where(eq(noticeObjections.noticeId, notice.id));
  const open = objections.filter((o) => o.status === 'open').length;
  if (open) throw new AppError('OBJECTIONS_UNHANDLED', `${open} objection(s) to the notice have no outcome yet`, { open });
  const upheldRefs = new Set(objections.filter((o) => o.outcome === 'upheld').map((o) => o.entryRef ?? '*'));
  return { notice, upheldRefs };
}

/** Objection counts of notices, by notice id. */
export async function objectionCounts(db: Db, noticeIds: readonly string[]): Promise<Map<string, { open: number; handled: number }>> {
  const counts = new Map<string, { open: number; handled: number }>();
  if (!noticeIds.length) return counts;
  const rows = await db
    .select({
      noticeId: noticeObjections.noticeId,
      open: sql<number>`count(*) filter (where ${noticeObjections.status} = 'open')`.mapWith(Number),
      handled: sql<number>`count(*) filter (where ${noticeObjections.status} = 'handled')`.mapWith(Number),
    })
    .from(noticeObjections)
    .where(inArray(noticeObjections.noticeId, [...noticeIds]))
    .groupBy(noticeObjections.noticeId);
  for (const r of rows) counts.set(r.noticeId, { open: r.open, handled: r.handled });
  return counts;
}

// ---------------------------------------------------------------------------------------------
// Reading, objections and settings (the routes' domain functions)

/** Where a notice stands on a Beijing date. */
export function noticeStateOn(notice: Pick<PublicNotice, 'startsOn' | 'endsOn'>, today: string): NoticeState {
  if (today < notice.startsOn) return 'upcoming';
  return today <= notice.endsOn ? 'open' : 'ended';
}

/** The period fields every view of a notice carries, computed for today. */
export function periodOf(notice: PublicNotice, today: string, calendar: WorkingDayCalendar) {
  const state = noticeStateOn(notice, today);
  const from = today < notice.startsOn ? notice.startsOn : today;
  return {
    startsOn: notice.startsOn,
    endsOn: notice.endsOn,
    workingDays: notice.workingDays,
    state,
    workingDaysLeft: state === 'ended' ? 0 : Math.max(0, calendar.workingDaysBetween(from, notice.endsOn)),
  };
}

/** SQL condition for a notice state on a Beijing date. */
export function stateCondition(state: NoticeState, today: string): SQL {
  if (state === 'upcoming') return gt(publicNotices.startsOn, today);
  if (state === 'open') return and(lte(publicNotices.startsOn, today), gte(publicNotices.endsOn, today))!;
  return lt(publicNotices.endsOn, today);
}

const regionOfActor = (actor: Actor) => (reachOf(actor).kind === 'all' ? undefined : eq(publicNotices.regionId, actor.regionId));
const todayOf = (clock: Clock) => shanghaiDateOf(clock.now());

/** Notices of the officer's region (all for a system admin), with their state today and objection counts. */
export async function listNotices(db: Db, actor: Actor, clock: Clock, query: ListNoticesQuery): Promise<NoticePage> {
  authorize(actor, noticePolicy, 'list');
  const today = todayOf(clock);
  const where = and(
    eq(publicNotices.status, 'published'),
    regionOfActor(actor),
    query.state ? stateCondition(query.state, today) : undefined,
    query.subjectType ? eq(publicNotices.subjectType, query.subjectType) : undefined,
    query.q ? ilike(publicNotices.title, likePattern(query.q)) : undefined,
  );
  const page = await paginate(
    db
      .select({ notice: publicNotices, publisherName: organisations.name })
      .from(publicNotices)
      .innerJoin(organisations, eq(organisations.id, publicNotices.organisationId))
      .where(where)
      .orderBy(
        ...orderBy(
          query.sort,
          { publishedAt: publicNotices.publishedAt, endsOn: publicNotices.endsOn, title: sql`${publicNotices.title} collate "C"` },
          [desc(publicNotices.publishedAt)],
          publicNotices.id,
        ),
      )
      .$dynamic(),
    db.select(countAll()).from(publicNotices).where(where),
    query,
    (row) => row,
  );
  const [counts, calendar] = await Promise.all([objectionCounts(db, page.items.map((r) => r.notice.id)), loadCalendar(db)]);
  return { ...page, items: page.items.map((r) => toNoticeSummary(r.notice, r.publisherName, counts.get(r.notice.id), today, calendar)) };
}

function toNoticeSummary(
  notice: PublicNotice,
  publisherName: string,
  counts: { open: number; handled: number } | undefined,
  today: string,
  calendar: WorkingDayCalendar,
): NoticeSummary {
  return {
    id: notice.id,
    regionId: notice.regionId,
    organisationId: notice.organisationId,
    publisherName,
    subjectType: notice.subjectType,
    subjectId: notice.subjectId,
    title: notice.title,
    ...periodOf(notice, today, calendar),
    publishedAt: notice.publishedAt.toISOString(),
    entryCount: notice.entries.length,
    objections: counts ?? { open: 0, handled: 0 },
  };
}

/** A published notice with its publisher; null when there is none. */
async function noticeWithPublisher(db: Db, id: string) {
  const [row] = await db
    .select({ notice: publicNotices, publisherName: organisations.name, publisherKind: organisations.departmentKind })
    .from(publicNotices)
    .innerJoin(organisations, eq(organisations.id, publicNotices.organisationId))
    .where(and(eq(publicNotices.id, id), eq(publicNotices.status, 'published')));
  return row ?? null;
}

/** A notice the officer reaches (its region's departments, system admins); 404 otherwise. */
async function reachableNotice(db: Db, actor: Actor, id: string) {
  const row = await noticeWithPublisher(db, id);
  if (!row || (reachOf(actor).kind !== 'all' && row.notice.regionId !== actor.regionId)) throw notFound('notice');
  return row;
}

/** Only the department of the publisher's kind (HRSS for an HRSS notice) rules on its objections; a system admin always may. */
const mayHandle = (actor: Actor, publisherKind: string | null) =>
  can(actor, noticePolicy, 'handleObjection') && (actor.role === 'system_admin' || (actor.departmentKind !== null && actor.departmentKind === publisherKind));

/** The officers' view of a notice: entries, and every objection with the objector's name and phone (ID number masked). */
export async function noticeDetail(db: Db, actor: Actor, clock: Clock, id: string): Promise<NoticeDetail> {
  authorize(actor, noticePolicy, 'read');
  const { notice, publisherName, publisherKind } = await reachableNotice(db, actor, id);
  const today = todayOf(clock);
  const handler = alias(users, 'handler');
  const [objections, calendar] = await Promise.all([
    db
      .select({ objection: noticeObjections, handledByName: handler.displayName })
      .from(noticeObjections)
      .leftJoin(handler, eq(handler.id, noticeObjections.handledBy))
      .where(eq(noticeObjections.noticeId, notice.id))
      .orderBy(asc(noticeObjections.filedAt), asc(noticeObjections.id)),
    loadCalendar(db),
  ]);
  const counts = {
    open: objections.filter((o) => o.objection.status === 'open').length,
    handled: objections.filter((o) => o.objection.status === 'handled').length,
  };
  return {
    ...toNoticeSummary(notice, publisherName, counts, today, calendar),
    body: notice.body,
    columns: notice.columns,
    entries: notice.entries,
    objectionList: objections.map(({ objection: o, handledByName }) => ({
      id: o.id,
      entryRef: o.entryRef,
      referenceCode: o.referenceCode,
      objectorName: o.objectorName,
      objectorPhone: o.objectorPhone,
      objectorResidentIdMasked: maskResidentId(o.objectorResidentId),
      content: o.content,
      filedAt: o.filedAt.toISOString(),
      status: o.status as ObjectionStatus,
      outcome: o.outcome as ObjectionOutcome | null,
      handlingNote: o.handlingNote,
      handledByName,
      handledAt: o.handledAt?.toISOString() ?? null,
    })),
    canHandle: mayHandle(actor, publisherKind),
  };
}

/**
 * Records the outcome of an objection (upheld: the entry objected to, or the whole notice, does not go ahead).
 * Only the publisher's kind of department, in the notice's region; an objection already handled is a 409.
 */
export async function handleObjection(ctx: Ctx, noticeId: string, objectionId: string, input: HandleObjectionRequest): Promise<NoticeDetail> {
  authorize(ctx.actor, noticePolicy, 'handleObjection');
  await inTransaction(ctx, async (tx) => {
    const { notice, publisherKind } = await reachableNotice(tx.db, tx.actor, noticeId);
    const [objection] = await tx.db
      .select()
      .from(noticeObjections)
      .where(and(eq(noticeObjections.id, objectionId), eq(noticeObjections.noticeId, notice.id)))
      .for('update');
    if (!objection) throw notFound('objection');
    if (!mayHandle(tx.actor, publisherKind)) throw forbidden('only the publishing department rules on objections to its notices');
    if (objection.status !== 'open') throw invalidTransition('notice_objection', 'handle', objection.status, []);
    const now = tx.clock.now();
    const [updated] = await tx.db
      .update(noticeObjections)
      .set({ status: 'handled', outcome: input.outcome, handlingNote: input.note, handledBy: tx.actor.userId, handledAt: now })
      .where(and(eq(noticeObjections.id, objection.id), eq(noticeObjections.status, 'open')))
      .returning({ id: noticeObjections.id });
    if (!updated) throw invalidTransition('notice_objection', 'handle', 'handled', []);
    await recordAudit(tx, {
      entityType: 'notice_objection',
      entityId: objection.id,
      action: 'handle',
      organisationId: notice.organisationId,
      regionId: notice.regionId,
      before: { status: 'open' },
      after: { status: 'handled', outcome: input.outcome, note: input.note, noticeId: notice.id, entryRef: objection.entryRef },
    });
  });
  return noticeDetail(ctx.db, ctx.actor, ctx.clock, noticeId);
}

export async function noticeSettingsOf(db: Db, actor: Actor): Promise<NoticeSettings> {
  authorize(actor, noticePolicy, 'readSettings');
  return { minWorkingDays: await minWorkingDays(db) };
}

/** Sets the shortest notice period for notices published from now on (published ones keep theirs); audited. */
export async function updateNoticeSettings(ctx: Ctx, input: UpdateNoticeSettingsRequest): Promise<NoticeSettings> {
  authorize(ctx.actor, noticePolicy, 'editSettings');
  return inTransaction(ctx, async (tx) => {
    if ((await getSetting<number>(tx.db, MIN_WORKING_DAYS_SETTING)) === input.minWorkingDays) return { minWorkingDays: input.minWorkingDays };
    const before = await minWorkingDays(tx.db);
    await putSetting(tx.db, MIN_WORKING_DAYS_SETTING, input.minWorkingDays, tx.clock.now());
    await recordAudit(tx, {
      entityType: 'system_setting',
      entityId: MIN_WORKING_DAYS_SETTING,
      action: 'update',
      organisationId: null,
      before: { minWorkingDays: before },
      after: { minWorkingDays: input.minWorkingDays },
    });
    return { minWorkingDays: input.minWorkingDays };
  });
}

// ---------------------------------------------------------------------------------------------
// The public's side (no actor)

/** What the public side needs: the database, the clock and where the request came from (for the audit trail). */
export type PublicCtx = Pick<Ctx, 'db' | 'clock' | 'requestId' | 'ip'>;

const publicWhere = (today: string) => and(eq(publicNotices.status, 'published'), lte(publicNotices.startsOn, today));

/** Published notices that have started, newest first; never any objector's data. */
export async function listPublicNotices(db: Db, clock: Clock, query: PublicNoticesQuery): Promise<PublicNoticePage> {
  const today = todayOf(clock);
  const where = and(
    publicWhere(today),
    query.regionId ? eq(publicNotices.regionId, query.regionId) : undefined,
    query.state ? stateCondition(query.state, today) : undefined,
    query.q ? ilike(publicNotices.title, likePattern(query.q)) : undefined,
  );
  const page = await paginate(
    db
      .select({ notice: publicNotices, publisherName: organisations.name })
      .from(publicNotices)
      .innerJoin(organisations, eq(organisations.id, publicNotices.organisationId))
      .where(where)
      .orderBy(desc(publicNotices.startsOn), desc(publicNotices.publishedAt), asc(publicNotices.id))
      .$dynamic(),
    db.select(countAll()).from(publicNotices).where(where),
    { ...query, format: 'json' },
    (row) => row,
  );
  const calendar = await loadCalendar(db);
  return { ...page, items: page.items.map((r) => toPublicSummary(r.notice, r.publisherName, today, calendar)) };
}

function toPublicSummary(notice: PublicNotice, publisherName: string, today: string, calendar: WorkingDayCalendar): PublicNoticeSummary {
  return {
    id: notice.id,
    regionId: notice.regionId,
    publisherName,
    title: notice.title,
    ...periodOf(notice, today, calendar),
    publishedAt: notice.publishedAt.toISOString(),
    entryCount: notice.entries.length,
  };
}

/** A notice as the public sees it (masked entries, the period, counts of objections); 404 before it starts. */
export async function publicNoticeDetail(db: Db, clock: Clock, id: string): Promise<PublicNoticeView> {
  const today = todayOf(clock);
  const row = await noticeWithPublisher(db, id);
  if (!row || row.notice.startsOn > today) throw notFound('notice');
  const { notice, publisherName } = row;
  const [counts, calendar] = await Promise.all([objectionCounts(db, [notice.id]), loadCalendar(db)]);
  return {
    ...toPublicSummary(notice, publisherName, today, calendar),
    body: notice.body,
    columns: notice.columns.map((c) => ({ key: c.key, zh: c.zh, en: c.en })),
    entries: notice.entries,
    objections: counts.get(notice.id) ?? { open: 0, handled: 0 },
  };
}

/** A random reference code: 10 characters of Crockford base32, 50 bits. */
export function newReferenceCode(): string {
  const bytes = randomBytes(10);
  return Array.from(bytes, (b) => REFERENCE_CODE_ALPHABET[b & 31]).join('');
}

/**
 * Files a real-name objection while the notice is open (publication day to endsOn inclusive, Beijing dates);
 * before or after → 409 NOTICE_CLOSED. Audited without an actor, in the notice's region.
 */
export async function fileObjection(ctx: PublicCtx, noticeId: string, input: FileObjectionRequest): Promise<FileObjectionResponse> {
  const row = await noticeWithPublisher(ctx.db, noticeId);
  if (!row) throw notFound('notice');
  const { notice } = row;
  const today = todayOf(ctx.clock);
  if (noticeStateOn(notice, today) !== 'open') {
    throw new AppError('NOTICE_CLOSED', `objections are accepted from ${notice.startsOn} to ${notice.endsOn}`, { startsOn: notice.startsOn, endsOn: notice.endsOn });
  }
  const entryRef = input.entryRef ?? null;
  if (entryRef !== null && !notice.entries.some((e) => e.ref === entryRef)) {
    throw invalid([{ path: 'body.entryRef', code: 'UNKNOWN_ENTRY', message: 'not an entry of this notice' }]);
  }
  return ctx.db.transaction(async (db) => {
    const filedAt = ctx.clock.now();
    const referenceCode = newReferenceCode();
    const [created] = await db
      .insert(noticeObjections)
      .values({
        noticeId: notice.id,
        entryRef,
        referenceCode,
        objectorName: input.name,
        objectorResidentId: input.residentId,
        objectorPhone: input.phone,
        content: input.content,
        filedAt,
      })
      .returning({ id: noticeObjections.id });
    await recordAudit(
      { db: db as unknown as Db, clock: ctx.clock, requestId: ctx.requestId, ip: ctx.ip, actor: null },
      {
        entityType: 'notice_objection',
        entityId: created!.id,
        action: 'file',
        organisationId: notice.organisationId,
        regionId: notice.regionId,
        after: { noticeId: notice.id, entryRef, referenceCode },
      },
    );
    return { referenceCode, filedAt: filedAt.toISOString() };
  });
}

/** The objector's own view of their objection, by reference code and the phone number given; the same 404 for either wrong. */
export async function lookupObjection(db: Db, input: ObjectionLookupRequest): Promise<ObjectionLookupResponse> {
  const [row] = await db
    .select({ objection: noticeObjections, noticeTitle: publicNotices.title })
    .from(noticeObjections)
    .innerJoin(publicNotices, eq(publicNotices.id, noticeObjections.noticeId))
    .where(and(eq(noticeObjections.referenceCode, input.referenceCode), eq(noticeObjections.objectorPhone, input.phone)))
    .limit(1);
  if (!row) throw notFound('objection');
  const o = row.objection;
  return {
    status: o.status as ObjectionStatus,
    outcome: o.outcome as ObjectionOutcome | null,
    handlingNote: o.handlingNote,
    filedAt: o.filedAt.toISOString(),
    handledAt: o.handledAt?.toISOString() ?? null,
    noticeTitle: row.noticeTitle,
  };
}

/** A title as a file name: characters file systems refuse, and control characters, become underscores. */
const safeFilename = (title: string) =>
  Array.from(title, (c) => (c < ' ' || c === '\u007f' || '\\/:*?"<>|'.includes(c) ? '_' : c))
    .join('')
    .trim()
    .slice(0, 100);

/**
 * A notice's table as a workbook (one column per notice column, one row per entry), for officers who keep the
 * published list in Excel. Entries were masked when the notice was published, so the workbook carries no private
 * person's full name or ID number (Personal Information Protection Law) whoever downloads it.
 */
export async function noticeWorkbook(
  notice: { title: string; columns: readonly { key: string; zh: string; en: string }[]; entries: readonly NoticeEntry[] },
  locale: Locale,
): Promise<{ filename: string; data: Buffer }> {
  const columns = notice.columns.map((c) => ({ zh: c.zh, en: c.en, width: 24, value: (entry: NoticeEntry) => entry.cells[c.key] ?? '' }));
  const data = await toXlsx(locale === 'zh-CN' ? '公示名单' : 'Notice', columns, [...notice.entries], locale);
  const filename = safeFilename(notice.title) || 'notice';
  return { filename, data };
}
