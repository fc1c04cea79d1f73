import os from 'node:os';
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
  /** The target of the scenario and whether this run met it (null: not measured here, e.g. at a smaller scale). */
  target?: { text: string; met: boolean | null };
}

const figure = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;
const mib = (bytes: number) => (bytes ? `${Math.round(bytes / 1024 / 1024)} MiB` : '–');

/** A markdown table with padded columns. */
function grid(header: string[], lines: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(line)].join('\n');
}

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
  return grid(header, lines);
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

const verdict = (target: Row['target']) => (target ? `${target.met === null ? 'not measured' : target.met ? 'met' : 'MISSED'}: ${target.text}` : '');

/** The table of `npm run bench`: each scenario with its baseline's figure, the ratio and the verdict on its target. */
export function renderSummary(rows: Row[]): string {
  const header = ['scenario', 'database', 'req/s', 'p50', 'p95', 'p99', 'errors', 'RSS', 'baseline', 'ratio', 'target'];
  const lines = rows.map((row) => {
    const r = row.result;
    const sorted = [...r.latencies].sort((a, b) => a - b);
    return [
      row.scenario,
      row.database,
      figure(r.ok / r.seconds),
      ms(percentile(sorted, 0.5, sorted)),
      ms(percentile(sorted, 0.95, sorted)),
      ms(percentile(sorted, 0.99, sorted)),
      figure(r.errors),
      mib(r.rss),
      row.baseline ? `${figure(row.baseline.value, row.baseline.value < 10 ? 1 : 0)} ${row.baseline.label}` : '',
      row.baseline ? `${(row.baseline.ours / row.baseline.value).toFixed(2)}×` : '',
      verdict(row.target),
    ];
  });
  return grid(header, lines);
}

/** The machine a table was measured on, for the line above it. */
export function machine(): string {
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${os.cpus().length} cores (nproc ${os.availableParallelism()}), ${cpu}, ${Math.round(os.totalmem() / 1024 ** 3)} GiB RAM, Node ${process.version}`;
}
