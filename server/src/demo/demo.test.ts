import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { isValidMobile, isValidResidentId, isValidUscc, residentIdBirthDate, roles } from '@fulcrum/shared';
import type { Db } from '../db/client.ts';
import { auditLog, employments, industrialParks, memberships, organisations, people, regions, users } from '../db/schema/index.ts';
import { syntheticResidentId } from '../lib/synthetic-ids.ts';
import { buildTestApp, Client, type TestApp } from '../test/app.ts';
import { DEMO_PASSWORD, DemoNotEmptyError, loadDemo, planDemo, readDemoMarker, type DemoSummary } from './generate.ts';
import { addMonths, chinaDate } from './world.ts';

const NOW = new Date('2026-03-02T01:00:00Z');
const SEED = 42;

let first: TestApp;
let second: TestApp;
let emptyInfo: LightMyRequestResponse;
let summary: DemoSummary;
let again: DemoSummary;

/** Everything that must repeat with the seed, as plain data (the reference seed's random park ids replaced by names). */
async function snapshot(db: Db) {
  const park = alias(industrialParks, 'park');
  const orgs = await db
    .select({
      id: organisations.id, type: organisations.type, regionId: organisations.regionId, name: organisations.name,
      departmentKind: organisations.departmentKind, uscc: organisations.uscc, industryDivision: organisations.industryDivision,
      park: park.nameZh, size: organisations.size, stateOwned: organisations.stateOwned, employeeCount: organisations.employeeCount,
      contacts: organisations.contacts,
    })
    .from(organisations)
    .leftJoin(park, eq(park.id, organisations.industrialParkId))
    .orderBy(asc(organisations.id));
  const persons = await db.select({ id: people.id, name: people.name, residentId: people.residentId, phone: people.phone }).from(people).orderBy(asc(people.id));
  const jobs = await db.select().from(employments).orderBy(asc(employments.id));
  const accounts = await db.select({ id: users.id, username: users.username, displayName: users.displayName, personId: users.personId }).from(users).orderBy(asc(users.id));
  const grants = await db.select({ id: memberships.id, userId: memberships.userId, organisationId: memberships.organisationId, role: memberships.role }).from(memberships).orderBy(asc(memberships.id));
  return { orgs, persons, jobs, accounts, grants };
}

beforeAll(async () => {
  first = await buildTestApp();
  second = await buildTestApp();
  const started = performance.now();
  summary = await loadDemo(first.db, { seed: SEED, now: NOW });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `demo load on ${first.database.kind}: ${seconds.toFixed(2)} s for ${summary.counts.organisations} organisations, ` +
      `${summary.counts.people} people, ${summary.counts.employments} employments, ${summary.counts.users} accounts`,
  );
  // Asked before the second database gets the demo: what an empty installation answers.
  emptyInfo = await second.app.inject({ method: 'GET', url: '/api/v1/system/info' });
  again = await loadDemo(second.db, { seed: SEED, now: NOW });
}, 600_000);
afterAll(async () => {
  await Promise.all([first?.close(), second?.close()]);
});

describe('determinism', () => {
  it('gives identical organisations, people, jobs and accounts (ids included) for the same seed on two databases', async () => {
    const [a, b] = await Promise.all([snapshot(first.db), snapshot(second.db)]);
    expect(a.orgs.length).toBe(summary.counts.organisations);
    expect(a.persons.length).toBe(summary.counts.people);
    expect(a).toEqual(b);
    expect(again).toEqual(summary);
  });

  it('gives another district for another seed', async () => {
    const regionRows = await first.db.select().from(regions);
    const parkRows = await first.db.select().from(industrialParks);
    const plan = (seed: number) => planDemo({ seed, now: NOW, regions: regionRows, parks: parkRows, passwordHash: 'x', adminPasswordHash: 'x' });
    const [one, other] = await Promise.all([plan(SEED), plan(SEED + 1)]);
    expect(one.people.map((p) => p.residentId)).not.toEqual(other.people.map((p) => p.residentId));
    expect(one.enterprises().map((o) => o.name)).not.toEqual(other.enterprises().map((o) => o.name));
    // The named organisations do not depend on the seed.
    expect(one.organisation('hrss').name).toBe(other.organisation('hrss').name);
  });
});

describe('contents', () => {
  it('has valid, unique synthetic identifiers and mobile numbers', async () => {
    const orgs = await first.db.select().from(organisations);
    const enterprises = orgs.filter((o) => o.type === 'enterprise');
    expect(enterprises.length).toBe(summary.counts.enterprises);
    for (const o of enterprises) expect(isValidUscc(o.uscc!), o.uscc!).toBe(true);
    for (const o of orgs) for (const c of o.contacts) expect(isValidMobile(c.phone), c.phone).toBe(true);
    const persons = await first.db.select().from(people);
    for (const p of persons) {
      expect(isValidResidentId(p.residentId, NOW), p.residentId).toBe(true);
      expect(isValidMobile(p.phone!), p.phone!).toBe(true);
    }
    expect(new Set(persons.map((p) => p.phone)).size).toBe(persons.length);
  });

  it('spreads enterprises over the three regions with declared sizes, and names the departments of the brief', async () => {
    const orgs = await first.db.select().from(organisations);
    const enterprises = orgs.filter((o) => o.type === 'enterprise');
    expect(new Set(enterprises.map((o) => o.regionId))).toEqual(new Set(['baodi', 'tongzhou', 'tangshan']));
    expect(new Set(enterprises.map((o) => o.size))).toEqual(new Set(['micro', 'small', 'medium', 'large']));
    expect(enterprises.some((o) => o.stateOwned)).toBe(true);
    expect(enterprises.some((o) => o.industrialParkId === null)).toBe(true);
    for (const o of enterprises) expect(o.employeeCount).toBeGreaterThan(0);
    const kinds = orgs.filter((o) => o.type === 'government_department').map((o) => `${o.regionId}:${o.departmentKind}`);
    expect(kinds).toEqual(expect.arrayContaining(['baodi:hrss', 'baodi:fic', 'baodi:samr', 'baodi:sasac', 'baodi:emb', 'baodi:party_school', 'baodi:platform', 'tongzhou:hrss', 'tangshan:hrss']));
    for (const type of ['chamber', 'university', 'training_institution', 'expert_group']) expect(orgs.some((o) => o.type === type)).toBe(true);
  });

  it('gives every job a start after the 18th birthday, a contract in force, and some ended or open-ended', async () => {
    const today = chinaDate(NOW);
    const rows = await first.db.select({ job: employments, residentId: people.residentId }).from(employments).innerJoin(people, eq(people.id, employments.personId));
    expect(rows.length).toBe(summary.counts.employments);
    for (const { job, residentId } of rows) {
      expect(job.startDate >= addMonths(residentIdBirthDate(residentId)!, 12 * 18), `${residentId} ${job.startDate}`).toBe(true);
      expect(job.startDate <= today).toBe(true);
      expect(job.contractStart! >= job.startDate).toBe(true);
      if (job.endDate) expect(job.endDate > job.startDate).toBe(true);
      else if (job.contractEnd) expect(job.contractEnd >= today).toBe(true);
    }
    expect(rows.some((r) => r.job.endDate !== null)).toBe(true);
    expect(rows.some((r) => r.job.endDate === null && r.job.contractEnd === null)).toBe(true);
  });

  it('records one audit entry and the demo marker with the seed and counts', async () => {
    const entries = await first.db.select().from(auditLog).where(eq(auditLog.action, 'demo_load'));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ entityType: 'system', after: { seed: SEED, counts: summary.counts } });
    expect(await readDemoMarker(first.db)).toEqual({ seed: SEED, loadedAt: NOW.toISOString(), counts: summary.counts });
  });

  it('loads into an empty database only', async () => {
    await expect(loadDemo(first.db, { seed: SEED, now: NOW })).rejects.toBeInstanceOf(DemoNotEmptyError);
  });
});

describe('demo accounts', () => {
  it('has an account for every role, each signing in with the demo password onto its role', async () => {
    expect(new Set(summary.accounts.map((a) => a.role))).toEqual(new Set(roles));
    for (const account of summary.accounts) {
      const response = await new Client(first.app).post('/api/v1/auth/login', { username: account.username, password: DEMO_PASSWORD });
      expect(response.statusCode, account.username).toBe(200);
      expect(response.json().activeMembership).toMatchObject({ role: account.role, organisationName: account.organisationName });
    }
  });

  it('gives the enterprise admin a second membership to switch to, and the employee a person with a job there', async () => {
    const admin = await new Client(first.app).login('ent-admin', DEMO_PASSWORD);
    const session = (await admin.get('/api/v1/auth/session')).json();
    expect(session.memberships.map((m: { role: string }) => m.role)).toEqual(['enterprise_admin', 'mediator']);
    const [employee] = await first.db.select().from(users).where(eq(users.username, 'ent-employee'));
    const jobs = await first.db.select().from(employments).where(eq(employments.personId, employee!.personId!));
    const enterprise = summary.accounts.find((a) => a.username === 'ent-employee')!.organisationName;
    const [org] = await first.db.select().from(organisations).where(eq(organisations.id, jobs[0]!.organisationId));
    expect(org!.name).toBe(enterprise);
  });
});

describe('GET /api/v1/system/info', () => {
  it('lists the demo sign-ins (without passwords) while the demo is loaded', async () => {
    const response = await first.app.inject({ method: 'GET', url: '/api/v1/system/info' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ demo: true, demoAccounts: summary.accounts });
    expect(response.body).not.toContain(DEMO_PASSWORD);
    expect(response.body).not.toContain('$argon2');
  });

  it('says demo false on an empty database', async () => {
    expect(emptyInfo.statusCode).toBe(200);
    expect(emptyInfo.json()).toEqual({ demo: false });
  });
});

describe('syntheticResidentId', () => {
  it('keeps its old outputs below serial 1000 and moves the birth date on after that', () => {
    expect(syntheticResidentId(1)).toBe('120115199001010015');
    expect(syntheticResidentId(1001)).not.toBe(syntheticResidentId(1));
    expect(syntheticResidentId(1001).slice(6, 14)).toBe('19900102');
    for (const serial of [0, 999, 1000, 123_456, 5_000_000]) expect(isValidResidentId(syntheticResidentId(serial), NOW)).toBe(true);
  });
});
