import type { Database } from '../../server/src/db/client.ts';
import { benchId, BENCH_PASSWORD, STORM_ACCOUNTS, type Dataset } from '../dataset.ts';
import { p, type Scenario } from './context.ts';
import { prepareExamStorm, runExamStorm, type ExamStormData } from './exam-storm.ts';

const TARGET_P99_MS = 500;

/** The storm's exam, questions and eligible learners: the report enterprise's learners with accounts, its training manager. */
export function prepareStorm(database: Database, dataset: Dataset): Promise<ExamStormData> {
  const learners = dataset.workload.learners.slice(0, STORM_ACCOUNTS).map((l) => ({ personId: l.personId, username: `bench-learner-${l.index}` }));
  return prepareExamStorm(database.db, { organisationId: dataset.tenant.organisationId, managerUserId: benchId('manager', dataset.tenant.organisationId), learners });
}

/**
 * The exam start storm (bench/scenarios/exam-storm.ts): 500 learners start the same exam within 10 s (`--quick`: 40
 * in 2 s), then save their answers and submit; on PostgreSQL it measures its own bare baseline on the same schedule.
 */
export const examStorm: Scenario = {
  name: 'exam-storm',
  async run(context) {
    const quick = context.data.scale === 'quick';
    const data = context.data.examStorm as ExamStormData | undefined;
    if (!data) throw new Error('the dataset has no exam storm prepared');
    return runExamStorm(context.server, data, { password: BENCH_PASSWORD, learners: quick ? 40 : Math.min(500, data.learners.length), windowSeconds: quick ? 2 : 10, databaseUrl: context.databaseUrl });
  },
  judge(ours, _baseline, context) {
    const start = ours.find((r) => r.scenario.startsWith('exam start storm'));
    if (!start) return;
    const bare = ours.find((r) => r.scenario.startsWith('bare PK reads'));
    if (bare) start.baseline = { label: 'ms p99', value: p(bare, 0.99), ours: p(start, 0.99) };
    const started = start.result.ok;
    start.target = {
      text: `all 500 started, no error, p99 ≤ ${TARGET_P99_MS} ms (here ${started} started, p99 ${p(start, 0.99).toFixed(0)} ms)`,
      met: context.data.scale === 'quick' ? null : started >= 500 && start.result.errors === 0 && p(start, 0.99) <= TARGET_P99_MS,
    };
  },
};
