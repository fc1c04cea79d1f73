import type { Role } from '@fulcrum/shared';
import {
  competencies,
  competencyKnowledgePoints,
  employments,
  knowledgePoints,
  learnerProfiles,
  people,
  roleProfileRequirements,
  roleProfiles,
} from '../../../db/schema/index.ts';
import { syntheticResidentId } from '../../../lib/synthetic-ids.ts';
import { catchUpProjection } from '../../xapi/projector.ts';
import { recordLearning } from '../record.ts';
import { createOrganisation, signIn, TEST_PUBLIC_URL, type TestApp } from '../../../test/app.ts';

/*
 * Builders for the report tests: an enterprise with one competency "安全操作" of two levels (level 1 needs knowledge
 * point A, level 2 adds B), a role profile requiring level 2, employees with that profile, and graded answers
 * recorded as statements at chosen moments and projected.
 */

let counter = 0;

export interface ReportWorld {
  organisationId: string;
  competencyId: string;
  pointA: string;
  pointB: string;
  roleProfileId: string;
}

export async function buildWorld(t: TestApp, options: { regionId?: string } = {}): Promise<ReportWorld> {
  const org = await createOrganisation(t.db, { type: 'enterprise', regionId: options.regionId });
  const organisationId = org.id;
  counter++;
  const [a, b] = await t.db
    .insert(knowledgePoints)
    .values([
      { organisationId, code: `KP-A-${counter}`, name: '液压原理' },
      { organisationId, code: `KP-B-${counter}`, name: '故障诊断' },
    ])
    .returning();
  const [competency] = await t.db.insert(competencies).values({ organisationId, code: `C-${counter}`, name: '安全操作', maxLevel: 3 }).returning();
  await t.db.insert(competencyKnowledgePoints).values([
    { competencyId: competency!.id, knowledgePointId: a!.id, level: 1 },
    { competencyId: competency!.id, knowledgePointId: b!.id, level: 2 },
  ]);
  const [profile] = await t.db.insert(roleProfiles).values({ organisationId, name: `液压维修工${counter}` }).returning();
  await t.db.insert(roleProfileRequirements).values({ roleProfileId: profile!.id, competencyId: competency!.id, requiredLevel: 2, weight: 100 });
  return { organisationId, competencyId: competency!.id, pointA: a!.id, pointB: b!.id, roleProfileId: profile!.id };
}

/** An employee (employed since `since`) with a learner profile in the world's enterprise. */
export async function addLearner(t: TestApp, world: ReportWorld, options: { name?: string; department?: string; roleProfileId?: string | null; since?: string } = {}) {
  counter++;
  const [person] = await t.db
    .insert(people)
    .values({ name: options.name ?? `学员${counter}`, residentId: syntheticResidentId(counter + 7000) })
    .returning();
  await t.db.insert(employments).values({ personId: person!.id, organisationId: world.organisationId, position: '维修工', startDate: options.since ?? '2025-01-01' });
  await t.db.insert(learnerProfiles).values({
    organisationId: world.organisationId,
    personId: person!.id,
    department: options.department ?? '维修部',
    roleProfileId: options.roleProfileId === undefined ? world.roleProfileId : options.roleProfileId,
  });
  return person!.id;
}

/** Graded answers on one knowledge point, stored as statements at `at` and projected. */
export async function answer(t: TestApp, world: ReportWorld, personId: string, pointId: string, results: boolean[], at: Date) {
  await recordLearning(
    { db: t.db, clock: t.clock, publicUrl: TEST_PUBLIC_URL },
    world.organisationId,
    results.map((success, i) => ({
      personId,
      verb: 'answered' as const,
      activity: { kind: 'question' as const, id: `q-${pointId}-${i}`, name: '题目' },
      result: { success },
      knowledgePointIds: [pointId],
      timestamp: at,
    })),
  );
  await catchUpProjection(t.db, TEST_PUBLIC_URL);
}

/** A signed-in member of the world's enterprise. */
export const member = (t: TestApp, world: ReportWorld, role: Role) => signIn(t, world.organisationId, role);
