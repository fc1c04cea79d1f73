import { BENCH_PASSWORD } from '../dataset.ts';
import { jsonHeaders, measure, pairRate, rowOf, type Scenario } from './context.ts';

/**
 * Sign-in: POST /api/v1/auth/login with the sampled employees in rotation. argon2id is slow on purpose (it is what
 * makes a stolen hash expensive), so this scenario has no target; its baseline is a bare route reading the account
 * by username, which shows how much of a sign-in is the hash.
 */
export const login: Scenario = {
  name: 'login',
  async run(context) {
    const bodies = context.data.employees.map((e) => JSON.stringify({ username: e.username, password: BENCH_PASSWORD }));
    context.log(`login: ${context.connections} connections, ${context.seconds} s, ${bodies.length} accounts in rotation`);
    const result = await measure(context.server, { connections: context.connections, seconds: context.seconds, method: 'POST', headers: jsonHeaders, paths: ['/api/v1/auth/login'], bodies });
    return [rowOf('login: POST auth/login (HTTP, argon2id)', context, result)];
  },
  baselineUses: 'bare',
  async baseline(context) {
    const bodies = context.data.employees.map((e) => JSON.stringify({ username: e.username }));
    const result = await measure(context.bare!, { connections: context.connections, seconds: context.seconds, method: 'POST', headers: jsonHeaders, paths: ['/bare/login'], bodies });
    return [rowOf('  baseline: the account by username (bare)', context, result)];
  },
  judge(ours, baseline) {
    pairRate(ours, baseline);
    if (ours[0]) ours[0].target = { text: 'none (argon2id is deliberately slow)', met: null };
  },
};
