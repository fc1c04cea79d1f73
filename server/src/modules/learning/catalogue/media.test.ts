import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LearningMedia } from '@fulcrum/shared';
import { buildTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { expectStatus, type ErrorBody } from '../../training-centres/test-support.ts';
import { parseRange } from './media.ts';
import { addLesson, API, auditOf, catalogueWorld, createCourse, createPoint, mediaUpload, mp4Bytes, type CatalogueWorld } from './test-support.ts';

let t: TestApp;
let w: CatalogueWorld;
let video: LearningMedia;
let pdf: LearningMedia;
let courseId: string;
const VIDEO = mp4Bytes(11 * 1024 * 1024);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

const upload = (client: Client, content: Buffer, filename: string, fields?: Record<string, string>) => client.request(mediaUpload(content, filename, fields));
const content = (client: Client, id: string, range?: string) => client.request({ method: 'GET', url: `${API}/media/${id}/content`, headers: range ? { range } : {} });
const setStatus = (id: string, status: string) => expectStatus(w.trainerA.post(`${API}/courses/${id}/status`, { status }), 200);

beforeAll(async () => {
  t = await buildTestApp();
  w = await catalogueWorld(t);
  video = await expectStatus<LearningMedia>(upload(w.trainerA, VIDEO, '液压泵拆装.mp4', { durationSeconds: '540' }), 201);
  pdf = await expectStatus<LearningMedia>(upload(w.trainerA, PDF, '维护手册.pdf'), 201);
  const point = await createPoint(w.trainerA, '液压泵拆装');
  const course = await createCourse(w.trainerA, '液压泵维修');
  courseId = course.id;
  await addLesson(w.trainerA, courseId, { kind: 'micro_course', title: '拆装演示', mediaId: video.id, durationSeconds: 540, knowledgePointIds: [point.id] });
  await addLesson(w.trainerA, courseId, { kind: 'document', title: '维护手册', mediaId: pdf.id });
}, 240_000);
afterAll(() => t.close());

describe('media upload', () => {
  it('takes a video above the attachments’ 10 MiB limit, typed from its bytes, audited', async () => {
    expect(video).toMatchObject({ contentType: 'video/mp4', sizeBytes: VIDEO.length, fileName: '液压泵拆装.mp4', durationSeconds: 540 });
    expect(pdf.contentType).toBe('application/pdf');
    expect((await auditOf(t, 'learning_media', video.id)).map((a) => a.action)).toEqual(['upload']);
  });

  it('refuses a file whose bytes are not an accepted type (415), an empty file and a bad duration (400)', async () => {
    const text = await expectStatus<ErrorBody>(upload(w.trainerA, Buffer.from('not a video at all'), 'fake.mp4'), 415);
    expect(text.error.code).toBe('UNSUPPORTED_FILE_TYPE');
    expect((await expectStatus<ErrorBody>(upload(w.trainerA, Buffer.alloc(0), 'empty.pdf'), 400)).error.details?.issues?.[0]?.code).toBe('EMPTY_FILE');
    expect((await expectStatus<ErrorBody>(upload(w.trainerA, PDF, 'a.pdf', { durationSeconds: '-3' }), 400)).error.details?.issues?.[0]?.path).toBe('durationSeconds');
    expect((await upload(w.employeeA, PDF, 'a.pdf')).statusCode).toBe(403);
  });

  it('refuses media that does not fit the lesson kind', async () => {
    const body = await expectStatus<ErrorBody>(w.trainerA.post(`${API}/courses/${courseId}/lessons`, { kind: 'video', title: '错配', mediaId: pdf.id }), 400);
    expect(body.error.details?.issues).toEqual([expect.objectContaining({ path: 'mediaId', code: 'MEDIA_KIND_MISMATCH' })]);
  });
});

describe('streaming with ranges', () => {
  it('sends the whole file with Accept-Ranges, and a range as 206 with Content-Range', async () => {
    const whole = await content(w.instructorA, pdf.id);
    expect(whole.statusCode).toBe(200);
    expect(whole.headers).toMatchObject({ 'accept-ranges': 'bytes', 'content-type': 'application/pdf', 'content-length': String(PDF.length) });
    expect(whole.headers['content-disposition']).toMatch(/^inline;/);
    expect(whole.rawPayload.equals(PDF)).toBe(true);
    const part = await content(w.instructorA, video.id, 'bytes=4-11');
    expect(part.statusCode).toBe(206);
    expect(part.headers).toMatchObject({ 'content-range': `bytes 4-11/${VIDEO.length}`, 'content-length': '8', 'content-type': 'video/mp4' });
    expect(part.rawPayload.toString()).toBe('ftypisom');
    const tail = await content(w.instructorA, video.id, 'bytes=-10');
    expect(tail.headers['content-range']).toBe(`bytes ${VIDEO.length - 10}-${VIDEO.length - 1}/${VIDEO.length}`);
    expect(tail.rawPayload.equals(VIDEO.subarray(VIDEO.length - 10))).toBe(true);
    const open = await content(w.instructorA, video.id, `bytes=${VIDEO.length - 3}-`);
    expect(open.rawPayload.length).toBe(3);
  });

  it('answers 416 with the size for a range past the end', async () => {
    const past = await content(w.instructorA, video.id, `bytes=${VIDEO.length}-`);
    expect(past.statusCode).toBe(416);
    expect(past.headers['content-range']).toBe(`bytes */${VIDEO.length}`);
    expect((await content(w.instructorA, video.id, 'bytes=9-3')).statusCode).toBe(416);
  });

  it('parses ranges: one range, clipped; other forms served whole', () => {
    expect(parseRange('bytes=0-99', 50)).toEqual({ start: 0, end: 49 });
    expect(parseRange('bytes=0-1,5-6', 50)).toBeNull();
    expect(parseRange('items=0-1', 50)).toBeNull();
    expect(parseRange('bytes=-0', 50)).toBe('unsatisfiable');
  });
});

describe('who may load media', () => {
  it('employees only once a course using it is published; other enterprises never; the owner’s staff always', async () => {
    expect((await content(w.employeeA, video.id, 'bytes=0-3')).statusCode).toBe(404);
    expect((await content(w.adminA, video.id, 'bytes=0-3')).statusCode).toBe(206);
    await setStatus(courseId, 'published');
    expect((await content(w.employeeA, video.id, 'bytes=0-3')).statusCode).toBe(206);
    expect((await w.employeeA.get(`${API}/media/${pdf.id}`)).statusCode).toBe(200);
    expect((await content(w.employeeB, video.id, 'bytes=0-3')).statusCode).toBe(404);
    expect((await content(w.adminB, pdf.id)).statusCode).toBe(404);
    await setStatus(courseId, 'archived');
    expect((await content(w.employeeA, video.id, 'bytes=0-3')).statusCode).toBe(404);
  });
});
