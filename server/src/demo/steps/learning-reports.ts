import { asc, eq, sql } from 'drizzle-orm';
import { organisations, trainingCosts, trainingProjects } from '../../db/schema/index.ts';
import { addCalendarDays, shanghaiDateOf } from '../../lib/working-days.ts';
import { replayLevelHistory } from '../../modules/learning/reports/history-replay.ts';
import { refreshAllRollups } from '../../modules/learning/reports/rollups.ts';
import '../../modules/learning/projection-listeners.ts';
import type { LearningDemoInput } from './learning-demo.ts';

/*
 * Reports' demo: the showcase enterprise's training costs over the last months, the competency level history of every
 * enterprise rebuilt from its records in time order (the demo's statements are loaded in bulk, not as they happened),
 * and the daily rollups recomputed from the projected, exam and certificate tables. Runs after the projection.
 */

/** Costs the showcase enterprise records: days before the demo's moment, yuan, what was paid for. */
const SHOWCASE_COSTS: [number, number, string][] = [
  [112, 18_000, '外聘高级技师授课（液压系统维修）'],
  [96, 6_400, '实训耗材：密封件、滤芯'],
  [81, 12_500, '电工安全操作实训场地租用'],
  [63, 9_800, '数控编程培训教材与软件授权'],
  [45, 15_000, '外聘讲师课酬（焊接工艺与质量检验）'],
  [30, 4_200, '线下集训茶歇与资料印刷'],
  [14, 7_600, '安全生产考核题库维护服务'],
  [5, 3_300, '新员工劳动法基础讲座'],
];

async function loadCosts(input: LearningDemoInput, organisationId: string): Promise<number> {
  const projects = await input.db.select({ id: trainingProjects.id }).from(trainingProjects).where(eq(trainingProjects.organisationId, organisationId)).orderBy(asc(trainingProjects.createdAt));
  const today = shanghaiDateOf(input.now);
  await input.db.insert(trainingCosts).values(
    SHOWCASE_COSTS.map(([daysBefore, yuan, description], i) => ({
      organisationId,
      projectId: projects.length ? projects[i % projects.length]!.id : null,
      spentOn: addCalendarDays(today, -daysBefore),
      amountFen: yuan * 100,
      description,
    })),
  );
  return SHOWCASE_COSTS.length;
}

export async function loadLearningReports(input: LearningDemoInput): Promise<Record<string, number>> {
  const trainingCostCount = await loadCosts(input, input.world.organisation('showcase').id);
  const enterprises = await input.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(sql`${organisations.type} = 'enterprise' and exists (select 1 from xapi_statements s where s.organisation_id = ${organisations.id})`);
  let levelChanges = 0;
  for (const enterprise of enterprises) levelChanges += await replayLevelHistory(input.db, enterprise.id, input.publicUrl);
  const rollupDays = await refreshAllRollups(input.db);
  return { trainingCosts: trainingCostCount, competencyLevelChanges: levelChanges, learningRollupDays: rollupDays };
}
