import { apiError, withQuery } from './api.ts';

/**
 * Uploads one file as multipart field "file" and reports the upload's progress (0–100), which fetch
 * cannot; answers and errors come back as from `api` (JSON, ApiError with the API's code and details).
 */
export function uploadWithProgress<T>(
  path: string,
  file: Blob,
  options: { query?: Record<string, string | number | boolean | undefined>; onProgress?: (percent: number) => void } = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', withQuery(`/api/v1${path}`, options.query));
    xhr.setRequestHeader('x-requested-with', 'fulcrum');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      let payload: unknown;
      try {
        payload = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        payload = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        options.onProgress?.(100);
        resolve(payload as T);
        return;
      }
      reject(apiError(path, xhr.status, xhr.statusText, payload));
    };
    xhr.onerror = () => reject(new TypeError('network error'));
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}
