import type { DepartmentKind, Locale, OrganisationType, Role } from '@fulcrum/shared';
import type { Db } from '../db/client.ts';
import type { Clock } from './clock.ts';

/** Who is acting: a user through one of their memberships (the one their session has switched to). */
export interface Actor {
  userId: string;
  displayName: string;
  membershipId: string;
  role: Role;
  organisationId: string;
  organisationType: OrganisationType;
  /** Which department the organisation is (hrss, fic …); null for non-government organisations. */
  departmentKind: DepartmentKind | null;
  regionId: string;
  locale: Locale;
}

/** What every domain function gets besides its input: the database (or a transaction), the actor, the clock. */
export interface Ctx {
  db: Db;
  actor: Actor;
  clock: Clock;
  requestId: string | null;
  ip: string | null;
}

/** Runs fn in one transaction; audit entries written inside it commit or roll back with the change. */
export function inTransaction<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  return ctx.db.transaction((tx) => fn({ ...ctx, db: tx as unknown as Db }));
}
