import cliProgress from 'cli-progress';
import type { DemoSummary } from './generate.ts';
import { DEMO_PASSWORD } from './accounts.ts';
import { DEMO_LRS_KEY, DEMO_LRS_SECRET } from './steps/learning-records.ts';

/** A terminal progress bar for loadDemo's onProgress (drawn only on a TTY; logs and CI get the summary alone). */
export function terminalProgress(title: string) {
  const bar = new cliProgress.SingleBar(
    { format: `${title} [{bar}] {percentage}% · {value}/{total} rows · {label}`, hideCursor: true, barsize: 30 },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    onProgress(done: number, total: number, label: string) {
      if (!started) {
        bar.start(total, done, { label });
        started = true;
      } else {
        bar.update(done, { label });
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

/** The lines that tell a person how to sign in to the demo: one account per role, and the shared password. */
export function demoBanner(summary: DemoSummary, seconds: number, adminPasswordSet: boolean): string {
  const c = summary.counts;
  const width = Math.max(...summary.accounts.map((a) => a.username.length));
  const roleWidth = Math.max(...summary.accounts.map((a) => a.role.length));
  const lines = [
    `Demo district loaded in ${seconds.toFixed(1)} s (seed ${summary.seed}): ${c.organisations ?? 0} organisations ` +
      `(${c.enterprises ?? 0} enterprises), ${c.people ?? 0} people, ${c.employments ?? 0} employments, ${c.users ?? 0} accounts.`,
    `Sign in as any of these — password ${DEMO_PASSWORD}${adminPasswordSet ? ' (admin: the ADMIN_PASSWORD you set)' : ''}:`,
    ...summary.accounts.map((a) => `  ${a.username.padEnd(width)}  ${a.role.padEnd(roleWidth)}  ${a.organisationName}`),
    `Learning record store (xAPI) at /xapi/: ${c.xapiStatements ?? 0} statements; try it with HTTP Basic key ${DEMO_LRS_KEY}, secret ${DEMO_LRS_SECRET}.`,
    'All names and identifiers are synthetic. `npm run demo:reset` reloads the demo; DEMO=0 on an empty database starts without it.',
  ];
  return lines.join('\n');
}
