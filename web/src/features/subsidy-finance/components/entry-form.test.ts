import { describe, expect, it } from 'vitest';
import { recordLedgerEntryRequest } from '@fulcrum/shared';
import { entryIssueOf, entryRequestOf, type EntryValues } from './entry-form.ts';

const classId = '5e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b';
const entryId = '0b8a7c3e-9f51-4c1d-8a3e-2f6d7b9c1e40';

function check(values: EntryValues) {
  const request = entryRequestOf(values);
  const result = recordLedgerEntryRequest.safeParse(request);
  return result.success
    ? { data: result.data, issues: [] }
    : { data: null, issues: result.error.issues.map((i) => entryIssueOf(request, i as never)).map((i) => [i.path.join('.'), i.code]) };
}

describe('the refund / correction form', () => {
  it('sends a refund as the positive fen received, naming no entry', () => {
    const { data } = check({ kind: 'refund', classId, amount: '2,500.5', bookedOn: '2025-06-30', note: ' 学徒离职退回 ', correctsEntryId: entryId });
    expect(data).toMatchObject({ kind: 'refund', amountFen: 250_050, note: '学徒离职退回', correctsEntryId: null, bankReference: null });
  });
  it('sends a correction signed as typed, with the entry it corrects', () => {
    const { data } = check({ kind: 'correction', classId, amount: '-1000', bookedOn: '2025-06-30', note: '多拨更正', correctsEntryId: entryId, bankReference: ' B2025063001 ' });
    expect(data).toMatchObject({ kind: 'correction', amountFen: -100_000, correctsEntryId: entryId, bankReference: 'B2025063001' });
  });
  it('names the fields at fault in the form’s terms', () => {
    expect(check({ kind: 'correction', classId, amount: '12.345', bookedOn: '2025-06-30', note: 'x' }).issues).toEqual([['amount', 'INVALID_AMOUNT']]);
    expect(check({ kind: 'refund', classId, amount: '0', bookedOn: '2025-06-30', note: 'x' }).issues).toEqual([['amount', 'ZERO_AMOUNT']]);
    expect(check({ kind: 'refund', classId, amount: '-5', bookedOn: '2025-06-30', note: 'x' }).issues).toEqual([['amount', 'NEGATIVE']]);
    expect(check({ kind: 'correction', classId, amount: '5', bookedOn: '2025-06-30', note: 'x' }).issues).toEqual([['correctsEntryId', 'REQUIRED']]);
    expect(check({ kind: 'refund', amount: '', bookedOn: '2025-06-30', note: '  ' }).issues).toEqual(
      expect.arrayContaining([
        ['classId', 'REQUIRED'],
        ['amount', 'REQUIRED'],
        ['note', 'REQUIRED'],
      ]),
    );
  });
});
