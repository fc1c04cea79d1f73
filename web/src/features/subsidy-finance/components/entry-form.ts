import type { FormIssue } from './policy-form.ts';
import { fenOf } from './money.ts';

/** What the refund/correction form holds: the amount as typed yuan, the date as ISO text. */
export interface EntryValues {
  kind?: 'refund' | 'correction';
  classId?: string;
  correctsEntryId?: string;
  amount?: string;
  bookedOn?: string;
  bankReference?: string;
  note?: string;
}

const text = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

/** The request of the form: the amount in fen as typed (signed for a correction), a refund naming no entry. */
export function entryRequestOf(values: EntryValues): Record<string, unknown> {
  return {
    kind: values.kind,
    classId: values.classId,
    amountFen: fenOf(values.amount),
    bookedOn: values.bookedOn || undefined,
    bankReference: text(values.bankReference) ?? null,
    note: text(values.note),
    correctsEntryId: values.kind === 'correction' ? (values.correctsEntryId ?? null) : null,
  };
}

/** The form field of a request path: amountFen → amount. */
export function entryFieldOf(path: readonly (string | number)[]): (string | number)[] {
  return path[0] === 'amountFen' ? ['amount', ...path.slice(1)] : [...path];
}

/** An issue of the request in the form's terms: an unreadable amount is INVALID_AMOUNT, an empty field REQUIRED. */
export function entryIssueOf(request: Record<string, unknown>, issue: { path: PropertyKey[]; code: string; message: string; params?: { code?: string } }): FormIssue {
  const field = String(issue.path[0]);
  const value = request[field];
  const code =
    field === 'amountFen' && typeof value === 'string'
      ? 'INVALID_AMOUNT'
      : (issue.params?.code ?? (value === undefined || (value === null && field === 'correctsEntryId') ? 'REQUIRED' : issue.code.toUpperCase()));
  return { path: entryFieldOf(issue.path as (string | number)[]), code, message: issue.message };
}
