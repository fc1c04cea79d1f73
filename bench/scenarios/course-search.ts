import { bareGets, judgeRead, measure, rowOf, type Scenario } from './context.ts';

/**
 * The catalogue's search (GET /api/v1/learning/search) with Chinese queries in rotation — trades, topics, lesson
 * titles, short words — by the sampled employees (the district's published courses, lessons and knowledge points).
 * Baseline: a bare route reading the session by key, the least a signed-in search does.
 */
export const courseSearch: Scenario = {
  name: 'course-search',
  async run(context) {
    const { employees, searchQueries } = context.data;
    const paths = searchQueries.map((q) => `/api/v1/learning/search?${new URLSearchParams({ q, limit: '20' })}`);
    // Each query with each employee in turn: as many pairs as the longer list, neither list's length dividing the other's.
    const pairs = Math.max(paths.length, employees.length) * 3 + 1;
    const requests = Array.from({ length: pairs }, (_, i) => ({ path: paths[i % paths.length]!, cookie: employees[i % employees.length]!.cookie }));
    const probe = await fetch(`${context.server.url}${requests[0]!.path}`, { headers: { cookie: requests[0]!.cookie } });
    if (probe.status !== 200) throw new Error(`search answered ${probe.status}: ${(await probe.text()).slice(0, 500)}`);
    const hits = ((await probe.json()) as { items?: unknown[] }).items?.length ?? 0;
    context.log(`course search: ${context.connections} connections, ${context.seconds} s, ${paths.length} queries (the first finds ${hits} hits)`);
    const result = await measure(context.server, { connections: context.connections, seconds: context.seconds, method: 'GET', headers: {}, paths: requests.map((r) => r.path), headerSets: requests.map((r) => ({ cookie: r.cookie })) });
    return [rowOf('course search, Chinese queries (HTTP)', context, result)];
  },
  baselineUses: 'bare',
  baseline: (context) => bareGets(context, 'the session by key', ['/bare/session'], context.data.employees.map((e) => ({ cookie: e.cookie }))),
  judge: judgeRead,
};
