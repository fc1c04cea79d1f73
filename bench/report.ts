import cliProgress from 'cli-progress';
import { percentile, type LoadResult } from './load.ts';

/** One line of the final table. */
export interface Row {
  scenario: string;
  database: string;
  rows: number;
  result: LoadResult;
  /** Statements each completed request carried or returned (100 for a batch; the mean page size for queries). */
  statementsPerRequest: number;
  /** The figure of the baseline measured in the same run, and ours over it. */
  baseline?: { label: string; value: number; ours: number };
}

const figure = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;
const mib = (bytes: number) => (bytes ? `${Math.round(bytes / 1024 / 1024)} MiB` : '–');

/** The table printed at the end of a run (and pasted into bench/README.md). */
export function renderTable(rows: Row[]): string {
  const header = ['scenario', 'database', 'rows', 'req/s', 'statements/s', 'p50', 'p95', 'p99', 'errors', 'RSS', 'baseline', 'ratio'];
  const lines = rows.map((row) => {
    const r = row.result;
    const sorted = [...r.latencies].sort((a, b) => a - b);
    const rate = r.ok / r.seconds;
    return [
      row.scenario,
      row.database,
      figure(row.rows),
      figure(rate),
      figure(rate * row.statementsPerRequest),
      ms(percentile(sorted, 0.5, sorted)),
      ms(percentile(sorted, 0.95, sorted)),
      ms(percentile(sorted, 0.99, sorted)),
      figure(r.errors),
      mib(r.rss),
      row.baseline ? `${figure(row.baseline.value)} ${row.baseline.label}` : '',
      row.baseline ? `${(row.baseline.ours / row.baseline.value).toFixed(2)}×` : '',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(line)].join('\n');
}

/** A progress bar on a terminal, a progress line every few seconds in a log. */
export function progressBar(title: string) {
  const bar = new cliProgress.SingleBar(
    { format: `${title} [{bar}] {percentage}% · {value}/{total} · {label} · {duration_formatted}`, barsize: 30, hideCursor: true, noTTYOutput: true, notTTYSchedule: 5000 },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done: number, total: number, label: string) {
      if (!started) {
        bar.start(total, done, { label });
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(done, { label });
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
