/**
 * `npm run coach:eval [-- --quick] [-- --seed N]`: the coach's models on synthetic learners, one table with the goals.
 * Exits with 1 when a goal is missed, so CI can run the quick mode as a check.
 */
import { parseArgs } from 'node:util';
import { evaluate, renderReport } from './model/evaluate.ts';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, seed: { type: 'string', default: '2026' } } });
const seed = Number(values.seed);
if (!Number.isInteger(seed)) throw new Error('--seed must be a whole number');

const report = evaluate({ seed, quick: values.quick, onProgress: (step) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${step}…`) });
console.log(renderReport(report));
if (!report.goals.auc || !report.goals.minutes) process.exitCode = 1;
