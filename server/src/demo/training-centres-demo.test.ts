import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { applicationStatuses } from '@fulcrum/shared';
import { centreAnnualReviews, trainingCentreApplications, trainingCentres } from '../db/schema/index.ts';
import { ManualClock } from '../lib/clock.ts';
import { buildTestApp, Client, type TestApp } from '../test/app.ts';
import { DEMO_PASSWORD, loadDemo } from './generate.ts';

/*
 * The demo district's training centres, read back through the API as its users would: the figures the brief
 * quotes come out of the records, every review state is there, and what the demo stored as computed figures is
 * what the server computes from the same records.
 */

const NOW = new Date('2026-11-25T02:00:00Z');
let t: TestApp;
const as = (username: string) => new Client(t.app).login(username, DEMO_PASSWORD);

beforeAll(async () => {
  t = await buildTestApp({ clock: new ManualClock(NOW) });
  await loadDemo(t.db, { now: NOW });
}, 600_000);
afterAll(async () => {
  await t?.close();
});

describe('the demo district\'s training centres', () => {
  it('counts 28 centres, 2 of them new in January–April 2025', async () => {
    const officer = await as('hrss-officer');
    const res = await officer.get('/api/v1/training-centres/stats?from=2025-01-01&to=2025-04-30&groupBy=region');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total: 28, newInPeriod: 2 });
    const fields = (await officer.get('/api/v1/training-centres/stats?from=2025-01-01&to=2025-04-30&groupBy=field')).json<{ groups: { key: string }[] }>();
    expect(fields.groups.map((g) => g.key)).toEqual(expect.arrayContaining(['manufacturing', 'new_energy']));
  });

  it('has applications in every state of the review', async () => {
    const counts = (await (await as('hrss-officer')).get('/api/v1/training-centre-applications/counts')).json<{ byStatus: Record<string, number>; overdue: number }>();
    for (const status of applicationStatuses.filter((s) => s !== 'draft')) expect(counts.byStatus[status], status).toBeGreaterThan(0);
    expect(counts.overdue).toBeGreaterThan(0);
    // Drafts are the enterprises' own: in the database, not in the bureau's queue.
    const drafts = await t.db.select().from(trainingCentreApplications).where(eq(trainingCentreApplications.status, 'draft'));
    expect(drafts.length).toBeGreaterThan(0);
    expect(counts.byStatus.draft ?? 0).toBe(0);
  });

  it('has the current batch in public notice with an objection waiting, so it cannot be certified yet', async () => {
    const officer = await as('hrss-officer');
    const notices = (await officer.get('/api/v1/notices?state=open')).json<{ items: { id: string; subjectId: string; objections: { open: number } }[] }>();
    const open = notices.items.find((n) => n.objections.open > 0);
    expect(open).toBeDefined();
    const pub = (await new Client(t.app).get(`/api/v1/public/notices/${open!.id}`)).json<{ state: string; entries: unknown[] }>();
    expect(pub.state).toBe('open');
    expect(pub.entries).toHaveLength(3);
    const reviewer = await as('hrss-reviewer');
    const certify = await reviewer.post(`/api/v1/selection-batches/${open!.subjectId}/certify`, {});
    expect(certify.statusCode).toBe(409);
    expect(certify.json().error.code).toBe('NOTICE_NOT_ENDED');
  });

  it('shows the suspended centre as suspended, with its reason, on the public page', async () => {
    const [suspended] = await t.db.select().from(trainingCentres).where(eq(trainingCentres.status, 'suspended'));
    expect(suspended).toBeDefined();
    const res = await new Client(t.app).get(`/api/v1/public/training-centres/${suspended!.certificateNo}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ effectiveStatus: 'suspended', statusReason: suspended!.statusReason });
  });

  it('stored the annual reports\' figures exactly as the server computes them from the records', async () => {
    const officer = await as('hrss-officer');
    const reviews = await t.db.select().from(centreAnnualReviews);
    expect(reviews.length).toBeGreaterThan(40);
    for (const review of reviews) {
      const computed = (await officer.get(`/api/v1/training-centres/${review.centreId}/annual-figures?year=${review.year}`)).json();
      expect(review.figures, `${review.centreId} ${review.year}`).toEqual(computed);
    }
  });

  it('gives the showcase centre incoming requests and the officers a matching board', async () => {
    const admin = await as('ent-admin');
    const mine = await admin.get('/api/v1/training-centres/mine');
    expect(mine.statusCode).toBe(200);
    // The certificate names the bureau that ran the selection batch, which the enterprise itself cannot list.
    expect(mine.json().issuerName).toBe('天津市宝坻区人力资源和社会保障局');
    const incoming = (await admin.get('/api/v1/training-matches?side=centre')).json<{ items: { status: string }[] }>();
    expect(incoming.items.map((m) => m.status)).toContain('requested');
    const board = (await (await as('hrss-officer')).get('/api/v1/training-matches?pageSize=100')).json<{ items: { status: string }[] }>();
    expect(new Set(board.items.map((m) => m.status))).toEqual(new Set(['requested', 'accepted', 'completed', 'declined', 'cancelled']));
  });
});
