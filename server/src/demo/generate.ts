import type { DemoAccount } from '@fulcrum/shared';
import type { Db } from '../db/client.ts';
import { industrialParks, regions, users } from '../db/schema/index.ts';
import { recordAudit } from '../lib/audit.ts';
import { INSERT_CHUNK } from '../lib/list.ts';
import { hashPassword } from '../modules/auth/passwords.ts';
import { seedReference } from '../modules/reference/seed.ts';
import { putSetting } from '../modules/system/settings.ts';
import { DEMO_PASSWORD, DEMO_SETTING, listDemoAccounts, type DemoMarker } from './accounts.ts';
import { Random } from './random.ts';
import { accountsStep } from './steps/accounts.ts';
import { DEFAULT_DEMO_PUBLIC_URL, loadLearningRecords } from './steps/learning-records.ts';
import { loadLearningCatalogue } from './steps/learning-catalogue.ts';
import { loadStudyTime } from './steps/study-time.ts';
import { loadTrainingProjects } from './steps/training-projects.ts';
import { loadExams } from './steps/exams.ts';
import { loadLearningCertificates } from './steps/learning-certificates.ts';
import { loadLearningReports } from './steps/learning-reports.ts';
import { loadCoach } from './steps/coach.ts';
import { projectPending } from '../modules/xapi/projector.ts';
import { organisationsStep } from './steps/organisations.ts';
import { linkShowcaseOnlineCourses, subsidiesStep } from './steps/subsidies.ts';
import { trainingCentresStep } from './steps/training-centres.ts';
import { workforceStep } from './steps/workforce.ts';
import { DemoWorld, type DemoStep } from './world.ts';

export { DEMO_PASSWORD, demoAccounts, listDemoAccounts, readDemoMarker, type DemoAccountSpec } from './accounts.ts';
export type { DemoStep } from './world.ts';
export { DemoWorld };

export const DEFAULT_DEMO_SEED = 2026;

/**
 * The generator's steps, in order. A module that brings demo data of its own appends a step here; each step
 * draws from its own random stream, so appending one leaves the data of the steps before it unchanged.
 */
export const demoSteps: readonly DemoStep[] = [organisationsStep, workforceStep, accountsStep, trainingCentresStep, subsidiesStep];

export interface DemoSummary extends DemoMarker {
  accounts: DemoAccount[];
}

export interface LoadDemoOptions {
  seed?: number;
  /** "Now" of the district: dates (hires, contracts, ages) are laid out backwards from it. */
  now: Date;
  onProgress?: (done: number, total: number, label: string) => void;
  /** The administrator's password instead of the demo password (ADMIN_PASSWORD). */
  adminPassword?: string;
  /** The server's public address (PUBLIC_URL): learning records name their learners and activities under it (default http://localhost:3000). */
  publicUrl?: string;
}

export class DemoNotEmptyError extends Error {
  constructor() {
    super('the database already has users: the demo district loads into an empty database only (npm run demo:reset wipes and reloads it)');
  }
}

/** Runs the steps in memory: the whole district as rows, nothing written yet. */
export async function planDemo(input: {
  seed: number;
  now: Date;
  regions: ConstructorParameters<typeof DemoWorld>[2];
  parks: ConstructorParameters<typeof DemoWorld>[3];
  passwordHash: string;
  adminPasswordHash: string;
}): Promise<DemoWorld> {
  const world = new DemoWorld(input.seed, input.now, input.regions, input.parks, input.passwordHash, input.adminPasswordHash);
  for (const step of demoSteps) await step.build(world, new Random(input.seed, step.name));
  return world;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Loads the synthetic demo district into an empty database in one transaction: the same seed and now give
 * the same organisations, people, jobs, accounts and ids. Marks the database as a demo (system_settings
 * 'demo') and records one audit entry.
 */
export async function loadDemo(db: Db, options: LoadDemoOptions): Promise<DemoSummary> {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const { now, onProgress } = options;
  await seedReference(db);
  const [anyUser] = await db.select({ id: users.id }).from(users).limit(1);
  if (anyUser) throw new DemoNotEmptyError();
  // Sorted here, not in SQL, so the order never depends on the server's collation.
  const regionRows = (await db.select().from(regions)).sort((a, b) => byText(a.id, b.id));
  const parkRows = (await db.select().from(industrialParks)).sort((a, b) => byText(a.regionId, b.regionId) || byText(a.nameZh, b.nameZh));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const adminPasswordHash = options.adminPassword ? await hashPassword(options.adminPassword) : passwordHash;

  const world = await planDemo({ seed, now, regions: regionRows, parks: parkRows, passwordHash, adminPasswordHash });

  const plan = world.plan();
  const counts: Record<string, number> = {};
  for (const { label, rows } of plan) counts[label] = rows.length;
  Object.assign(counts, world.counts);
  const marker: DemoMarker = { seed, loadedAt: now.toISOString(), counts };
  const total = plan.reduce((sum, p) => sum + p.rows.length, 0) + 1;

  await db.transaction(async (tx) => {
    let done = 0;
    onProgress?.(done, total, plan[0]?.label ?? 'marker');
    for (const { label, table, rows } of plan) {
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        const batch = rows.slice(i, i + INSERT_CHUNK);
        await tx.insert(table).values(batch as never);
        done += batch.length;
        onProgress?.(done, total, label);
      }
    }
    const txDb = tx as unknown as Db;
    // The learning platform: its catalogue first (the records and the other loaders use its knowledge points and
    // courses), the platform's own records after the content's, then the projections the reports read, then the coach.
    const learning = { db: txDb, world, seed, publicUrl: (options.publicUrl ?? DEFAULT_DEMO_PUBLIC_URL).replace(/\/+$/, ''), now };
    Object.assign(counts, await loadLearningCatalogue(learning));
    Object.assign(counts, await loadLearningRecords(txDb, world, { seed, publicUrl: options.publicUrl }));
    Object.assign(counts, await loadStudyTime(learning));
    Object.assign(counts, await linkShowcaseOnlineCourses(learning));
    Object.assign(counts, await loadTrainingProjects(learning));
    Object.assign(counts, await loadExams(learning));
    Object.assign(counts, await loadLearningCertificates(learning));
    await projectPending(txDb, learning.publicUrl);
    Object.assign(counts, await loadLearningReports(learning));
    // The coach last: its fit reads every answer the projection fed it, its pushes the levels the reports recorded.
    Object.assign(counts, await loadCoach(learning));
    await putSetting(txDb, DEMO_SETTING, marker, now);
    await recordAudit({ db: txDb, clock: { now: () => now }, requestId: null, ip: null, actor: null }, {
      entityType: 'system', entityId: DEMO_SETTING, action: 'demo_load',
      organisationId: world.organisation('platform').id, regionId: 'baodi', after: { seed, counts },
    });
    onProgress?.(total, total, 'marker');
  });
  return { ...marker, accounts: await listDemoAccounts(db) };
}
