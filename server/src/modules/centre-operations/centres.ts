import { and, eq, inArray } from 'drizzle-orm';
import { effectiveCentreStatus, type CentreStatus } from '@fulcrum/shared';
import type { Db } from '../../db/client.ts';
import { organisations, trainingCentres, trainingCentreScopes, trainingMatches } from '../../db/schema/index.ts';
import { reaches } from '../../lib/authorize.ts';
import type { Actor } from '../../lib/context.ts';
import { AppError, invalid, notFound } from '../../lib/errors.ts';

export type CentreRow = typeof trainingCentres.$inferSelect;

/** A centre with its enterprise's name, if the actor reaches the enterprise (else 404, as for any record out of reach). */
export async function findCentre(db: Db, actor: Actor, id: string, options: { lock?: boolean } = {}) {
  const query = db
    .select({ centre: trainingCentres, organisationName: organisations.name })
    .from(trainingCentres)
    .innerJoin(organisations, eq(organisations.id, trainingCentres.organisationId))
    .where(eq(trainingCentres.id, id));
  const [row] = options.lock ? await query.for('update', { of: trainingCentres }) : await query;
  if (!row || !reaches(actor, { id: row.centre.organisationId, regionId: row.centre.regionId })) throw notFound('training centre');
  return row;
}

/**
 * 409 CENTRE_NOT_ACTIVE unless the centre has its rights (active or conditional, within validity) on every given
 * date — today first. Read on every request, so a suspension or revocation takes effect at once.
 */
export function assertCentreHasRights(centre: CentreRow, dates: readonly string[]) {
  for (const date of dates) {
    const effectiveStatus = effectiveCentreStatus({ status: centre.status as CentreStatus, validUntil: centre.validUntil }, date);
    if (effectiveStatus !== 'active' && effectiveStatus !== 'conditional') {
      throw new AppError('CENTRE_NOT_ACTIVE', `the training centre is ${effectiveStatus} and may not train or assess`, {
        effectiveStatus,
        statusReason: centre.statusReason,
        validUntil: centre.validUntil,
        date,
      });
    }
  }
}

/** The levels a centre is certified for in an occupation (empty: not at all). */
export async function certifiedLevels(db: Db, centreId: string, occupation: string): Promise<number[]> {
  const rows = await db
    .select({ level: trainingCentreScopes.level })
    .from(trainingCentreScopes)
    .where(and(eq(trainingCentreScopes.centreId, centreId), eq(trainingCentreScopes.occupation, occupation)));
  return rows.map((r) => r.level).sort((a, b) => b - a);
}

/**
 * 422 OUTSIDE_SCOPE naming the field at fault: the occupation when the centre is not certified for it at all, the
 * level when it is certified for the occupation at other levels only.
 */
export async function assertInScope(db: Db, centreId: string, occupation: string, level: number, prefix = 'body') {
  const levels = await certifiedLevels(db, centreId, occupation);
  if (!levels.length) {
    throw new AppError('OUTSIDE_SCOPE', `the centre is not certified for ${occupation}`, {
      issues: [{ path: `${prefix}.occupation`, code: 'OUTSIDE_SCOPE', message: 'the centre is not certified for this occupation' }],
      occupation,
      certifiedLevels: [],
    });
  }
  if (!levels.includes(level)) {
    throw new AppError('OUTSIDE_SCOPE', `the centre is certified for ${occupation} at levels ${levels.join(', ')} only`, {
      issues: [{ path: `${prefix}.level`, code: 'OUTSIDE_SCOPE', message: `certified for levels ${levels.join(', ')} of this occupation only` }],
      occupation,
      certifiedLevels: levels,
    });
  }
}

/** 400 at body.matchId unless the match is this centre's and was accepted (or completed). */
export async function assertMatchOfCentre(db: Db, centreId: string, matchId: string | undefined) {
  if (!matchId) return;
  const [match] = await db
    .select({ id: trainingMatches.id })
    .from(trainingMatches)
    .where(and(eq(trainingMatches.id, matchId), eq(trainingMatches.centreId, centreId), inArray(trainingMatches.status, ['accepted', 'completed'])));
  if (!match) throw invalid([{ path: 'body.matchId', code: 'UNKNOWN_MATCH', message: 'not an accepted or completed match of this centre' }]);
}

/** The year of an ISO date, and the first and last dates of a year. */
export const yearOf = (date: string) => Number(date.slice(0, 4));
export const yearBounds = (year: number) => ({ first: `${year}-01-01`, last: `${year}-12-31` });
