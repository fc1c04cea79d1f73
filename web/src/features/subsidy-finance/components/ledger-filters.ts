import type { TFunction } from 'i18next';
import { ledgerEntryKindLabels, ledgerEntryKinds, type LedgerEntryKind, type Locale } from '@fulcrum/shared';

/** The ledger's filters as they travel in the address (the console page, its print page and the export share them). */
export const ledgerFilterKeys = ['kind', 'year', 'organisationId', 'classId'] as const;
export type LedgerFilters = Partial<Record<(typeof ledgerFilterKeys)[number], string>>;

/** The filters an address asks for, keeping only the ones the list query accepts. */
export function ledgerFiltersOf(params: URLSearchParams): LedgerFilters {
  const filters: LedgerFilters = {};
  const kind = params.get('kind');
  if (kind && (ledgerEntryKinds as readonly string[]).includes(kind)) filters.kind = kind;
  const year = params.get('year');
  if (year && /^\d{4}$/.test(year)) filters.year = year;
  for (const key of ['organisationId', 'classId'] as const) {
    const value = params.get(key);
    if (value && /^[0-9a-f-]{36}$/i.test(value)) filters[key] = value;
  }
  return filters;
}

/** The print page's address for the same filters. */
export function printPathOf(filters: LedgerFilters): string {
  const params = new URLSearchParams();
  for (const key of ledgerFilterKeys) if (filters[key]) params.set(key, filters[key]);
  const text = params.toString();
  return text ? `/print/subsidy-ledger?${text}` : '/print/subsidy-ledger';
}

/**
 * The filters in words for a printed ledger's heading: "年度：2025年；类别：预拨；企业：…" or "全部记录".
 * Names of the organisation and class come from the caller (they are looked up, not in the address).
 */
export function filtersInWords(t: TFunction, locale: Locale, filters: LedgerFilters, names: { organisation?: string; class?: string }): string {
  const parts: string[] = [];
  if (filters.year) parts.push(t('subsidyFinance.print.filterYear', { year: filters.year }));
  if (filters.kind) parts.push(t('subsidyFinance.print.filterKind', { kind: ledgerEntryKindLabels[filters.kind as LedgerEntryKind][locale] }));
  if (filters.organisationId) parts.push(t('subsidyFinance.print.filterOrganisation', { name: names.organisation ?? '…' }));
  if (filters.classId) parts.push(t('subsidyFinance.print.filterClass', { name: names.class ?? '…' }));
  return parts.length ? parts.join(t('subsidyFinance.print.separator')) : t('subsidyFinance.print.allEntries');
}
