import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

/** The custom header every mutating API request must carry: a cross-site form or fetch cannot set it without CORS. */
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_HEADER_VALUE = 'fulcrum';

/** Refuses a cookie-authenticated change that may come from another site (no custom header, or a foreign origin). */
export function checkSameOrigin(request: FastifyRequest, allowedOrigins: string[]) {
  if (request.headers[CSRF_HEADER] !== CSRF_HEADER_VALUE) {
    throw new AppError('CSRF_REJECTED', `mutating requests need the header ${CSRF_HEADER}: ${CSRF_HEADER_VALUE}`);
  }
  if (request.headers['sec-fetch-site'] === 'cross-site') throw new AppError('CSRF_REJECTED', 'cross-site request refused');
  const origin = request.headers.origin;
  if (origin && origin !== `${request.protocol}://${request.host}` && !allowedOrigins.includes(origin)) {
    throw new AppError('CSRF_REJECTED', `origin ${origin} is not this site`);
  }
}
