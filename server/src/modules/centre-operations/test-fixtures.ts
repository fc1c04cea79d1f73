import { eq } from 'drizzle-orm';
import type { CentreStatus } from '@fulcrum/shared';
import type { Db } from '../../db/client.ts';
import { centreTrainings, organisations, people, skillAssessments, trainingCentres, trainingCentreScopes } from '../../db/schema/index.ts';
import { syntheticResidentId } from '../../lib/synthetic-ids.ts';

/*
 * Test fixtures for the centre-operations and matching tests: certified centres, their trainings and assessments
 * written straight into the tables (certification itself is the training-centres module's business).
 */

let serial = 0;

export interface CentreFixture {
  id: string;
  organisationId: string;
  regionId: string;
  certificateNo: string;
}

/** A certified centre of an enterprise with a scope; active, certified 2025-01-10, valid to 2027-12-31 unless told. */
export async function insertCentre(
  db: Db,
  organisationId: string,
  options: {
    scope: { occupation: string; levels: number[] }[];
    certificateNo?: string;
    status?: CentreStatus;
    statusReason?: string;
    certifiedOn?: string;
    validUntil?: string;
    annualCapacity?: number;
  },
): Promise<CentreFixture> {
  serial++;
  const [org] = await db.select().from(organisations).where(eq(organisations.id, organisationId));
  const [centre] = await db
    .insert(trainingCentres)
    .values({
      organisationId,
      regionId: org!.regionId,
      certificateNo: options.certificateNo ?? `TC120115-2025-${String(serial).padStart(3, '0')}`,
      status: options.status ?? 'active',
      statusReason: options.statusReason ?? null,
      certifiedOn: options.certifiedOn ?? '2025-01-10',
      validUntil: options.validUntil ?? '2027-12-31',
      annualCapacity: options.annualCapacity ?? 600,
    })
    .returning();
  const scopeRows = options.scope.flatMap((s) => s.levels.map((level) => ({ centreId: centre!.id, occupation: s.occupation, level })));
  if (scopeRows.length) await db.insert(trainingCentreScopes).values(scopeRows);
  return { id: centre!.id, organisationId, regionId: centre!.regionId, certificateNo: centre!.certificateNo };
}

/** A training delivered by a centre. */
export async function insertTraining(
  db: Db,
  centre: CentreFixture,
  values: { occupation: string; level: number; startsOn: string; endsOn?: string; traineeCount: number; matchId?: string },
) {
  const [row] = await db
    .insert(centreTrainings)
    .values({
      centreId: centre.id,
      organisationId: centre.organisationId,
      occupation: values.occupation,
      level: values.level,
      title: `${values.occupation} 培训班`,
      startsOn: values.startsOn,
      endsOn: values.endsOn ?? values.startsOn,
      traineeCount: values.traineeCount,
      matchId: values.matchId ?? null,
    })
    .returning();
  return row!;
}

/** A fresh person with a unique synthetic resident ID (birth years from 1970, apart from other tests' IDs). */
export async function insertPerson(db: Db, name = '测试学员') {
  serial++;
  const residentId = syntheticResidentId(serial % 1000, `${1970 + Math.floor(serial / 1000)}0315`, '120115');
  const [person] = await db.insert(people).values({ name, residentId }).returning();
  return person!;
}

/** `count` assessments of a centre on a date, the first `passed` of them passed (no certificate numbers). */
export async function insertAssessments(
  db: Db,
  centre: CentreFixture,
  values: { occupation: string; level: number; assessedOn: string; count: number; passed: number; matchId?: string },
) {
  const rows = [];
  for (let i = 0; i < values.count; i++) {
    const person = await insertPerson(db);
    rows.push({
      centreId: centre.id,
      organisationId: centre.organisationId,
      personId: person.id,
      occupation: values.occupation,
      level: values.level,
      assessedOn: values.assessedOn,
      score: i < values.passed ? 80 : 40,
      passed: i < values.passed,
      matchId: values.matchId ?? null,
    });
  }
  if (rows.length) await db.insert(skillAssessments).values(rows);
}
