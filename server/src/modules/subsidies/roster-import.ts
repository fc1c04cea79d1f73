import ExcelJS from 'exceljs';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { personNameField, residentIdField, rosterImportColumns, type ImportRowError, type RosterImportResult } from '@fulcrum/shared';
import { organisations, people } from '../../db/schema/index.ts';
import { recordAudit } from '../../lib/audit.ts';
import { authorize } from '../../lib/authorize.ts';
import { inTransaction, type Ctx } from '../../lib/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { readImportRows } from '../../lib/xlsx.ts';
import { subsidyPolicy } from './policy.ts';
import { findClass } from './class-queries.ts';
import { assertOwner } from './classes.ts';
import { assertRosterEditable, eligibility, insertApprentices, isProblem, lockedRosterClass, lockPerson, type EligibleApprentice } from './roster.ts';
import { classWorkflow } from './workflows.ts';

/*
 * The roster workbook: one row per apprentice (name, resident ID, and for a grouped class the employer's USCC),
 * headers in Chinese or English. All or nothing, as the employee import: any bad row and nothing is added.
 */

/** Rows one roster file may carry (a class is tens of apprentices; this leaves room for the largest). */
export const MAX_ROSTER_ROWS = 1_000;

const rosterRow = z.object({
  name: personNameField,
  residentId: residentIdField,
  employerUscc: z.string().trim().toUpperCase().optional(),
});
type RosterRow = z.infer<typeof rosterRow>;

/** Reads an uploaded roster workbook into rows parsed by the import's row contract. */
export async function parseRosterWorkbook(data: Buffer) {
  const rows = await readImportRows(data, { columns: rosterImportColumns, required: ['name', 'residentId'], maxRows: MAX_ROSTER_ROWS });
  return rows.map(({ rowNumber, record }) => ({ rowNumber, parsed: rosterRow.safeParse(record) }));
}

const importFields: Record<string, string> = { employerOrganisationId: 'employerUscc' };

/**
 * Adds the rows of a roster workbook to a class being prepared, each under the rules of the single add. Every row
 * is checked first; on any error the answer lists each bad row, field and reason, and nothing is added.
 */
export async function importRoster(ctx: Ctx, classId: string, data: Buffer): Promise<RosterImportResult> {
  authorize(ctx.actor, subsidyPolicy, 'editRoster');
  // The class is checked before the file is read: another organisation's class is a 404 whatever was uploaded.
  const found = await findClass(ctx.db, ctx.actor, classId);
  if (!found) throw notFound('apprenticeship class');
  assertOwner(ctx.actor, found);
  assertRosterEditable(found, 'import_roster');
  const rows = await parseRosterWorkbook(data);
  const outcome = await inTransaction(ctx, async (tx) => {
    const cls = await lockedRosterClass(tx, classId, 'import_roster');
    const errors: ImportRowError[] = [];
    const valid: { rowNumber: number; row: RosterRow }[] = [];
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
        errors.push({ row: rowNumber, field: 'residentId', code: 'DUPLICATE_ROW', message: `the same resident ID as row ${seen}`, relatedRow: seen });
        continue;
      }
      firstRowOf.set(parsed.data.residentId, rowNumber);
      valid.push({ rowNumber, row: parsed.data });
    }
    if (rows.length === 0) errors.push({ row: 2, field: 'row', code: 'EMPTY_FILE', message: 'the sheet has no data rows' });

    // Employers by USCC (grouped classes name them; an enterprise class may repeat its own or leave it empty).
    const usccs = [...new Set(valid.map((v) => v.row.employerUscc).filter((u): u is string => !!u))];
    const employers = usccs.length
      ? await tx.db
          .select({ id: organisations.id, uscc: organisations.uscc })
          .from(organisations)
          .where(and(inArray(organisations.uscc, usccs), eq(organisations.type, 'enterprise'), eq(organisations.regionId, cls.regionId)))
      : [];
    const employerByUscc = new Map(employers.map((e) => [e.uscc!, e.id]));
    // Locks in one order, so two imports sharing people cannot deadlock.
    const residentIds = valid.map((v) => v.row.residentId);
    const known = residentIds.length ? await tx.db.select({ id: people.id }).from(people).where(inArray(people.residentId, residentIds)) : [];
    for (const id of known.map((p) => p.id).sort()) await lockPerson(tx.db, id);

    const eligible: EligibleApprentice[] = [];
    for (const { rowNumber, row } of valid) {
      let employerOrganisationId: string | undefined;
      if (row.employerUscc) {
        employerOrganisationId = employerByUscc.get(row.employerUscc);
        if (!employerOrganisationId) {
          errors.push({ row: rowNumber, field: 'employerUscc', code: 'UNKNOWN_EMPLOYER', message: 'no enterprise of the class’s region has this USCC' });
          continue;
        }
        if (cls.kind === 'enterprise' && employerOrganisationId === cls.organisationId) employerOrganisationId = undefined;
      }
      const result = await eligibility(tx.db, cls, { name: row.name, residentId: row.residentId, employerOrganisationId });
      if (isProblem(result)) errors.push({ row: rowNumber, field: importFields[result.field] ?? result.field, code: result.code, message: result.message });
      else eligible.push(result);
    }
    if (errors.length) return { errors };
    const inserted = await insertApprentices(tx, cls, eligible, 'import');
    await recordAudit(tx, {
      entityType: classWorkflow.process,
      entityId: cls.id,
      action: 'import_roster',
      organisationId: cls.organisationId,
      regionId: cls.regionId,
      after: { rows: rows.length, added: inserted.length },
    });
    return { added: inserted.length };
  });
  if (outcome.added !== undefined) return { added: outcome.added };
  const errors = (outcome.errors ?? []).sort((a, b) => a.row - b.row);
  // A refused file writes no roster but is audited: its answers tell which resident IDs are registered and employed.
  await recordAudit(ctx, {
    entityType: classWorkflow.process,
    entityId: found.id,
    action: 'check_roster_import',
    organisationId: found.organisationId,
    regionId: found.regionId,
    after: { rows: rows.length, badRows: new Set(errors.map((e) => e.row)).size },
  });
  throw new AppError('IMPORT_INVALID', `${new Set(errors.map((e) => e.row)).size} row(s) have errors; nothing was imported`, { rows: errors });
}

/** The template: the columns with their rules as header notes, text-formatted ID columns, and an instructions sheet. */
export async function rosterImportTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('学徒名册 Roster', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = rosterImportColumns.map((c) => ({ header: c.zh, key: c.key, width: c.key === 'name' ? 16 : 26, style: { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  rosterImportColumns.forEach((c, i) => {
    sheet.getRow(1).getCell(i + 1).note = `${c.en}: ${c.note}`;
  });
  const notes = workbook.addWorksheet('填写说明 Instructions');
  notes.columns = [
    { header: '列 Column', width: 26 },
    { header: 'English', width: 16 },
    { header: '要求 Rule', width: 60 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const c of rosterImportColumns) notes.addRow([c.zh, c.en, c.note]);
  notes.addRow([]);
  notes.addRow([
    '说明',
    'Notes',
    '学徒须为在职员工，劳动合同期限不少于1年，且未在其他在训学徒班中（人社部发〔2021〕39号）。只读取第一个工作表；第一行为表头。任一行有错误时整个文件都不会导入。 ' +
      'Apprentices are employees with a labour contract of at least one year, in no other open class. Only the first sheet is read; row 1 is the header. If any row has an error, nothing is imported.',
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
