import type { TFunction } from 'i18next';
import { ApiError } from '../../../lib/api.ts';
import { errorText } from '../../../lib/forms.ts';

/** What went wrong, in the user's language: the catalogue's own rule (a loop's path, a micro-course limit …) or the general message. */
export function catalogueError(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return errorText(t, error);
  const cycle = error.details?.cycle as { name: string }[] | undefined;
  const issue = error.details?.issues?.find((i) => t(`catalogue.issues.${i.code}`, { defaultValue: '' }));
  if (issue) return t(`catalogue.issues.${issue.code}`, { path: cycle?.map((p) => p.name).join(' → ') ?? '' });
  return t(`catalogue.codes.${error.code}`, { defaultValue: errorText(t, error) });
}

/** Seconds as whole minutes for people. */
export const minutesOf = (seconds: number) => Math.max(1, Math.round(seconds / 60));
