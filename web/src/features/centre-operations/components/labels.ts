import {
  occupationByCode,
  occupationFieldLabels,
  skillLevelLabels,
  skillLevels,
  type Locale,
  type ScopeItem,
  type SkillLevel,
} from '@fulcrum/shared';

/** An occupation's name in the reader's language (the code itself for one the catalogue lacks). */
export function occupationName(code: string, locale: Locale): string {
  const occupation = occupationByCode.get(code);
  if (!occupation) return code;
  return locale === 'zh-CN' ? occupation.nameZh : occupation.nameEn;
}

export function levelName(level: number, locale: Locale): string {
  return skillLevelLabels[level as SkillLevel]?.[locale] ?? String(level);
}

export function fieldName(code: string, locale: Locale): string {
  const field = occupationByCode.get(code)?.field;
  return field ? occupationFieldLabels[field][locale] : '—';
}

/** "焊工 · 四级/中级工". */
export const occupationLevel = (occupation: string, level: number, locale: Locale) => `${occupationName(occupation, locale)} · ${levelName(level, locale)}`;

/** The occupations of a scope, for a select that must offer nothing outside it. */
export const scopeOccupationOptions = (scope: ScopeItem[], locale: Locale) =>
  scope.map((item) => ({ value: item.occupation, label: occupationName(item.occupation, locale) }));

/** The levels certified for one occupation of the scope, highest level number (初级) first as the catalogue orders them. */
export function scopeLevelOptions(scope: ScopeItem[], occupation: string | undefined, locale: Locale) {
  const levels = scope.find((item) => item.occupation === occupation)?.levels ?? [];
  return skillLevels.filter((level) => levels.includes(level)).map((level) => ({ value: level, label: levelName(level, locale) }));
}

/** The colour of a centre status tag: valid green, conditional gold, suspended orange, revoked red, expired grey. */
export const centreStatusColour = { active: 'green', conditional: 'gold', suspended: 'orange', revoked: 'red', expired: 'default' } as const;

/** A fraction 0..1 as a percentage ("85%", "85.5%"); a dash when there is none. */
export function percent(value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
}
