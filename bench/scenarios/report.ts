import { directReport, reportDates } from '../learning-fills.ts';
import { loopLoad, percentile } from '../load.ts';
import { measure, rowOf, type Scenario } from './context.ts';

/** Clients reading the report at once (as `npm run bench:report`). */
const REPORT_CONNECTIONS = 10;
const TARGET_MEDIAN_MS = 300;

/**
 * The enterprise report (GET /api/v1/learning/reports/summary: attainment at two dates, activity over 90 days,
 * projects, daily figures) read by the training manager of the enterprise the statement corpus is about, against
 * the same queries sent directly (the code of `npm run bench:report`).
 */
export const report: Scenario = {
  name: 'report',
  async run(context) {
    const dates = reportDates(new Date());
    const path = `/api/v1/learning/reports/summary?${new URLSearchParams(dates)}`;
    const headers = { cookie: context.data.manager.cookie };
    const probe = await fetch(`${context.server.url}${path}`, { headers });
    if (probe.status !== 200) throw new Error(`the report answered ${probe.status}: ${(await probe.text()).slice(0, 500)}`);
    context.log(`enterprise report: ${REPORT_CONNECTIONS} connections, ${context.seconds} s, ${context.data.sizes.reportLearners.toLocaleString('en-US')} learners, ${context.data.sizes.statements.toLocaleString('en-US')} statements`);
    const result = await measure(context.server, { connections: REPORT_CONNECTIONS, seconds: context.seconds, method: 'GET', headers, paths: [path] });
    return [rowOf('enterprise report (HTTP)', context, result)];
  },
  baselineUses: 'database',
  async baseline(context) {
    const dates = reportDates(new Date());
    const concurrency = context.afterServer ? 1 : REPORT_CONNECTIONS;
    const result = await loopLoad(concurrency, context.seconds, async () => void (await directReport(context.db!, context.data.tenant.organisationId, dates)));
    return [rowOf(`  baseline: the same SQL directly (${context.afterServer ? 'PGlite in-process' : `pg, ${concurrency} connections`})`, context, { ...result, rss: 0 })];
  },
  judge(ours, baseline, context) {
    const row = ours[0];
    if (!row) return;
    const median = percentile(row.result.latencies, 0.5);
    if (baseline[0]) row.baseline = { label: 'ms p50', value: percentile(baseline[0].result.latencies, 0.5), ours: median };
    const fullSize = context.database === 'PostgreSQL' && context.data.sizes.statements >= 2_000_000 && context.data.sizes.reportLearners >= 5_000;
    row.target = { text: `median ≤ ${TARGET_MEDIAN_MS} ms at 5,000 learners / 2M statements on PostgreSQL (here ${median.toFixed(0)} ms)`, met: fullSize ? median <= TARGET_MEDIAN_MS && row.result.errors === 0 : null };
  },
};
