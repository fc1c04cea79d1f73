import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  addEmployeeRequest,
  employee,
  employeePage,
  employment,
  endEmploymentRequest,
  importQuery,
  importResult,
  listEmployeesQuery,
  listPeopleQuery,
  person,
  personPage,
  revealResidentIdResponse,
  updatePersonRequest,
  uuidParam,
  type Employee,
} from '@fulcrum/shared';
import { authorize } from '../../lib/authorize.ts';
import { AppError } from '../../lib/errors.ts';
import { actorOf, ctxOf, sendList, typed, type ModuleDeps } from '../../lib/http.ts';
import type { Column } from '../../lib/xlsx.ts';
import { personPolicy } from './policy.ts';
import { listEmployees, listPeople } from './queries.ts';
import {
  addEmployee,
  employerFor,
  endEmployment,
  getPerson,
  importEmployees,
  revealResidentId,
  updatePerson,
} from './service.ts';
import { employeeImportTemplate, parseEmployeeWorkbook } from './import-file.ts';

const tags = ['people'];
const genderLabels = { male: { 'zh-CN': '男', 'en-US': 'Male' }, female: { 'zh-CN': '女', 'en-US': 'Female' } } as const;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const employeeColumns: Column<Employee>[] = [
  { zh: '姓名', en: 'Name', value: (e) => e.person.name },
  { zh: '身份证号', en: 'Resident ID', width: 22, value: (e) => e.person.residentIdMasked },
  { zh: '手机号', en: 'Mobile', value: (e) => e.person.phone },
  { zh: '岗位', en: 'Position', value: (e) => e.position },
  { zh: '入职日期', en: 'Start date', value: (e) => e.startDate },
  { zh: '离职日期', en: 'End date', value: (e) => e.endDate },
  { zh: '劳动合同开始', en: 'Contract start', value: (e) => e.contractStart },
  { zh: '劳动合同结束', en: 'Contract end', value: (e) => e.contractEnd },
];
const personColumns = (locale: 'zh-CN' | 'en-US'): Column<z.infer<typeof personPage>['items'][number]>[] => [
  { zh: '姓名', en: 'Name', value: (p) => p.name },
  { zh: '身份证号', en: 'Resident ID', width: 22, value: (p) => p.residentIdMasked },
  { zh: '性别', en: 'Gender', value: (p) => genderLabels[p.gender][locale] },
  { zh: '手机号', en: 'Mobile', value: (p) => p.phone },
  { zh: '登记时间', en: 'Registered', width: 22, value: (p) => p.createdAt },
];

export const peopleRoutes = (deps: ModuleDeps) => async (instance: FastifyInstance) => {
  const app = typed(instance);
  const { db } = deps.database;

  app.get('/people', { schema: { tags, summary: 'People within your reach; format=xlsx exports them', querystring: listPeopleQuery, response: { 200: personPage } } }, async (request, reply) => {
    const actor = actorOf(request);
    authorize(actor, personPolicy, 'list');
    const page = await listPeople(db, actor, request.query);
    return sendList(reply, request.query.format, page, { name: 'people', filename: '人员', columns: personColumns(actor.locale), locale: actor.locale });
  });

  app.get('/people/:id', { schema: { tags, summary: 'One person, with the employments you may see', params: uuidParam, response: { 200: person } } }, (request) =>
    getPerson(ctxOf(request, deps), request.params.id),
  );

  app.patch(
    '/people/:id',
    { schema: { tags, summary: "Correct a person's name or phone", params: uuidParam, body: updatePersonRequest, response: { 200: person } } },
    (request) => updatePerson(ctxOf(request, deps), request.params.id, request.body),
  );

  app.post(
    '/people/:id/reveal-resident-id',
    { schema: { tags, summary: 'The full resident ID (audited)', params: uuidParam, response: { 200: revealResidentIdResponse } } },
    (request) => revealResidentId(ctxOf(request, deps), request.params.id),
  );

  app.get(
    '/organisations/:id/employees',
    { schema: { tags, summary: "An organisation's employees; format=xlsx exports them", params: uuidParam, querystring: listEmployeesQuery, response: { 200: employeePage } } },
    async (request, reply) => {
      const ctx = ctxOf(request, deps);
      authorize(ctx.actor, personPolicy, 'listEmployees');
      const org = await employerFor(ctx, request.params.id);
      const page = await listEmployees(db, org, request.query);
      return sendList(reply, request.query.format, page, { name: 'employees', filename: `${org.name}-员工`, columns: employeeColumns, locale: ctx.actor.locale });
    },
  );

  app.post(
    '/organisations/:id/employees',
    { schema: { tags, summary: 'Add an employee (registers the person if new)', params: uuidParam, body: addEmployeeRequest, response: { 201: employee } } },
    async (request, reply) => reply.status(201).send(await addEmployee(ctxOf(request, deps), request.params.id, request.body)),
  );

  app.post(
    '/employments/:id/end',
    { schema: { tags, summary: 'End an employment', params: uuidParam, body: endEmploymentRequest, response: { 200: employment } } },
    (request) => endEmployment(ctxOf(request, deps), request.params.id, request.body.endDate),
  );

  app.post(
    '/organisations/:id/employee-imports',
    {
      // Every check answers which resident IDs are registered: bounded per user, and each one is audited.
      config: { rateLimit: { max: 30, timeWindow: '1 hour', keyGenerator: (request) => request.actor?.userId ?? request.ip } },
      schema: {
        tags,
        summary: 'Import employees from an .xlsx file (multipart field "file"); dryRun=true only checks',
        description: 'Every row is checked first; on any error the response lists each bad row, field and reason, and nothing is written.',
        consumes: ['multipart/form-data'],
        params: uuidParam,
        querystring: importQuery,
        response: { 200: importResult },
      },
    },
    async (request) => {
      const ctx = ctxOf(request, deps);
      authorize(ctx.actor, personPolicy, 'importEmployees');
      await employerFor(ctx, request.params.id);
      if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'send the file as multipart/form-data');
      const data = await readUpload(request);
      const rows = await parseEmployeeWorkbook(data);
      return importEmployees(ctx, request.params.id, rows, request.query.dryRun);
    },
  );

  app.get('/employee-import-template', { schema: { tags, summary: 'The .xlsx template for employee imports, with column explanations' } }, async (request, reply) => {
    authorize(actorOf(request), personPolicy, 'importEmployees');
    return reply
      .type(XLSX_TYPE)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('员工导入模板')}.xlsx`)
      .send(await employeeImportTemplate());
  });
};

/** The uploaded file's bytes; a malformed multipart body is the caller's error (400), not ours. */
async function readUpload(request: import('fastify').FastifyRequest): Promise<Buffer> {
  let file;
  let data: Buffer;
  try {
    file = await request.file();
    data = file ? await file.toBuffer() : Buffer.alloc(0);
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('FST_')) throw error;
    throw new AppError('VALIDATION_FAILED', 'the upload is not well-formed multipart/form-data', {
      issues: [{ path: 'file', code: 'MALFORMED_UPLOAD', message: (error as Error).message }],
    });
  }
  if (!file) throw new AppError('VALIDATION_FAILED', 'no file was uploaded', { issues: [{ path: 'file', code: 'REQUIRED', message: 'upload an .xlsx file' }] });
  return data;
}
