import type { XapiVersion } from '@fulcrum/shared';
import { AppError } from '../../lib/errors.ts';

/**
 * The version a request speaks, from its X-Experience-API-Version header: any 1.0.x is answered as 1.0.3, any 2.0.x
 * as 2.0.0. A missing or other version is refused (400), as the specification requires.
 */
export function negotiateVersion(header: string | undefined): XapiVersion {
  const given = header?.trim();
  if (!given) throw new AppError('XAPI_VERSION', 'the X-Experience-API-Version header is required', { issues: [{ path: 'headers.x-experience-api-version', code: 'REQUIRED', message: 'required' }] });
  if (/^1\.0(\.\d+)?$/.test(given)) return '1.0.3';
  if (/^2\.0(\.\d+)?$/.test(given)) return '2.0.0';
  throw new AppError('XAPI_VERSION', `xAPI version ${given} is not supported (1.0.x, 2.0.x)`, {
    issues: [{ path: 'headers.x-experience-api-version', code: 'UNSUPPORTED', message: 'supported: 1.0.x, 2.0.x' }],
  });
}
