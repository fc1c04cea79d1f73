import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../../../lib/http.ts';

export function projectRoutes(deps: ModuleDeps, publicUrl: string) {
  return async (_app: FastifyInstance) => {
    void deps;
    void publicUrl;
  };
}
