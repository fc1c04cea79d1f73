import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../../lib/http.ts';

export const claimRoutes = (_deps: ModuleDeps) => async (_app: FastifyInstance) => {};
