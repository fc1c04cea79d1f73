import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../../lib/http.ts';

export const classRoutes = (_deps: ModuleDeps) => async (_app: FastifyInstance) => {};
