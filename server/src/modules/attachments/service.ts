import { createHash } from 'node:crypto';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import { attachmentTypes, type Attachment, type AttachmentMime } from '@fulcrum/shared';
import type { Db } from '../../db/client.ts';
import { attachments } from '../../db/schema/index.ts';
import { recordAudit } from '../../lib/audit.ts';
import { authorize, reaches } from '../../lib/authorize.ts';
import type { BlobStore } from '../../lib/blob-store.ts';
import { inTransaction, type Actor, type Ctx } from '../../lib/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { attachmentPolicy } from './policy.ts';

type Row = typeof attachments.$inferSelect;

export function toAttachment(row: Row): Attachment {
  return {
    id: row.id,
    organisationId: row.organisationId,
    filename: row.filename,
    size: row.size,
    mime: row.mime,
    sha256: row.sha256,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Extensions a type may keep from its original name (otherwise the detected type's own is put on). */
const extensionsOf: Record<AttachmentMime, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/webp': ['webp'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
};
const isAccepted = (mime: string): mime is AttachmentMime => mime in attachmentTypes;

/**
 * A filename safe to store and to send back in Content-Disposition: no folders, control or reserved characters,
 * at most 120 characters, ending in an extension of the detected type (a PNG named report.pdf becomes report.png).
 */
export function sanitiseFilename(original: string, mime: AttachmentMime): string {
  const base = path.posix.basename(original.replace(/\\/g, '/'));
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '_').replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
  const dot = cleaned.lastIndexOf('.');
  const ext = dot > 0 ? cleaned.slice(dot + 1).toLowerCase() : '';
  const keepsExt = extensionsOf[mime].includes(ext);
  const stem = (keepsExt || (dot > 0 && ext.length <= 5) ? cleaned.slice(0, dot) : cleaned).trim() || 'file';
  const suffix = keepsExt ? ext : attachmentTypes[mime];
  return `${Array.from(stem).slice(0, 110).join('')}.${suffix}`;
}

/**
 * Stores an upload for the actor's organisation: its type comes from the bytes (a text file named .pdf is 415),
 * the bytes go to the blob store under their SHA-256 (stored once however often uploaded), the row and the audit
 * entry are written together.
 */
export async function uploadAttachment(ctx: Ctx, blobs: BlobStore, file: { filename: string; data: Buffer }): Promise<Attachment> {
  authorize(ctx.actor, attachmentPolicy, 'upload');
  if (!file.data.length) {
    throw new AppError('VALIDATION_FAILED', 'the file is empty', { issues: [{ path: 'file', code: 'EMPTY_FILE', message: 'the file is empty' }] });
  }
  const detected = await fileTypeFromBuffer(file.data);
  if (!detected || !isAccepted(detected.mime)) {
    throw new AppError('UNSUPPORTED_FILE_TYPE', 'only PDF, PNG, JPEG, WebP, Word (.docx) and Excel (.xlsx) files are accepted', {
      detected: detected ? { mime: detected.mime, ext: detected.ext } : null,
      accepted: Object.keys(attachmentTypes),
    });
  }
  const mime = detected.mime;
  const sha256 = createHash('sha256').update(file.data).digest('hex');
  await blobs.put(sha256, file.data);
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(attachments)
      .values({
        organisationId: tx.actor.organisationId,
        regionId: tx.actor.regionId,
        sha256,
        size: file.data.length,
        mime,
        filename: sanitiseFilename(file.filename, mime),
        uploadedBy: tx.actor.userId,
        createdAt: tx.clock.now(),
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await recordAudit(tx, {
      entityType: 'attachment',
      entityId: row.id,
      action: 'upload',
      organisationId: row.organisationId,
      regionId: row.regionId,
      after: { filename: row.filename, size: row.size, mime: row.mime, sha256: row.sha256 },
    });
    return toAttachment(row);
  });
}

/** An attachment the actor reaches (its owner's organisation, that region's departments, system admins); 404 otherwise. */
export async function findAttachment(db: Db, actor: Actor, id: string): Promise<Row> {
  authorize(actor, attachmentPolicy, 'read');
  const [row] = await db.select().from(attachments).where(eq(attachments.id, id));
  if (!row || !reaches(actor, { id: row.organisationId, regionId: row.regionId })) throw notFound('attachment');
  return row;
}

/** The attachment's metadata and bytes, for download. */
export async function readAttachmentContent(db: Db, blobs: BlobStore, actor: Actor, id: string): Promise<{ row: Row; data: Buffer }> {
  const row = await findAttachment(db, actor, id);
  return { row, data: await blobs.read(row.sha256) };
}
