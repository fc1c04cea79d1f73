import { xapiVersions } from '@fulcrum/shared';
import type { XapiResource } from './types.ts';

/** GET /xapi/about: the versions this store speaks (no credentials, no version header needed). */
export const aboutResource: XapiResource = {
  GET: async () => ({ status: 200, body: { version: [...xapiVersions, '1.0.2', '1.0.1', '1.0.0'], extensions: {} } }),
};
