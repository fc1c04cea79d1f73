import { formatBasisPoints, formatYuan, type AdvanceBasis, type ComputationLine, type LevelRates } from '@fulcrum/shared';

/*
 * The subsidy arithmetic, in integer fen, from a policy version and counts taken from the records.
 *
 * Qidong public notice (2025), MISSION.md "Real rules":
 *   advance    = apprentices × annual rate × advance ratio (× years when the ratio applies to the whole class)
 *   settlement = completers × annual rate × years − advance already paid
 * Non-completers' advances are clawed back in the settlement (Fujian practice), so the settlement is shown as two
 * ledger lines: the completers' remaining amount and the clawback; their sum may be negative (a refund due).
 */

export interface FormulaPolicy {
  ratesFen: LevelRates;
  rateWithoutCertificateFen: number;
  advanceRatioBp: number;
  advanceBasis: AdvanceBasis;
}

export interface AdvanceInput {
  policy: FormulaPolicy;
  targetLevel: number;
  years: number;
  /** Apprentices the advance is claimed for. */
  headcount: number;
}

export interface SettlementInput {
  policy: FormulaPolicy;
  targetLevel: number;
  years: number;
  /** Completers who reached the target level with a certificate. */
  certified: number;
  /** Completers without the target certificate (paid the policy's rate without a certificate). */
  completedWithoutCertificate: number;
  /** Apprentices the advance was paid for, and the advance per person, as that claim computed them. */
  advancedHeadcount: number;
  perPersonAdvanceFen: number;
  /** The advance booked in the ledger for the class. */
  advancePaidFen: number;
}

export interface FormulaResult {
  lines: ComputationLine[];
  amountFen: number;
  perPersonAdvanceFen: number;
}

/** The annual rate of a target level under a policy version, in fen. */
export function rateOf(policy: FormulaPolicy, level: number): number {
  const rate = policy.ratesFen[String(level) as keyof LevelRates];
  if (rate === undefined) throw new RangeError(`no rate for level ${level}`);
  return rate;
}

/** Multiplies fen by basis points, rounding half up to the fen (amounts are non-negative here). */
const applyBasisPoints = (fen: number, bp: number) => Math.floor((fen * bp + 5_000) / 10_000);

const yuan = (fen: number) => `¥${formatYuan(fen)}`;

/** The advance per apprentice: one year's amount (or the whole class's) times the advance ratio. */
export function perPersonAdvance(policy: FormulaPolicy, targetLevel: number, years: number): number {
  const basisYears = policy.advanceBasis === 'whole_class' ? years : 1;
  return applyBasisPoints(rateOf(policy, targetLevel) * basisYears, policy.advanceRatioBp);
}

/** 预拨: headcount × rate × ratio (× years for a whole-class basis). */
export function computeAdvance(input: AdvanceInput): FormulaResult {
  const { policy, targetLevel, years, headcount } = input;
  const perPerson = perPersonAdvance(policy, targetLevel, years);
  const basisYears = policy.advanceBasis === 'whole_class' ? years : 1;
  const amountFen = headcount * perPerson;
  return {
    perPersonAdvanceFen: perPerson,
    amountFen,
    lines: [
      {
        key: 'advance',
        label: { 'zh-CN': '预拨补贴', 'en-US': 'Advance' },
        formula: `${headcount} × ${yuan(rateOf(policy, targetLevel))} × ${formatBasisPoints(policy.advanceRatioBp)} × ${basisYears}`,
        amountFen,
      },
    ],
  };
}

/** 清算: completers × rate × years, less the advance; the part of the advance paid for non-completers is clawed back. */
export function computeSettlement(input: SettlementInput): FormulaResult {
  const { policy, targetLevel, years, certified, completedWithoutCertificate, advancedHeadcount, perPersonAdvanceFen, advancePaidFen } = input;
  const rate = rateOf(policy, targetLevel);
  const gross = certified * rate * years + completedWithoutCertificate * policy.rateWithoutCertificateFen * years;
  const completers = certified + completedWithoutCertificate;
  // The completers' share of what was advanced; never more than was actually paid.
  const completersShare = Math.min(Math.min(completers, advancedHeadcount) * perPersonAdvanceFen, advancePaidFen);
  const settlement = gross - completersShare;
  const clawback = -(advancePaidFen - completersShare);
  const grossFormula = [
    `${certified} × ${yuan(rate)} × ${years}`,
    ...(completedWithoutCertificate ? [`${completedWithoutCertificate} × ${yuan(policy.rateWithoutCertificateFen)} × ${years}`] : []),
  ].join(' + ');
  return {
    perPersonAdvanceFen,
    amountFen: settlement + clawback,
    lines: [
      {
        key: 'settlement',
        label: { 'zh-CN': '清算补贴（扣除结业学徒已预拨部分）', 'en-US': "Settlement (less the completers' advance)" },
        formula: `${grossFormula} − ${Math.min(completers, advancedHeadcount)} × ${yuan(perPersonAdvanceFen)}`,
        amountFen: settlement,
      },
      {
        key: 'clawback',
        label: { 'zh-CN': '扣回未结业学徒预拨资金', 'en-US': "Clawback of non-completers' advance" },
        formula: `−(${yuan(advancePaidFen)} − ${yuan(completersShare)})`,
        amountFen: clawback,
      },
    ],
  };
}
