import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { and, eq, exists, or, sql } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import { learningMediaTypes, type LearningMedia } from '@fulcrum/shared';
import type { Db } from '../../../db/client.ts';
import { courses, learningMedia, lessons } from '../../../db/schema/index.ts';
import { recordAudit } from '../../../lib/audit.ts';
import { authorize } from '../../../lib/authorize.ts';
import { LocalDiskBlobStore, type BlobStore } from '../../../lib/blob-store.ts';
import { inTransaction, type Actor, type Ctx } from '../../../lib/context.ts';
import { AppError, invalid, notFound } from '../../../lib/errors.ts';
import { assertEditor, cataloguePolicy, coursesVisibleTo } from './policy.ts';

type Row = typeof learningMedia.$inferSelect;

export const toMedia = (row: Row): LearningMedia => ({
  id: row.id, contentType: row.contentType, sizeBytes: row.sizeBytes, fileName: row.fileName, durationSeconds: row.durationSeconds, createdAt: row.createdAt.toISOString(),
});

const isAccepted = (mime: string) => (learningMediaTypes as readonly string[]).includes(mime);

/** A file name safe to keep and to send back: no folders or control characters, at most 120 characters. */
// eslint-disable-next-line no-control-regex
const cleanName = (name: string) => Array.from(path.posix.basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '_').trim()).slice(0, 120).join('') || 'media';

/** Stores a lesson's media for the actor's organisation: the type comes from the bytes (MP4, WebM, PDF, images), the bytes go to the blob store by SHA-256. */
export async function uploadMedia(ctx: Ctx, blobs: BlobStore, file: { filename: string; data: Buffer; durationSeconds: number | null }): Promise<LearningMedia> {
  assertEditor(ctx.actor);
  if (!file.data.length) throw invalid([{ path: 'file', code: 'EMPTY_FILE', message: 'the file is empty' }]);
  const detected = await fileTypeFromBuffer(file.data);
  if (!detected || !isAccepted(detected.mime)) {
    throw new AppError('UNSUPPORTED_FILE_TYPE', 'only MP4 and WebM video, PDF and PNG, JPEG or WebP images are accepted', { detected: detected?.mime ?? null, accepted: learningMediaTypes });
  }
  const sha256 = createHash('sha256').update(file.data).digest('hex');
  await blobs.put(sha256, file.data);
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(learningMedia)
      .values({ organisationId: tx.actor.organisationId, sha256, contentType: detected.mime, sizeBytes: file.data.length, fileName: cleanName(file.filename), durationSeconds: file.durationSeconds, uploadedBy: tx.actor.userId, createdAt: tx.clock.now() })
      .returning();
    await recordAudit(tx, { entityType: 'learning_media', entityId: row!.id, action: 'upload', organisationId: row!.organisationId, after: { fileName: row!.fileName, contentType: row!.contentType, sizeBytes: row!.sizeBytes, sha256 } });
    return toMedia(row!);
  });
}

/**
 * Media the actor may load: their organisation's staff (not employees) reach all of it; anyone else only media that a
 * lesson or cover of a course they may open uses. 404 otherwise.
 */
export async function findMedia(db: Db, actor: Actor, id: string): Promise<Row> {
  authorize(actor, cataloguePolicy, 'read');
  const isOwnStaff = actor.role === 'employee' ? sql`false` : eq(learningMedia.organisationId, actor.organisationId);
  const inLesson = exists(db.select({ id: lessons.id }).from(lessons).innerJoin(courses, eq(courses.id, lessons.courseId)).where(and(eq(lessons.mediaId, learningMedia.id), coursesVisibleTo(actor, courses))));
  const asCover = exists(db.select({ id: courses.id }).from(courses).where(and(eq(courses.coverMediaId, learningMedia.id), coursesVisibleTo(actor, courses))));
  const [row] = await db.select().from(learningMedia).where(and(eq(learningMedia.id, id), or(isOwnStaff, inLesson, asCover)));
  if (!row) throw notFound('media');
  return row;
}

export type ByteRange = { start: number; end: number };

/**
 * The one byte range a Range header asks for (`bytes=a-b`, `bytes=a-`, `bytes=-n`), clipped to the size; null to send
 * the whole file (no header, or one we do not serve: several ranges, other units); 'unsatisfiable' for a range past the end.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | null | 'unsatisfiable' {
  const match = header?.trim().match(/^bytes=(\d*)-(\d*)$/);
  if (!match || (!match[1] && !match[2])) return null;
  if (!match[1]) {
    const suffix = Number(match[2]);
    return suffix === 0 || size === 0 ? 'unsatisfiable' : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] ? Math.min(Number(match[2]), size - 1) : size - 1;
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

/** The bytes of a blob, or of one range of it: streamed from the disk when the store is the local one, else sliced. */
export async function openBlob(blobs: BlobStore, sha256: string, range: ByteRange | null): Promise<Readable | Buffer> {
  if (blobs instanceof LocalDiskBlobStore) {
    const file = path.join(blobs.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
    return fs.createReadStream(file, range ? { start: range.start, end: range.end } : {});
  }
  const data = await blobs.read(sha256);
  return range ? data.subarray(range.start, range.end + 1) : data;
}
