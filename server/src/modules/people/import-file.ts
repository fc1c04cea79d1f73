import ExcelJS from 'exceljs';
import { addEmployeeRequest, employeeImportColumns } from '@fulcrum/shared';
import { readImportRows } from '../../lib/xlsx.ts';

/** Rows one file may carry: larger workforces import in several files. */
export const MAX_IMPORT_ROWS = 5_000;

/** Reads an uploaded employee workbook into rows parsed by the same contract as the single-employee form. */
export async function parseEmployeeWorkbook(data: Buffer) {
  const rows = await readImportRows(data, { columns: employeeImportColumns, required: ['name', 'residentId', 'position', 'startDate'], maxRows: MAX_IMPORT_ROWS });
  return rows.map(({ rowNumber, record }) => ({ rowNumber, parsed: addEmployeeRequest.safeParse(record) }));
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
