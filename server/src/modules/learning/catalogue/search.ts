import { and, desc, eq, ilike, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { CatalogueSearchHit, LessonKind } from '@fulcrum/shared';
import type { Db } from '../../../db/client.ts';
import { courses, knowledgePoints, lessons } from '../../../db/schema/index.ts';
import { authorize } from '../../../lib/authorize.ts';
import type { Actor } from '../../../lib/context.ts';
import { cataloguePolicy, coursesVisibleTo, visibleTo } from './policy.ts';
import { queryWords, searchQuery } from './search-text.ts';

type Kind = CatalogueSearchHit['kind'];
type Source = { kind: Kind; title: AnyPgColumn; description: AnyPgColumn; vector: AnyPgColumn };

/** How well a row matches: full-text rank of the words, plus trigram similarity of the title for short or partial queries, plus a little for the whole query inside the title. */
function scoring(source: Source, text: string, words: string[]) {
  const query = words.length ? searchQuery(words) : sql`''::tsquery`;
  const like = `%${text.replace(/[\\%_]/g, '\\$&')}%`;
  const rank = sql<number>`(coalesce(ts_rank(${source.vector}, ${query}), 0) + similarity(${source.title}, ${text}) + (case when ${source.title} ilike ${like} then 0.5 else 0 end))::float8`;
  // Each condition can use an index (GIN on the vector, trigram GIN on title and description): `%` is pg_trgm's
  // similarity above its threshold (0.3), which `similarity(…) > 0.3` would compute row by row.
  const matches = or(sql`${source.vector} @@ ${query}`, sql`${source.title} % ${text}`, ilike(source.title, like), ilike(source.description, like))!;
  return { rank, matches };
}

const snippet = (text: string) => (text.length > 80 ? `${text.slice(0, 80)}…` : text);

async function searchCourses(db: Db, actor: Actor, text: string, words: string[], limit: number): Promise<CatalogueSearchHit[]> {
  const { rank, matches } = scoring({ kind: 'course', title: courses.title, description: courses.description, vector: courses.searchVector }, text, words);
  const rows = await db.select({ id: courses.id, title: courses.title, description: courses.description, rank }).from(courses).where(and(coursesVisibleTo(actor, courses), matches)).orderBy(desc(rank)).limit(limit);
  return rows.map((r) => ({ kind: 'course', id: r.id, title: r.title, snippet: snippet(r.description), courseId: r.id, lessonKind: null, rank: Number(r.rank) }));
}

async function searchLessons(db: Db, actor: Actor, text: string, words: string[], limit: number): Promise<CatalogueSearchHit[]> {
  const { rank, matches } = scoring({ kind: 'lesson', title: lessons.title, description: lessons.description, vector: lessons.searchVector }, text, words);
  const rows = await db
    .select({ id: lessons.id, title: lessons.title, description: lessons.description, courseId: lessons.courseId, courseTitle: courses.title, kind: lessons.kind, rank })
    .from(lessons)
    .innerJoin(courses, eq(courses.id, lessons.courseId))
    .where(and(coursesVisibleTo(actor, courses), matches))
    .orderBy(desc(rank))
    .limit(limit);
  return rows.map((r) => ({ kind: 'lesson', id: r.id, title: r.title, snippet: snippet(r.description || r.courseTitle), courseId: r.courseId, lessonKind: r.kind as LessonKind, rank: Number(r.rank) }));
}

async function searchPoints(db: Db, actor: Actor, text: string, words: string[], limit: number): Promise<CatalogueSearchHit[]> {
  const { rank, matches } = scoring({ kind: 'knowledge_point', title: knowledgePoints.name, description: knowledgePoints.description, vector: knowledgePoints.searchVector }, text, words);
  const rows = await db.select({ id: knowledgePoints.id, title: knowledgePoints.name, description: knowledgePoints.description, rank }).from(knowledgePoints).where(and(visibleTo(actor, knowledgePoints), matches)).orderBy(desc(rank)).limit(limit);
  return rows.map((r) => ({ kind: 'knowledge_point', id: r.id, title: r.title, snippet: snippet(r.description), courseId: null, lessonKind: null, rank: Number(r.rank) }));
}

const searchers: Record<Kind, typeof searchCourses> = { course: searchCourses, lesson: searchLessons, knowledge_point: searchPoints };

/** Courses, lessons and knowledge points the actor may see that match a Chinese (or any) query, best first. */
export async function searchCatalogue(db: Db, actor: Actor, query: { q: string; kind?: Kind | undefined; limit: number }): Promise<{ terms: string[]; items: CatalogueSearchHit[] }> {
  authorize(actor, cataloguePolicy, 'read');
  const words = queryWords(query.q);
  const kinds = query.kind ? [query.kind] : (Object.keys(searchers) as Kind[]);
  const found = (await Promise.all(kinds.map((k) => searchers[k](db, actor, query.q, words, query.limit)))).flat();
  const items = found.sort((a, b) => b.rank - a.rank || a.title.localeCompare(b.title, 'zh-CN')).slice(0, query.limit);
  return { terms: words, items };
}
