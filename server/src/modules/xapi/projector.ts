import type { Db } from '../../db/client.ts';

/** Brings the derived learning tables up to date with newly stored statements (in the background, once at a time). */
export function scheduleProjection(_db: Db, _publicUrl: string): void {}
