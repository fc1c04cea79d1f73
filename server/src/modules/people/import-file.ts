import ExcelJS from 'exceljs';
import { addEmployeeRequest, employeeImportColumns, type ImportRowError } from '@fulcrum/shared';
import { AppError } from '../../lib/errors.ts';
import { readFirstSheet, TooManyRowsError, UnreadableWorkbookError } from '../../lib/xlsx.ts';

const normalise = (text: string) => text.replace(/\s+/g, '').toLowerCase();
const headerKeys = new Map<string, string>();
for (const c of employeeImportColumns) {
  for (const label of [c.zh, c.en, c.key, `${c.zh}${c.en}`]) headerKeys.set(normalise(label), c.key);
}
const requiredKeys = ['name', 'residentId', 'position', 'startDate'];
/** Rows one file may carry: larger workforces import in several files. */
export const MAX_IMPORT_ROWS = 5_000;

/** Reads an uploaded employee workbook into rows parsed by the same contract as the single-employee form. */
export async function parseEmployeeWorkbook(data: Buffer) {
  if (data.subarray(0, 4).toString('binary') !== 'PK\x03\x04') {
    throw new AppError('VALIDATION_FAILED', 'the file is not an .xlsx workbook', {
      issues: [{ path: 'file', code: 'NOT_XLSX', message: 'upload an .xlsx file (Excel 2007 or later)' }],
    });
  }
  let sheet;
  try {
    sheet = await readFirstSheet(data, MAX_IMPORT_ROWS);
  } catch (error) {
    if (error instanceof TooManyRowsError) {
      throw new AppError('VALIDATION_FAILED', error.message, { issues: [{ path: 'file', code: 'IMPORT_TOO_LARGE', message: error.message }] });
    }
    if (error instanceof UnreadableWorkbookError) {
      throw new AppError('VALIDATION_FAILED', error.message, { issues: [{ path: 'file', code: 'NOT_XLSX', message: error.message }] });
    }
    throw error;
  }
  const keys = sheet.header.map((h) => headerKeys.get(normalise(h)));
  const missing = requiredKeys.filter((k) => !keys.includes(k));
  if (missing.length) {
    const rows: ImportRowError[] = missing.map((k) => ({ row: 1, field: k, code: 'MISSING_COLUMN', message: `the header row lacks the column ${employeeImportColumns.find((c) => c.key === k)?.zh}` }));
    throw new AppError('IMPORT_INVALID', 'the header row lacks required columns; nothing was imported', { rows });
  }
  return sheet.rows.map(({ rowNumber, cells }) => {
    const record: Record<string, string> = {};
    keys.forEach((key, i) => {
      const value = cells[i] ?? '';
      if (key && value !== '') record[key] = value;
    });
    return { rowNumber, parsed: addEmployeeRequest.safeParse(record) };
  });
}

/** The template: the columns with their rules as header notes, text-formatted ID columns, and an instructions sheet. */
export async function employeeImportTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('员工 Employees', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = employeeImportColumns.map((c) => ({
    header: c.zh,
    key: c.key,
    width: c.key === 'residentId' ? 22 : 16,
    style: { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  employeeImportColumns.forEach((c, i) => {
    sheet.getRow(1).getCell(i + 1).note = `${c.en}: ${c.note}`;
  });
  const notes = workbook.addWorksheet('填写说明 Instructions');
  notes.columns = [
    { header: '列 Column', width: 20 },
    { header: 'English', width: 16 },
    { header: '要求 Rule', width: 60 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const c of employeeImportColumns) notes.addRow([c.zh, c.en, c.note]);
  notes.addRow([]);
  notes.addRow(['说明', 'Notes', '只读取第一个工作表；第一行为表头。任一行有错误时整个文件都不会导入。 Only the first sheet is read; row 1 is the header. If any row has an error, nothing is imported.']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
