import { and, asc, eq, exists, isNotNull, isNull } from 'drizzle-orm';
import type { HeatmapQuery, TeamHeatmap } from '@fulcrum/shared';
import { employments, learnerProfiles, people, roleProfiles } from '../../db/schema/index.ts';
import { authorize } from '../../lib/authorize.ts';
import type { Ctx } from '../../lib/context.ts';
import { gapsOf, loadLevelFloors, loadMastery, loadRequirements } from './learner.ts';
import { coachPolicy } from './policy.ts';

/*
 * The team gap heat map: for the actor's organisation, each current employee with a role profile (narrowed by
 * department or profile) × each competency that profile requires, the level computed exactly as in the learner's own
 * view (mastery, with the platform's recorded level as a floor). Only the organisation's own learner profiles are read,
 * so nobody of another organisation can appear.
 */

/** The heat map of the actor's organisation, with a per-competency summary (people, how many meet it, mean gap). */
export async function teamHeatmap(ctx: Ctx, query: HeatmapQuery): Promise<TeamHeatmap> {
  authorize(ctx.actor, coachPolicy, 'viewTeam');
  const organisationId = ctx.actor.organisationId;
  const lp = learnerProfiles;
  const staff = ctx.db
    .select({ one: employments.id })
    .from(employments)
    .where(and(eq(employments.personId, lp.personId), eq(employments.organisationId, organisationId), isNull(employments.endDate)));
  const learners = await ctx.db
    .select({ personId: people.id, name: people.name, department: lp.department, roleProfileId: roleProfiles.id, roleProfileName: roleProfiles.name })
    .from(lp)
    .innerJoin(people, eq(people.id, lp.personId))
    .innerJoin(roleProfiles, eq(roleProfiles.id, lp.roleProfileId))
    .where(
      and(
        eq(lp.organisationId, organisationId),
        isNotNull(lp.roleProfileId),
        exists(staff),
        query.department ? eq(lp.department, query.department) : undefined,
        query.roleProfileId ? eq(lp.roleProfileId, query.roleProfileId) : undefined,
      ),
    )
    .orderBy(asc(lp.department), asc(people.name), asc(people.id));
  const requirements = await loadRequirements(ctx.db, [...new Set(learners.map((l) => l.roleProfileId))]);
  const all = [...requirements.values()].flat();
  const pointIds = [...new Set(all.flatMap((r) => r.competency.points.map((p) => p.knowledgePointId)))];
  const personIds = learners.map((l) => l.personId);
  const [masteryOf, floors] = await Promise.all([loadMastery(ctx.db, personIds, pointIds), loadLevelFloors(ctx.db, organisationId, personIds)]);

  const competencyNames = new Map<string, string>();
  const cells: TeamHeatmap['cells'] = [];
  for (const learner of learners) {
    const profile = requirements.get(learner.roleProfileId) ?? [];
    const gaps = gapsOf(profile, (pointId) => masteryOf(learner.personId, pointId), (competencyId) => floors.get(`${learner.personId}:${competencyId}`));
    gaps.forEach((gap, i) => {
      competencyNames.set(gap.competencyId, profile[i]!.competency.name['zh-CN']);
      cells.push({ personId: learner.personId, competencyId: gap.competencyId, requiredLevel: gap.requiredLevel, currentLevel: gap.current.level, progress: gap.current.progress, gap: gap.gap });
    });
  }
  const competencyList = [...competencyNames].map(([id, name]) => ({ id, name })).sort((x, y) => x.name.localeCompare(y.name, 'zh-CN') || x.id.localeCompare(y.id));
  const summary = competencyList.map(({ id }) => {
    const mine = cells.filter((c) => c.competencyId === id);
    return {
      competencyId: id,
      people: mine.length,
      meeting: mine.filter((c) => c.currentLevel >= c.requiredLevel).length,
      meanGap: mine.length ? mine.reduce((sum, c) => sum + c.gap, 0) / mine.length : 0,
    };
  });
  return {
    competencies: competencyList,
    people: learners.map((l) => ({ personId: l.personId, name: l.name, department: l.department, roleProfileName: l.roleProfileName })),
    cells,
    summary,
  };
}
