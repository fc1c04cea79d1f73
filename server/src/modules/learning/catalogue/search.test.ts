import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogueSearchHit } from '@fulcrum/shared';
import { buildTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { expectStatus, type ErrorBody } from '../../training-centres/test-support.ts';
import { queryWords, segmentedText } from './search-text.ts';
import { addLesson, API, catalogueWorld, createCourse, createPoint, publishedCourse, type CatalogueWorld } from './test-support.ts';

let t: TestApp;
let w: CatalogueWorld;

beforeAll(async () => {
  t = await buildTestApp();
  w = await catalogueWorld(t);
  const oil = await createPoint(w.trainerA, '液压油污染控制', { description: '油液清洁度与滤芯更换' });
  const hydraulics = await publishedCourse(w.trainerA, '液压系统维护', { description: '液压泵、阀和油缸的日常维护' });
  await addLesson(w.trainerA, hydraulics.id, { kind: 'micro_course', title: '换油与滤芯', durationSeconds: 420, knowledgePointIds: [oil.id] });
  await publishedCourse(w.trainerA, '设备点检基础', { description: '点检路线中也包括液压站的巡检' });
  await publishedCourse(w.trainerA, '数控机床操作', { description: 'G代码编程与对刀' });
  await createCourse(w.trainerA, '液压缸修理（草稿）');
  await publishedCourse(w.adminB, '液压夹具调试');
  await publishedCourse(w.officer, '劳动法基础', { visibility: 'district', description: '劳动合同、工时与社会保险' });
}, 240_000);
afterAll(() => t.close());

const search = async (client: Client, q: string, extra = '') =>
  expectStatus<{ terms: string[]; items: CatalogueSearchHit[] }>(client.get(`${API}/search?q=${encodeURIComponent(q)}${extra}`), 200);
const titles = (items: CatalogueSearchHit[]) => items.map((i) => i.title);

describe('segmenting Chinese', () => {
  it('cuts text for search with the short words inside long ones, and queries into plain words', () => {
    expect(segmentedText('数控机床操作').split(' ')).toEqual(expect.arrayContaining(['数控', '机床', '数控机床', '操作']));
    expect(queryWords('液压系统的维护')).toEqual(['液压', '系统', '维护']);
  });
});

describe('catalogue search', () => {
  it('finds 液压系统维护 for “液压”, with the title match ranked above a mention in a description', async () => {
    const { terms, items } = await search(w.employeeA, '液压', '&kind=course');
    expect(terms).toEqual(['液压']);
    expect(titles(items)[0]).toBe('液压系统维护');
    expect(titles(items)).toContain('设备点检基础');
    expect(items[0]!.rank).toBeGreaterThan(items.find((i) => i.title === '设备点检基础')!.rank);
  });

  it('searches courses, lessons and knowledge points together, by words cut differently from the title', async () => {
    const { items } = await search(w.trainerA, '系统维护');
    expect(items[0]).toMatchObject({ kind: 'course', title: '液压系统维护' });
    const oil = await search(w.trainerA, '滤芯');
    expect(oil.items.map((i) => [i.kind, i.title])).toEqual(expect.arrayContaining([['lesson', '换油与滤芯'], ['knowledge_point', '液压油污染控制']]));
    const lesson = oil.items.find((i) => i.kind === 'lesson')!;
    expect(lesson).toMatchObject({ lessonKind: 'micro_course' });
    // A lesson is found by the knowledge points it covers, too.
    expect(titles((await search(w.trainerA, '污染控制', '&kind=lesson')).items)).toEqual(['换油与滤芯']);
    expect(titles((await search(w.trainerA, '数控机床')).items)[0]).toBe('数控机床操作');
  });

  it('finds a partial title by similarity', async () => {
    expect(titles((await search(w.trainerA, '液压系', '&kind=course')).items)[0]).toBe('液压系统维护');
  });

  it('finds only what the caller may see: no other enterprise’s courses, no drafts for employees, the district’s for all', async () => {
    const employee = titles((await search(w.employeeA, '液压')).items);
    expect(employee).not.toContain('液压夹具调试');
    expect(employee).not.toContain('液压缸修理（草稿）');
    expect(titles((await search(w.trainerA, '液压')).items)).toContain('液压缸修理（草稿）');
    expect(titles((await search(w.employeeB, '液压', '&kind=course')).items)).toEqual(['液压夹具调试']);
    expect(titles((await search(w.employeeB, '劳动合同', '&kind=course')).items)).toEqual(['劳动法基础']);
    expect((await search(w.employeeFar, '劳动合同')).items).toEqual([]);
  });

  it('refuses an empty query at the field', async () => {
    const body = await expectStatus<ErrorBody>(w.employeeA.get(`${API}/search?q=`), 400);
    expect(body.error.details?.issues?.[0]?.path).toBe('query.q');
  });
});
