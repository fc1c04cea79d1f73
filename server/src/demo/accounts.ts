import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { DemoAccount, Role } from '@fulcrum/shared';
import type { Db } from '../db/client.ts';
import { memberships, organisations, users } from '../db/schema/index.ts';
import { getSetting } from '../modules/system/settings.ts';

export { DEMO_PASSWORD } from '@fulcrum/shared';
export const DEMO_SETTING = 'demo';

export interface DemoAccountSpec {
  username: string;
  role: Role;
  /** Key of the demo organisation the account acts in (see steps/organisations.ts). */
  organisation: string;
  /** Further memberships, so the membership switcher has something to show. */
  also?: { role: Role; organisation: string }[];
}

/** The demo sign-ins, one per role (all with DEMO_PASSWORD); the first membership is where each lands. */
export const demoAccounts: readonly DemoAccountSpec[] = [
  { username: 'admin', role: 'system_admin', organisation: 'platform' },
  { username: 'hrss-officer', role: 'department_officer', organisation: 'hrss' },
  { username: 'hrss-reviewer', role: 'department_reviewer', organisation: 'hrss' },
  { username: 'finance-officer', role: 'department_officer', organisation: 'finance' },
  { username: 'fic-officer', role: 'department_officer', organisation: 'fic' },
  { username: 'emb-officer', role: 'department_officer', organisation: 'emb' },
  { username: 'ent-admin', role: 'enterprise_admin', organisation: 'showcase', also: [{ role: 'mediator', organisation: 'chamber:auto' }] },
  { username: 'ent-trainer', role: 'training_manager', organisation: 'showcase' },
  { username: 'ent-instructor', role: 'instructor', organisation: 'showcase' },
  { username: 'ent-employee', role: 'employee', organisation: 'showcase' },
  { username: 'chamber-admin', role: 'chamber_admin', organisation: 'chamber:auto' },
  { username: 'mediator', role: 'mediator', organisation: 'chamber:auto' },
  { username: 'uni-admin', role: 'university_admin', organisation: 'university' },
  { username: 'student', role: 'student', organisation: 'university' },
  { username: 'expert', role: 'expert', organisation: 'experts' },
];

export interface DemoMarker {
  seed: number;
  loadedAt: string;
  counts: Record<string, number>;
}

export const readDemoMarker = (db: Db) => getSetting<DemoMarker>(db, DEMO_SETTING);

/**
 * The demo sign-ins as they stand in the database (renamed organisations show their new name; disabled
 * accounts and revoked memberships drop out), in the order of demoAccounts.
 */
export async function listDemoAccounts(db: Db): Promise<DemoAccount[]> {
  const rows = await db
    .select({ username: users.username, role: memberships.role, organisationName: organisations.name })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), isNull(memberships.revokedAt)))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(inArray(users.username, demoAccounts.map((a) => a.username)), eq(users.disabled, false)));
  return demoAccounts.flatMap((spec) => {
    const row = rows.find((r) => r.username === spec.username && r.role === spec.role);
    return row ? [{ username: spec.username, role: spec.role, organisationName: row.organisationName }] : [];
  });
}
