import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import {
  apprenticeshipLevels,
  createSubsidyPolicyRequest,
  reviseSubsidyPolicyRequest,
  type AdvanceBasis,
  type ApprenticeshipLevel,
  type SubsidyPolicy,
} from '@fulcrum/shared';
import { showIssues } from '../../../lib/forms.ts';
import { basisPointsOf, fenOf, percentOf, yuanInput } from './money.ts';

/** What the policy form holds: amounts as typed yuan, ratios as per cent, dates as YYYY-MM-DD text. */
export interface PolicyValues {
  regionId?: string;
  year?: number | null;
  effectiveFrom?: string;
  /** Keyed level4 … level1: the level's rate per person-year in yuan. */
  rates?: Partial<Record<RateKey, string>>;
  rateWithoutCertificate?: string;
  advancePercent?: number | null;
  advanceBasis?: AdvanceBasis;
  minCentralisedHours?: number | null;
  onlineCapPercent?: number | null;
  videoMinPercent?: number | null;
  minYears?: number | null;
  maxYears?: number | null;
  maxYearsWithReason?: number | null;
  noticeWorkingDays?: number | null;
  isDemo?: boolean;
  note?: string;
  reason?: string;
}

type RateKey = `level${ApprenticeshipLevel}`;
/** The form's key of a level's rate (numbers as keys would make the form build an array). */
export const rateKey = (level: ApprenticeshipLevel | string): RateKey => `level${level}` as RateKey;

/** Form field of each request field that the form shows under another name (yuan and per-cent inputs). */
const fieldOfRequest: Record<string, (string | number)[]> = {
  rateWithoutCertificateFen: ['rateWithoutCertificate'],
  advanceRatioBp: ['advancePercent'],
  onlineShareCapBp: ['onlineCapPercent'],
  videoShareMinBp: ['videoMinPercent'],
};

/** The form path of a request path: ratesFen.4 → rates.4, advanceRatioBp → advancePercent. */
export function formPathOf(path: readonly (string | number)[]): (string | number)[] {
  const [head, ...rest] = path;
  if (head === 'ratesFen') return rest.length ? ['rates', rateKey(String(rest[0])), ...rest.slice(1)] : ['rates'];
  const mapped = fieldOfRequest[String(head)];
  return mapped ? [...mapped, ...rest] : [...path];
}

const num = (value: number | null | undefined) => (typeof value === 'number' ? value : undefined);
const text = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

/** A new policy starts from nothing but the usual shape; every figure is the officer's to enter. */
export function emptyPolicyValues(year: number): PolicyValues {
  return { year, rates: {}, advanceBasis: 'one_year', isDemo: false, note: '' };
}

/** A revision starts from the latest version, every field restated (the server writes a whole new version). */
export function policyValuesOf(policy: SubsidyPolicy): PolicyValues {
  return {
    regionId: policy.regionId,
    year: policy.year,
    effectiveFrom: policy.effectiveFrom,
    rates: Object.fromEntries(apprenticeshipLevels.map((level) => [rateKey(level), yuanInput(policy.ratesFen[`${level}`])])),
    rateWithoutCertificate: yuanInput(policy.rateWithoutCertificateFen),
    advancePercent: percentOf(policy.advanceRatioBp),
    advanceBasis: policy.advanceBasis,
    minCentralisedHours: policy.minCentralisedHours,
    onlineCapPercent: percentOf(policy.onlineShareCapBp),
    videoMinPercent: percentOf(policy.videoShareMinBp),
    minYears: policy.minYears,
    maxYears: policy.maxYears,
    maxYearsWithReason: policy.maxYearsWithReason,
    noticeWorkingDays: policy.noticeWorkingDays,
    isDemo: policy.isDemo,
    note: policy.note,
    reason: '',
  };
}

/** The fields both requests share, in fen and basis points; an unreadable amount stays text for the check to catch. */
function policyFieldsOf(values: PolicyValues) {
  return {
    effectiveFrom: values.effectiveFrom || undefined,
    ratesFen: Object.fromEntries(apprenticeshipLevels.map((level) => [String(level), fenOf(values.rates?.[rateKey(level)])])),
    rateWithoutCertificateFen: fenOf(values.rateWithoutCertificate),
    advanceRatioBp: basisPointsOf(values.advancePercent),
    advanceBasis: values.advanceBasis,
    minCentralisedHours: num(values.minCentralisedHours),
    onlineShareCapBp: basisPointsOf(values.onlineCapPercent),
    videoShareMinBp: basisPointsOf(values.videoMinPercent),
    minYears: num(values.minYears),
    maxYears: num(values.maxYears),
    maxYearsWithReason: num(values.maxYearsWithReason),
    noticeWorkingDays: num(values.noticeWorkingDays),
    isDemo: values.isDemo ?? false,
    note: values.note?.trim() ?? '',
  };
}

/** The create request of the form (regionId only for a system admin, who names the region). */
export function createRequestOf(values: PolicyValues, withRegion: boolean): unknown {
  return { ...(withRegion ? { regionId: values.regionId } : {}), year: num(values.year), ...policyFieldsOf(values) };
}

/** The revision request of the form: every field restated, with the reason. */
export function reviseRequestOf(values: PolicyValues): unknown {
  return { ...policyFieldsOf(values), reason: text(values.reason) };
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

export interface FormIssue {
  path: (string | number)[];
  code: string;
  message: string;
}

/**
 * Checks a request with the contract the server uses; each issue named on the form's own field, in the words the
 * reader needs: an empty field is REQUIRED, an amount that is not yuan with at most two decimals is INVALID_AMOUNT.
 */
export function checkPolicy<S extends z.ZodType>(schema: S, input: unknown): { data: z.output<S>; issues: [] } | { data: null; issues: FormIssue[] } {
  const result = schema.safeParse(input);
  if (result.success) return { data: result.data, issues: [] };
  const issues = result.error.issues.map((issue) => {
    const value = valueAt(input, issue.path);
    const code =
      typeof value === 'string' && /Fen$/.test(String(issue.path[0]))
        ? 'INVALID_AMOUNT'
        : ((issue as { params?: { code?: string } }).params?.code ?? (value === undefined ? 'REQUIRED' : issue.code.toUpperCase()));
    return { path: formPathOf(issue.path as (string | number)[]), code, message: issue.message };
  });
  return { data: null, issues };
}

/** checkPolicy for the form: puts the issues on the fields and returns the request, or null. */
export function validatePolicy(kind: 'create', values: PolicyValues, form: FormInstance, t: TFunction, withRegion: boolean): z.output<typeof createSubsidyPolicyRequest> | null;
export function validatePolicy(kind: 'revise', values: PolicyValues, form: FormInstance, t: TFunction): z.output<typeof reviseSubsidyPolicyRequest> | null;
export function validatePolicy(kind: 'create' | 'revise', values: PolicyValues, form: FormInstance, t: TFunction, withRegion = false) {
  const checked =
    kind === 'create' ? checkPolicy(createSubsidyPolicyRequest, createRequestOf(values, withRegion)) : checkPolicy(reviseSubsidyPolicyRequest, reviseRequestOf(values));
  if (checked.data) return checked.data;
  showIssues(form, t, checked.issues.map((i) => ({ ...i, path: ['body', ...i.path].join('.') })));
  return null;
}

/** The server names request fields (body.ratesFen.4); the form shows them on its own fields (rates.4). */
export function serverIssuesOnForm(issues: { path: string; code: string; message: string }[]) {
  return issues.map((issue) => {
    const parts = issue.path.split('.');
    if (parts[0] === 'body') parts.shift();
    return { ...issue, path: ['body', ...formPathOf(parts)].join('.') };
  });
}
