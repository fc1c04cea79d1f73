import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { ApiError } from '../../../lib/api.ts';
import { errorText, showIssues } from '../../../lib/forms.ts';

/** An exam error in words: the reason a 409 gives (no attempts left, closed …), else the app's text for the code. */
export function examErrorText(t: TFunction, error: unknown): string {
  const reason = error instanceof ApiError ? error.details?.reason : undefined;
  if (typeof reason === 'string') return t(`exams.reasons.${reason}`, { defaultValue: (error as ApiError).message });
  return errorText(t, error);
}

/** A failed save: the issues on the fields they name, or else the error in a message. */
export function showSaveError(form: FormInstance, t: TFunction, notify: (text: string) => void, error: unknown) {
  if (error instanceof ApiError && error.details?.issues && showIssues(form, t, error.details.issues)) return;
  notify(examErrorText(t, error));
}
