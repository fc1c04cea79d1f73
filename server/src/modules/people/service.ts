import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import { z } from 'zod';
import { roleOrganisationTypes, type AddEmployeeRequest, type ImportRowError, type ImportResult, type OrganisationType, type updatePersonRequest } from '@fulcrum/shared';
import type { Db } from '../../db/client.ts';
import { employments, organisations, people } from '../../db/schema/index.ts';
import { changedFields, recordAudit, recordAuditMany, type AuditInput } from '../../lib/audit.ts';
import { chunks, INSERT_CHUNK } from '../../lib/list.ts';
import { authorize, reachOf } from '../../lib/authorize.ts';
import { inTransaction, type Ctx } from '../../lib/context.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { findOrganisation } from '../organisations/queries.ts';
import { personPolicy } from './policy.ts';
import { employmentsOf, findPerson, toEmployment, toPersonSummary } from './queries.ts';

type OrganisationRow = typeof organisations.$inferSelect;

/** The organisation an actor manages employees of: within their reach and of a type that has employees. */
export async function employerFor(ctx: Ctx, organisationId: string): Promise<OrganisationRow> {
  const org = await findOrganisation(ctx.db, ctx.actor, organisationId);
  if (!org) throw notFound('organisation');
  if (!roleOrganisationTypes.employee.includes(org.type as OrganisationType)) {
    throw new AppError('CONFLICT', `a ${org.type} has no employees in this registry`);
  }
  return org;
}

interface PlannedRow {
  input: AddEmployeeRequest;
  /** The known person with this resident ID, if any. */
  existing: typeof people.$inferSelect | undefined;
}

/** Checks new employees against the people already registered; returns the problems by input index. */
async function planEmployees(db: Db, organisationId: string, inputs: AddEmployeeRequest[]) {
  const ids = [...new Set(inputs.map((i) => i.residentId))];
  const known = ids.length ? await db.select().from(people).where(inArray(people.residentId, ids)) : [];
  const byResidentId = new Map(known.map((p) => [p.residentId, p]));
  const openHere = known.length
    ? await db
        .select({ personId: employments.personId })
        .from(employments)
        .where(and(eq(employments.organisationId, organisationId), isNull(employments.endDate), inArray(employments.personId, known.map((p) => p.id))))
    : [];
  const employedHere = new Set(openHere.map((e) => e.personId));
  const problems: { index: number; field: string; code: string; message: string }[] = [];
  const planned: PlannedRow[] = inputs.map((input, index) => {
    const existing = byResidentId.get(input.residentId);
    if (existing && existing.name !== input.name) {
      problems.push({ index, field: 'name', code: 'NAME_MISMATCH', message: 'the name differs from the person registered with this resident ID' });
    }
    if (existing && employedHere.has(existing.id)) {
      problems.push({ index, field: 'residentId', code: 'ALREADY_EMPLOYED', message: 'already an employee of this organisation' });
    }
    return { input, existing };
  });
  return { planned, problems };
}

/** Writes planned employees (registering unknown people) and their audit entries in two batched inserts; run inside a transaction. */
async function applyEmployees(tx: Ctx, org: OrganisationRow, planned: PlannedRow[]) {
  const now = tx.clock.now();
  const newcomers = planned.filter((p) => !p.existing).map((p) => p.input);
  const inserted: (typeof people.$inferSelect)[] = [];
  for (const chunk of chunks(newcomers, INSERT_CHUNK)) {
    inserted.push(
      ...(await tx.db
        .insert(people)
        .values(chunk.map((i) => ({ name: i.name, residentId: i.residentId, phone: i.phone ?? null, createdAt: now, updatedAt: now })))
        .returning()),
    );
  }
  const personOf = new Map(inserted.map((p) => [p.residentId, p]));
  for (const p of planned) if (p.existing) personOf.set(p.existing.residentId, p.existing);
  const rows: (typeof employments.$inferSelect)[] = [];
  for (const chunk of chunks(planned, INSERT_CHUNK)) {
    rows.push(...(await tx.db
    .insert(employments)
    .values(
      chunk.map(({ input }) => ({
        personId: personOf.get(input.residentId)!.id,
        organisationId: org.id,
        position: input.position,
        startDate: input.startDate,
        contractStart: input.contractStart ?? null,
        contractEnd: input.contractEnd ?? null,
        createdAt: now,
      })),
    )
    .returning()));
  }
  const personById = new Map([...personOf.values()].map((p) => [p.id, p]));
  const created = rows.map((e) => ({ ...toEmployment(e, org.name), person: toPersonSummary(personById.get(e.personId)!) }));
  const scope = { organisationId: org.id, regionId: org.regionId };
  await recordAuditMany(tx, [
    ...inserted.map((p): AuditInput => ({ entityType: 'person', entityId: p.id, action: 'create', ...scope, after: toPersonSummary(p) })),
    ...created.map(({ person: _person, ...e }): AuditInput => ({ entityType: 'employment', entityId: e.id, action: 'create', ...scope, after: e })),
  ]);
  return { created, createdPeople: inserted.length };
}

/** Adds one employee: links the registered person with this resident ID, or registers them. */
export async function addEmployee(ctx: Ctx, organisationId: string, input: AddEmployeeRequest) {
  authorize(ctx.actor, personPolicy, 'addEmployee');
  const org = await employerFor(ctx, organisationId);
  const { planned, problems } = await planEmployees(ctx.db, org.id, [input]);
  const [problem] = problems;
  if (problem) {
    throw new AppError(problem.code === 'ALREADY_EMPLOYED' ? 'ALREADY_EMPLOYED' : 'CONFLICT', problem.message, {
      issues: [{ path: `body.${problem.field}`, code: problem.code, message: problem.message }],
    });
  }
  return inTransaction(ctx, async (tx) => (await applyEmployees(tx, org, planned)).created[0]!);
}

export async function endEmployment(ctx: Ctx, employmentId: string, endDate: string) {
  authorize(ctx.actor, personPolicy, 'endEmployment');
  const [row] = await ctx.db.select().from(employments).where(eq(employments.id, employmentId));
  const org = row ? await findOrganisation(ctx.db, ctx.actor, row.organisationId) : undefined;
  if (!row || !org) throw notFound('employment');
  if (row.endDate) throw new AppError('EMPLOYMENT_ENDED', `this employment ended on ${row.endDate}`);
  if (endDate < row.startDate) {
    throw new AppError('VALIDATION_FAILED', 'the end date is before the start date', {
      issues: [{ path: 'body.endDate', code: 'DATE_ORDER', message: `before the start date ${row.startDate}` }],
    });
  }
  return inTransaction(ctx, async (tx) => {
    const [updated] = await tx.db
      .update(employments)
      .set({ endDate })
      .where(and(eq(employments.id, employmentId), isNull(employments.endDate)))
      .returning();
    if (!updated) throw new AppError('EMPLOYMENT_ENDED', 'this employment has just been ended');
    await recordAudit(tx, {
      entityType: 'employment', entityId: row.id, action: 'end', organisationId: org.id, regionId: org.regionId,
      before: { endDate: null }, after: { endDate },
    });
    return toEmployment(updated, org.name);
  });
}

export async function getPerson(ctx: Ctx, id: string) {
  authorize(ctx.actor, personPolicy, 'read');
  const row = await findPerson(ctx.db, ctx.actor, id);
  if (!row) throw notFound('person');
  return { ...toPersonSummary(row), employments: await employmentsOf(ctx.db, ctx.actor, row.id) };
}

export async function updatePerson(ctx: Ctx, id: string, input: z.infer<typeof updatePersonRequest>) {
  authorize(ctx.actor, personPolicy, 'update');
  const row = await findPerson(ctx.db, ctx.actor, id);
  if (!row) throw notFound('person');
  // A person is one record across employers: an organisation may correct only someone no other organisation has employed.
  if (reachOf(ctx.actor).kind === 'organisation') {
    const [elsewhere] = await ctx.db
      .select({ id: employments.id })
      .from(employments)
      .where(and(eq(employments.personId, id), ne(employments.organisationId, ctx.actor.organisationId)))
      .limit(1);
    if (elsewhere) throw forbidden('this person is also on another organisation\'s records; ask the district HRSS to correct them');
  }
  const diff = changedFields({ name: row.name, phone: row.phone }, input);
  if (diff.changed) {
    await inTransaction(ctx, async (tx) => {
      await tx.db.update(people).set({ ...input, updatedAt: tx.clock.now() }).where(eq(people.id, id));
      await recordAudit(tx, { entityType: 'person', entityId: id, action: 'update', organisationId: ctx.actor.organisationId, before: diff.before, after: diff.after });
    });
  }
  return getPerson(ctx, id);
}

/** The full resident ID, for roles that must see it; every reveal is written to the audit trail. */
export async function revealResidentId(ctx: Ctx, id: string) {
  authorize(ctx.actor, personPolicy, 'revealResidentId');
  const row = await findPerson(ctx.db, ctx.actor, id);
  if (!row) throw notFound('person');
  await recordAudit(ctx, { entityType: 'person', entityId: id, action: 'reveal_resident_id', organisationId: ctx.actor.organisationId, regionId: ctx.actor.regionId });
  return { residentId: row.residentId };
}

/**
 * Imports employees from parsed rows: every row is checked first (fields, duplicates in the file,
 * conflicts with registered people) and nothing is written unless all rows are clean.
 */
export async function importEmployees(
  ctx: Ctx,
  organisationId: string,
  rows: { rowNumber: number; parsed: z.ZodSafeParseResult<AddEmployeeRequest> }[],
  dryRun: boolean,
): Promise<ImportResult> {
  authorize(ctx.actor, personPolicy, 'importEmployees');
  const org = await employerFor(ctx, organisationId);
  const errors: ImportRowError[] = [];
  const valid: { rowNumber: number; input: AddEmployeeRequest }[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { rowNumber, parsed } of rows) {
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const params = (issue as { params?: { code?: string } }).params;
        errors.push({ row: rowNumber, field: issue.path.join('.') || 'row', code: params?.code ?? issue.code.toUpperCase(), message: issue.message });
      }
      continue;
    }
    const seen = firstRowOf.get(parsed.data.residentId);
    if (seen) {
      errors.push({ row: rowNumber, field: 'residentId', code: 'DUPLICATE_IN_FILE', message: `the same resident ID as row ${seen}`, relatedRow: seen });
      continue;
    }
    firstRowOf.set(parsed.data.residentId, rowNumber);
    valid.push({ rowNumber, input: parsed.data });
  }
  const { planned, problems } = await planEmployees(ctx.db, org.id, valid.map((v) => v.input));
  for (const p of problems) errors.push({ row: valid[p.index]!.rowNumber, field: p.field, code: p.code, message: p.message });
  if (rows.length === 0) errors.push({ row: 2, field: 'row', code: 'EMPTY_FILE', message: 'the sheet has no data rows' });
  const linkedPeople = planned.filter((p) => p.existing).length;
  if (errors.length || dryRun) {
    // Checks write nothing but are audited: each answers which resident IDs are already registered.
    await recordAudit(ctx, {
      entityType: 'organisation', entityId: org.id, action: 'check_employee_import', organisationId: org.id, regionId: org.regionId,
      after: { rows: rows.length, badRows: new Set(errors.map((e) => e.row)).size, dryRun },
    });
  }
  if (errors.length) {
    errors.sort((a, b) => a.row - b.row);
    throw new AppError('IMPORT_INVALID', `${new Set(errors.map((e) => e.row)).size} row(s) have errors; nothing was imported`, { rows: errors });
  }
  if (dryRun) {
    return { dryRun, rows: rows.length, createdPeople: planned.length - linkedPeople, linkedPeople, createdEmployments: planned.length };
  }
  return inTransaction(ctx, async (tx) => {
    const { createdPeople } = await applyEmployees(tx, org, planned);
    await recordAudit(tx, {
      entityType: 'organisation', entityId: org.id, action: 'import_employees', organisationId: org.id, regionId: org.regionId,
      after: { rows: rows.length, createdPeople, linkedPeople },
    });
    return { dryRun, rows: rows.length, createdPeople, linkedPeople, createdEmployments: planned.length };
  });
}
