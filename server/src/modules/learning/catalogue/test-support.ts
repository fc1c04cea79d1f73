import { and, eq } from 'drizzle-orm';
import type { CourseDetail, KnowledgePointGraph, LessonRequest } from '@fulcrum/shared';
import { auditLog, employments, people } from '../../../db/schema/index.ts';
import { syntheticResidentId } from '../../../lib/synthetic-ids.ts';
import type { Client, TestApp } from '../../../test/app.ts';
import { department, enterprise, expectStatus, member } from '../../training-centres/test-support.ts';

/*
 * The catalogue tests' world: two enterprises of Baodi (A and B) with their staff, Baodi's HRSS bureau, an enterprise
 * of Tangshan (another region), and helpers that build content over HTTP.
 */

export const API = '/api/v1/learning';

export async function catalogueWorld(t: TestApp) {
  const entA = await enterprise(t, 'baodi');
  const entB = await enterprise(t, 'baodi');
  const entFar = await enterprise(t, 'tangshan');
  const hrss = await department(t, 'baodi');
  const emb = await department(t, 'baodi', 'emb');
  return {
    entA, entB, entFar, hrss,
    adminA: await member(t, entA.id, 'enterprise_admin'),
    trainerA: await member(t, entA.id, 'training_manager'),
    instructorA: await member(t, entA.id, 'instructor'),
    employeeA: await member(t, entA.id, 'employee'),
    adminB: await member(t, entB.id, 'enterprise_admin'),
    employeeB: await member(t, entB.id, 'employee'),
    employeeFar: await member(t, entFar.id, 'employee'),
    officer: await member(t, hrss.id, 'department_officer'),
    embOfficer: await member(t, emb.id, 'department_officer'),
  };
}
export type CatalogueWorld = Awaited<ReturnType<typeof catalogueWorld>>;

let serial = 0;
export const code = (prefix = 'KP') => `${prefix}-${++serial}`;

export async function createPoint(client: Client, name: string, extra: Record<string, unknown> = {}) {
  return expectStatus<KnowledgePointGraph>(client.post(`${API}/knowledge-points`, { code: code(), name, ...extra }), 201);
}

export async function createCourse(client: Client, title: string, extra: Record<string, unknown> = {}) {
  return expectStatus<CourseDetail>(client.post(`${API}/courses`, { title, ...extra }), 201);
}

export async function addLesson(client: Client, courseId: string, body: Partial<LessonRequest> & { title: string }) {
  return expectStatus<{ id: string }>(client.post(`${API}/courses/${courseId}/lessons`, { kind: 'rich_text', body: '<p>内容</p>', ...body }), 201);
}

/** A published course of the client's organisation with one lesson. */
export async function publishedCourse(client: Client, title: string, extra: Record<string, unknown> = {}) {
  const course = await createCourse(client, title, extra);
  const lesson = await addLesson(client, course.id, { title: `${title}·第一课` });
  await expectStatus(client.post(`${API}/courses/${course.id}/status`, { status: 'published' }), 200);
  return { ...course, lessonId: lesson.id };
}

/** Current employees of an organisation, straight in the database. */
export async function employees(t: TestApp, organisationId: string, names: string[]) {
  const rows = [];
  for (const name of names) {
    const [person] = await t.db.insert(people).values({ name, residentId: syntheticResidentId(700_000 + ++serial) }).returning();
    await t.db.insert(employments).values({ personId: person!.id, organisationId, position: '操作工', startDate: '2024-01-01' });
    rows.push(person!);
  }
  return rows;
}

export const auditOf = (t: TestApp, entityType: string, entityId: string) =>
  t.db.select().from(auditLog).where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId))).orderBy(auditLog.id);

export const del = (client: Client, url: string) => client.request({ method: 'DELETE', url });

/** A small MP4 (an ISO base media `ftyp` box and filler) that type detection takes for video/mp4. */
export const mp4Bytes = (size = 4096) => Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisomisom'), Buffer.from('iso2avc1'), Buffer.alloc(size - 24, 0x2a)]);

/** A multipart/form-data upload of one file in the field "file", after the given plain fields. */
export function mediaUpload(content: Buffer, filename: string, fields: Record<string, string> = {}) {
  const boundary = `----catalogue${Math.random().toString(16).slice(2)}`;
  const parts = Object.entries(fields).map(([key, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`);
  const head = `${parts.join('')}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    method: 'POST' as const,
    url: `${API}/media`,
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
