import { eq } from 'drizzle-orm';
import { personAccount } from '@fulcrum/shared';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/index.ts';
import type { Actor } from '../../lib/context.ts';
import type { LrsPrincipal, XapiAgent } from './types.ts';

/** The agent a Fulcrum person is in statements: their name and their account at this server. */
export function personAgent(publicUrl: string, person: { id: string; name: string }): XapiAgent {
  return { objectType: 'Agent', name: person.name, account: personAccount(publicUrl, person.id) };
}

/**
 * A signed-in user as a learner of the store: they write and read statements about themselves only, in the
 * organisation of their current membership. A user who is not a person in the registry (an officer's account) is none.
 */
export async function learnerPrincipal(db: Db, actor: Actor, publicUrl: string): Promise<LrsPrincipal | null> {
  const [user] = await db.select({ personId: users.personId }).from(users).where(eq(users.id, actor.userId));
  if (!user?.personId) return null;
  const agent = personAgent(publicUrl, { id: user.personId, name: actor.displayName });
  return {
    organisationId: actor.organisationId,
    canRead: true,
    canWrite: true,
    clientId: null,
    authority: agent,
    learner: { personId: user.personId, userId: actor.userId, agent },
  };
}
