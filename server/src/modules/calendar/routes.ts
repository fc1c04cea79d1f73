import type { FastifyInstance } from 'fastify';
import {
  addWorkingDaysQuery,
  addWorkingDaysResult,
  calendarDateParam,
  calendarDayStatus,
  calendarOverride,
  calendarYear,
  calendarYearQuery,
  setCalendarOverrideRequest,
  workingDaysQuery,
  workingDaysResult,
} from '@fulcrum/shared';
import { actorOf, ctxOf, typed, type ModuleDeps } from '../../lib/http.ts';
import { addWorkingDays, calendarOfYear, countWorkingDays, removeOverride, setOverride } from './service.ts';

const tags = ['calendar'];

/** The working-day calendar: reads for every signed-in user, overrides for system admins. */
export const calendarRoutes = (deps: ModuleDeps) => async (instance: FastifyInstance) => {
  const app = typed(instance);
  const { db } = deps.database;

  app.get(
    '/calendar',
    { schema: { tags, summary: "A year's statutory holidays, adjusted working days and overrides", querystring: calendarYearQuery, response: { 200: calendarYear } } },
    (request) => calendarOfYear(db, actorOf(request), request.query.year),
  );

  app.get(
    '/calendar/working-days',
    { schema: { tags, summary: 'Working days after from (not counted) up to and including to', querystring: workingDaysQuery, response: { 200: workingDaysResult } } },
    (request) => countWorkingDays(db, actorOf(request), request.query.from, request.query.to),
  );

  app.get(
    '/calendar/add',
    { schema: { tags, summary: 'The days-th working day after date (date not counted)', querystring: addWorkingDaysQuery, response: { 200: addWorkingDaysResult } } },
    (request) => addWorkingDays(db, actorOf(request), request.query.date, request.query.days),
  );

  app.put(
    '/calendar/overrides/:date',
    { schema: { tags, summary: 'Make a date a holiday or a working day (system admin)', params: calendarDateParam, body: setCalendarOverrideRequest, response: { 200: calendarOverride } } },
    (request) => setOverride(ctxOf(request, deps), request.params.date, request.body),
  );

  app.post(
    '/calendar/overrides/:date/remove',
    { schema: { tags, summary: 'Remove the override of a date (system admin)', params: calendarDateParam, response: { 200: calendarDayStatus } } },
    (request) => removeOverride(ctxOf(request, deps), request.params.date),
  );
};
