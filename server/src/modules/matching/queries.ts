import { and, desc, eq, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type {
  ListTrainingMatchesQuery,
  ListTrainingNeedsQuery,
  ProposalComponent,
  TrainingMatch,
  TrainingMatchStatus,
  TrainingMatchTransition,
  TrainingNeed,
  TrainingNeedStatus,
} from '@fulcrum/shared';
import type { Db } from '../../db/client.ts';
import { industrialParks, organisations, trainingCentres, trainingMatches, trainingNeeds } from '../../db/schema/index.ts';
import { can, reachOf } from '../../lib/authorize.ts';
import type { Actor } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { countAll, orderBy, paginate, type ListParams } from '../../lib/list.ts';
import { availableTransitions } from '../../lib/workflow.ts';
import { matchingPolicy } from './policy.ts';
import { matchWorkflow, sideOf } from './workflow.ts';

// ---------- Needs ----------

const needColumns = { need: trainingNeeds, organisationName: organisations.name, parkName: industrialParks.nameZh };
type NeedRow = { need: typeof trainingNeeds.$inferSelect; organisationName: string; parkName: string | null };

const selectNeeds = (db: Db) =>
  db
    .select(needColumns)
    .from(trainingNeeds)
    .innerJoin(organisations, eq(organisations.id, trainingNeeds.organisationId))
    .leftJoin(industrialParks, eq(industrialParks.id, trainingNeeds.industrialParkId));

/** The needs an actor reaches: its own enterprise's, its region's (departments) or all (system admins). */
function needReach(actor: Actor): SQL | undefined {
  const reach = reachOf(actor);
  if (reach.kind === 'region') return eq(trainingNeeds.regionId, reach.regionId);
  if (reach.kind === 'organisation') return eq(trainingNeeds.organisationId, reach.organisationId);
  return undefined;
}

export function toTrainingNeed(row: NeedRow, actor: Actor): TrainingNeed {
  const n = row.need;
  const status = n.status as TrainingNeedStatus;
  return {
    id: n.id,
    organisationId: n.organisationId,
    organisationName: row.organisationName,
    regionId: n.regionId,
    occupation: n.occupation,
    level: n.level,
    headcount: n.headcount,
    preferredStart: n.preferredStart,
    preferredEnd: n.preferredEnd,
    industrialParkId: n.industrialParkId,
    industrialParkName: row.parkName,
    location: n.location,
    note: n.note,
    status,
    canCancel: status === 'open' && n.organisationId === actor.organisationId && can(actor, matchingPolicy, 'cancelNeed'),
    createdAt: n.createdAt.toISOString(),
    updatedAt: n.updatedAt.toISOString(),
  };
}

/** One need the actor reaches (404 otherwise); locked for update when asked (inside a transaction). */
export async function findNeed(db: Db, actor: Actor, id: string, options: { lock?: boolean } = {}) {
  const query = selectNeeds(db).where(and(eq(trainingNeeds.id, id), needReach(actor)));
  const [row] = options.lock ? await query.for('update', { of: trainingNeeds }) : await query;
  if (!row) throw notFound('training need');
  return row;
}

export function listNeeds(db: Db, actor: Actor, query: ListTrainingNeedsQuery) {
  const where = and(
    needReach(actor),
    query.status ? eq(trainingNeeds.status, query.status) : undefined,
    query.occupation ? eq(trainingNeeds.occupation, query.occupation) : undefined,
  );
  return paginate(
    selectNeeds(db)
      .where(where)
      .orderBy(...orderBy(query.sort, { createdAt: trainingNeeds.createdAt, preferredStart: trainingNeeds.preferredStart }, [desc(trainingNeeds.createdAt)], trainingNeeds.id))
      .$dynamic(),
    db.select(countAll()).from(trainingNeeds).where(where),
    query,
    (row) => toTrainingNeed(row, actor),
  );
}

// ---------- Matches ----------

const requester = alias(organisations, 'requester');
const centreOrganisation = alias(organisations, 'centre_organisation');

const matchColumns = {
  match: trainingMatches,
  need: trainingNeeds,
  organisationName: requester.name,
  centreOrganisationName: centreOrganisation.name,
  certificateNo: trainingCentres.certificateNo,
};
export type MatchRow = {
  match: typeof trainingMatches.$inferSelect;
  need: typeof trainingNeeds.$inferSelect;
  organisationName: string;
  centreOrganisationName: string;
  certificateNo: string;
};

const selectMatches = (db: Db) =>
  db
    .select(matchColumns)
    .from(trainingMatches)
    .innerJoin(trainingNeeds, eq(trainingNeeds.id, trainingMatches.needId))
    .innerJoin(trainingCentres, eq(trainingCentres.id, trainingMatches.centreId))
    .innerJoin(requester, eq(requester.id, trainingMatches.organisationId))
    .innerJoin(centreOrganisation, eq(centreOrganisation.id, trainingMatches.centreOrganisationId));

/**
 * The matches an actor reaches: an enterprise's as requester and as centre (side narrows to one), the region's for
 * departments (the region of the need), all for system admins.
 */
function matchReach(actor: Actor, side?: 'requester' | 'centre'): SQL | undefined {
  const reach = reachOf(actor);
  if (reach.kind === 'region') return eq(trainingMatches.regionId, reach.regionId);
  if (reach.kind === 'organisation') {
    if (side === 'requester') return eq(trainingMatches.organisationId, reach.organisationId);
    if (side === 'centre') return eq(trainingMatches.centreOrganisationId, reach.organisationId);
    return or(eq(trainingMatches.organisationId, reach.organisationId), eq(trainingMatches.centreOrganisationId, reach.organisationId));
  }
  return undefined;
}

/** The steps the actor may take on a match now: the workflow's, for the side the actor's enterprise is on. */
function matchTransitionsFor(actor: Actor, match: typeof trainingMatches.$inferSelect): TrainingMatchTransition[] {
  const offered = availableTransitions(matchWorkflow, actor, match.status as TrainingMatchStatus);
  return offered.filter((t): t is TrainingMatchTransition => {
    if (t === 'withdraw') return false;
    const side = sideOf[t];
    return actor.organisationId === (side === 'centre' ? match.centreOrganisationId : match.organisationId);
  });
}

export function toTrainingMatch(row: MatchRow, actor: Actor): TrainingMatch {
  const m = row.match;
  const snapshot = m.score as { score: number; components: ProposalComponent[] };
  return {
    id: m.id,
    needId: m.needId,
    centreId: m.centreId,
    organisationId: m.organisationId,
    organisationName: row.organisationName,
    centreOrganisationId: m.centreOrganisationId,
    centreOrganisationName: row.centreOrganisationName,
    certificateNo: row.certificateNo,
    regionId: m.regionId,
    status: m.status as TrainingMatchStatus,
    score: snapshot.score,
    components: snapshot.components,
    message: m.message,
    responseNote: m.responseNote,
    requestedAt: m.requestedAt.toISOString(),
    respondedAt: m.respondedAt?.toISOString() ?? null,
    completedAt: m.completedAt?.toISOString() ?? null,
    need: {
      occupation: row.need.occupation,
      level: row.need.level,
      headcount: row.need.headcount,
      preferredStart: row.need.preferredStart,
      preferredEnd: row.need.preferredEnd,
      location: row.need.location,
      status: row.need.status as TrainingNeedStatus,
    },
    availableTransitions: matchTransitionsFor(actor, m),
  };
}

/** One match the actor reaches (404 otherwise); locked for update when asked (inside a transaction). */
export async function findMatch(db: Db, actor: Actor, id: string, options: { lock?: boolean } = {}) {
  const query = selectMatches(db).where(and(eq(trainingMatches.id, id), matchReach(actor)));
  const [row] = options.lock ? await query.for('update', { of: trainingMatches }) : await query;
  if (!row) throw notFound('training match');
  return row;
}

/** A need's matches, newest first (for its detail page). */
export async function matchesOfNeed(db: Db, actor: Actor, needId: string) {
  const rows = await selectMatches(db).where(eq(trainingMatches.needId, needId)).orderBy(desc(trainingMatches.requestedAt), trainingMatches.id);
  return rows.map((row) => toTrainingMatch(row, actor));
}

export function listMatches(db: Db, actor: Actor, query: ListTrainingMatchesQuery & ListParams) {
  const where = and(
    matchReach(actor, query.side),
    query.status ? eq(trainingMatches.status, query.status) : undefined,
    query.needId ? eq(trainingMatches.needId, query.needId) : undefined,
    query.centreId ? eq(trainingMatches.centreId, query.centreId) : undefined,
  );
  return paginate(
    selectMatches(db)
      .where(where)
      .orderBy(...orderBy(query.sort, { requestedAt: trainingMatches.requestedAt }, [desc(trainingMatches.requestedAt)], trainingMatches.id))
      .$dynamic(),
    db.select(countAll()).from(trainingMatches).where(where),
    query,
    (row) => toTrainingMatch(row, actor),
  );
}
