import { xapiVersions } from '@fulcrum/shared';
import type { XapiResource } from './types.ts';
import { negotiateVersion } from './version.ts';

/** Every 1.0.x patch speaks the same protocol, so the store conforms to each of them as it does to 1.0.3. */
const versions1 = ['1.0.3', '1.0.2', '1.0.1', '1.0.0'];

/**
 * GET /xapi/about: the versions this store speaks (no credentials, no version header needed). A client that says it
 * speaks 1.0.x is answered as a 1.0.3 store would answer (1.0.x versions only: a 1.0 client does not know 2.0.0);
 * any other caller sees 2.0.0 as well.
 */
export const aboutResource: XapiResource = {
  GET: async (request) => {
    let asked: string | undefined;
    try {
      asked = negotiateVersion(request.headers['x-experience-api-version']);
    } catch {
      asked = undefined;
    }
    if (asked === '1.0.3') return { status: 200, headers: { 'x-experience-api-version': '1.0.3' }, body: { version: versions1, extensions: {} } };
    return { status: 200, body: { version: [...xapiVersions.filter((v) => !versions1.includes(v)), ...versions1], extensions: {} } };
  },
};
