import type { TFunction } from 'i18next';
import type { Locale, TrainingCentreStats } from '@fulcrum/shared';
import { periodText } from './period-text.ts';

/**
 * The statistics panel's headline, e.g. "2025年1–4月新增 2 家，总量 28 家" / "Jan–Apr 2025: 2 newly certified, 28 in total":
 * the period as a report says it and the two figures the API computed for it.
 */
export function statsSentence(t: TFunction, locale: Locale, stats: Pick<TrainingCentreStats, 'from' | 'to' | 'total' | 'newInPeriod'>): string {
  return t('trainingCentres.stats.sentence', { period: periodText(stats.from, stats.to, locale), count: stats.newInPeriod, total: stats.total });
}
