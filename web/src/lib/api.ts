import type { ErrorIssue, ImportRowError } from '@fulcrum/shared';

/** An error answered by the API, in its one shape `{ error: { code, message, details } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: { issues?: ErrorIssue[]; rows?: ImportRowError[]; [key: string]: unknown },
  ) {
    super(message);
  }
  get isAuth() {
    return this.status === 401;
  }
}

type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

let onUnauthenticated: ((error: ApiError) => void) | undefined;
/** The app registers where a 401 sends the user (the login page, remembering where they were). */
export function setUnauthenticatedHandler(handler: (error: ApiError) => void) {
  onUnauthenticated = handler;
}

/** The ApiError of a failed answer; a 401 (other than a failed sign-in) also sends the user to sign in. */
export function apiError(path: string, status: number, statusText: string, payload: unknown): ApiError {
  const body = (payload as { error?: { code?: string; message?: string; details?: ApiError['details'] } } | null)?.error;
  const error = new ApiError(status, body?.code ?? 'HTTP_ERROR', body?.message ?? statusText, body?.details);
  if (error.isAuth && !path.startsWith('/auth/login')) onUnauthenticated?.(error);
  return error;
}

/** Calls the API: JSON in and out, the CSRF header on every request, errors as ApiError. */
export async function request<T>(method: string, path: string, options: { query?: Query; body?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = { 'x-requested-with': 'fulcrum' };
  let body: BodyInit | undefined;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetch(withQuery(`/api/v1${path}`, options.query), { method, headers, body, credentials: 'same-origin' });
  if (!response.ok) throw apiError(path, response.status, response.statusText, await response.json().catch(() => null));
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown, query?: Query) => request<T>('POST', path, { body, query }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
};

/** Downloads a list as .xlsx with the same filters (the browser saves the file). */
export function downloadUrl(path: string, query?: Query): string {
  return withQuery(`/api/v1${path}`, { ...query, format: 'xlsx', page: undefined, pageSize: undefined });
}
