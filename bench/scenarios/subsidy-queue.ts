import { bareGets, measure, pairRate, rowOf, type Scenario } from './context.ts';

/**
 * The HRSS officer's claim review queue: GET /api/v1/subsidy-claims (submitted claims, overdue and open findings
 * first), pages 1–3 in turn, and the tab counts. Baseline: a bare route reading the officer's session by key.
 */
export const subsidyQueue: Scenario = {
  name: 'subsidy-queue',
  async run(context) {
    const paths = ['/api/v1/subsidy-claims?status=submitted&page=1&pageSize=20', '/api/v1/subsidy-claims/counts', '/api/v1/subsidy-claims?status=submitted&page=2&pageSize=20', '/api/v1/subsidy-claims?page=3&pageSize=20'];
    const headers = { cookie: context.data.officer.cookie };
    const probe = await fetch(`${context.server.url}${paths[0]}`, { headers });
    if (probe.status !== 200) throw new Error(`the claim queue answered ${probe.status}: ${(await probe.text()).slice(0, 500)}`);
    const total = ((await probe.json()) as { total?: number }).total ?? 0;
    context.log(`subsidy queue: ${context.connections} connections, ${context.seconds} s, ${total} submitted claims`);
    const result = await measure(context.server, { connections: context.connections, seconds: context.seconds, method: 'GET', headers, paths });
    return [rowOf('HRSS claim review queue (HTTP)', context, result, total)];
  },
  baselineUses: 'bare',
  baseline: (context) => bareGets(context, 'the session by key', ['/bare/session'], [{ cookie: context.data.officer.cookie }]),
  judge(ours, baseline) {
    pairRate(ours, baseline);
    if (ours[0]) ours[0].target = { text: 'none set (ratio for reference)', met: null };
  },
};
