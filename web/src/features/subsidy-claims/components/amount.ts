import { formatYuan } from '@fulcrum/shared';

/** An amount for the page: ¥ before the yuan, the minus before the ¥ (−3,000 yuan → "-¥3,000.00"). */
export function yuanText(fen: number): string {
  return `${fen < 0 ? '-' : ''}¥${formatYuan(Math.abs(fen))}`;
}

export interface NetAmount {
  /** The amount without its sign: what is paid, or what is to be refunded. */
  text: string;
  /** A negative settlement: the organiser owes the difference (应退回). */
  isRefund: boolean;
}

/** A claim's net amount as shown large on its page: a negative one is a refund due, shown as its size with 应退回. */
export function netAmount(fen: number): NetAmount {
  return { text: `¥${formatYuan(Math.abs(fen))}`, isRefund: fen < 0 };
}

/** The sum of some claims' amounts in fen (integers only), e.g. what a notice will publish. */
export function totalFen(claims: readonly { amountFen: number }[]): number {
  return claims.reduce((sum, c) => sum + c.amountFen, 0);
}
