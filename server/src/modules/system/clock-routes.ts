import type { FastifyInstance } from 'fastify';
import { advanceClockRequest, clockState } from '@fulcrum/shared';
import { recordAudit } from '../../lib/audit.ts';
import { authorize, definePolicy } from '../../lib/authorize.ts';
import type { ShiftableClock } from '../../lib/clock.ts';
import { ctxOf, typed, type ModuleDeps } from '../../lib/http.ts';

const DAY_MS = 86_400_000;
const clockPolicy = definePolicy({ shift: ['system_admin'] });
const stateOf = (clock: ShiftableClock) => ({ now: clock.now().toISOString(), offsetDays: clock.offset / DAY_MS });

/** Only on a server started with SHIFTABLE_CLOCK=1: a system administrator reads and moves the clock forward. */
export const clockRoutes = (deps: ModuleDeps, clock: ShiftableClock) => async (instance: FastifyInstance) => {
  const app = typed(instance);
  const tags = ['system'];

  app.get('/system/clock', { schema: { tags, summary: 'The shiftable clock (system admin)', response: { 200: clockState } } }, (request) => {
    authorize(ctxOf(request, deps).actor, clockPolicy, 'shift');
    return stateOf(clock);
  });

  app.post(
    '/system/clock/advance',
    { schema: { tags, summary: 'Move the shiftable clock forward by whole days (system admin)', body: advanceClockRequest, response: { 200: clockState } } },
    async (request) => {
      const ctx = ctxOf(request, deps);
      authorize(ctx.actor, clockPolicy, 'shift');
      const before = stateOf(clock);
      clock.advance(request.body.days * DAY_MS);
      const after = stateOf(clock);
      await recordAudit({ ...ctx, clock }, { entityType: 'system', entityId: 'clock', action: 'advance', organisationId: ctx.actor.organisationId, before, after });
      return after;
    },
  );
};
