import { z } from 'zod';

export const MAX_PAGE_SIZE = 100;
/** Exports of a list are capped so one request cannot hold the server for long. */
export const MAX_EXPORT_ROWS = 50_000;

/** Query fields shared by every list endpoint: page numbers, sort key (`-` for descending), xlsx export. */
export function listQuery<const S extends readonly [string, ...string[]]>(sortKeys: S) {
  const sortValues = [...sortKeys, ...sortKeys.map((k) => `-${k}`)] as [string, ...string[]];
  return z.strictObject({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
    sort: z.enum(sortValues).optional(),
    format: z.enum(['json', 'xlsx']).default('json'),
  });
}

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  });
}

/** Query-string booleans arrive as text. */
export const queryBoolean = z.enum(['true', 'false']).transform((v) => v === 'true');

export const uuidParam = z.strictObject({ id: z.uuid() });
/** A calendar date YYYY-MM-DD within the years a registry record can plausibly carry. */
export const isoDate = z.iso
  .date()
  .refine((d) => d >= '1900-01-01' && d <= '2100-12-31', { message: 'a date between 1900 and 2100', params: { code: 'DATE_OUT_OF_RANGE' } });
