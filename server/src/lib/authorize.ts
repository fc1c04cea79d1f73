import type { Role } from '@fulcrum/shared';
import { forbidden } from './errors.ts';
import type { Actor } from './context.ts';

/** A module's abilities, each with the roles that hold it. Which records they reach is the module's scope rule. */
export type Policy<A extends string> = Record<A, readonly Role[]>;

export const definePolicy = <A extends string>(policy: Policy<A>) => policy;

export function can<A extends string>(actor: Actor, policy: Policy<A>, ability: A): boolean {
  return policy[ability].includes(actor.role);
}

/** Throws 403 when the actor's role lacks the ability; records out of scope are 404s, decided by the queries. */
export function authorize<A extends string>(actor: Actor, policy: Policy<A>, ability: A): void {
  if (!can(actor, policy, ability)) throw forbidden();
}

/** How far an actor's view of organisations reaches: everything, their region, or their own organisation. */
export type Reach = { kind: 'all' } | { kind: 'region'; regionId: string } | { kind: 'organisation'; organisationId: string };

export function reachOf(actor: Actor): Reach {
  if (actor.role === 'system_admin') return { kind: 'all' };
  if (actor.role === 'department_officer' || actor.role === 'department_reviewer') {
    return { kind: 'region', regionId: actor.regionId };
  }
  return { kind: 'organisation', organisationId: actor.organisationId };
}

/** True when an organisation (by id and region) is within the actor's reach. */
export function reaches(actor: Actor, org: { id: string; regionId: string }): boolean {
  const reach = reachOf(actor);
  if (reach.kind === 'all') return true;
  if (reach.kind === 'region') return org.regionId === reach.regionId;
  return org.id === reach.organisationId;
}
