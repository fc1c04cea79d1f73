import type { FastifyInstance } from 'fastify';
import { systemInfo } from '@fulcrum/shared';
import { listDemoAccounts, readDemoMarker } from '../../demo/accounts.ts';
import { typed, type ModuleDeps } from '../../lib/http.ts';

/** What the login page needs before anyone signs in: whether this is the demo district, and its sign-ins (never passwords). */
export const systemInfoRoutes = (deps: ModuleDeps) => async (instance: FastifyInstance) => {
  const app = typed(instance);
  const { db } = deps.database;
  app.get(
    '/system/info',
    { config: { public: true }, schema: { tags: ['system'], summary: 'About this installation (public)', security: [], response: { 200: systemInfo } } },
    async () => {
      if (!(await readDemoMarker(db))) return { demo: false };
      return { demo: true, demoAccounts: await listDemoAccounts(db) };
    },
  );
};
