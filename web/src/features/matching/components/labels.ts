import {
  occupationByCode,
  occupationFieldLabels,
  occupationFields,
  occupations,
  skillLevelLabels,
  type Locale,
  type SkillLevel,
  type TrainingMatchStatus,
  type TrainingNeedStatus,
} from '@fulcrum/shared';

export function occupationName(code: string, locale: Locale): string {
  const occupation = occupationByCode.get(code);
  if (!occupation) return code;
  return locale === 'zh-CN' ? occupation.nameZh : occupation.nameEn;
}

export const levelName = (level: number, locale: Locale) => skillLevelLabels[level as SkillLevel]?.[locale] ?? String(level);

/** "焊工 · 四级/中级工". */
export const occupationLevel = (occupation: string, level: number, locale: Locale) => `${occupationName(occupation, locale)} · ${levelName(level, locale)}`;

/** Every occupation of the catalogue, grouped by field, for a select. */
export const occupationOptions = (locale: Locale) =>
  occupationFields.map((field) => ({
    label: occupationFieldLabels[field][locale],
    title: field,
    options: occupations.filter((o) => o.field === field).map((o) => ({ value: o.code, label: locale === 'zh-CN' ? o.nameZh : o.nameEn })),
  }));

/** A fraction 0..1 as a percentage ("85%", "85.5%"); a dash when there is none. */
export function percent(value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

export const needStatusColour: Record<TrainingNeedStatus, string> = { open: 'blue', matched: 'cyan', closed: 'green', cancelled: 'default' };
export const matchStatusColour: Record<TrainingMatchStatus, string> = { requested: 'blue', accepted: 'cyan', completed: 'green', declined: 'default', cancelled: 'default' };
