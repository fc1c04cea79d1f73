import type { FastifyInstance } from 'fastify';
import {
  createOrganisationRequest,
  departmentKindLabels,
  enterpriseSizeLabels,
  industryDivisions,
  listOrganisationsQuery,
  organisation,
  organisationPage,
  organisationStats as organisationStatsResponse,
  organisationStatsQuery,
  organisationTypeLabels,
  updateOrganisationRequest,
  uuidParam,
  type Organisation,
} from '@fulcrum/shared';
import { authorize } from '../../lib/authorize.ts';
import { notFound } from '../../lib/errors.ts';
import { actorOf, ctxOf, sendList, typed, type ModuleDeps } from '../../lib/http.ts';
import type { Column } from '../../lib/xlsx.ts';
import { organisationPolicy } from './policy.ts';
import { findOrganisation, listOrganisations, organisationStats, toOrganisation } from './queries.ts';
import { createOrganisation, updateOrganisation } from './service.ts';

const tags = ['organisations'];
const divisionNames = new Map(industryDivisions.map((d) => [d.code, d]));

function exportColumns(locale: 'zh-CN' | 'en-US'): Column<Organisation>[] {
  return [
    { zh: '名称', en: 'Name', width: 36, value: (o) => o.name },
    { zh: '类型', en: 'Type', value: (o) => organisationTypeLabels[o.type][locale] },
    { zh: '部门', en: 'Department', value: (o) => (o.departmentKind ? departmentKindLabels[o.departmentKind][locale] : '') },
    { zh: '区域', en: 'Region', value: (o) => o.regionId },
    { zh: '统一社会信用代码', en: 'USCC', width: 22, value: (o) => o.uscc },
    { zh: '行业', en: 'Industry', width: 30, value: (o) => { const d = o.industryDivision ? divisionNames.get(o.industryDivision) : undefined; return d ? `${d.code} ${locale === 'zh-CN' ? d.nameZh : d.nameEn}` : ''; } },
    { zh: '规模', en: 'Size', value: (o) => (o.size ? enterpriseSizeLabels[o.size][locale] : '') },
    { zh: '国有', en: 'State-owned', value: (o) => (o.stateOwned ? (locale === 'zh-CN' ? '是' : 'Yes') : (locale === 'zh-CN' ? '否' : 'No')) },
    { zh: '职工人数', en: 'Employees', value: (o) => o.employeeCount },
    { zh: '登记时间', en: 'Registered', width: 22, value: (o) => o.createdAt },
  ];
}

export const organisationRoutes = (deps: ModuleDeps) => async (instance: FastifyInstance) => {
  const app = typed(instance);
  const { db } = deps.database;

  app.get(
    '/organisations',
    { schema: { tags, summary: 'Organisations within your reach; format=xlsx exports them', querystring: listOrganisationsQuery, response: { 200: organisationPage } } },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(actor, organisationPolicy, 'list');
      const page = await listOrganisations(db, actor, request.query);
      return sendList(reply, request.query.format, page, { name: 'organisations', filename: '组织机构', columns: exportColumns(actor.locale), locale: actor.locale });
    },
  );

  app.get(
    '/organisations/stats',
    { schema: { tags, summary: 'Counts of the organisations within your reach by one dimension', querystring: organisationStatsQuery, response: { 200: organisationStatsResponse } } },
    (request) => {
      const actor = actorOf(request);
      authorize(actor, organisationPolicy, 'list');
      return organisationStats(db, actor, request.query);
    },
  );

  app.post(
    '/organisations',
    { schema: { tags, summary: 'Register an organisation', body: createOrganisationRequest, response: { 201: organisation } } },
    async (request, reply) => {
      const created = await createOrganisation(ctxOf(request, deps), request.body);
      return reply.status(201).send(created);
    },
  );

  app.get('/organisations/:id', { schema: { tags, summary: 'One organisation', params: uuidParam, response: { 200: organisation } } }, async (request) => {
    const actor = actorOf(request);
    authorize(actor, organisationPolicy, 'read');
    const row = await findOrganisation(db, actor, request.params.id);
    if (!row) throw notFound('organisation');
    return toOrganisation(row);
  });

  app.patch(
    '/organisations/:id',
    { schema: { tags, summary: 'Update an organisation', params: uuidParam, body: updateOrganisationRequest, response: { 200: organisation } } },
    (request) => updateOrganisation(ctxOf(request, deps), request.params.id, request.body),
  );
};
