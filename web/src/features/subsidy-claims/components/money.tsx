import { Typography } from 'antd';
import { yuanText } from './amount.ts';

/** An amount in a table or a list: ¥, tabular figures, red when negative (a refund due). */
export function Money({ fen, strong, 'data-testid': testId }: { fen: number; strong?: boolean; 'data-testid'?: string }) {
  return (
    <Typography.Text type={fen < 0 ? 'danger' : undefined} strong={strong} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }} data-testid={testId}>
      {yuanText(fen)}
    </Typography.Text>
  );
}
