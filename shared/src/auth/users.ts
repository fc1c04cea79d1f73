import { z } from 'zod';
import { listQuery, pageOf } from '../common/pagination.ts';
import { passwordField } from '../common/fields.ts';
import { locales, roles } from './roles.ts';
import { membership } from './contracts.ts';

export const user = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  personId: z.uuid().nullable(),
  locale: z.enum(locales),
  disabled: z.boolean(),
  lockedUntil: z.iso.datetime({ offset: true }).nullable(),
  memberships: z.array(membership),
  createdAt: z.iso.datetime({ offset: true }),
});
export type User = z.infer<typeof user>;

export const grantMembershipRequest = z.strictObject({ organisationId: z.uuid(), role: z.enum(roles) });

export const createUserRequest = z.strictObject({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, { message: '3–64 of a-z 0-9 . _ -' }),
  displayName: z.string().trim().min(1).max(50),
  password: passwordField,
  personId: z.uuid().optional(),
  memberships: z.array(grantMembershipRequest).min(1).max(20),
});
export type CreateUserRequest = z.infer<typeof createUserRequest>;

export const userSortKeys = ['username', 'createdAt'] as const;
export const listUsersQuery = listQuery(userSortKeys).extend({
  q: z.string().trim().max(64).optional(),
  organisationId: z.uuid().optional(),
});
export const userPage = pageOf(user);
