import type { FastifyInstance, FastifyRequest } from 'fastify';
import { attachment, attachmentUploadResponse, uuidParam } from '@fulcrum/shared';
import { AppError } from '../../lib/errors.ts';
import { actorOf, ctxOf, typed, type ModuleDeps } from '../../lib/http.ts';
import { findAttachment, readAttachmentContent, toAttachment, uploadAttachment } from './service.ts';

const tags = ['attachments'];
const INLINE = /^(application\/pdf|image\/(png|jpeg|webp))$/;

/** The uploaded file's name and bytes; a missing or malformed multipart body is the caller's error (400). */
async function readFile(request: FastifyRequest): Promise<{ filename: string; data: Buffer }> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'send the file as multipart/form-data (field "file")');
  let file;
  try {
    file = await request.file();
    if (file && file.fieldname !== 'file') {
      file.file.resume();
      file = undefined;
    }
    const data = file ? await file.toBuffer() : undefined;
    if (file && data) return { filename: file.filename, data };
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('FST_')) throw error;
    throw new AppError('VALIDATION_FAILED', 'the upload is not well-formed multipart/form-data', {
      issues: [{ path: 'file', code: 'MALFORMED_UPLOAD', message: (error as Error).message }],
    });
  }
  throw new AppError('VALIDATION_FAILED', 'no file was uploaded', { issues: [{ path: 'file', code: 'REQUIRED', message: 'upload a file in the field "file"' }] });
}

/** Uploads (PDF, images, Word, Excel up to 10 MiB) and their download by whoever reaches the owning organisation. */
export const attachmentRoutes = (deps: ModuleDeps) => async (instance: FastifyInstance) => {
  const app = typed(instance);
  const { db } = deps.database;

  app.post(
    '/attachments',
    {
      schema: {
        tags,
        summary: 'Upload a file (multipart field "file"; PDF, PNG, JPEG, WebP, .docx, .xlsx; at most 10 MiB); its type is detected from its bytes',
        consumes: ['multipart/form-data'],
        response: { 201: attachmentUploadResponse },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request, deps);
      const file = await readFile(request);
      const created = await uploadAttachment(ctx, deps.blobs, file);
      return reply.status(201).send({ attachment: created });
    },
  );

  app.get(
    '/attachments/:id',
    { schema: { tags, summary: "An attachment's metadata", params: uuidParam, response: { 200: attachment } } },
    async (request) => toAttachment(await findAttachment(db, actorOf(request), request.params.id)),
  );

  app.get(
    '/attachments/:id/content',
    { schema: { tags, summary: "An attachment's bytes (PDF and images inline, other types as a download)", params: uuidParam } },
    async (request, reply) => {
      const { row, data } = await readAttachmentContent(db, deps.blobs, actorOf(request), request.params.id);
      const disposition = INLINE.test(row.mime) ? 'inline' : 'attachment';
      const asciiName = row.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
      return reply
        .type(row.mime)
        .header('content-disposition', `${disposition}; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(row.filename)}`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=300')
        .header('content-length', data.length)
        .send(data);
    },
  );
};
