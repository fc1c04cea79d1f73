import { createHash, generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { xapiAttachments } from '../../db/schema/index.ts';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { parseMultipartMixed } from './multipart.ts';
import { sampleStatement, XapiClient, xapiClient } from './test-support.ts';

let t: TestApp;
let xapi: XapiClient;
beforeAll(async () => {
  t = await buildTestApp();
  ({ xapi } = await xapiClient(t));
});
afterAll(() => t.close());

const BOUNDARY = '-------314159265358979323846';
const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
const text1 = Buffer.from('here is a simple attachment');
const text2 = Buffer.from('here is another simple attachment，附件二');

function attachment(content: Buffer, extra: Record<string, unknown> = {}) {
  return { usageType: 'http://example.com/attachment-usage/test', display: { 'zh-CN': '附件', 'en-US': 'A test attachment' }, contentType: 'text/plain', length: content.length, sha2: sha256(content), ...extra };
}

interface Part {
  headers: Record<string, string>;
  body: Buffer | string;
}
/** A multipart/mixed body as a content package sends it (CRLF, or bare LF when asked). */
function multipart(parts: Part[], newline = '\r\n'): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const head = Object.entries(part.headers).map(([name, value]) => `${name}: ${value}${newline}`).join('');
    chunks.push(Buffer.from(`--${BOUNDARY}${newline}${head}${newline}`), Buffer.from(part.body), Buffer.from(newline));
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--${newline}`));
  return Buffer.concat(chunks);
}
const jsonPart = (value: unknown): Part => ({ headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(value) });
const filePart = (content: Buffer, hash = sha256(content), extra: Record<string, string> = {}): Part => ({
  headers: { 'Content-Type': 'text/plain', 'Content-Transfer-Encoding': 'binary', 'X-Experience-API-Hash': hash, ...extra },
  body: content,
});
const send = (body: Buffer, method: 'POST' | 'PUT' = 'POST', url = '/xapi/statements', contentType = `multipart/mixed; boundary=${BOUNDARY}`) =>
  xapi.request({ method, url, payload: body, headers: { 'content-type': contentType } });
const issuePaths = (response: { json(): { error: { details: { issues: { path: string }[] } } } }) => response.json().error.details.issues.map((i) => i.path);

const SIGNED_BY_CERTIFICATE = [
  'eyJhbGciOiJSUzI1NiIsIng1YyI6WyJNSUlESHpDQ0FnZWdBd0lCQWdJVUp3M1pJV3hJcHJqUmVzSHVFaWxYa3ZWMUd0Z3dEUVlKS29aSWh2Y05BUUVMQlFBd0hqRWNNQm9HQTFVRUF3d1RSblZzWT',
  'NKMWJTQjBaWE4wSUhOcFoyNWxjakFnRncweU5qRXhNall3TWpFek16bGFHQTh5TVRJMk1URXdNakF5TVRNek9Wb3dIakVjTUJvR0ExVUVBd3dUUm5Wc1kzSjFiU0IwWlhOMElITnBaMjVsY2pDQ0FT',
  'SXdEUVlKS29aSWh2Y05BUUVCQlFBRGdnRVBBRENDQVFvQ2dnRUJBS2xXY1d0eWhuYTlvSUJTandYVDU2bG93dGhpVVBaVVJ3cFRoMkNJM2MwNFpZQlNTSjM4QjREOHVxZkZuN2tibFgyVk1XUmk4TX',
  'M2a1R2ZUxpaXhKdVdoVU5UckxYK0Z3RFBMNi8zcU1vY1lPeFc2WWhrK2pnZWNvTXFobnBJSlRxL25CcFVDRCtzUHc5cFd5MnNYN0RrbTYwTUt6M1FVaWRmQU12Nzd4S3E1bWhLdDhabEpoNXVPMGtu',
  'Y0dDakNlaSsvMXUwOU1FUGx0a0l4Y3FEcFJPemRGN28wdHVnK3hkNm5FamdmWEVlWkRGcW9NblhtK1d1Sjk3Q2s5b2Rmbjg3NUlmR1g3K2d6WDdVNWd1b3VXNklrdVlLYzJkS3ZEL2pKaHdnQW5ZK0',
  'JaL3FieG5UalNNY0c0WG9sd1dJRXRTZEh1YkRlWFRHTHFBa3RCdkMxNFdVQ0F3RUFBYU5UTUZFd0hRWURWUjBPQkJZRUZBbklKQkRSZkxWa3lwazU2aU1oRFJDQld2L2JNQjhHQTFVZEl3UVlNQmFB',
  'RkFuSUpCRFJmTFZreXBrNTZpTWhEUkNCV3YvYk1BOEdBMVVkRXdFQi93UUZNQU1CQWY4d0RRWUpLb1pJaHZjTkFRRUxCUUFEZ2dFQkFGcDk1czg5NFY3RHF6eW9jLzN6ZkUyYk1hYW96d1V5cUcxTW',
  'w0WTdLdXF3VnhsS3VQdUFuQWtHcTFiQ3VGQ1hycU5WYTdmdE1MRk5TRGdlbTB4cExSNU9jVEp6N2NuNE9BMktvR2ZWVEt5aEFSdnp5NXRWUnh6TG5DSE43MEt4YlNHTXVKbHYyRlBKZzA1Y1pLNkJJ',
  'MG9QUDZJV2owQWtrbUVIdTRTYmJlb3NrblpPVWE0ZjRKM2xkWnlLMXp3Q1ZYMkx5aEE5SDlqemkxbERGb0R1U29DeHJidEFjSnJnN1czN2YxeS80SklBeHl0V1pCOFpDNzU1YUhGZ0RpOG5DM2xncn',
  'djWWlOVGRYZE4vVCtZUUxwZGhoM3JaZ3dFMHUxNlQzWkpTUWNyOW9zUEFzRGMxeE05aENuL2FEaG5wcUhJU3lQNWlLYTZxb3dwMVh4UUZVNzQ9Il19.eyJpZCI6IjZmMWMzYTUyLThkN2UtNGIwYS0',
  '5YzIxLTVlNGYzZDJhMWIwMCIsImFjdG9yIjp7Im9iamVjdFR5cGUiOiJBZ2VudCIsIm5hbWUiOiLnrb7lkI3lrablkZgiLCJtYm94IjoibWFpbHRvOnNpZ25lZC5sZWFybmVyQGV4YW1wbGUuY29tI',
  'n0sInZlcmIiOnsiaWQiOiJodHRwOi8vYWRsbmV0Lmdvdi9leHBhcGkvdmVyYnMvY29tcGxldGVkIiwiZGlzcGxheSI6eyJ6aC1DTiI6IuWujOaIkCJ9fSwib2JqZWN0Ijp7Im9iamVjdFR5cGUiOiJ',
  'BY3Rpdml0eSIsImlkIjoiaHR0cDovL2V4YW1wbGUuY29tL2FjdGl2aXRpZXMvc2lnbmVkLWNvdXJzZSJ9fQ.gw41FmJIOKOuufwZtXcnnPsXc8M0jeby9KoOskxd_ldxI7LOPa0JYtN4mWXzV8uB92',
  '0lONAQFjFzGlq31S4gVw92tZ4w6DNkLm6tyz7431Xg9iBfPx09Pv8uj7S9p3RrT7BC68ZHMO77WimxpbzlulbcnTeZIpdHS1BzYDGLChN1VNyqrQylcVqa8N2GsypdKL6pNhnUqH-xSJ34_pJdpoEu',
  'AzzEFYn2-SJknXhe1AGQcSvPeVbQqszT_8iLlrD28sjAxjoiPqta7Vo8LQUKgM1FIrPqTU7MSan2tffnUNFs0-Yfpt5FoYVb3qOWYvktVJ0T_ji3BZsxvngS4IGYBg',
].join('');

/** The statement SIGNED_BY_CERTIFICATE signs (RS256, its x5c certificate's key). */
const SIGNED_STATEMENT = {
  id: '6f1c3a52-8d7e-4b0a-9c21-5e4f3d2a1b00',
  actor: { objectType: 'Agent', name: '签名学员', mbox: 'mailto:signed.learner@example.com' },
  verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'zh-CN': '完成' } },
  object: { objectType: 'Activity', id: 'http://example.com/activities/signed-course' },
};

describe('statements with attachments', () => {
  it('stores attachments sent as parts and returns them with attachments=true, the JSON first', async () => {
    const statement = sampleStatement({ attachments: [attachment(text1), attachment(text2)] });
    const posted = await send(multipart([jsonPart(statement), filePart(text1), filePart(text2)]));
    expect(posted.statusCode, posted.body).toBe(200);
    const [id] = posted.json();
    const stored = await t.db.select().from(xapiAttachments).where(eq(xapiAttachments.sha2, sha256(text2)));
    expect(stored[0]).toMatchObject({ contentType: 'text/plain', length: text2.length });
    expect(stored[0]!.content.equals(text2)).toBe(true);

    const read = await xapi.get(`/xapi/statements?statementId=${id}&attachments=true`);
    expect(read.statusCode).toBe(200);
    const contentType = read.headers['content-type'] as string;
    expect(contentType).toMatch(/^multipart\/mixed; boundary=/);
    const parts = parseMultipartMixed(read.rawPayload, contentType);
    expect(parts[0]!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(parts[0]!.body.toString('utf8')).id).toBe(id);
    const files = parts.slice(1).map((p) => [p.headers['x-experience-api-hash'], p.headers['content-transfer-encoding'], p.body.toString('utf8')]);
    expect(files.sort()).toEqual([[sha256(text1), 'binary', text1.toString()], [sha256(text2), 'binary', text2.toString()]].sort());
    // Each hash appears twice: in the statement's attachments and on its part.
    expect(read.body.split(sha256(text1)).length - 1).toBe(2);
  });

  it('answers a query with attachments=true as multipart/mixed and with attachments=false as plain JSON', async () => {
    await send(multipart([jsonPart(sampleStatement({ attachments: [attachment(text1)] })), filePart(text1)]));
    const withParts = await xapi.get('/xapi/statements?attachments=true&limit=1', { 'content-type': `multipart/mixed; boundary=${BOUNDARY}` });
    const parts = parseMultipartMixed(withParts.rawPayload, withParts.headers['content-type'] as string);
    expect(JSON.parse(parts[0]!.body.toString('utf8')).statements).toHaveLength(1);
    expect(parts[1]!.body.equals(text1)).toBe(true);
    const plain = await xapi.get('/xapi/statements?attachments=false&limit=1');
    expect(plain.headers['content-type']).toBe('application/json');
    expect(plain.body).not.toContain('--');
  });

  it('accepts an attachment given by fileUrl in plain JSON, but not one with neither fileUrl nor a part', async () => {
    expect((await xapi.post('/xapi/statements', sampleStatement({ attachments: [attachment(text1, { fileUrl: 'http://over.there.com/file.txt' })] }))).statusCode).toBe(200);
    const missing = await xapi.post('/xapi/statements', sampleStatement({ attachments: [attachment(text1, { fileUrl: 'http://over.there.com/file.txt' }), attachment(text2)] }));
    expect(missing.statusCode).toBe(400);
    expect(issuePaths(missing)).toEqual(['body.attachments.1']);
    const inBatch = await send(multipart([jsonPart([sampleStatement(), sampleStatement({ attachments: [attachment(text1), attachment(text2)] })]), filePart(text1)]));
    expect(inBatch.statusCode).toBe(400);
    expect(issuePaths(inBatch)).toEqual(['body.1.attachments.1']);
  });

  it('refuses bytes that do not hash to their X-Experience-API-Hash, and a part no attachment declares', async () => {
    const statement = sampleStatement({ id: randomUUID(), attachments: [attachment(text1)] });
    const wrongBytes = await send(multipart([jsonPart(statement), filePart(text2, sha256(text1))]));
    expect(wrongBytes.statusCode).toBe(400);
    expect(wrongBytes.json().error.details.issues[0].code).toBe('ATTACHMENT_HASH');
    const undeclared = await send(multipart([jsonPart(statement), filePart(text1), filePart(text2)]));
    expect(undeclared.statusCode).toBe(400);
    expect(undeclared.json().error.details.issues[0].code).toBe('ATTACHMENT_UNDECLARED');
    expect((await xapi.get(`/xapi/statements?statementId=${statement.id}`)).statusCode).toBe(404);
  });

  it('refuses a multipart body that breaks the attachment rules of the specification', async () => {
    const statement = sampleStatement({ attachments: [attachment(text1)] });
    const cases: [Buffer, string, string][] = [
      [multipart([jsonPart(statement), { headers: { 'Content-Type': 'text/plain', 'Content-Transfer-Encoding': 'binary' }, body: text1 }]), `multipart/mixed; boundary=${BOUNDARY}`, 'body.parts.1.x-experience-api-hash'],
      [multipart([jsonPart(statement), filePart(text1, sha256(text1), { 'Content-Transfer-Encoding': 'base64' })]), `multipart/mixed; boundary=${BOUNDARY}`, 'body.parts.1.content-transfer-encoding'],
      [multipart([{ headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify(statement) }, filePart(text1)]), `multipart/mixed; boundary=${BOUNDARY}`, 'body.parts.0.content-type'],
      [multipart([jsonPart(statement), jsonPart(sampleStatement()), filePart(text1)]), `multipart/mixed; boundary=${BOUNDARY}`, 'body.parts.1.x-experience-api-hash'],
      [multipart([jsonPart(statement), filePart(text1)]), 'multipart/mixed;', 'headers.content-type'],
      [multipart([jsonPart(statement), filePart(text1)]).subarray(0, -10), `multipart/mixed; boundary=${BOUNDARY}`, 'body'],
      [Buffer.from(JSON.stringify(statement)), `multipart/mixed; boundary=${BOUNDARY}`, 'body'],
    ];
    for (const [body, contentType, path] of cases) {
      const response = await send(body, 'POST', '/xapi/statements', contentType);
      expect(response.statusCode, path).toBe(400);
      expect(issuePaths(response)).toContain(path);
    }
  });

  it('reads bare-LF multipart bodies, SHA-512 hashes and PUT with attachments', async () => {
    const id = randomUUID();
    const lf = await send(multipart([jsonPart(sampleStatement({ id, attachments: [attachment(text1)] })), filePart(text1)], '\n'));
    expect(lf.statusCode, lf.body).toBe(200);
    const read = await xapi.get(`/xapi/statements?statementId=${id}&attachments=true`);
    expect(parseMultipartMixed(read.rawPayload, read.headers['content-type'] as string)[1]!.body.equals(text1)).toBe(true);

    const sha512 = createHash('sha512').update(text2).digest('hex');
    const put = randomUUID();
    const response = await send(multipart([jsonPart(sampleStatement({ attachments: [attachment(text2, { sha2: sha512 })] })), filePart(text2, sha512)]), 'PUT', `/xapi/statements?statementId=${put}`);
    expect(response.statusCode, response.body).toBe(204);
    expect((await t.db.select().from(xapiAttachments).where(eq(xapiAttachments.sha2, sha512))).length).toBe(1);
  });
});

describe('signed statements', () => {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const jws = (header: Record<string, unknown>, payload: unknown) => {
    const input = `${b64(header)}.${b64(payload)}`;
    const hash = header.alg === 'RS384' ? 'sha384' : 'sha256';
    return `${input}.${sign(hash, Buffer.from(input), privateKey).toString('base64url')}`;
  };
  const signature = (token: string, contentType = 'application/octet-stream') => ({
    usageType: 'http://adlnet.gov/expapi/attachments/signature',
    display: { 'en-US': 'Signature' },
    contentType,
    length: Buffer.byteLength(token),
    sha2: sha256(token),
  });
  const signed = (statement: Record<string, unknown>, token: string, contentType?: string) =>
    send(multipart([jsonPart({ ...statement, attachments: [signature(token, contentType)] }), { ...filePart(Buffer.from(token)), headers: { 'Content-Type': 'application/octet-stream', 'Content-Transfer-Encoding': 'binary', 'X-Experience-API-Hash': sha256(token) } }]));

  it('stores a statement whose JWS signature carries the statement itself (RS256, RS384)', async () => {
    for (const alg of ['RS256', 'RS384']) {
      const statement = sampleStatement({ id: randomUUID() });
      const response = await signed(statement, jws({ alg }, statement));
      expect(response.statusCode, response.body).toBe(200);
    }
  });

  it('verifies a signature against the certificate in its x5c header', async () => {
    expect((await signed(SIGNED_STATEMENT, SIGNED_BY_CERTIFICATE)).statusCode).toBe(200);
    const [header] = SIGNED_BY_CERTIFICATE.split('.');
    const statement = { ...SIGNED_STATEMENT, id: randomUUID() };
    const forged = `${header}.${b64(statement)}.${sign('sha256', Buffer.from(`${header}.${b64(statement)}`), privateKey).toString('base64url')}`;
    const response = await signed(statement, forged);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.issues[0]).toMatchObject({ path: 'body.attachments.0', code: 'SIGNATURE' });
  });

  it('refuses a malformed signature: wrong content type, algorithm or payload, or not a JWS at all', async () => {
    const statement = sampleStatement({ id: randomUUID() });
    const cases: [string, string | undefined, string][] = [
      [jws({ alg: 'RS256' }, statement), 'text/plain; charset=ascii', 'body.attachments.0.contentType'],
      [jws({ alg: 'HS256' }, statement), undefined, 'body.attachments.0'],
      [jws({ alg: 'RS256' }, { ...statement, verb: { id: 'http://example.com/verbs/other' } }), undefined, 'body.attachments.0'],
      [jws({ alg: 'RS256' }, JSON.stringify(statement).replace('"', "'")), undefined, 'body.attachments.0'],
      ['not-a-jws', undefined, 'body.attachments.0'],
    ];
    for (const [token, contentType, path] of cases) {
      const response = await signed(statement, token, contentType);
      expect(response.statusCode, token.slice(0, 40)).toBe(400);
      expect(issuePaths(response)).toContain(path);
    }
    expect((await xapi.get(`/xapi/statements?statementId=${statement.id}`)).statusCode).toBe(404);
  });
});
