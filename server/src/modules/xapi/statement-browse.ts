import { and, asc, desc, eq, gt, lte } from 'drizzle-orm';
import type { z } from 'zod';
import {
  fulcrumVerbIri,
  fulcrumVerbNames,
  xapiVerbDisplay,
  xapiVerbs,
  type Locale,
  type statementBrowseQuery,
  type StoredStatementPage,
  type StoredStatementRow,
} from '@fulcrum/shared';
import type { Db } from '../../db/client.ts';
import { lrsClients, xapiStatements as S } from '../../db/schema/index.ts';
import { authorize } from '../../lib/authorize.ts';
import type { Actor } from '../../lib/context.ts';
import { countAll, paginate } from '../../lib/list.ts';
import { lrsPolicy } from './lrs-clients.ts';

/*
 * The console's statement browser: not the xAPI API (which answers statements in the specification's shape and
 * hides voided ones) but a reader's view of everything the organisation's store holds, voided statements included
 * and marked, with the names a person reads (learner, verb, object, the key that stored it) picked out of each one.
 */

type BrowseQuery = z.infer<typeof statementBrowseQuery>;
type LanguageMap = Record<string, unknown>;

/** The languages a reader is shown a language map in: their own first, then Chinese, then English. */
const languagesFor = (locale: Locale) => [...new Set([locale, 'zh-CN', 'zh', 'en-US', 'en'])];

/** One text of an xAPI language map: the first preferred language present (tags compared case-insensitively), else any. */
export function pickLanguage(map: unknown, languages: readonly string[]): string | null {
  if (!map || typeof map !== 'object' || Array.isArray(map)) return null;
  const entries = Object.entries(map as LanguageMap).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== '');
  for (const language of languages) {
    const found = entries.find(([tag]) => tag.toLowerCase() === language.toLowerCase());
    if (found) return found[1];
  }
  return entries[0]?.[1] ?? null;
}

/** The registry's display names by verb IRI, Fulcrum's own verbs under this server's address included. */
function verbRegistry(publicUrl: string): Map<string, { 'zh-CN': string; 'en-US': string }> {
  const registry = new Map<string, { 'zh-CN': string; 'en-US': string }>();
  for (const [name, iri] of Object.entries(xapiVerbs)) registry.set(iri, xapiVerbDisplay[name as keyof typeof xapiVerbs]);
  for (const name of fulcrumVerbNames) registry.set(fulcrumVerbIri(publicUrl, name), xapiVerbDisplay[name]);
  return registry;
}

const asRecord = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

/** What the statement's object is called and identified by, as far as its type has a name and an identifier. */
function objectOf(statement: Record<string, unknown>, objectAgentKey: string | null, languages: readonly string[]) {
  const object = asRecord(statement.object);
  const type = typeof object.objectType === 'string' ? object.objectType : 'Activity';
  if (type === 'Agent' || type === 'Group') return { id: objectAgentKey, name: typeof object.name === 'string' ? object.name : null };
  if (type === 'SubStatement') return { id: null, name: null };
  const id = typeof object.id === 'string' ? object.id : null;
  return { id, name: type === 'Activity' ? pickLanguage(asRecord(object.definition).name, languages) : null };
}

/** Turns stored rows into what the browser shows; the names come from each statement, the registry fills a verb without display. */
function rowMapper(locale: Locale, publicUrl: string) {
  const languages = languagesFor(locale);
  const registry = verbRegistry(publicUrl);
  return (row: { s: typeof S.$inferSelect; clientName: string | null }): StoredStatementRow => {
    const statement = asRecord(row.s.statement);
    const actor = asRecord(statement.actor);
    const verb = asRecord(statement.verb);
    const known = registry.get(row.s.verbId);
    const object = objectOf(statement, row.s.objectAgentKey, languages);
    return {
      id: row.s.id,
      stored: row.s.stored.toISOString(),
      timestamp: row.s.timestamp.toISOString(),
      actorName: typeof actor.name === 'string' ? actor.name : null,
      actorKey: row.s.actorKey,
      personId: row.s.personId,
      verbId: row.s.verbId,
      verbDisplay: pickLanguage(verb.display, languages) ?? (known ? known[locale] : null),
      objectId: object.id,
      objectName: object.name,
      voided: row.s.voided,
      clientName: row.clientName,
      statement,
    };
  };
}

/**
 * The organisation's statements newest first (by when the store received them), narrowed by verb, object activity,
 * learner and a stored-time window (after `since`, up to and including `until`, as the xAPI query reads them).
 */
export async function browseStatements(db: Db, actor: Actor, query: BrowseQuery, publicUrl: string): Promise<StoredStatementPage> {
  authorize(actor, lrsPolicy, 'browseStatements');
  const where = and(
    eq(S.organisationId, actor.organisationId),
    query.verb ? eq(S.verbId, query.verb) : undefined,
    query.activity ? eq(S.activityId, query.activity) : undefined,
    query.personId ? eq(S.personId, query.personId) : undefined,
    query.since ? gt(S.stored, new Date(query.since)) : undefined,
    query.until ? lte(S.stored, new Date(query.until)) : undefined,
  );
  const order = query.sort === 'stored' ? [asc(S.stored), asc(S.seq)] : [desc(S.stored), desc(S.seq)];
  return paginate(
    db
      .select({ s: S, clientName: lrsClients.name })
      .from(S)
      .leftJoin(lrsClients, eq(lrsClients.id, S.clientId))
      .where(where)
      .orderBy(...order)
      .$dynamic(),
    db.select(countAll()).from(S).where(where),
    query,
    rowMapper(actor.locale, publicUrl),
  );
}
