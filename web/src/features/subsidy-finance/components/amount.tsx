import { Tag } from 'antd';
import { ledgerEntryKindLabels, type LedgerEntryKind } from '@fulcrum/shared';
import { useLocale } from '../../../lib/session.ts';
import { yuanText } from './money.ts';

/** An amount in a table or a figure: ¥, tabular digits, taken-back amounts in red. */
export function Amount({ fen, strong, testId }: { fen: number; strong?: boolean; testId?: string }) {
  return (
    <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', color: fen < 0 ? '#cf1322' : undefined, fontWeight: strong ? 600 : undefined }} data-testid={testId}>
      {yuanText(fen)}
    </span>
  );
}

const kindColours: Record<LedgerEntryKind, string> = {
  advance: 'blue',
  settlement: 'green',
  clawback: 'orange',
  refund: 'volcano',
  correction: 'purple',
};

/** The kind of a ledger entry as a coloured tag (预拨, 清算拨付 …). */
export function KindTag({ kind }: { kind: LedgerEntryKind }) {
  const locale = useLocale();
  return (
    <Tag color={kindColours[kind]} data-testid="ledger-kind">
      {ledgerEntryKindLabels[kind][locale]}
    </Tag>
  );
}
