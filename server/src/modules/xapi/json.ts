/** Statements, agents and documents as parsed JSON, before and after validation. */
export type Json = Record<string, unknown>;

/** A JSON object (not null, not an array): what every part of a statement is checked against first. */
export const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A UUID in either case, as statement ids, registrations and query parameters may be written. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
