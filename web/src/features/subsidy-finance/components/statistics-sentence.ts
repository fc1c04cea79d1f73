import type { TFunction } from 'i18next';
import type { Locale, StatisticsDimension, SubsidyStatistics } from '@fulcrum/shared';
import { shareText, yuanText } from './money.ts';

/** What the figures cover: a year, a notice (a batch of claims), both, or everything in reach. */
export interface StatisticsScope {
  year?: number;
  noticeTitle?: string;
}

/** The group the headline names: 装备制造业 when grouping by industry group (Baodi's pillar), else the largest. */
function highlightOf(dimension: StatisticsDimension, rows: SubsidyStatistics['rows']) {
  if (dimension === 'industryGroup') return rows.find((r) => r.key === 'equipment') ?? rows[0];
  return rows[0];
}

/**
 * The statistics headline, computed from the figures the API returned, e.g.
 * "2025年补贴共拨付 ¥150,000.00，惠及 3 家企业 30 名学徒，其中装备制造业占 66.7%".
 */
export function statisticsSentence(t: TFunction, locale: Locale, stats: Pick<SubsidyStatistics, 'dimension' | 'rows' | 'totals'>, scope: StatisticsScope): string {
  const scopeText = scope.noticeTitle
    ? scope.year
      ? t('subsidyFinance.stats.scopeYearNotice', { year: scope.year, title: scope.noticeTitle })
      : t('subsidyFinance.stats.scopeNotice', { title: scope.noticeTitle })
    : scope.year
      ? t('subsidyFinance.stats.scopeYear', { year: scope.year })
      : t('subsidyFinance.stats.scopeAll');
  if (stats.totals.amountFen === 0 && stats.rows.length === 0) return t('subsidyFinance.stats.sentenceEmpty', { scope: scopeText });
  const sentence = t('subsidyFinance.stats.sentence', {
    scope: scopeText,
    amount: yuanText(stats.totals.amountFen),
    enterprises: stats.totals.enterprises,
    apprentices: stats.totals.apprentices,
  });
  const highlight = highlightOf(stats.dimension, stats.rows);
  const share = highlight ? shareText(highlight.amountFen, stats.totals.amountFen) : null;
  if (!highlight || share === null) return sentence;
  return t('subsidyFinance.stats.sentenceShare', { sentence, label: highlight.label[locale], share });
}
