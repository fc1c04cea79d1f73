import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { sql, type SQL } from 'drizzle-orm';

/*
 * Chinese full-text search without a Chinese parser in PostgreSQL: jieba (cut for search, which adds the short
 * words inside long ones: 数控机床 → 数控 · 机床 · 数控机床) segments the text here, and the words joined by spaces
 * go through the 'simple' configuration, which only lower-cases. Queries are segmented the same way, so the same
 * words meet on both sides; it runs the same on PGlite and PostgreSQL.
 */

let jieba: Jieba | undefined;
const segmenter = () => (jieba ??= Jieba.withDict(dict));

/** Words that carry no meaning for search: punctuation, spaces and a few function words. */
const STOP = new Set(['的', '与', '和', '及', '或', '在', '了', '是', '对', '中', '为']);
const WORD = /[\p{L}\p{N}]/u;

/** The distinct search words of a text, in order (lower-case, no punctuation or stop words). */
export function searchTerms(text: string): string[] {
  const words = segmenter().cutForSearch(text, true).map((w) => w.trim().toLowerCase());
  return [...new Set(words.filter((w) => w && WORD.test(w) && !STOP.has(w)))];
}

/** The segmented text a `search_vector` column is built from: the words of every part, joined by spaces. */
export function segmentedText(...parts: (string | null | undefined)[]): string {
  return parts.flatMap((part) => (part ? searchTerms(part) : [])).join(' ');
}

/** The SQL value of a `search_vector` column for the given texts (set on every write of the row). */
export function searchVector(...parts: (string | null | undefined)[]): SQL {
  return sql`to_tsvector('simple', ${segmentedText(...parts)})`;
}

const quote = (word: string) => `'${word.replace(/\\/g, '').replace(/'/g, "''")}'`;

/** The query's words as jieba cuts them plainly (the coarse words: 液压系统维护 → 液压 · 系统维护). */
export function queryWords(text: string): string[] {
  const words = segmenter().cut(text, true).map((w) => w.trim().toLowerCase());
  return [...new Set(words.filter((w) => w && WORD.test(w) && !STOP.has(w)))];
}

/**
 * A tsquery matching rows that have every word of the query, where a long word also matches as its short words
 * together (系统维护 | 系统 & 维护), since a text may have been cut differently around it. Words are quoted, so no
 * operator reaches the parser.
 */
export function searchQuery(words: readonly string[]): SQL {
  const groups = words.map((word) => {
    const parts = segmenter().cutForSearch(word, true).filter((p) => p !== word && WORD.test(p));
    return parts.length ? `(${quote(word)} | (${parts.map(quote).join(' & ')}))` : quote(word);
  });
  return sql`to_tsquery('simple', ${groups.join(' & ')})`;
}
