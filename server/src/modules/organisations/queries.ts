import { and, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { industryDivisions, type ListOrganisationsQuery, type Organisation, type OrganisationStats, type OrganisationStatsQuery } from '@fulcrum/shared';
import type { Db } from '../../db/client.ts';
import { organisations } from '../../db/schema/index.ts';
import { reachOf, type Reach } from '../../lib/authorize.ts';
import type { Actor } from '../../lib/context.ts';
import { countAll, orderBy, paginate } from '../../lib/list.ts';

type Row = typeof organisations.$inferSelect;

export function toOrganisation(row: Row): Organisation {
  return {
    id: row.id,
    type: row.type as Organisation['type'],
    regionId: row.regionId,
    name: row.name,
    departmentKind: row.departmentKind as Organisation['departmentKind'],
    uscc: row.uscc,
    industryDivision: row.industryDivision,
    industrialParkId: row.industrialParkId,
    size: row.size as Organisation['size'],
    stateOwned: row.stateOwned,
    employeeCount: row.employeeCount,
    contacts: row.contacts,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The WHERE clause limiting organisations to an actor's reach. */
export function organisationReach(reach: Reach): SQL | undefined {
  if (reach.kind === 'region') return eq(organisations.regionId, reach.regionId);
  if (reach.kind === 'organisation') return eq(organisations.id, reach.organisationId);
  return undefined;
}

/** Escapes LIKE wildcards in user text. */
export const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function listOrganisations(db: Db, actor: Actor, query: ListOrganisationsQuery) {
  const sectionDivisions = query.industrySection
    ? industryDivisions.filter((d) => d.section === query.industrySection).map((d) => d.code)
    : undefined;
  const where = and(
    organisationReach(reachOf(actor)),
    query.q ? or(ilike(organisations.name, likePattern(query.q)), ilike(organisations.uscc, likePattern(query.q.toUpperCase()))) : undefined,
    query.type ? eq(organisations.type, query.type) : undefined,
    query.regionId ? eq(organisations.regionId, query.regionId) : undefined,
    sectionDivisions ? inArray(organisations.industryDivision, sectionDivisions) : undefined,
    query.industryDivision ? eq(organisations.industryDivision, query.industryDivision) : undefined,
    query.industrialParkId ? eq(organisations.industrialParkId, query.industrialParkId) : undefined,
    query.stateOwned !== undefined ? eq(organisations.stateOwned, query.stateOwned) : undefined,
    query.size ? eq(organisations.size, query.size) : undefined,
  );
  const nameOrder = sql`${organisations.name} collate "C"`;
  return paginate(
    db
      .select()
      .from(organisations)
      .where(where)
      .orderBy(
        ...orderBy(query.sort, { name: nameOrder, createdAt: organisations.createdAt, employeeCount: organisations.employeeCount }, [nameOrder], organisations.id),
      )
      .$dynamic(),
    db.select(countAll()).from(organisations).where(where),
    query,
    toOrganisation,
  );
}

/** One organisation if the actor reaches it; undefined otherwise (the caller answers 404). */
export async function findOrganisation(db: Db, actor: Actor, id: string): Promise<Row | undefined> {
  const [row] = await db
    .select()
    .from(organisations)
    .where(and(eq(organisations.id, id), organisationReach(reachOf(actor))));
  return row;
}

const sectionOf = new Map(industryDivisions.map((d) => [d.code, d.section]));

/** Counts the organisations within the actor's reach by one dimension, computed from the records on every call. */
export async function organisationStats(db: Db, actor: Actor, query: OrganisationStatsQuery): Promise<OrganisationStats> {
  const column = {
    industrySection: organisations.industryDivision,
    industryDivision: organisations.industryDivision,
    industrialPark: organisations.industrialParkId,
    size: organisations.size,
    region: organisations.regionId,
    type: organisations.type,
    stateOwned: sql<string>`${organisations.stateOwned}::text`,
  }[query.groupBy];
  const rows = await db
    .select({ key: column, count: count() })
    .from(organisations)
    .where(
      and(
        organisationReach(reachOf(actor)),
        query.type ? eq(organisations.type, query.type) : undefined,
        query.regionId ? eq(organisations.regionId, query.regionId) : undefined,
      ),
    )
    .groupBy(column);
  const counts = new Map<string | null, number>();
  for (const row of rows) {
    const raw = row.key === null ? null : String(row.key);
    const key = query.groupBy === 'industrySection' && raw ? (sectionOf.get(raw) ?? null) : raw;
    counts.set(key, (counts.get(key) ?? 0) + Number(row.count));
  }
  const groups = [...counts].map(([key, n]) => ({ key, count: n })).sort((a, b) => b.count - a.count || String(a.key).localeCompare(String(b.key)));
  return { groupBy: query.groupBy, total: groups.reduce((sum, g) => sum + g.count, 0), groups };
}
