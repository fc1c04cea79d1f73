import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { count, eq } from 'drizzle-orm';
import { attachments, auditLog } from '../../db/schema/index.ts';
import { buildTestApp, Client, createOrganisation, createUser, signIn, type TestApp } from '../../test/app.ts';
import { sanitiseFilename } from './service.ts';

let t: TestApp;
let entA: { id: string };
let entB: { id: string };
let adminA: Client;
let adminAUserId: string;
let adminB: Client;
let officerBaodi: Client;
let officerTangshan: Client;
let systemAdmin: Client;

/** A minimal PDF (one empty page) and a 1×1 PNG: real magic bytes, as a browser would send them. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 72 72]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

interface AttachmentBody { id: string; organisationId: string; filename: string; size: number; mime: string; sha256: string; createdAt: string }

function multipart(content: Buffer, filename: string, contentType = 'application/octet-stream', field = 'file') {
  const boundary = `----fulcrum${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
const upload = (client: Client, content: Buffer, filename: string, contentType?: string, field?: string) =>
  client.request({ method: 'POST', url: '/api/v1/attachments', ...multipart(content, filename, contentType, field) });
async function uploaded(client: Client, content: Buffer, filename: string) {
  const response = await upload(client, content, filename);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ attachment: AttachmentBody }>().attachment;
}

const rowCount = async () => Number((await t.db.select({ n: count() }).from(attachments))[0]!.n);
/** Every blob file under the app's data folder. */
async function blobFiles(): Promise<string[]> {
  const root = path.join(t.dataDir, 'blobs');
  try {
    return (await fs.readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  } catch {
    return [];
  }
}
const sha256Of = (data: Buffer) => import('node:crypto').then((c) => c.createHash('sha256').update(data).digest('hex'));

beforeAll(async () => {
  t = await buildTestApp();
  entA = await createOrganisation(t.db, { type: 'enterprise', regionId: 'baodi' });
  entB = await createOrganisation(t.db, { type: 'enterprise', regionId: 'baodi' });
  const hrssBaodi = await createOrganisation(t.db, { type: 'government_department', regionId: 'baodi' });
  const hrssTangshan = await createOrganisation(t.db, { type: 'government_department', regionId: 'tangshan' });
  const { user } = await createUser(t.db, entA.id, 'enterprise_admin');
  adminAUserId = user.id;
  adminA = await new Client(t.app).login(user.username);
  adminB = await signIn(t, entB.id, 'enterprise_admin');
  officerBaodi = await signIn(t, hrssBaodi.id, 'department_officer');
  officerTangshan = await signIn(t, hrssTangshan.id, 'department_officer');
  systemAdmin = await signIn(t, hrssBaodi.id, 'system_admin');
});
afterAll(() => t.close());

describe('uploading', () => {
  it('stores a PDF by its content hash, with the detected type and the audit entry', async () => {
    const response = await upload(adminA, PDF, '营业执照 副本.pdf', 'application/pdf');
    expect(response.statusCode, response.body).toBe(201);
    const { attachment } = response.json<{ attachment: AttachmentBody }>();
    expect(attachment).toEqual({
      id: expect.any(String),
      organisationId: entA.id,
      filename: '营业执照 副本.pdf',
      size: PDF.length,
      mime: 'application/pdf',
      sha256: await sha256Of(PDF),
      createdAt: t.clock.now().toISOString(),
    });
    const sha = attachment.sha256;
    expect(await blobFiles()).toEqual([path.join(t.dataDir, 'blobs', sha.slice(0, 2), sha.slice(2, 4), sha)]);
    const [row] = await t.db.select().from(attachments).where(eq(attachments.id, attachment.id));
    expect(row).toMatchObject({ regionId: 'baodi', uploadedBy: adminAUserId });
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, attachment.id));
    expect(audit).toEqual([
      expect.objectContaining({
        entityType: 'attachment', action: 'upload', actorUserId: adminAUserId, organisationId: entA.id, regionId: 'baodi',
        after: { filename: '营业执照 副本.pdf', size: PDF.length, mime: 'application/pdf', sha256: sha },
      }),
    ]);
  });

  it('detects the type from the bytes: a PNG named .pdf is kept as a PNG, with the extension to match', async () => {
    const attachment = await uploaded(adminA, PNG, '../../etc/现场照片.pdf');
    expect(attachment).toMatchObject({ mime: 'image/png', filename: '现场照片.png', size: PNG.length });
  });

  it('accepts an Excel workbook (.xlsx, a zip the detector looks inside)', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('名单').addRow(['姓名']);
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    const attachment = await uploaded(adminA, data, '名单.xlsx');
    expect(attachment.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });

  it('refuses a text file named x.pdf with 415 and the detected type, storing nothing', async () => {
    const rows = await rowCount();
    const blobs = await blobFiles();
    const response = await upload(adminA, Buffer.from('just some text pretending to be a PDF\n'.repeat(20)), 'x.pdf', 'application/pdf');
    expect(response.statusCode).toBe(415);
    expect(response.json().error).toMatchObject({ code: 'UNSUPPORTED_FILE_TYPE', details: { detected: null } });
    const zip = await upload(adminA, Buffer.from('504b0304140000000000', 'hex'), 'x.docx');
    expect(zip.statusCode).toBe(415);
    const gif = await upload(adminA, Buffer.from('474946383961010001000000002c00000000010001000002024401003b', 'hex'), 'x.png');
    expect(gif.statusCode).toBe(415);
    expect(gif.json().error.details.detected).toEqual({ mime: 'image/gif', ext: 'gif' });
    expect(await rowCount()).toBe(rows);
    expect(await blobFiles()).toEqual(blobs);
  });

  it('refuses a file over 10 MiB with 413, an empty file and a missing file part with 400', async () => {
    const rows = await rowCount();
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    const tooBig = await upload(adminA, big, 'big.pdf');
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.code).toBe('BODY_TOO_LARGE');
    const empty = await upload(adminA, Buffer.alloc(0), 'empty.pdf');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details.issues).toEqual([expect.objectContaining({ path: 'file', code: 'EMPTY_FILE' })]);
    const wrongField = await upload(adminA, PDF, 'a.pdf', 'application/pdf', 'document');
    expect(wrongField.statusCode).toBe(400);
    expect(wrongField.json().error.details.issues).toEqual([expect.objectContaining({ path: 'file', code: 'REQUIRED' })]);
    const notMultipart = await adminA.post('/api/v1/attachments', { file: 'x' });
    expect(notMultipart.statusCode).toBe(415);
    expect(await rowCount()).toBe(rows);
  });

  it('stores the same bytes once: two uploads, two rows, one blob', async () => {
    const content = Buffer.concat([PDF, Buffer.from(`%${randomBytes(8).toString('hex')}\n`)]);
    const blobsBefore = (await blobFiles()).length;
    const first = await uploaded(adminA, content, 'a.pdf');
    const second = await uploaded(adminB, content, 'b.pdf');
    expect(second.id).not.toBe(first.id);
    expect(second.sha256).toBe(first.sha256);
    expect(second.organisationId).toBe(entB.id);
    expect((await blobFiles()).length).toBe(blobsBefore + 1);
    expect(await t.db.select({ id: attachments.id }).from(attachments).where(eq(attachments.sha256, first.sha256))).toHaveLength(2);
  });

  it('needs a signed-in user and the CSRF header', async () => {
    const anonymous = await new Client(t.app).request({ method: 'POST', url: '/api/v1/attachments', ...multipart(PDF, 'a.pdf') });
    expect(anonymous.statusCode).toBe(401);
    const noHeader = await adminA.request({ method: 'POST', url: '/api/v1/attachments', csrf: false, ...multipart(PDF, 'a.pdf') });
    expect(noHeader.statusCode).toBe(403);
    expect(noHeader.json().error.code).toBe('CSRF_REJECTED');
  });
});

describe('reading', () => {
  let pdf: AttachmentBody;
  let png: AttachmentBody;
  let xlsx: AttachmentBody;
  beforeAll(async () => {
    pdf = await uploaded(adminA, PDF, '申请书.pdf');
    png = await uploaded(adminA, PNG, 'photo.png');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('x');
    xlsx = await uploaded(adminA, Buffer.from(await workbook.xlsx.writeBuffer()), '培训计划.xlsx');
  });

  it('downloads the identical bytes, PDF inline with its UTF-8 name, nosniff and private caching', async () => {
    const response = await adminA.get(`/api/v1/attachments/${pdf.id}/content`);
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.equals(PDF)).toBe(true);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(`inline; filename="___.pdf"; filename*=UTF-8''${encodeURIComponent('申请书.pdf')}`);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toMatch(/^private/);
    const image = await adminA.get(`/api/v1/attachments/${png.id}/content`);
    expect(image.rawPayload.equals(PNG)).toBe(true);
    expect(image.headers['content-disposition']).toMatch(/^inline;/);
  });

  it('sends other types as a download', async () => {
    const response = await adminA.get(`/api/v1/attachments/${xlsx.id}/content`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toMatch(/^attachment; /);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });

  it('gives the metadata to the owner, its region\'s department and a system admin', async () => {
    for (const client of [adminA, officerBaodi, systemAdmin]) {
      const response = await client.get(`/api/v1/attachments/${pdf.id}`);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual(pdf);
      expect((await client.get(`/api/v1/attachments/${pdf.id}/content`)).statusCode).toBe(200);
    }
  });

  it('is a 404 for another organisation, a department of another region and an unknown id', async () => {
    for (const client of [adminB, officerTangshan]) {
      for (const url of [`/api/v1/attachments/${pdf.id}`, `/api/v1/attachments/${pdf.id}/content`]) {
        const response = await client.get(url);
        expect(response.statusCode, url).toBe(404);
        expect(response.json().error.code).toBe('NOT_FOUND');
        expect(response.body).not.toContain(pdf.sha256);
      }
    }
    expect((await adminA.get('/api/v1/attachments/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const bad = await adminA.get('/api/v1/attachments/not-a-uuid');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues).toContainEqual(expect.objectContaining({ path: 'params.id' }));
  });
});

describe('filenames', () => {
  it('drops folders and unsafe characters and ends in an extension of the detected type', () => {
    expect(sanitiseFilename('C:\\Users\\张三\\证明.PDF', 'application/pdf')).toBe('证明.pdf');
    expect(sanitiseFilename('photo.JPEG', 'image/jpeg')).toBe('photo.jpeg');
    expect(sanitiseFilename('photo.exe', 'image/jpeg')).toBe('photo.jpg');
    expect(sanitiseFilename('a<b>:"c"|?*.png', 'image/png')).toBe('a_b___c____.png');
    expect(sanitiseFilename('...', 'application/pdf')).toBe('file.pdf');
    expect(sanitiseFilename('报告 v1.2 final', 'application/pdf')).toBe('报告 v1.2 final.pdf');
    expect(Array.from(sanitiseFilename('长'.repeat(300), 'application/pdf'))).toHaveLength(114);
  });
});
