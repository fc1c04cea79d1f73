import { z } from 'zod';
import { departmentKinds, organisationTypes, roles, locales } from './roles.ts';
import { passwordField } from '../common/fields.ts';

export const membership = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  organisationType: z.enum(organisationTypes),
  /** Which department (hrss, finance …) for a government department: pages offer its own powers. */
  departmentKind: z.enum(departmentKinds).nullable(),
  regionId: z.string(),
  role: z.enum(roles),
});
export type Membership = z.infer<typeof membership>;

export const sessionResponse = z.object({
  user: z.object({ id: z.uuid(), username: z.string(), displayName: z.string(), locale: z.enum(locales) }),
  activeMembership: membership,
  memberships: z.array(membership),
  idleExpiresAt: z.iso.datetime({ offset: true }),
  absoluteExpiresAt: z.iso.datetime({ offset: true }),
});
export type SessionResponse = z.infer<typeof sessionResponse>;

export const loginRequest = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof loginRequest>;

export const switchMembershipRequest = z.strictObject({ membershipId: z.uuid() });

export const changePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: passwordField,
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequest>;

export const preferencesRequest = z.strictObject({ locale: z.enum(locales) });
