import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourseSummary } from '@fulcrum/shared';
import { buildTestApp, Client, type TestApp } from '../../../test/app.ts';
import { expectStatus, type ErrorBody } from '../../training-centres/test-support.ts';
import { addLesson, API, catalogueWorld, createCourse, createPoint, publishedCourse, type CatalogueWorld } from './test-support.ts';

let t: TestApp;
let w: CatalogueWorld;
let draft: { id: string; lessonId: string };
let published: { id: string; lessonId: string };
let districtDraft: { id: string };
let districtPublished: { id: string; lessonId: string };
let pointA: { id: string };

beforeAll(async () => {
  t = await buildTestApp();
  w = await catalogueWorld(t);
  const draftCourse = await createCourse(w.trainerA, 'A企业内部草稿');
  draft = { id: draftCourse.id, lessonId: (await addLesson(w.trainerA, draftCourse.id, { title: '草稿课时' })).id };
  published = await publishedCourse(w.trainerA, 'A企业已发布课程');
  districtDraft = await createCourse(w.officer, '区级草稿', { visibility: 'district' });
  districtPublished = await publishedCourse(w.officer, '区级安全生产课', { visibility: 'district' });
  pointA = await createPoint(w.trainerA, 'A企业知识点');
}, 240_000);
afterAll(() => t.close());

const status = (client: Client, url: string) => client.get(url).then((r) => r.statusCode);
const listed = async (client: Client) => (await expectStatus<{ items: CourseSummary[] }>(client.get(`${API}/courses?pageSize=100`), 200)).items.map((c) => c.title);

describe('who edits the catalogue', () => {
  it('an enterprise’s admin and training manager; not its instructors or employees (403), nor departments other than HRSS', async () => {
    await createCourse(w.adminA, '管理员建的课');
    for (const client of [w.instructorA, w.employeeA, w.embOfficer]) {
      expect((await client.post(`${API}/courses`, { title: '不该建成' })).statusCode).toBe(403);
      expect((await client.post(`${API}/knowledge-points`, { code: 'NO-1', name: '不该建成' })).statusCode).toBe(403);
      expect((await client.post(`${API}/competencies`, { code: 'NO-1', name: '不该建成' })).statusCode).toBe(403);
    }
    expect((await w.instructorA.post(`${API}/courses/${draft.id}/status`, { status: 'published' })).statusCode).toBe(403);
    expect((await w.employeeA.patch(`${API}/lessons/${published.lessonId}`, { title: '改' })).statusCode).toBe(403);
  });

  it('the HRSS bureau authors district-visible content only', async () => {
    const body = await expectStatus<ErrorBody>(w.officer.post(`${API}/courses`, { title: '本部门课程', visibility: 'organisation' }), 400);
    expect(body.error.details?.issues).toEqual([expect.objectContaining({ path: 'visibility', code: 'DISTRICT_ONLY' })]);
  });

  it('another organisation’s records are 404 to read and to change', async () => {
    expect(await status(w.adminB, `${API}/courses/${draft.id}`)).toBe(404);
    expect(await status(w.adminB, `${API}/courses/${published.id}`)).toBe(404);
    expect(await status(w.adminB, `${API}/lessons/${draft.lessonId}`)).toBe(404);
    expect(await status(w.adminB, `${API}/knowledge-points/${pointA.id}`)).toBe(404);
    expect((await w.adminB.patch(`${API}/courses/${published.id}`, { title: '改名' })).statusCode).toBe(404);
    expect((await w.adminB.post(`${API}/courses/${published.id}/lessons`, { kind: 'rich_text', title: '插入' })).statusCode).toBe(404);
    expect((await w.adminB.post(`${API}/courses/${draft.id}/status`, { status: 'published' })).statusCode).toBe(404);
    expect((await w.adminB.patch(`${API}/knowledge-points/${pointA.id}`, { name: '改' })).statusCode).toBe(404);
    // The district's published course is readable, not editable, by an enterprise.
    expect(await status(w.adminA, `${API}/courses/${districtPublished.id}`)).toBe(200);
    expect((await w.adminA.patch(`${API}/courses/${districtPublished.id}`, { title: '改' })).statusCode).toBe(404);
  });
});

describe('who reads what', () => {
  it('employees see their employer’s published courses and the district’s, never drafts', async () => {
    const titles = await listed(w.employeeA);
    expect(titles).toEqual(expect.arrayContaining(['A企业已发布课程', '区级安全生产课']));
    expect(titles).not.toContain('A企业内部草稿');
    expect(titles).not.toContain('区级草稿');
    expect(await status(w.employeeA, `${API}/courses/${draft.id}`)).toBe(404);
    expect(await status(w.employeeA, `${API}/lessons/${draft.lessonId}`)).toBe(404);
    expect(await status(w.employeeA, `${API}/lessons/${published.lessonId}`)).toBe(200);
    expect(await status(w.employeeA, `${API}/lessons/${districtPublished.lessonId}`)).toBe(200);
  });

  it('instructors read their organisation’s drafts; other enterprises see neither A’s courses nor the district’s drafts', async () => {
    expect(await status(w.instructorA, `${API}/courses/${draft.id}`)).toBe(200);
    const b = await listed(w.adminB);
    expect(b).toContain('区级安全生产课');
    expect(b.some((title) => title.startsWith('A企业'))).toBe(false);
    expect(await status(w.adminA, `${API}/courses/${districtDraft.id}`)).toBe(404);
  });

  it('the district’s content reaches its own region only', async () => {
    expect(await status(w.employeeFar, `${API}/courses/${districtPublished.id}`)).toBe(404);
    expect(await listed(w.employeeFar)).toEqual([]);
  });

  it('learner profiles are for the enterprise’s managers and instructors; signing in is required', async () => {
    expect(await status(w.employeeA, `${API}/learners`)).toBe(403);
    expect(await status(w.officer, `${API}/learners`)).toBe(403);
    expect(await status(w.instructorA, `${API}/learners`)).toBe(200);
    expect(await status(new Client(t.app), `${API}/courses`)).toBe(401);
    expect(await status(new Client(t.app), `${API}/search?q=液压`)).toBe(401);
  });
});
