import path from 'node:path';

/**
 * The server workspace's folder. This file sits in server/src and the production bundle (`npm run build`) in
 * server/dist — one level below the workspace either way — so paths built from here hold in both.
 */
export const serverRoot = path.resolve(import.meta.dirname, '..');
