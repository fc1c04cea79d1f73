import { benchId } from '../dataset.ts';
import { bareGets, measure, pairRate, rowOf, type Scenario } from './context.ts';

const noticeId = (n: number) => benchId('notice', n);

/**
 * The public notice page (no sign-in): the list (open ones, ended ones, page 2) and single notices with their
 * entries, in turn. Baseline: a bare route reading a notice by key.
 */
export const publicNotices: Scenario = {
  name: 'public-notices',
  async run(context) {
    const ids = Array.from({ length: Math.min(context.data.sizes.notices, 50) }, (_, i) => noticeId(i + 1));
    const lists = ['/api/v1/public/notices', '/api/v1/public/notices?state=open', '/api/v1/public/notices?state=ended', '/api/v1/public/notices?page=2'];
    const paths = ids.flatMap((id, i) => [lists[i % lists.length]!, `/api/v1/public/notices/${id}`]);
    const probe = await fetch(`${context.server.url}${paths[1]}`);
    if (probe.status !== 200) throw new Error(`a public notice answered ${probe.status}: ${(await probe.text()).slice(0, 500)}`);
    context.log(`public notices: ${context.connections} connections, ${context.seconds} s, lists and ${ids.length} notices in turn`);
    const result = await measure(context.server, { connections: context.connections, seconds: context.seconds, method: 'GET', headers: {}, paths });
    return [rowOf('public notices: list and notice (HTTP)', context, result)];
  },
  baselineUses: 'bare',
  baseline: (context) => bareGets(context, 'a notice by key', Array.from({ length: Math.min(context.data.sizes.notices, 50) }, (_, i) => `/bare/notices/${noticeId(i + 1)}`)),
  judge(ours, baseline) {
    pairRate(ours, baseline);
    if (ours[0]) ours[0].target = { text: 'none set (ratio for reference)', met: null };
  },
};
