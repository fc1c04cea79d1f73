import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { systemSettings } from '../../db/schema/index.ts';

/** An installation-wide setting, or undefined when it is not set. */
export async function getSetting<T>(db: Db, key: string): Promise<T | undefined> {
  const [row] = await db.select({ value: systemSettings.value }).from(systemSettings).where(eq(systemSettings.key, key));
  return row?.value as T | undefined;
}

/** Sets (or replaces) an installation-wide setting. */
export async function putSetting(db: Db, key: string, value: unknown, now: Date): Promise<void> {
  await db
    .insert(systemSettings)
    .values({ key, value, updatedAt: now })
    .onConflictDoUpdate({ target: systemSettings.key, set: { value: sql`excluded.value`, updatedAt: now } });
}
