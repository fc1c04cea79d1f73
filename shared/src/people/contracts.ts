import { z } from 'zod';
import { isoDate, listQuery, pageOf, queryBoolean } from '../common/pagination.ts';
import { mobileField, personNameField, residentIdField } from '../common/fields.ts';

export const employment = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  position: z.string(),
  startDate: isoDate,
  endDate: isoDate.nullable(),
  contractStart: isoDate.nullable(),
  contractEnd: isoDate.nullable(),
});
export type Employment = z.infer<typeof employment>;

/** A person as every ordinary response shows them: the resident ID is always masked. */
export const person = z.object({
  id: z.uuid(),
  name: z.string(),
  residentIdMasked: z.string(),
  gender: z.enum(['male', 'female']),
  phone: z.string().nullable(),
  employments: z.array(employment),
  createdAt: z.iso.datetime({ offset: true }),
});
export type Person = z.infer<typeof person>;

export const personSummary = person.omit({ employments: true });

export const employee = employment.extend({ person: personSummary });
export type Employee = z.infer<typeof employee>;

const employmentTerms = {
  position: z.string().trim().min(1).max(50),
  startDate: isoDate,
  contractStart: isoDate.optional(),
  contractEnd: isoDate.optional(),
};

function checkTerms(
  v: { startDate: string; contractStart?: string | undefined; contractEnd?: string | undefined },
  ctx: z.RefinementCtx,
) {
  if (v.contractEnd && v.contractStart && v.contractEnd < v.contractStart) {
    ctx.addIssue({ code: 'custom', path: ['contractEnd'], message: 'contract ends before it starts', params: { code: 'DATE_ORDER' } });
  }
  if (v.contractEnd && !v.contractStart) {
    ctx.addIssue({ code: 'custom', path: ['contractStart'], message: 'needed with a contract end', params: { code: 'REQUIRED' } });
  }
}

/** Adds an employee: links the person by resident ID if they are known, else creates them. */
export const addEmployeeRequest = z
  .strictObject({ name: personNameField, residentId: residentIdField, phone: mobileField.optional(), ...employmentTerms })
  .superRefine(checkTerms);
export type AddEmployeeRequest = z.infer<typeof addEmployeeRequest>;

export const endEmploymentRequest = z.strictObject({ endDate: isoDate });

export const updatePersonRequest = z
  .strictObject({ name: personNameField, phone: mobileField.nullable() })
  .partial();

export const revealResidentIdResponse = z.object({ residentId: z.string() });

export const personSortKeys = ['name', 'createdAt'] as const;
export const listPeopleQuery = listQuery(personSortKeys).extend({
  q: z.string().trim().max(50).optional(),
  organisationId: z.uuid().optional(),
});
export const personPage = pageOf(personSummary);

export const employeeSortKeys = ['name', 'startDate', 'position'] as const;
export const listEmployeesQuery = listQuery(employeeSortKeys).extend({
  q: z.string().trim().max(50).optional(),
  active: queryBoolean.optional(),
});
export const employeePage = pageOf(employee);

/** The columns of the employee import template, in order; headers are bilingual. */
export const employeeImportColumns = [
  { key: 'name', zh: '姓名', en: 'Name', note: '必填 Required' },
  { key: 'residentId', zh: '身份证号', en: 'Resident ID', note: '必填，18位，末位校验 Required, 18 characters with check digit' },
  { key: 'phone', zh: '手机号', en: 'Mobile', note: '选填，11位 Optional, 11 digits' },
  { key: 'position', zh: '岗位', en: 'Position', note: '必填 Required' },
  { key: 'startDate', zh: '入职日期', en: 'Start date', note: '必填，YYYY-MM-DD Required' },
  { key: 'contractStart', zh: '劳动合同开始日期', en: 'Contract start', note: '选填，YYYY-MM-DD Optional' },
  { key: 'contractEnd', zh: '劳动合同结束日期', en: 'Contract end', note: '选填，YYYY-MM-DD；无固定期限留空 Optional; empty if open-ended' },
] as const;

export const importRowError = z.object({
  row: z.number().int(),
  field: z.string(),
  code: z.string(),
  message: z.string(),
  /** For DUPLICATE_IN_FILE: the earlier row with the same resident ID. */
  relatedRow: z.number().int().optional(),
});
export type ImportRowError = z.infer<typeof importRowError>;

export const importResult = z.object({
  dryRun: z.boolean(),
  rows: z.number().int(),
  createdPeople: z.number().int(),
  linkedPeople: z.number().int(),
  createdEmployments: z.number().int(),
});
export type ImportResult = z.infer<typeof importResult>;
export const importQuery = z.strictObject({ dryRun: queryBoolean.default(false) });
