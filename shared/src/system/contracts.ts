import { z } from 'zod';
import { roles } from '../auth/roles.ts';

/** The one password of every demo account: published, which is why the demo never loads on a real installation by default. */
export const DEMO_PASSWORD = 'Fulcrum-demo-2026';

/** A sign-in of the demo district, shown on the login page while the demo is loaded; never a password. */
export const demoAccount = z.object({
  username: z.string(),
  role: z.enum(roles),
  organisationName: z.string(),
});
export type DemoAccount = z.infer<typeof demoAccount>;

/** What anyone may know about this installation before signing in. */
export const systemInfo = z.object({
  demo: z.boolean().describe('true while the synthetic demo district is loaded'),
  demoAccounts: z.array(demoAccount).optional().describe('the demo sign-ins, one per role; only while the demo is loaded'),
});
export type SystemInfo = z.infer<typeof systemInfo>;

/** The server clock of an installation started with SHIFTABLE_CLOCK=1 (demonstrations and browser tests). */
export const clockState = z.object({
  now: z.iso.datetime({ offset: true }),
  offsetDays: z.number().describe('how far the clock runs ahead of real time, in days'),
});
export type ClockState = z.infer<typeof clockState>;
export const advanceClockRequest = z.strictObject({ days: z.number().int().min(1).max(400) });
