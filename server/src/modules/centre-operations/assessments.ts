import { and, asc, desc, eq, gte, like, lte, max, type SQL } from 'drizzle-orm';
import { maskResidentId, type ListAssessmentsQuery, type RecordAssessmentRequest, type SkillAssessment } from '@fulcrum/shared';
import type { Db } from '../../db/client.ts';
import { people, skillAssessments } from '../../db/schema/index.ts';
import { recordAudit } from '../../lib/audit.ts';
import { authorize } from '../../lib/authorize.ts';
import { inTransaction, type Actor, type Ctx } from '../../lib/context.ts';
import { AppError, invalid } from '../../lib/errors.ts';
import { countAll, orderBy, paginate } from '../../lib/list.ts';
import { shanghaiDateOf } from '../../lib/working-days.ts';
import { assertCentreHasRights, assertInScope, assertMatchOfCentre, findCentre, yearBounds, yearOf } from './centres.ts';
import { centreOperationsPolicy } from './policy.ts';

type AssessmentRow = typeof skillAssessments.$inferSelect;

export function toSkillAssessment(row: AssessmentRow, person: { name: string; residentId: string }): SkillAssessment {
  return {
    id: row.id,
    centreId: row.centreId,
    personId: row.personId,
    personName: person.name,
    residentIdMasked: maskResidentId(person.residentId),
    occupation: row.occupation,
    level: row.level,
    assessedOn: row.assessedOn,
    score: row.score,
    passed: row.passed,
    certificateNo: row.certificateNo,
    matchId: row.matchId,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Escapes LIKE wildcards, for a prefix match on a stored code. */
const likePrefix = (text: string) => `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The next skill certificate number of a centre in a year: `<centre certificate>-<year>-<00001>`, numbered per
 * centre and year. The caller holds the centre's row lock, so two assessments cannot take the same number.
 */
async function nextCertificateNo(db: Db, centre: { id: string; certificateNo: string }, year: number) {
  const prefix = `${centre.certificateNo}-${year}-`;
  const [last] = await db
    .select({ no: max(skillAssessments.certificateNo) })
    .from(skillAssessments)
    .where(and(eq(skillAssessments.centreId, centre.id), like(skillAssessments.certificateNo, likePrefix(prefix))));
  const sequence = last?.no ? Number(last.no.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(sequence).padStart(5, '0')}`;
}

/** The person with this resident ID (their name must agree), or a new one (a name is then required). */
async function personFor(tx: Ctx, input: RecordAssessmentRequest, organisationId: string, regionId: string) {
  const [known] = await tx.db.select().from(people).where(eq(people.residentId, input.residentId));
  if (known) {
    if (input.name !== undefined && input.name !== known.name) {
      throw new AppError('VALIDATION_FAILED', 'the resident ID belongs to a person of another name', {
        issues: [{ path: 'body.name', code: 'NAME_MISMATCH', message: 'the resident ID is registered under another name' }],
      });
    }
    return known;
  }
  if (!input.name) throw invalid([{ path: 'body.name', code: 'REQUIRED', message: 'a name is required for a person not registered yet' }]);
  const now = tx.clock.now();
  const [created] = await tx.db.insert(people).values({ name: input.name, residentId: input.residentId, createdAt: now, updatedAt: now }).returning();
  if (!created) throw new Error('insert returned nothing');
  await recordAudit(tx, {
    entityType: 'person',
    entityId: created.id,
    action: 'create',
    organisationId,
    regionId,
    after: { name: created.name, residentIdMasked: maskResidentId(created.residentId) },
  });
  return created;
}

/**
 * Records an in-house skill assessment (企业自主评价): only a centre with its rights, only within its certified scope;
 * a passed assessment gets the centre's next skill certificate number of that year.
 */
export async function recordAssessment(ctx: Ctx, centreId: string, input: RecordAssessmentRequest): Promise<SkillAssessment> {
  authorize(ctx.actor, centreOperationsPolicy, 'recordAssessment');
  const today = shanghaiDateOf(ctx.clock.now());
  return inTransaction(ctx, async (tx) => {
    const { centre } = await findCentre(tx.db, tx.actor, centreId, { lock: true });
    if (input.assessedOn > today) throw invalid([{ path: 'body.assessedOn', code: 'FUTURE_DATE', message: 'may not be in the future' }]);
    if (input.assessedOn < centre.certifiedOn) {
      throw invalid([{ path: 'body.assessedOn', code: 'BEFORE_CERTIFICATION', message: `may not be before the centre's certification on ${centre.certifiedOn}` }]);
    }
    assertCentreHasRights(centre, [today, input.assessedOn]);
    await assertInScope(tx.db, centre.id, input.occupation, input.level);
    await assertMatchOfCentre(tx.db, centre.id, input.matchId);
    const person = await personFor(tx, input, centre.organisationId, centre.regionId);
    const certificateNo = input.passed ? await nextCertificateNo(tx.db, centre, yearOf(input.assessedOn)) : null;
    const [row] = await tx.db
      .insert(skillAssessments)
      .values({
        centreId: centre.id,
        organisationId: centre.organisationId,
        personId: person.id,
        occupation: input.occupation,
        level: input.level,
        assessedOn: input.assessedOn,
        score: input.score,
        passed: input.passed,
        certificateNo,
        matchId: input.matchId ?? null,
        recordedBy: tx.actor.userId,
        createdAt: tx.clock.now(),
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    const recorded = toSkillAssessment(row, person);
    await recordAudit(tx, {
      entityType: 'skill_assessment',
      entityId: row.id,
      action: 'record',
      organisationId: centre.organisationId,
      regionId: centre.regionId,
      after: recorded,
    });
    return recorded;
  });
}

/** A centre's assessments, newest first, with the filters of the list; resident IDs masked. */
export async function listAssessments(db: Db, actor: Actor, centreId: string, query: ListAssessmentsQuery) {
  authorize(actor, centreOperationsPolicy, 'read');
  await findCentre(db, actor, centreId);
  const bounds = query.year ? yearBounds(query.year) : undefined;
  const where: SQL | undefined = and(
    eq(skillAssessments.centreId, centreId),
    bounds ? gte(skillAssessments.assessedOn, bounds.first) : undefined,
    bounds ? lte(skillAssessments.assessedOn, bounds.last) : undefined,
    query.occupation ? eq(skillAssessments.occupation, query.occupation) : undefined,
    query.level ? eq(skillAssessments.level, query.level) : undefined,
    query.passed !== undefined ? eq(skillAssessments.passed, query.passed) : undefined,
    query.matchId ? eq(skillAssessments.matchId, query.matchId) : undefined,
  );
  return paginate(
    db
      .select({ assessment: skillAssessments, name: people.name, residentId: people.residentId })
      .from(skillAssessments)
      .innerJoin(people, eq(people.id, skillAssessments.personId))
      .where(where)
      .orderBy(
        ...orderBy(
          query.sort,
          { assessedOn: skillAssessments.assessedOn, score: skillAssessments.score, createdAt: skillAssessments.createdAt },
          [desc(skillAssessments.assessedOn), desc(skillAssessments.createdAt)],
          skillAssessments.id,
        ),
      )
      .$dynamic(),
    db.select(countAll()).from(skillAssessments).where(where),
    query,
    (r) => toSkillAssessment(r.assessment, r),
  );
}

/** The assessments recorded with a match (the trainees' results), oldest first. */
export async function assessmentsOfMatch(db: Db, matchId: string): Promise<SkillAssessment[]> {
  const rows = await db
    .select({ assessment: skillAssessments, name: people.name, residentId: people.residentId })
    .from(skillAssessments)
    .innerJoin(people, eq(people.id, skillAssessments.personId))
    .where(eq(skillAssessments.matchId, matchId))
    .orderBy(asc(skillAssessments.assessedOn), asc(skillAssessments.createdAt), asc(skillAssessments.id));
  return rows.map((r) => toSkillAssessment(r.assessment, r));
}
