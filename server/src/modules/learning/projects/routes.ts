import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../../../lib/http.ts';
import { manageRoutes } from './manage-routes.ts';
import { sessionRoutes } from './session-routes.ts';

/** OMO training projects under /api/v1/learning: projects, sessions, check-in, my projects, notifications. */
export function projectRoutes(deps: ModuleDeps, publicUrl: string) {
  return async (app: FastifyInstance) => {
    await app.register(manageRoutes(deps, publicUrl));
    await app.register(sessionRoutes(deps, publicUrl));
  };
}
