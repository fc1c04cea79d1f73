import type { FastifyInstance, FastifyRequest } from 'fastify';
import { learningMedia, MEDIA_UPLOAD_LIMIT, uuidParam } from '@fulcrum/shared';
import { AppError, invalid } from '../../../lib/errors.ts';
import { actorOf, ctxOf, typed, type ModuleDeps } from '../../../lib/http.ts';
import { findMedia, openBlob, parseRange, toMedia, uploadMedia } from './media.ts';

const tags = ['learning-catalogue'];
const INLINE = /^(video\/|application\/pdf$|image\/)/;

/** The uploaded file (field "file", up to MEDIA_UPLOAD_LIMIT) and an optional `durationSeconds` field sent before it. */
async function readMediaFile(request: FastifyRequest): Promise<{ filename: string; data: Buffer; durationSeconds: number | null }> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'send the file as multipart/form-data (field "file")');
  const file = await request.file({ limits: { fileSize: MEDIA_UPLOAD_LIMIT } });
  if (!file || file.fieldname !== 'file') {
    file?.file.resume();
    throw invalid([{ path: 'file', code: 'REQUIRED', message: 'upload a file in the field "file"' }]);
  }
  const data = await file.toBuffer();
  const field = file.fields.durationSeconds;
  const raw = field && !Array.isArray(field) && 'value' in field ? String(field.value) : undefined;
  const durationSeconds = raw === undefined || raw === '' ? null : Number(raw);
  if (durationSeconds !== null && !(Number.isInteger(durationSeconds) && durationSeconds >= 0 && durationSeconds <= 86_400)) {
    throw invalid([{ path: 'durationSeconds', code: 'INVALID_DURATION', message: 'whole seconds from 0 to 86400' }]);
  }
  return { filename: file.filename, data, durationSeconds };
}

/** Lesson media: upload (type from the bytes), metadata, and the bytes with HTTP range requests (video seeking, PDF viewers). */
export function mediaRoutes(deps: ModuleDeps) {
  return async (instance: FastifyInstance) => {
    const app = typed(instance);
    const { db } = deps.database;
    app.post(
      '/learning/media',
      { bodyLimit: MEDIA_UPLOAD_LIMIT + 1024 * 1024, schema: { tags, summary: 'Upload lesson media (MP4, WebM, PDF, PNG, JPEG, WebP; up to 200 MiB)', consumes: ['multipart/form-data'], response: { 201: learningMedia } } },
      async (request, reply) => reply.status(201).send(await uploadMedia(ctxOf(request, deps), deps.blobs, await readMediaFile(request))),
    );
    app.get('/learning/media/:id', { schema: { tags, summary: 'Media metadata', params: uuidParam, response: { 200: learningMedia } } }, async (r) => toMedia(await findMedia(db, actorOf(r), r.params.id)));
    app.get('/learning/media/:id/content', { schema: { tags, summary: 'Media bytes; honours Range (206, or 416 past the end); video and PDF inline', params: uuidParam } }, async (request, reply) => {
      const row = await findMedia(db, actorOf(request), request.params.id);
      const range = parseRange(request.headers.range, row.sizeBytes);
      reply
        .header('accept-ranges', 'bytes')
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=300')
        .header('content-disposition', `${INLINE.test(row.contentType) ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(row.fileName)}`);
      if (range === 'unsatisfiable') return reply.status(416).header('content-range', `bytes */${row.sizeBytes}`).send();
      const body = await openBlob(deps.blobs, row.sha256, range);
      reply.type(row.contentType);
      if (!range) return reply.header('content-length', row.sizeBytes).send(body);
      return reply
        .status(206)
        .header('content-range', `bytes ${range.start}-${range.end}/${row.sizeBytes}`)
        .header('content-length', range.end - range.start + 1)
        .send(body);
    });
  };
}
