import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../../lib/http.ts';

/** The console's side of the store under /api/v1/lrs: LRS clients, the statement browser, learners' progress. */
export function lrsRoutes(_deps: ModuleDeps, _publicUrl: string) {
  return async (_app: FastifyInstance) => {};
}
