import { App, type FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { i18n } from '../i18n/index.ts';
import { ApiError } from './api.ts';
import { errorText, showIssues } from './forms.ts';

/**
 * A t() for `parseWith`/`showIssues` that first looks an issue code up among a feature's own texts
 * (`<namespace>.<CODE>`, codes upper-cased so zod's `invalid_format` and the server's `INVALID_FORMAT` meet),
 * where a form can say more than the generic text (a missing role is "required", not "wrong format"),
 * then among the app's `errors.issues`, then falls back to the message.
 */
export function withIssueTexts(t: TFunction, namespace: string): TFunction {
  const wrapped = (key: string, options?: Record<string, unknown>) => {
    const match = /^errors\.issues\.(.+)$/.exec(key);
    if (match) {
      const own = `${namespace}.${match[1]!.toUpperCase()}`;
      if (i18n.exists(own)) return t(own);
    }
    return t(key, options);
  };
  return wrapped as unknown as TFunction;
}

/** The reader's text for an API error: a feature's own text for the code (`<namespace>.<CODE>`), else the app's. */
export function errorTextIn(t: TFunction, namespace: string, error: unknown): string {
  if (error instanceof ApiError && i18n.exists(`${namespace}.${error.code}`)) return t(`${namespace}.${error.code}`);
  return errorText(t, error);
}

/**
 * What a form does when saving fails: the server's issues go on the fields they name (in `tt`'s words);
 * any other failure is one error message, in the feature's words for its code (`<namespace>.<CODE>`) if a namespace is given, else the app's.
 */
export function useSaveFailure(form: FormInstance, tt: TFunction, namespace?: string) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (error: unknown) => {
    if (error instanceof ApiError && error.details?.issues && showIssues(form, tt, error.details.issues)) return;
    void message.error(namespace ? errorTextIn(t, namespace, error) : errorText(t, error));
  };
}

/** Leaf paths of a changed-values object: `{ memberships: [ , { role } ] }` → [['memberships', 1, 'role']]. */
function leafPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value && typeof value === 'object' && !Array.isArray(value) && !('$d' in value) && !(value instanceof Date)) {
    return Object.entries(value).flatMap(([key, v]) => leafPaths(v, [...prefix, key]));
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => (v === undefined ? [] : leafPaths(v, [...prefix, i])));
  return [prefix];
}

/**
 * For a Form's `onValuesChange`: clears the errors `showIssues`/`parseWith` put on a field once the user edits it
 * (fields without antd rules would otherwise keep a stale message).
 */
export function clearIssuesOnChange(form: FormInstance) {
  return (changed: unknown) => form.setFields(leafPaths(changed).map((name) => ({ name, errors: [] })));
}
