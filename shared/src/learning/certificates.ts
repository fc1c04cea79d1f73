import { z } from 'zod';
import { listQuery, pageOf, queryBoolean } from '../common/pagination.ts';

/*
 * Learning certificates (证书 / 复训): an organisation's rules issue a certificate when one of its people completes a
 * training project, a course or passes an exam. A certificate may expire; completing the trigger again near or after
 * expiry issues the next cycle and keeps every earlier one. Anyone can verify a certificate by its code (no sign-in).
 */

export const certificateTriggerKinds = ['project', 'course', 'exam'] as const;
export type CertificateTriggerKind = (typeof certificateTriggerKinds)[number];

/** valid and expired are read from the expiry date; superseded and revoked are stored. */
export const certificateStatuses = ['valid', 'expired', 'revoked', 'superseded'] as const;
export type CertificateStatus = (typeof certificateStatuses)[number];

/** A valid certificate this close to its expiry is due for recertification (复训). */
export const RECERTIFICATION_WINDOW_DAYS = 60;
/** The longest validity a rule may set: 20 years. */
export const MAX_VALIDITY_MONTHS = 240;

const validityField = z.number().int().min(1).max(MAX_VALIDITY_MONTHS).nullable().describe('none: the certificate never expires');
const ruleFields = {
  title: z.string().trim().min(1).max(120),
  validityMonths: validityField.default(null),
  competencyId: z.uuid().nullable().default(null).describe('the competency the certificate vouches for'),
  competencyLevel: z.number().int().min(1).max(10).nullable().default(null),
};

const competencyBothOrNeither = (rule: { competencyId?: string | null; competencyLevel?: number | null }, ctx: z.RefinementCtx) => {
  if (rule.competencyId === undefined && rule.competencyLevel === undefined) return;
  if (Boolean(rule.competencyId) !== Boolean(rule.competencyLevel)) {
    ctx.addIssue({ code: 'custom', path: ['competencyLevel'], message: 'a competency and its level go together', params: { code: 'COMPETENCY_LEVEL_PAIR' } });
  }
};

export const createCertificateRuleRequest = z
  .strictObject({ ...ruleFields, triggerKind: z.enum(certificateTriggerKinds), triggerId: z.uuid() })
  .superRefine(competencyBothOrNeither);
export type CreateCertificateRuleRequest = z.input<typeof createCertificateRuleRequest>;

/** The trigger stays as created; title, validity and competency apply to certificates issued from now on. */
export const updateCertificateRuleRequest = z
  .strictObject({
    title: ruleFields.title.optional(),
    validityMonths: validityField.optional(),
    competencyId: z.uuid().nullable().optional(),
    competencyLevel: z.number().int().min(1).max(10).nullable().optional(),
  })
  .superRefine(competencyBothOrNeither);
export type UpdateCertificateRuleRequest = z.input<typeof updateCertificateRuleRequest>;

export const certificateRule = z.object({
  id: z.uuid(),
  title: z.string(),
  triggerKind: z.enum(certificateTriggerKinds),
  triggerId: z.uuid(),
  triggerTitle: z.string().nullable(),
  validityMonths: z.number().int().nullable(),
  competencyId: z.uuid().nullable(),
  competencyName: z.string().nullable(),
  competencyLevel: z.number().int().nullable(),
  active: z.boolean(),
  issuedCount: z.number().int(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type CertificateRule = z.infer<typeof certificateRule>;

export const listCertificateRulesQuery = listQuery(['title', 'createdAt']).extend({
  active: queryBoolean.optional(),
  triggerKind: z.enum(certificateTriggerKinds).optional(),
});
export type ListCertificateRulesQuery = z.infer<typeof listCertificateRulesQuery>;
export const certificateRulePage = pageOf(certificateRule);
export type CertificateRulePage = z.infer<typeof certificateRulePage>;

const option = z.object({ id: z.uuid(), title: z.string() });
/** What a rule can be about: the organisation's projects, courses and exams, and the competencies it can vouch for. */
export const certificateRuleOptions = z.object({
  project: z.array(option),
  course: z.array(option),
  exam: z.array(option),
  competencies: z.array(z.object({ id: z.uuid(), name: z.string(), maxLevel: z.number().int() })),
});
export type CertificateRuleOptions = z.infer<typeof certificateRuleOptions>;

export const learningCertificate = z.object({
  id: z.uuid(),
  number: z.string(),
  title: z.string(),
  cycle: z.number().int(),
  ruleId: z.uuid(),
  triggerKind: z.enum(certificateTriggerKinds),
  personId: z.uuid(),
  personName: z.string(),
  issuedAt: z.iso.datetime({ offset: true }),
  expiresAt: z.iso.datetime({ offset: true }).nullable(),
  status: z.enum(certificateStatuses),
  isDueForRecertification: z.boolean(),
  previousId: z.uuid().nullable(),
  verificationCode: z.string(),
  revokedAt: z.iso.datetime({ offset: true }).nullable(),
  revocationReason: z.string().nullable(),
});
export type LearningCertificate = z.infer<typeof learningCertificate>;

export const certificateCycle = z.object({
  id: z.uuid(),
  number: z.string(),
  cycle: z.number().int(),
  issuedAt: z.iso.datetime({ offset: true }),
  expiresAt: z.iso.datetime({ offset: true }).nullable(),
  status: z.enum(certificateStatuses),
});
export type CertificateCycle = z.infer<typeof certificateCycle>;

/** One certificate with every cycle of its rule and holder, oldest first. */
export const learningCertificateDetail = learningCertificate.extend({ organisationName: z.string(), history: z.array(certificateCycle) });
export type LearningCertificateDetail = z.infer<typeof learningCertificateDetail>;

export const listCertificatesQuery = listQuery(['issuedAt', 'expiresAt', 'number']).extend({
  status: z.enum(certificateStatuses).optional(),
  expiringWithinDays: z.coerce.number().int().min(1).max(3650).optional().describe('valid certificates that expire within this many days'),
  personId: z.uuid().optional(),
  ruleId: z.uuid().optional(),
});
export type ListCertificatesQuery = z.infer<typeof listCertificatesQuery>;
export const learningCertificatePage = pageOf(learningCertificate);
export type LearningCertificatePage = z.infer<typeof learningCertificatePage>;

export const revokeCertificateRequest = z.strictObject({ reason: z.string().trim().min(1).max(500) });
export type RevokeCertificateRequest = z.infer<typeof revokeCertificateRequest>;

export const issueDueCertificatesResponse = z.object({ issued: z.number().int() });
export type IssueDueCertificatesResponse = z.infer<typeof issueDueCertificatesResponse>;

export const myCertificates = z.object({ items: z.array(learningCertificateDetail) });
export type MyCertificates = z.infer<typeof myCertificates>;

export const certificateCodeParam = z.strictObject({ code: z.string().trim().min(1).max(64) });

/** What anyone sees when checking a certificate: the holder's name masked, dates only, never an ID number. */
export const publicLearningCertificate = z.object({
  number: z.string(),
  title: z.string(),
  organisationName: z.string(),
  holderName: z.string(),
  cycle: z.number().int(),
  issuedOn: z.string(),
  expiresOn: z.string().nullable(),
  status: z.enum(certificateStatuses),
  history: z.array(z.object({ cycle: z.number().int(), issuedOn: z.string(), expiresOn: z.string().nullable(), status: z.enum(certificateStatuses) })),
});
export type PublicLearningCertificate = z.infer<typeof publicLearningCertificate>;

/** The public page a certificate's QR code points to. */
export const publicCertificatePath = (code: string) => `/public/learning-certificates/${encodeURIComponent(code)}`;
