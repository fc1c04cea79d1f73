import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../../lib/http.ts';
import { claimRoutes } from './claim-routes.ts';
import { classRoutes } from './class-routes.ts';

/** Apprenticeship subsidies: policy versions, classes and their rosters and progress; claims, notices, the ledger, statistics. */
export const subsidyRoutes = (deps: ModuleDeps) => async (app: FastifyInstance) => {
  await app.register(classRoutes(deps));
  await app.register(claimRoutes(deps));
};
