import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  breakdownQuery,
  breakdownReport,
  learnerReportPage,
  learnersQuery,
  reportQuery,
  reportSummary,
  roiQuery,
  roiReport,
  saveTrainingCostRequest,
  trainingCost,
  trainingCostPage,
  trainingCostsQuery,
  uuidParam,
  type Locale,
} from '@fulcrum/shared';
import { ctxOf, sendList, typed, type ModuleDeps } from '../../../lib/http.ts';
import type { Column } from '../../../lib/xlsx.ts';
import { createTrainingCost, deleteTrainingCost, listTrainingCosts, updateTrainingCost } from './costs.ts';
import './projection.ts';
import { reportBreakdown, reportLearners, reportRoi, reportSummary as summaryOf } from './reports.ts';
import { breakdownColumns, costColumns, figureColumns, learnerColumns, roiFigures, summaryFigures } from './sheets.ts';

const tags = ['learning reports'];

/** Sends rows as a one-sheet workbook. */
function sendSheet<T>(reply: FastifyReply, rows: T[], sheet: { name: string; filename: string; columns: Column<T>[]; locale: Locale }) {
  return sendList(reply, 'xlsx', { items: rows, page: 1, pageSize: rows.length, total: rows.length }, sheet);
}

/** Reports (智能报表) under /learning/reports and the training costs they read under /learning/training-costs. */
export function reportRoutes(deps: ModuleDeps, publicUrl: string) {
  void publicUrl;
  return async (instance: FastifyInstance) => {
    const app = typed(instance);

    app.get(
      '/learning/reports/summary',
      { schema: { tags, summary: 'Attainment at asOf against compareTo, activity over the period, projects and daily figures of everything in reach', querystring: reportQuery, response: { 200: reportSummary } } },
      async (request, reply) => {
        const ctx = ctxOf(request, deps);
        const summary = await summaryOf(ctx, request.query);
        if (request.query.format === 'json') return summary;
        await sendSheet(reply, summaryFigures(summary, ctx.actor.locale), { name: 'summary', filename: '学习报表概览', columns: figureColumns, locale: ctx.actor.locale });
        return reply;
      },
    );

    app.get(
      '/learning/reports/breakdown',
      {
        schema: {
          tags,
          summary: 'The same figures by department or role profile (enterprises), or by organisation, industry, region or training centre (HRSS)',
          querystring: breakdownQuery,
          response: { 200: breakdownReport },
        },
      },
      async (request, reply) => {
        const ctx = ctxOf(request, deps);
        const report = await reportBreakdown(ctx, request.query);
        if (request.query.format === 'json') return report;
        await sendSheet(reply, report.rows, { name: report.dimension, filename: '技能达标率', columns: breakdownColumns, locale: ctx.actor.locale });
        return reply;
      },
    );

    app.get(
      '/learning/reports/learners',
      { schema: { tags, summary: "The enterprise's learners with a role profile: attainment at asOf with their gaps, activity over the period", querystring: learnersQuery, response: { 200: learnerReportPage } } },
      async (request, reply) => {
        const ctx = ctxOf(request, deps);
        const page = await reportLearners(ctx, request.query);
        return sendList(reply, request.query.format, page, { name: 'learners', filename: '学员达标明细', columns: learnerColumns, locale: ctx.actor.locale });
      },
    );

    app.get(
      '/learning/reports/roi',
      { schema: { tags, summary: 'Training input (hours, costs, subsidy received) beside output (attainment change, certificates, exam passes) over a period', querystring: roiQuery, response: { 200: roiReport } } },
      async (request, reply) => {
        const ctx = ctxOf(request, deps);
        const report = await reportRoi(ctx, request.query);
        if (request.query.format === 'json') return report;
        await sendSheet(reply, roiFigures(report, ctx.actor.locale), { name: 'roi', filename: '培训投入产出', columns: figureColumns, locale: ctx.actor.locale });
        return reply;
      },
    );

    app.get(
      '/learning/training-costs',
      { schema: { tags, summary: "The enterprise's recorded training costs, latest first, with their total", querystring: trainingCostsQuery, response: { 200: trainingCostPage } } },
      async (request, reply) => {
        const ctx = ctxOf(request, deps);
        const page = await listTrainingCosts(ctx, request.query);
        if (request.query.format === 'json') return page;
        await sendList(reply, 'xlsx', page, { name: 'costs', filename: '培训费用', columns: costColumns, locale: ctx.actor.locale });
        return reply;
      },
    );

    app.post(
      '/learning/training-costs',
      { schema: { tags, summary: 'Record a training cost (integer fen; audited)', body: saveTrainingCostRequest, response: { 201: trainingCost } } },
      async (request, reply) => reply.status(201).send(await createTrainingCost(ctxOf(request, deps), request.body)),
    );

    app.put(
      '/learning/training-costs/:id',
      { schema: { tags, summary: 'Correct a training cost (audited)', params: uuidParam, body: saveTrainingCostRequest, response: { 200: trainingCost } } },
      (request) => updateTrainingCost(ctxOf(request, deps), request.params.id, request.body),
    );

    app.delete(
      '/learning/training-costs/:id',
      { schema: { tags, summary: 'Remove a training cost recorded in error (audited)', params: uuidParam, response: { 204: z.null().describe('removed') } } },
      async (request, reply) => {
        await deleteTrainingCost(ctxOf(request, deps), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
