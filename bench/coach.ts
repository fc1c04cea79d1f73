/**
 * The coach's models, in-process: (1) the refit job — BKT by EM for every knowledge point from 10,000 learners ×
 * 1,000,000 answers (target ≤ 2 minutes), against one pass of the same forward–backward over the same answers measured
 * in the same run; (2) recommendations for one learner with 500 knowledge points and a few thousand items (target p95
 * ≤ 20 ms), with and without the competency gaps that give the targets. See bench/README.md.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { Random } from '../server/src/demo/random.ts';
import { fitBkt, groupAnswers, type BktFit } from '../server/src/modules/coach/model/bkt.ts';
import { dueNow, newReviewCard, review, type ReviewCard } from '../server/src/modules/coach/model/fsrs.ts';
import { competencyGaps, roleTargets, type Requirement } from '../server/src/modules/coach/model/levels.ts';
import { recommend, type CoachItem, type CoachKnowledgePoint, type ItemFeedback } from '../server/src/modules/coach/model/rank.ts';
import { drawTruth, practiceLog } from '../server/src/modules/coach/model/simulate.ts';
import { percentile } from './load.ts';
import { progressBar } from './report.ts';

const { values: args } = parseArgs({
  options: {
    learners: { type: 'string' },
    points: { type: 'string' },
    'answers-per-learner': { type: 'string' },
    'rank-points': { type: 'string' },
    'rank-items': { type: 'string' },
    calls: { type: 'string' },
    quick: { type: 'boolean', default: false },
    seed: { type: 'string', default: '2026' },
  },
});
const quick = args.quick;
const learners = Number(args.learners ?? (quick ? 1_000 : 10_000));
const pointCount = Number(args.points ?? 200);
const answersPerLearner = Number(args['answers-per-learner'] ?? 100);
const rankPoints = Number(args['rank-points'] ?? 500);
const rankItems = Number(args['rank-items'] ?? 3_000);
const calls = Number(args.calls ?? (quick ? 200 : 2_000));
const seed = Number(args.seed);
for (const [name, value] of Object.entries({ learners, points: pointCount, 'answers-per-learner': answersPerLearner, 'rank-points': rankPoints, 'rank-items': rankItems, calls })) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number`);
}
const REFIT_TARGET_S = 120;
const RANK_TARGET_P95_MS = 20;
const log = (text: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${text}`);

// ---- 1. The refit ----
log(`generating ${learners.toLocaleString('en-US')} learners × ${answersPerLearner} answers over ${pointCount} knowledge points`);
const truthRandom = new Random(seed, 'bench-coach-truth');
const truths = Array.from({ length: pointCount }, () => drawTruth(truthRandom));
// Sequences of 5–15 answers (10 on average) on answersPerLearner / 10 points each.
const answers = practiceLog(truths, seed, { learners, pointsPerLearner: Math.max(1, Math.round(answersPerLearner / 10)), minLength: 5, maxLength: 15, stream: 'bench' });
log(`${answers.correct.length.toLocaleString('en-US')} answers generated`);

const refitStart = performance.now();
const groups = groupAnswers(answers, pointCount, learners);
const grouped = performance.now();
const bar = progressBar('refit');
const fits: BktFit[] = [];
groups.forEach((group, k) => {
  fits.push(fitBkt(group));
  bar.update(k + 1, pointCount, `${fits.reduce((s, f) => s + f.iterations, 0)} EM iterations`);
});
bar.stop();
const refitSeconds = (performance.now() - refitStart) / 1000;
const groupSeconds = (grouped - refitStart) / 1000;
const iterations = fits.map((f) => f.iterations);
const totalIterations = iterations.reduce((s, n) => s + n, 0);

// Baseline: one forward–backward pass over every answer (what each EM iteration costs).
const passStart = performance.now();
for (const group of groups) fitBkt(group, { maxIterations: 1 });
const passSeconds = (performance.now() - passStart) / 1000 / 2; // a one-iteration fit runs two passes (before and after)
const meanAbsoluteError = (['prior', 'learn', 'guess', 'slip'] as const).map((key) => fits.reduce((s, f, k) => s + Math.abs(f.params[key] - truths[k]![key]), 0) / pointCount);

// ---- 2. Recommendations ----
log(`recommendations: ${rankPoints} knowledge points, ${rankItems} items, ${calls} calls`);
const random = new Random(seed, 'bench-coach-rank');
const now = new Date('2026-03-02T01:00:00Z');
const points: CoachKnowledgePoint[] = Array.from({ length: rankPoints }, (_, i) => {
  const prerequisites = new Set<string>();
  const wanted = i < 2 ? 0 : random.int(0, 2);
  while (prerequisites.size < wanted) prerequisites.add(`kp-${random.int(Math.max(0, i - 20), i - 1)}`);
  return { id: `kp-${i}`, name: { 'zh-CN': `知识点 ${i}`, 'en-US': `Knowledge point ${i}` }, mastery: random.float(), learn: 0.05 + 0.3 * random.float(), prerequisiteIds: [...prerequisites] };
});
const items: CoachItem[] = Array.from({ length: rankItems }, (_, j) => {
  const anchor = random.int(0, rankPoints - 1);
  const covered = new Set([`kp-${anchor}`]);
  const extra = random.int(0, 2);
  while (covered.size < 1 + extra) covered.add(`kp-${Math.min(rankPoints - 1, Math.max(0, anchor + random.int(-5, 5)))}`);
  const minutes = random.int(3, 30);
  return { id: `item-${j}`, title: { 'zh-CN': `微课 ${j}`, 'en-US': `Course ${j}` }, kind: minutes <= 10 ? 'micro_course' : 'lesson', minutes, knowledgePointIds: [...covered] };
});
// 30 competencies of 3 levels over 150 of the points; the role requires 10 of them at level 2 or 3.
const requirements: Requirement[] = Array.from({ length: 10 }, (_, c) => ({
  competency: {
    id: `c-${c}`,
    name: { 'zh-CN': `能力 ${c}`, 'en-US': `Competency ${c}` },
    maxLevel: 3,
    points: Array.from({ length: 15 }, (_, i) => ({ knowledgePointId: `kp-${random.int(0, rankPoints - 1)}`, level: 1 + (i % 3) })),
  },
  requiredLevel: random.int(2, 3),
  weight: random.int(1, 3),
}));
const cards: ReviewCard[] = Array.from({ length: 60 }, (_, i) => review(newReviewCard(`kp-${i * 7}`, now), 'good', new Date(now.getTime() - random.int(1, 30) * 86_400_000)));
const feedback: ItemFeedback[] = Array.from({ length: 50 }, (_, i) => ({
  itemId: `item-${random.int(0, rankItems - 1)}`,
  kind: i % 3 ? 'dismissed' : 'snoozed',
  at: new Date(now.getTime() - random.int(0, 60) * 86_400_000),
  until: new Date(now.getTime() + random.int(-5, 5) * 86_400_000),
}));
const masteryById = new Map(points.map((p) => [p.id, p.mastery]));
const dueReviews = dueNow(cards, now);

function once(withTargets: boolean): number {
  // A slightly different learner each call, so nothing is answered from a warm path by accident.
  const p = points[random.int(0, rankPoints - 1)]!;
  p.mastery = random.float();
  masteryById.set(p.id, p.mastery);
  const start = performance.now();
  const targets = withTargets
    ? roleTargets(competencyGaps(requirements, (id) => masteryById.get(id) ?? 0))
    : requirements.flatMap((r) => r.competency.points.map((q) => ({ knowledgePointId: q.knowledgePointId, requiredMastery: 0.95, weight: r.weight })));
  const out = recommend({ now, knowledgePoints: points, targets, items, dueReviews, feedback, pushedToday: 1, dailyCap: 10 });
  const elapsed = performance.now() - start;
  if (!out.length) throw new Error('no recommendation: the benchmark learner should always have something to learn');
  return elapsed;
}
for (let i = 0; i < Math.min(200, calls); i++) once(true);
const withTargets = Array.from({ length: calls }, () => once(true)).sort((a, b) => a - b);
const rankOnly = Array.from({ length: calls }, () => once(false)).sort((a, b) => a - b);

// ---- The table ----
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;
const rows = [
  ['scenario', 'size', 'result', 'target', 'met'],
  [
    'BKT refit (group + EM per point)',
    `${learners.toLocaleString('en-US')} learners × ${answers.correct.length.toLocaleString('en-US')} answers, ${pointCount} points`,
    `${refitSeconds.toFixed(1)} s (grouping ${groupSeconds.toFixed(2)} s; ${totalIterations} iterations, ${Math.round(totalIterations / pointCount)} per point, max ${Math.max(...iterations)})`,
    `≤ ${REFIT_TARGET_S} s`,
    refitSeconds <= REFIT_TARGET_S ? 'yes' : 'NO',
  ],
  ['baseline: one forward–backward pass', 'same answers', `${(passSeconds * 1000).toFixed(0)} ms (refit = ${(refitSeconds / passSeconds).toFixed(0)} passes)`, '', ''],
  ['fit vs truth, MAE prior / learn / guess / slip', `${fits.filter((f) => !f.isDefault).length} points fitted`, meanAbsoluteError.map((e) => e.toFixed(3)).join(' / '), '', ''],
  [
    'recommend (targets from competency gaps)',
    `${rankPoints} points, ${rankItems} items, ${dueReviews.length} due reviews`,
    `p50 ${ms(percentile(withTargets, 0.5, withTargets))} · p95 ${ms(percentile(withTargets, 0.95, withTargets))} · p99 ${ms(percentile(withTargets, 0.99, withTargets))}`,
    `p95 ≤ ${RANK_TARGET_P95_MS} ms`,
    percentile(withTargets, 0.95, withTargets) <= RANK_TARGET_P95_MS ? 'yes' : 'NO',
  ],
  ['recommend only (targets given)', 'same', `p50 ${ms(percentile(rankOnly, 0.5, rankOnly))} · p95 ${ms(percentile(rankOnly, 0.95, rankOnly))} · p99 ${ms(percentile(rankOnly, 0.99, rankOnly))}`, '', ''],
];
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
console.log(`\nNode ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log([line(rows[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n'));
