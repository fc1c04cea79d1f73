import type { FastifyInstance } from 'fastify';
import {
  certificateCodeParam,
  certificateRule,
  certificateRuleOptions,
  certificateRulePage,
  createCertificateRuleRequest,
  issueDueCertificatesResponse,
  learningCertificateDetail,
  learningCertificatePage,
  listCertificateRulesQuery,
  listCertificatesQuery,
  myCertificates as myCertificatesContract,
  publicLearningCertificate,
  revokeCertificateRequest,
  updateCertificateRuleRequest,
  uuidParam,
  type CertificateStatus,
  type LearningCertificate,
  type Locale,
} from '@fulcrum/shared';
import { ctxOf, sendList, typed, type ModuleDeps } from '../../../lib/http.ts';
import type { Column } from '../../../lib/xlsx.ts';
import { getCertificate, listCertificates, myCertificates, revokeCertificate, verifyCertificate } from './certificates.ts';
import { issueDueCertificates } from './issuance.ts';
import { assertManager } from './policy.ts';
import { createRule, getRule, listRules, ruleOptions, setRuleActive, updateRule } from './rules.ts';

const ruleTags = ['learning certificate rules'];
const certificateTags = ['learning certificates'];
/** Lookups per address and minute on the public check: plenty for people, too few to guess codes. */
const PUBLIC_CHECKS_PER_MINUTE = 60;

const statusNames: Record<CertificateStatus, { zh: string; en: string }> = {
  valid: { zh: '有效', en: 'Valid' },
  expired: { zh: '已过期', en: 'Expired' },
  revoked: { zh: '已撤销', en: 'Revoked' },
  superseded: { zh: '已被新周期取代', en: 'Superseded' },
};

function certificateColumns(locale: Locale): Column<LearningCertificate>[] {
  const day = (iso: string | null) => (iso ? new Date(iso) : null);
  return [
    { zh: '证书编号', en: 'Number', width: 26, value: (c) => c.number },
    { zh: '证书名称', en: 'Title', width: 32, value: (c) => c.title },
    { zh: '持证人', en: 'Holder', width: 14, value: (c) => c.personName },
    { zh: '周期', en: 'Cycle', width: 8, value: (c) => c.cycle },
    { zh: '发证时间', en: 'Issued', value: (c) => day(c.issuedAt) },
    { zh: '到期时间', en: 'Expires', value: (c) => day(c.expiresAt) },
    { zh: '状态', en: 'Status', value: (c) => (locale === 'zh-CN' ? statusNames[c.status].zh : statusNames[c.status].en) },
    { zh: '待复训', en: 'Due for recertification', value: (c) => c.isDueForRecertification },
    { zh: '撤销原因', en: 'Revocation reason', width: 30, value: (c) => c.revocationReason },
  ];
}

/** Certificate rules, the organisation's certificates, a person's own, and the public check by code. */
export function certificateRoutes(deps: ModuleDeps, publicUrl: string) {
  return async (instance: FastifyInstance) => {
    const app = typed(instance);

    app.get(
      '/learning/certificate-rules',
      { schema: { tags: ruleTags, summary: "The organisation's certificate rules", querystring: listCertificateRulesQuery, response: { 200: certificateRulePage } } },
      (request) => listRules(ctxOf(request, deps), request.query),
    );
    app.get(
      '/learning/certificate-rules/options',
      { schema: { tags: ruleTags, summary: 'What a rule can name: projects, courses, exams and competencies', response: { 200: certificateRuleOptions } } },
      (request) => ruleOptions(ctxOf(request, deps)),
    );
    app.post(
      '/learning/certificate-rules',
      { schema: { tags: ruleTags, summary: 'Create a rule (active at once)', body: createCertificateRuleRequest, response: { 201: certificateRule } } },
      async (request, reply) => reply.status(201).send(await createRule(ctxOf(request, deps), request.body)),
    );
    app.get(
      '/learning/certificate-rules/:id',
      { schema: { tags: ruleTags, summary: 'One rule', params: uuidParam, response: { 200: certificateRule } } },
      (request) => getRule(ctxOf(request, deps), request.params.id),
    );
    app.patch(
      '/learning/certificate-rules/:id',
      { schema: { tags: ruleTags, summary: 'Edit title, validity or competency (applies to certificates issued from now on)', params: uuidParam, body: updateCertificateRuleRequest, response: { 200: certificateRule } } },
      (request) => updateRule(ctxOf(request, deps), request.params.id, request.body),
    );
    for (const [action, active] of [['activate', true], ['deactivate', false]] as const) {
      app.post(
        `/learning/certificate-rules/:id/${action}`,
        { schema: { tags: ruleTags, summary: `${action === 'activate' ? 'Activate' : 'Deactivate'} a rule`, params: uuidParam, response: { 200: certificateRule } } },
        (request) => setRuleActive(ctxOf(request, deps), request.params.id, active),
      );
    }

    app.get(
      '/learning/certificates',
      { schema: { tags: certificateTags, summary: "The organisation's certificates; format=xlsx downloads them", querystring: listCertificatesQuery, response: { 200: learningCertificatePage } } },
      async (request, reply) => {
        const ctx = ctxOf(request, deps);
        const page = await listCertificates(ctx, request.query);
        return sendList(reply, request.query.format, page, { name: 'certificates', filename: '学习证书', columns: certificateColumns(ctx.actor.locale), locale: ctx.actor.locale });
      },
    );
    app.post(
      '/learning/certificates/issue-due',
      { schema: { tags: certificateTags, summary: 'Issue every certificate the rules owe for completions so far', response: { 200: issueDueCertificatesResponse } } },
      async (request) => {
        const ctx = ctxOf(request, deps);
        assertManager(ctx.actor);
        const by = { actor: ctx.actor, requestId: ctx.requestId, ip: ctx.ip };
        return { issued: await issueDueCertificates(ctx.db, ctx.clock, { publicUrl, organisationId: ctx.actor.organisationId, by }) };
      },
    );
    app.get(
      '/learning/my/certificates',
      { schema: { tags: certificateTags, summary: 'My certificates (the latest cycle of each, with its history)', response: { 200: myCertificatesContract } } },
      async (request) => ({ items: await myCertificates(ctxOf(request, deps)) }),
    );
    app.get(
      '/learning/certificates/:id',
      { schema: { tags: certificateTags, summary: 'One certificate with every cycle', params: uuidParam, response: { 200: learningCertificateDetail } } },
      (request) => getCertificate(ctxOf(request, deps), request.params.id),
    );
    app.post(
      '/learning/certificates/:id/revoke',
      { schema: { tags: certificateTags, summary: 'Revoke a certificate with a reason', params: uuidParam, body: revokeCertificateRequest, response: { 200: learningCertificateDetail } } },
      (request) => revokeCertificate(ctxOf(request, deps), request.params.id, request.body),
    );

    app.get(
      '/public/learning-certificates/:code',
      {
        config: { public: true, rateLimit: { max: PUBLIC_CHECKS_PER_MINUTE, timeWindow: '1 minute' } },
        schema: {
          tags: certificateTags,
          security: [],
          summary: "Verify a learning certificate by its code (no sign-in): the holder's name masked, dates only",
          params: certificateCodeParam,
          response: { 200: publicLearningCertificate },
        },
      },
      (request) => verifyCertificate(deps.database.db, deps.clock, request.params.code),
    );
  };
}
