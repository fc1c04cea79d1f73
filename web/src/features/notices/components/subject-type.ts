import type { TFunction } from 'i18next';

/** The reader's name of what a notice is about (selection_batch → 培训中心认定); an unknown type shows as it is. */
export function subjectTypeLabel(t: TFunction, subjectType: string): string {
  return t(`notices.subjectTypes.${subjectType}`, { defaultValue: subjectType });
}
