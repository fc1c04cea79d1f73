import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { ErrorIssue } from '@fulcrum/shared';
import { ApiError } from './api.ts';

/** The reader's text for an issue code, falling back to the server's message. */
export function issueText(t: TFunction, issue: { code: string; message: string }): string {
  return t(`errors.issues.${issue.code}`, { defaultValue: issue.message });
}

/** Puts issues on the form fields they name (`body.uscc` → field `uscc`, `body.contacts.0.phone` → ['contacts', 0, 'phone']). */
export function showIssues(form: FormInstance, t: TFunction, issues: ErrorIssue[], prefix = 'body'): boolean {
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const issue of issues) {
    const parts = issue.path.split('.');
    if (parts[0] === prefix) parts.shift();
    if (!parts.length) continue;
    const name = parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const key = parts.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(issueText(t, issue));
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return byField.size > 0;
}

/** Validates form values with the same zod contract as the server; shows the issues and returns null if invalid. */
export function parseWith<S extends z.ZodType>(schema: S, values: unknown, form: FormInstance, t: TFunction): z.infer<S> | null {
  const result = schema.safeParse(values);
  if (result.success) return result.data;
  showIssues(
    form,
    t,
    result.error.issues.map((i) => ({
      path: ['body', ...i.path.map(String)].join('.'),
      // The server reports zod's own codes upper-cased; a missing value is simply "required".
      code:
        (i as { params?: { code?: string } }).params?.code ??
        (i.code === 'invalid_type' && (values as Record<string, unknown> | undefined)?.[String(i.path[0])] === undefined ? 'REQUIRED' : i.code.toUpperCase()),
      message: i.message,
    })),
  );
  return null;
}

/**
 * The reader's text for an API error code; a code without a text (or an answer without a code) gets a
 * translated generic text with the HTTP status, never the server's English message or status text.
 */
export function errorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) return t(`errors.codes.${error.code}`, { defaultValue: t('errors.unknown', { status: error.status }) });
  return t('errors.network');
}
