import type { FastifyInstance } from 'fastify';
import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { industrialPark, industryDivisions, industryReference, industrySections, region } from '@fulcrum/shared';
import { industrialParks, regions } from '../../db/schema/index.ts';
import { typed, type ModuleDeps } from '../../lib/http.ts';

const tags = ['reference'];

/** Reference data every signed-in user may read: regions, industrial parks, GB/T 4754 industries. */
export const referenceRoutes = (deps: ModuleDeps) => async (instance: FastifyInstance) => {
  const app = typed(instance);
  const { db } = deps.database;
  app.get('/regions', { schema: { tags, summary: 'Regions', response: { 200: z.array(region) } } }, () =>
    db.select().from(regions).orderBy(asc(regions.divisionCode)),
  );
  app.get(
    '/industrial-parks',
    {
      schema: {
        tags,
        summary: 'Industrial parks, optionally of one region',
        querystring: z.strictObject({ regionId: z.string().max(32).optional() }),
        response: { 200: z.array(industrialPark) },
      },
    },
    (request) =>
      db
        .select()
        .from(industrialParks)
        .where(request.query.regionId ? eq(industrialParks.regionId, request.query.regionId) : undefined)
        .orderBy(asc(industrialParks.regionId), asc(sql`${industrialParks.nameZh} collate "C"`)),
  );
  app.get('/reference/industries', { schema: { tags, summary: 'GB/T 4754-2017 sections and divisions', response: { 200: industryReference } } }, () => ({
    sections: [...industrySections],
    divisions: [...industryDivisions],
  }));
};
