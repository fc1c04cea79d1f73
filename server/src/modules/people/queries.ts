import { and, asc, eq, exists, ilike, isNull, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import { maskResidentId, type Employee, type Employment, type Person } from '@fulcrum/shared';
import { z } from 'zod';
import type { listEmployeesQuery, listPeopleQuery } from '@fulcrum/shared';
import type { Db } from '../../db/client.ts';
import { employments, organisations, people } from '../../db/schema/index.ts';
import { reachOf } from '../../lib/authorize.ts';
import type { Actor } from '../../lib/context.ts';
import { countAll, orderBy, paginate } from '../../lib/list.ts';
import { likePattern, organisationReach } from '../organisations/queries.ts';

type PersonRow = typeof people.$inferSelect;
type EmploymentRow = typeof employments.$inferSelect;

export function toPersonSummary(row: PersonRow): Omit<Person, 'employments'> {
  return {
    id: row.id,
    name: row.name,
    residentIdMasked: maskResidentId(row.residentId),
    // GB 11643: the 17th digit is odd for men, even for women.
    gender: Number(row.residentId[16]) % 2 === 1 ? 'male' : 'female',
    phone: row.phone,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toEmployment(row: EmploymentRow, organisationName: string): Employment {
  return {
    id: row.id,
    personId: row.personId,
    organisationId: row.organisationId,
    organisationName,
    position: row.position,
    startDate: row.startDate,
    endDate: row.endDate,
    contractStart: row.contractStart,
    contractEnd: row.contractEnd,
  };
}

/** People the actor reaches: employed, now or before, by an organisation within their reach. */
export function personReach(db: Db, actor: Actor): SQL | undefined {
  const reach = reachOf(actor);
  if (reach.kind === 'all') return undefined;
  return exists(
    db
      .select({ one: sql`1` })
      .from(employments)
      .innerJoin(organisations, eq(organisations.id, employments.organisationId))
      .where(and(eq(employments.personId, people.id), organisationReach(reach))),
  );
}

const nameOrder = sql`${people.name} collate "C"`;

export function listPeople(db: Db, actor: Actor, query: z.infer<typeof listPeopleQuery>) {
  const where = and(
    personReach(db, actor),
    query.q ? or(ilike(people.name, likePattern(query.q)), ilike(people.phone, likePattern(query.q))) : undefined,
    // Only employments at organisations the actor reaches count, or the filter would betray others' employment history.
    query.organisationId
      ? exists(
          db
            .select({ one: sql`1` })
            .from(employments)
            .innerJoin(organisations, eq(organisations.id, employments.organisationId))
            .where(and(eq(employments.personId, people.id), eq(employments.organisationId, query.organisationId), organisationReach(reachOf(actor)))),
        )
      : undefined,
  );
  return paginate(
    db.select().from(people).where(where).orderBy(...orderBy(query.sort, { name: nameOrder, createdAt: people.createdAt }, [nameOrder], people.id)).$dynamic(),
    db.select(countAll()).from(people).where(where),
    query,
    toPersonSummary,
  );
}

export async function findPerson(db: Db, actor: Actor, id: string): Promise<PersonRow | undefined> {
  const [row] = await db.select().from(people).where(and(eq(people.id, id), personReach(db, actor)));
  return row;
}

/** A person's employments at organisations the actor reaches (others' employment history stays private). */
export async function employmentsOf(db: Db, actor: Actor, personId: string): Promise<Employment[]> {
  const rows = await db
    .select({ employment: employments, organisationName: organisations.name })
    .from(employments)
    .innerJoin(organisations, eq(organisations.id, employments.organisationId))
    .where(and(eq(employments.personId, personId), organisationReach(reachOf(actor))))
    .orderBy(asc(employments.startDate), asc(employments.id));
  return rows.map((r) => toEmployment(r.employment, r.organisationName));
}

export function listEmployees(db: Db, organisation: { id: string; name: string }, query: z.infer<typeof listEmployeesQuery>) {
  const where = and(
    eq(employments.organisationId, organisation.id),
    query.active === true ? isNull(employments.endDate) : query.active === false ? isNotNull(employments.endDate) : undefined,
    query.q ? or(ilike(people.name, likePattern(query.q)), ilike(employments.position, likePattern(query.q))) : undefined,
  );
  return paginate(
    db
      .select({ employment: employments, person: people })
      .from(employments)
      .innerJoin(people, eq(people.id, employments.personId))
      .where(where)
      .orderBy(
        ...orderBy(
          query.sort,
          { name: nameOrder, startDate: employments.startDate, position: sql`${employments.position} collate "C"` },
          [nameOrder],
          employments.id,
        ),
      )
      .$dynamic(),
    db.select(countAll()).from(employments).innerJoin(people, eq(people.id, employments.personId)).where(where),
    query,
    (r): Employee => ({ ...toEmployment(r.employment, organisation.name), person: toPersonSummary(r.person) }),
  );
}
