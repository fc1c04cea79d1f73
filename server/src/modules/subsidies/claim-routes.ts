import type { FastifyInstance } from 'fastify';
import {
  claimFindingParams,
  claimKindLabels,
  claimPreview,
  claimPreviewQuery,
  claimStatusLabels,
  claimTransitionRequest,
  createSubsidyClaimRequest,
  disburseClaimRequest,
  formatYuan,
  listSubsidyClaimsQuery,
  publishClaimsNoticeRequest,
  publishClaimsNoticeResult,
  resolveFindingRequest,
  subsidyClaimCounts,
  subsidyClaimDetail,
  subsidyClaimPage,
  uuidParam,
  type Locale,
  type SubsidyClaim,
} from '@fulcrum/shared';
import { authorize } from '../../lib/authorize.ts';
import { ctxOf, sendList, typed, type ModuleDeps } from '../../lib/http.ts';
import type { Column } from '../../lib/xlsx.ts';
import { publishClaimsNotice } from './claim-notice.ts';
import { countClaims, listClaims } from './claim-queries.ts';
import { createClaim, disburseClaim, getClaim, previewClaim, resolveFinding, transitionClaim } from './claims.ts';
import { ledgerRoutes } from './ledger-routes.ts';
import { subsidyPolicy } from './policy.ts';

const claimTags = ['subsidy claims'];
/** A transition's body is optional: an empty POST (no body, or JSON null) takes it without comment. */
const optionalTransition = claimTransitionRequest.nullish();

const yesNo = (value: boolean, locale: Locale) => (value ? (locale === 'zh-CN' ? '是' : 'Yes') : locale === 'zh-CN' ? '否' : 'No');

function claimColumns(locale: Locale): Column<SubsidyClaim>[] {
  return [
    { zh: '申领编号', en: 'Reference No.', width: 22, value: (c) => c.referenceNo },
    { zh: '企业名称', en: 'Enterprise', width: 36, value: (c) => c.organisationName },
    { zh: '培训班', en: 'Class', width: 36, value: (c) => c.className },
    { zh: '备案编号', en: 'Registration No.', width: 22, value: (c) => c.classRegistrationNo },
    { zh: '类别', en: 'Kind', value: (c) => claimKindLabels[c.kind][locale] },
    { zh: '状态', en: 'Status', value: (c) => claimStatusLabels[c.status][locale] },
    { zh: '轮次', en: 'Round', value: (c) => c.round },
    { zh: '申领人数', en: 'Apprentices claimed', value: (c) => c.computation.headcount.claimed },
    { zh: '补贴金额（元）', en: 'Amount (yuan)', width: 20, value: (c) => formatYuan(c.amountFen) },
    { zh: '待处理问题', en: 'Open findings', value: (c) => c.findingsOpen },
    { zh: '提交时间', en: 'Submitted', width: 22, value: (c) => c.submittedAt },
    { zh: '办理时限', en: 'Due on', value: (c) => c.dueOn },
    { zh: '逾期', en: 'Overdue', value: (c) => yesNo(c.overdue, locale) },
    { zh: '公示截止', en: 'Notice ends', value: (c) => c.noticeEndsOn },
    { zh: '拨付日期', en: 'Disbursed on', value: (c) => c.disbursedOn },
    { zh: '银行流水号', en: 'Bank reference', width: 22, value: (c) => c.bankReference },
  ];
}

/** Subsidy claims: preview, filing, findings, the HRSS and finance review, public notice, disbursement; then the ledger's routes. */
export const claimRoutes = (deps: ModuleDeps) => async (instance: FastifyInstance) => {
  const app = typed(instance);

  app.get(
    '/apprenticeship-classes/:id/claim-preview',
    {
      schema: {
        tags: claimTags,
        summary: 'What a claim of the class would be if filed now: the computation and the checks’ findings (nothing stored)',
        params: uuidParam,
        querystring: claimPreviewQuery,
        response: { 200: claimPreview },
      },
    },
    (request) => previewClaim(ctxOf(request, deps), request.params.id, request.query.kind),
  );

  app.get(
    '/subsidy-claims',
    { schema: { tags: claimTags, summary: 'Claims within your reach (overdue and open findings first); format=xlsx exports them', querystring: listSubsidyClaimsQuery, response: { 200: subsidyClaimPage } } },
    async (request, reply) => {
      const ctx = ctxOf(request, deps);
      authorize(ctx.actor, subsidyPolicy, 'readClaims');
      const page = await listClaims(ctx, request.query);
      return sendList(reply, request.query.format, page, { name: 'claims', filename: '新型学徒制补贴申领', columns: claimColumns(ctx.actor.locale), locale: ctx.actor.locale });
    },
  );

  app.get(
    '/subsidy-claims/counts',
    { schema: { tags: claimTags, summary: 'Claims within your reach per status (the queue’s tabs)', response: { 200: subsidyClaimCounts } } },
    (request) => {
      const ctx = ctxOf(request, deps);
      authorize(ctx.actor, subsidyPolicy, 'readClaims');
      return countClaims(ctx);
    },
  );

  app.post(
    '/subsidy-claims',
    {
      schema: {
        tags: claimTags,
        summary: 'File a claim of your class (advance once registered, settlement once completed): computed, checked and submitted to HRSS',
        body: createSubsidyClaimRequest,
        response: { 201: subsidyClaimDetail },
      },
    },
    async (request, reply) => reply.status(201).send(await createClaim(ctxOf(request, deps), request.body)),
  );

  app.get(
    '/subsidy-claims/:id',
    { schema: { tags: claimTags, summary: 'One claim with its findings (current round first, open first) and history', params: uuidParam, response: { 200: subsidyClaimDetail } } },
    (request) => getClaim(ctxOf(request, deps), request.params.id),
  );

  app.post(
    '/subsidy-claims/:id/findings/:findingId/resolve',
    {
      schema: {
        tags: claimTags,
        summary: 'Resolve a finding of the current round (HRSS): accepted, or the apprentice excluded and the claim recomputed',
        params: claimFindingParams,
        body: resolveFindingRequest,
        response: { 200: subsidyClaimDetail },
      },
    },
    (request) => resolveFinding(ctxOf(request, deps), request.params.id, request.params.findingId, request.body),
  );

  const plain = [
    ['resubmit', 'resubmit', 'Resubmit a returned claim (organiser): recomputed and checked again as the next round'],
    ['withdraw', 'withdraw', 'Withdraw a submitted or returned claim (organiser)'],
    ['return', 'return', 'Return the claim to the organiser (HRSS; comment required)'],
    ['hrss-approve', 'hrss_approve', 'Approve after HRSS review (409 FINDINGS_UNRESOLVED while a finding of the round is open)'],
    ['finance-return', 'finance_return', 'Return the claim to HRSS review (finance; comment required)'],
    ['finance-approve', 'finance_approve', 'Approve after finance review (finance)'],
    ['reject', 'reject', 'Reject the claim (HRSS; comment required), also after an upheld objection in its notice'],
    ['close', 'close', 'Close a disbursed claim: the organiser confirms receipt, or the HRSS bureau closes it'],
  ] as const;
  for (const [path, transition, summary] of plain) {
    app.post(
      `/subsidy-claims/:id/${path}`,
      { schema: { tags: claimTags, summary, params: uuidParam, body: optionalTransition, response: { 200: subsidyClaimDetail } } },
      (request) => transitionClaim(ctxOf(request, deps), request.params.id, transition, request.body ?? {}),
    );
  }

  app.post(
    '/subsidy-notices',
    {
      schema: {
        tags: claimTags,
        summary: 'Publish approved claims of your region as one public notice (HRSS); each claim goes into notice',
        body: publishClaimsNoticeRequest,
        response: { 201: publishClaimsNoticeResult },
      },
    },
    async (request, reply) => reply.status(201).send(await publishClaimsNotice(ctxOf(request, deps), request.body)),
  );

  app.post(
    '/subsidy-claims/:id/disburse',
    {
      schema: {
        tags: claimTags,
        summary: 'Record the transfer after the notice (finance): date, bank reference; books the ledger entries',
        params: uuidParam,
        body: disburseClaimRequest,
        response: { 200: subsidyClaimDetail },
      },
    },
    (request) => disburseClaim(ctxOf(request, deps), request.params.id, request.body),
  );

  await app.register(ledgerRoutes(deps));
};
