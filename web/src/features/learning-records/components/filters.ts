import dayjs, { type Dayjs } from 'dayjs';
import { fulcrumVerbIri, fulcrumVerbNames, xapiVerbDisplay, xapiVerbs, type Locale } from '@fulcrum/shared';

/** The statement browser's filters as URL parameters (the server's statementBrowseQuery names). */
export const statementFilterKeys = ['verb', 'activity', 'personId', 'since', 'until'] as const;
/** The progress table's filters. */
export const progressFilterKeys = ['personId', 'activity'] as const;

/** The registry's verbs to pick from, each by its name in the reader's language with its IRI; Fulcrum's own under this server. */
export function verbOptions(locale: Locale, origin: string): { value: string; label: string }[] {
  const adl = Object.entries(xapiVerbs).map(([name, iri]) => ({ value: iri, label: `${xapiVerbDisplay[name as keyof typeof xapiVerbs][locale]} · ${iri}` }));
  const own = fulcrumVerbNames.map((name) => ({ value: fulcrumVerbIri(origin, name), label: `${xapiVerbDisplay[name][locale]} · ${fulcrumVerbIri(origin, name)}` }));
  return [...adl, ...own];
}

/**
 * A date range picked in the browser as the server's stored-time window: `since` is exclusive, so it is the last
 * millisecond before the first day; `until` is inclusive, the last millisecond of the last day (the browser's time zone).
 */
export function rangeToWindow(range: [Dayjs, Dayjs] | null): { since?: string; until?: string } {
  if (!range) return {};
  return { since: range[0].startOf('day').subtract(1, 'millisecond').toISOString(), until: range[1].endOf('day').toISOString() };
}

/** The picker's dates for a window in the URL (the inverse of rangeToWindow); null when either end is missing or unreadable. */
export function windowToRange(since: string | undefined, until: string | undefined): [Dayjs, Dayjs] | null {
  if (!since || !until) return null;
  const start = dayjs(since).add(1, 'millisecond');
  const end = dayjs(until);
  return start.isValid() && end.isValid() ? [start.startOf('day'), end.startOf('day')] : null;
}

/** A percentage from xAPI's scaled score (-1..1), rounded; null when there is none. */
export const scorePercent = (scaled: number | null): number | null => (scaled === null ? null : Math.round(scaled * 100));
