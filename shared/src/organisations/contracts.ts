import { z } from 'zod';
import { departmentKinds, organisationTypes } from '../auth/roles.ts';
import { industryDivisions } from '../reference/industries.ts';
import { listQuery, pageOf, queryBoolean } from '../common/pagination.ts';
import { mobileField, usccField } from '../common/fields.ts';

export const enterpriseSizes = ['micro', 'small', 'medium', 'large'] as const;

const divisionCodes = new Set(industryDivisions.map((d) => d.code));
export const industryDivisionField = z
  .string()
  .refine((code) => divisionCodes.has(code), {
    message: 'not a GB/T 4754-2017 division code',
    params: { code: 'UNKNOWN_INDUSTRY' },
  });

export const contact = z.strictObject({
  name: z.string().trim().min(1).max(50),
  phone: mobileField,
  title: z.string().trim().max(50).optional(),
  email: z.email().optional(),
});

export const organisation = z.object({
  id: z.uuid(),
  type: z.enum(organisationTypes),
  regionId: z.string(),
  name: z.string(),
  departmentKind: z.enum(departmentKinds).nullable(),
  uscc: z.string().nullable(),
  industryDivision: z.string().nullable(),
  industrialParkId: z.uuid().nullable(),
  size: z.enum(enterpriseSizes).nullable(),
  stateOwned: z.boolean(),
  employeeCount: z.number().int().nullable(),
  contacts: z.array(contact),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type Organisation = z.infer<typeof organisation>;

const organisationFields = {
  name: z.string().trim().min(2).max(100),
  departmentKind: z.enum(departmentKinds).optional(),
  uscc: usccField.optional(),
  industryDivision: industryDivisionField.optional(),
  industrialParkId: z.uuid().optional(),
  size: z.enum(enterpriseSizes).optional(),
  stateOwned: z.boolean().default(false),
  employeeCount: z.number().int().min(0).max(10_000_000).optional(),
  contacts: z.array(contact).max(10).default([]),
};

export const createOrganisationRequest = z
  .strictObject({ type: z.enum(organisationTypes), regionId: z.string().min(1).max(32), ...organisationFields })
  .superRefine((org, ctx) => {
    const need = (field: keyof typeof org, why: string) => {
      if (org[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: why, params: { code: 'REQUIRED' } });
    };
    if (org.type === 'enterprise') {
      need('uscc', 'an enterprise needs its unified social credit code');
      need('industryDivision', 'an enterprise needs its industry');
      need('size', 'an enterprise needs its size');
    }
    if (org.type === 'government_department') need('departmentKind', 'a department needs its kind');
    if (org.type !== 'government_department' && org.departmentKind !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['departmentKind'], message: 'only for government departments', params: { code: 'NOT_ALLOWED' } });
    }
  });
export type CreateOrganisationRequest = z.input<typeof createOrganisationRequest>;

export const updateOrganisationRequest = z
  .strictObject({
    name: organisationFields.name,
    uscc: usccField,
    industryDivision: industryDivisionField,
    industrialParkId: z.uuid().nullable(),
    size: z.enum(enterpriseSizes),
    stateOwned: z.boolean(),
    employeeCount: z.number().int().min(0).max(10_000_000).nullable(),
    contacts: z.array(contact).max(10),
  })
  .partial();
export type UpdateOrganisationRequest = z.infer<typeof updateOrganisationRequest>;
/** Fields an organisation's own admin may change; the rest belong to the registering department. */
export const selfEditableOrganisationFields = ['industrialParkId', 'size', 'employeeCount', 'contacts'] as const;

export const organisationSortKeys = ['name', 'createdAt', 'employeeCount'] as const;
export const listOrganisationsQuery = listQuery(organisationSortKeys).extend({
  q: z.string().trim().max(100).optional(),
  type: z.enum(organisationTypes).optional(),
  regionId: z.string().max(32).optional(),
  industrySection: z.string().regex(/^[A-T]$/).optional(),
  industryDivision: z.string().regex(/^\d{2}$/).optional(),
  industrialParkId: z.uuid().optional(),
  stateOwned: queryBoolean.optional(),
  size: z.enum(enterpriseSizes).optional(),
});
export type ListOrganisationsQuery = z.infer<typeof listOrganisationsQuery>;
export const organisationPage = pageOf(organisation);

/** Dimensions the organisation figures can be counted by. */
export const organisationStatsDimensions = ['industrySection', 'industryDivision', 'industrialPark', 'size', 'region', 'type', 'stateOwned'] as const;
export const organisationStatsQuery = z.strictObject({
  groupBy: z.enum(organisationStatsDimensions),
  type: z.enum(organisationTypes).optional(),
  regionId: z.string().max(32).optional(),
});
export type OrganisationStatsQuery = z.infer<typeof organisationStatsQuery>;
/** Counts of the organisations within reach per value of one dimension (null: not recorded), largest first. */
export const organisationStats = z.object({
  groupBy: z.enum(organisationStatsDimensions),
  total: z.number().int(),
  groups: z.array(z.object({ key: z.string().nullable(), count: z.number().int() })),
});
export type OrganisationStats = z.infer<typeof organisationStats>;
