import ExcelJS from 'exceljs';
import type { ImportRowError, Locale } from '@fulcrum/shared';
import { AppError } from './errors.ts';

export interface Column<T> {
  zh: string;
  en: string;
  width?: number;
  value: (row: T) => string | number | boolean | Date | null | undefined;
}

/** One worksheet with a bold, frozen header row in the reader's language. */
export async function toXlsx<T>(sheetName: string, columns: Column<T>[], rows: T[], locale: Locale): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Fulcrum';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: locale === 'zh-CN' ? c.zh : c.en, width: c.width ?? 18 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((c) => c.value(row) ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Thrown for a file that is not a readable .xlsx workbook. */
export class UnreadableWorkbookError extends Error {}

/** Thrown for a sheet with more data rows than one upload may carry. */
export class TooManyRowsError extends Error {
  constructor(readonly rows: number, readonly max: number) {
    super(`the sheet has ${rows} rows; at most ${max} per file`);
  }
}

/** The first worksheet as rows of trimmed text (dates as YYYY-MM-DD), row numbers as Excel shows them. */
export async function readFirstSheet(data: Buffer, maxRows: number): Promise<{ header: string[]; rows: { rowNumber: number; cells: string[] }[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableWorkbookError('not a readable .xlsx file');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { header: [], rows: [] };
  const text = (value: ExcelJS.CellValue): string => {
    if (value === null || value === undefined) return '';
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (typeof value === 'object') {
      if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
      if ('text' in value) return String(value.text).trim();
      if ('result' in value) return text(value.result as ExcelJS.CellValue);
    }
    return String(value).trim();
  };
  const header: string[] = [];
  const rows: { rowNumber: number; cells: string[] }[] = [];
  // columnCount walks the whole sheet on every read: take it once, or parsing turns quadratic.
  const columns = sheet.columnCount;
  if (sheet.rowCount > maxRows + 1) throw new TooManyRowsError(sheet.rowCount - 1, maxRows);
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let i = 1; i <= columns; i++) cells.push(text(row.getCell(i).value));
    if (rowNumber === 1) header.push(...cells);
    else if (cells.some((c) => c !== '')) rows.push({ rowNumber, cells });
  });
  return { header, rows };
}

/** An import's column: its key and the header texts it is recognised by (Chinese, English, or both run together). */
export interface ImportColumn {
  key: string;
  zh: string;
  en: string;
}

const normaliseHeader = (text: string) => text.replace(/\s+/g, '').toLowerCase();
const fileError = (code: string, message: string) => new AppError('VALIDATION_FAILED', message, { issues: [{ path: 'file', code, message }] });

/**
 * An uploaded import workbook as records keyed by column (blank cells left out), with the row numbers Excel shows.
 * Refuses, naming the file, anything that is not a readable .xlsx or is too long, and, listing them as row-1 errors,
 * a header row that lacks a required column: the imports of every module answer alike.
 */
export async function readImportRows(data: Buffer, spec: { columns: readonly ImportColumn[]; required: readonly string[]; maxRows: number }) {
  if (data.subarray(0, 4).toString('binary') !== 'PK\x03\x04') throw fileError('NOT_XLSX', 'upload an .xlsx file (Excel 2007 or later)');
  let sheet;
  try {
    sheet = await readFirstSheet(data, spec.maxRows);
  } catch (error) {
    if (error instanceof TooManyRowsError) throw fileError('IMPORT_TOO_LARGE', error.message);
    if (error instanceof UnreadableWorkbookError) throw fileError('NOT_XLSX', error.message);
    throw error;
  }
  const byHeader = new Map<string, string>();
  for (const c of spec.columns) for (const label of [c.zh, c.en, c.key, `${c.zh}${c.en}`]) byHeader.set(normaliseHeader(label), c.key);
  const keys = sheet.header.map((h) => byHeader.get(normaliseHeader(h)));
  const missing = spec.required.filter((k) => !keys.includes(k));
  if (missing.length) {
    const rows: ImportRowError[] = missing.map((k) => ({ row: 1, field: k, code: 'MISSING_COLUMN', message: `the header row lacks the column ${spec.columns.find((c) => c.key === k)?.zh}` }));
    throw new AppError('IMPORT_INVALID', 'the header row lacks required columns; nothing was imported', { rows });
  }
  return sheet.rows.map(({ rowNumber, cells }) => {
    const record: Record<string, string> = {};
    keys.forEach((key, i) => {
      const value = cells[i] ?? '';
      if (key && value !== '') record[key] = value;
    });
    return { rowNumber, record };
  });
}
