import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import { z } from 'zod';
import { AppError } from '../../lib/errors.ts';
import { typed, type ModuleDeps } from '../../lib/http.ts';

const hidden = { hide: true } as const;

/** Liveness, readiness (the database answers) and Prometheus metrics. */
export const systemRoutes = (deps: ModuleDeps, registry: Registry) => async (instance: FastifyInstance) => {
  const app = typed(instance);
  app.get('/healthz', { config: { public: true }, schema: { ...hidden, response: { 200: z.object({ status: z.literal('ok') }) } } }, async () => ({
    status: 'ok' as const,
  }));
  app.get(
    '/readyz',
    { config: { public: true }, schema: { ...hidden, response: { 200: z.object({ status: z.literal('ready'), database: z.string() }) } } },
    async () => {
      try {
        await deps.database.ping();
      } catch {
        throw new AppError('NOT_READY', 'the database does not answer');
      }
      return { status: 'ready' as const, database: deps.database.kind };
    },
  );
  app.get('/metrics', { config: { public: true }, schema: hidden }, async (_request, reply) => {
    return reply.type(registry.contentType).send(await registry.metrics());
  });
};
