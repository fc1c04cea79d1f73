import type { FastifyInstance } from 'fastify';
import { coachPush, heatmapQuery, myCoach, myMastery, snoozePushRequest, teamHeatmap, uuidParam } from '@fulcrum/shared';
import { ctxOf, typed, type ModuleDeps } from '../../lib/http.ts';
import { teamHeatmap as heatmapOf } from './heatmap.ts';
import { myCoach as coachOf, myMastery as masteryOf, pushMyCoach, respondToPush } from './pushes.ts';

const tags = ['AI coach'];

/** The AI coach under /api/v1/coach: my coach, my pushes and mastery, and the managers' team gap heat map. */
export function coachRoutes(deps: ModuleDeps) {
  return async (instance: FastifyInstance) => {
    const app = typed(instance);
    const ctx = (request: Parameters<typeof ctxOf>[0]) => ctxOf(request, deps);

    app.get(
      '/coach/me',
      { schema: { tags, summary: 'My coach: competency gaps to my role profile, today’s live pushes and up to 5 live recommendations, each with its reason (a pure read)', response: { 200: myCoach } } },
      (request) => coachOf(ctx(request)),
    );
    app.post(
      '/coach/me/pushes',
      { schema: { tags, summary: 'Creates today’s pushes for me within the daily cap (idempotent), each with an in-app notification, and answers my coach', response: { 200: myCoach } } },
      (request) => pushMyCoach(ctx(request)),
    );
    app.get('/coach/me/mastery', { schema: { tags, summary: 'My mastery per knowledge point (BKT), with answers, parameter source and next review', response: { 200: myMastery } } }, (request) =>
      masteryOf(ctx(request)),
    );
    app.post('/coach/pushes/:id/open', { schema: { tags, summary: 'I opened one of my pushes', params: uuidParam, response: { 200: coachPush } } }, (request) =>
      respondToPush(ctx(request), request.params.id, 'open'),
    );
    app.post(
      '/coach/pushes/:id/dismiss',
      { schema: { tags, summary: 'I dismissed one of my pushes: its lesson rests 14 days and ranks lower for 90', params: uuidParam, response: { 200: coachPush } } },
      (request) => respondToPush(ctx(request), request.params.id, 'dismiss'),
    );
    app.post(
      '/coach/pushes/:id/snooze',
      { schema: { tags, summary: 'I snoozed one of my pushes for some days (default 1): its lesson waits until then', params: uuidParam, body: snoozePushRequest.nullish(), response: { 200: coachPush } } },
      (request) => respondToPush(ctx(request), request.params.id, 'snooze', request.body ?? snoozePushRequest.parse({})),
    );
    app.get(
      '/coach/heatmap',
      { schema: { tags, summary: 'The team gap heat map of my organisation: competency × person, by department or role profile, with a summary per competency', querystring: heatmapQuery, response: { 200: teamHeatmap } } },
      (request) => heatmapOf(ctx(request), request.query),
    );
  };
}
