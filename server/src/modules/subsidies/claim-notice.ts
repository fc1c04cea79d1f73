import { randomUUID } from 'node:crypto';
import { and, asc, eq, gte, inArray, ne, sql } from 'drizzle-orm';
import {
  formatYuan,
  maskName,
  occupationByCode,
  skillLevelLabels,
  type ClaimKind,
  type ClaimStatus,
  type PublishClaimsNoticeRequest,
  type PublishClaimsNoticeResult,
  type SkillLevel,
} from '@fulcrum/shared';
import { apprenticeshipClasses, apprentices, organisations, people, publicNotices, subsidyClaims, subsidyPolicies } from '../../db/schema/index.ts';
import { authorize } from '../../lib/authorize.ts';
import { inTransaction, type Ctx } from '../../lib/context.ts';
import { AppError, invalid, notFound } from '../../lib/errors.ts';
import { expectUpdated, takeTransition } from '../../lib/workflow.ts';
import { publishNotice } from '../notices/service.ts';
import { duplicateDetail } from './checks.ts';
import { findClaim, todayOf, type ClaimRow } from './claim-queries.ts';
import { assertHrss, subsidyPolicy } from './policy.ts';
import { claimWorkflow } from './workflows.ts';

/** The notice subject type of a list of subsidy claims (one notice, many claims: its subject id is the batch's own). */
export const CLAIMS_NOTICE_SUBJECT = 'subsidy_claims';

const C = subsidyClaims;

/** Private persons are named only masked; the column carries no mask of its own, so the cells are masked here. */
export const claimNoticeColumns = [
  { key: 'seq', zh: '序号', en: 'No.' },
  { key: 'organisationName', zh: '企业名称', en: 'Enterprise' },
  { key: 'className', zh: '培训班', en: 'Class' },
  { key: 'occupation', zh: '职业及等级', en: 'Occupation and level' },
  { key: 'kind', zh: '类别', en: 'Kind' },
  { key: 'planned', zh: '计划人数', en: 'Apprentices on the roster' },
  { key: 'completers', zh: '结业人数', en: 'Completers' },
  { key: 'amount', zh: '补贴金额（元）', en: 'Amount (yuan)' },
  { key: 'apprentices', zh: '学徒名单', en: 'Apprentices' },
];

export interface ClaimNoticeRow {
  seq: number;
  organisationName: string;
  className: string;
  registrationNo: string | null;
  occupation: string;
  targetLevel: number;
  kind: ClaimKind;
  planned: number;
  /** Completers of a settlement; null for an advance. */
  completed: number | null;
  amountFen: number;
  /** Names already masked with maskName. */
  maskedNames: readonly string[];
}

/** The cells of one claim in a notice, and the detail of a duplicate-subsidy finding: shared with the demo district. */
export const claimFindingDetail = {
  noticeCells(row: ClaimNoticeRow): Record<string, string> {
    return {
      seq: String(row.seq),
      organisationName: row.organisationName,
      className: `${row.className}（${row.registrationNo ?? '—'}）`,
      occupation: `${occupationByCode.get(row.occupation)?.nameZh ?? row.occupation}${skillLevelLabels[row.targetLevel as SkillLevel]?.['zh-CN'] ?? ''}`,
      kind: row.kind === 'advance' ? '预拨' : '清算',
      planned: String(row.planned),
      completers: row.completed === null ? '—' : String(row.completed),
      amount: formatYuan(row.amountFen),
      apprentices: row.maskedNames.join('、'),
    };
  },
  duplicate(d: { otherClassId: string; otherClassName: string; otherClaimRef: string; occupation: string; level: number; claimStatus?: string }): Record<string, unknown> {
    return duplicateDetail({ otherClassId: d.otherClassId, otherClassName: d.otherClassName, occupation: d.occupation, targetLevel: d.level, claimReferenceNo: d.otherClaimRef, claimStatus: d.claimStatus ?? 'disbursed' });
  },
};

/** The masked names of the apprentices a claim counts: not left (advance) or completed (settlement), not excluded. */
async function countedNames(ctx: Ctx, claim: ClaimRow): Promise<string[]> {
  const rows = await ctx.db
    .select({ id: apprentices.id, status: apprentices.status, name: people.name })
    .from(apprentices)
    .innerJoin(people, eq(people.id, apprentices.personId))
    .where(and(eq(apprentices.classId, claim.classId), claim.kind === 'advance' ? ne(apprentices.status, 'left') : eq(apprentices.status, 'completed')))
    .orderBy(asc(apprentices.joinedOn), asc(apprentices.createdAt), asc(apprentices.id));
  const excluded = new Set(claim.computation.excludedApprenticeIds);
  return rows
    .filter((r) => !excluded.has(r.id))
    .map((r) => maskName(r.name));
}

/**
 * Publishes approved claims of one region as a single public notice (公示) — at least the longest notice period of
 * their policies and never below the installation minimum (5 working days) — and puts each claim in notice.
 */
export async function publishClaimsNotice(ctx: Ctx, input: PublishClaimsNoticeRequest): Promise<PublishClaimsNoticeResult> {
  authorize(ctx.actor, subsidyPolicy, 'publishNotice');
  assertHrss(ctx.actor);
  const ids = [...new Set(input.claimIds)];
  return inTransaction(ctx, async (tx) => {
    const claims: ClaimRow[] = [];
    for (const [i, id] of ids.entries()) {
      const row = await findClaim(tx.db, tx.actor, id, true);
      if (!row) throw notFound(`subsidy claim ${id}`);
      if (row.status !== 'approved') {
        throw new AppError('INVALID_TRANSITION', `claim ${row.referenceNo} is not approved (${row.status})`, {
          process: claimWorkflow.process,
          transition: 'publish_notice',
          claimId: row.id,
          referenceNo: row.referenceNo,
          currentState: row.status,
          allowed: [],
        });
      }
      if (claims.length && row.regionId !== claims[0]!.regionId) {
        throw invalid([{ path: `body.claimIds.${i}`, code: 'OTHER_REGION', message: 'one notice publishes the claims of one region' }]);
      }
      claims.push(row);
    }
    const first = claims[0]!;
    const subjectId = randomUUID();
    for (const claim of claims) {
      await takeTransition(
        tx,
        claimWorkflow,
        'publish_notice',
        { id: claim.id, status: claim.status as ClaimStatus, organisationId: claim.organisationId, regionId: claim.regionId },
        { data: { noticeSubjectId: subjectId } },
      );
    }
    const policies = await tx.db
      .select({ days: subsidyPolicies.noticeWorkingDays })
      .from(subsidyPolicies)
      .where(inArray(subsidyPolicies.id, [...new Set(claims.map((c) => c.policyId))]));
    const workingDays = input.workingDays ?? Math.max(...policies.map((p) => p.days));
    const classes = await tx.db.select().from(apprenticeshipClasses).where(inArray(apprenticeshipClasses.id, claims.map((c) => c.classId)));
    const classById = new Map(classes.map((c) => [c.id, c]));
    const today = todayOf(tx);
    const year = Number(today.slice(0, 4));
    const [published] = await tx.db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(publicNotices)
      .where(and(eq(publicNotices.subjectType, CLAIMS_NOTICE_SUBJECT), eq(publicNotices.regionId, first.regionId), gte(publicNotices.startsOn, `${year}-01-01`)));
    const [department] = await tx.db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, tx.actor.organisationId));
    const rows = [];
    for (const [i, claim] of claims.entries()) {
      const cls = classById.get(claim.classId)!;
      const h = claim.computation.headcount;
      rows.push({
        ref: claim.id,
        cells: claimFindingDetail.noticeCells({
          seq: i + 1,
          organisationName: claim.organisationName,
          className: cls.name,
          registrationNo: cls.registrationNo,
          occupation: cls.occupation,
          targetLevel: cls.targetLevel,
          kind: claim.kind as ClaimKind,
          planned: h.roster,
          completed: claim.kind === 'advance' ? null : h.certified + h.completedWithoutCertificate,
          amountFen: claim.amountFen,
          maskedNames: await countedNames(tx, claim),
        }),
      });
    }
    const notice = await publishNotice(tx, {
      subjectType: CLAIMS_NOTICE_SUBJECT,
      subjectId,
      organisationId: tx.actor.organisationId,
      regionId: first.regionId,
      title: input.title ?? `${year}年第${(published?.n ?? 0) + 1}批新型学徒制培训补贴拟拨付名单公示`,
      body:
        input.body ??
        `经企业申报、人力资源和社会保障部门审核、财政部门复核，现将${claims.length}项新型学徒制培训补贴拟拨付情况予以公示（学徒姓名已作脱敏处理）。` +
          `公示期间，对公示内容有异议的，可实名提出书面意见并提供相关材料。联系单位：${department?.name ?? ''}。`,
      columns: claimNoticeColumns,
      rows,
      workingDays,
    });
    for (const claim of claims) {
      const updated = await tx.db
        .update(C)
        .set({ status: 'in_notice', dueOn: null, noticeId: notice.id, updatedAt: tx.clock.now() })
        .where(and(eq(C.id, claim.id), eq(C.status, 'approved')))
        .returning({ id: C.id });
      expectUpdated(updated, claimWorkflow.process);
    }
    return { noticeId: notice.id, endsOn: notice.endsOn, claims: claims.length };
  });
}
