import { occupationByCode, occupationFieldLabels, occupationFields, occupations, skillLevelLabels, skillLevels, type Locale, type SkillLevel } from '@fulcrum/shared';

/** An occupation's name in the reader's language (the code itself if the catalogue no longer has it). */
export function occupationName(code: string, locale: Locale): string {
  const occupation = occupationByCode.get(code);
  if (!occupation) return code;
  return locale === 'zh-CN' ? occupation.nameZh : occupation.nameEn;
}

export function occupationFieldName(code: string, locale: Locale): string {
  const occupation = occupationByCode.get(code);
  return occupation ? occupationFieldLabels[occupation.field][locale] : '—';
}

export function levelName(level: number, locale: Locale): string {
  return skillLevelLabels[level as SkillLevel]?.[locale] ?? String(level);
}

/** Levels from the lowest (5) to the highest (1), the order the catalogue and the certificate list them in. */
export const sortLevels = (levels: readonly number[]) => [...levels].sort((a, b) => b - a);

/** Occupation options grouped by field, for a Select. */
export function occupationOptions(locale: Locale, disabled: ReadonlySet<string> = new Set()) {
  return occupationFields.map((field) => ({
    label: occupationFieldLabels[field][locale],
    title: occupationFieldLabels[field][locale],
    options: occupations
      .filter((o) => o.field === field)
      .map((o) => ({ value: o.code, label: locale === 'zh-CN' ? o.nameZh : o.nameEn, disabled: disabled.has(o.code) })),
  }));
}

export const levelOptions = (locale: Locale) => skillLevels.map((level) => ({ value: level, label: skillLevelLabels[level][locale] }));

/** A scope in one line: "车工（五级/初级工、四级/中级工）；焊工（三级/高级工）". */
export function scopeText(scope: readonly { occupation: string; levels: readonly number[] }[], locale: Locale): string {
  const zh = locale === 'zh-CN';
  return scope
    .map((item) => {
      const levels = sortLevels(item.levels).map((l) => (zh ? levelName(l, locale).split('/')[0] : `L${l}`));
      return zh ? `${occupationName(item.occupation, locale)}（${levels.join('、')}）` : `${occupationName(item.occupation, locale)} (${levels.join(', ')})`;
    })
    .join(zh ? '；' : '; ');
}
