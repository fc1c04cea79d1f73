import { Random } from '../../../demo/random.ts';
import type { AnswerLog, BktParams } from './bkt.ts';
import type { ItemParams, ResponseLog } from './irt.ts';
import type { CompetencyPoints, Localized, Requirement } from './levels.ts';
import type { ItemKind } from './rank.ts';

/*
 * Synthetic learners from known parameters, for the coach's evaluation and benchmark. The world's true BKT parameters,
 * the learners' hidden knowledge and the true 2PL item parameters are the ground truth: only the evaluator reads them;
 * the models see answers.
 */

export interface SimKnowledgePoint {
  id: string;
  name: Localized;
  /** Indices of earlier knowledge points that must be known before this one can be learned. */
  prerequisites: number[];
  truth: BktParams;
}

export interface SimItem {
  id: string;
  title: Localized;
  kind: ItemKind;
  minutes: number;
  knowledgePoints: number[];
}

export interface World {
  knowledgePoints: SimKnowledgePoint[];
  /** In catalogue order: a curriculum that introduces knowledge points in the order of their prerequisites. */
  items: SimItem[];
  /** The role profile: competencies whose knowledge points the role needs, all required at their highest level. */
  requirements: Requirement[];
  /** Knowledge points the role needs (the union of the requirements' points). */
  targets: number[];
}

export interface WorldOptions {
  knowledgePoints?: number;
  items?: number;
  /** Share of knowledge points the role needs directly. */
  targetShare?: number;
}

const TOPICS: [string, string][] = [
  ['液压系统维护', 'Hydraulic system maintenance'],
  ['电气安全', 'Electrical safety'],
  ['数控编程', 'CNC programming'],
  ['质量检验', 'Quality inspection'],
  ['焊接工艺', 'Welding practice'],
  ['设备点检', 'Equipment checks'],
  ['精益生产', 'Lean production'],
  ['消防应急', 'Fire emergency response'],
  ['机械制图', 'Technical drawing'],
  ['仓储管理', 'Warehouse management'],
];

/** Draws a standard normal variate (Box–Muller) from the stream. */
export function normal(random: Random): number {
  const u = 1 - random.float();
  const v = random.float();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

const uniform = (random: Random, low: number, high: number) => low + (high - low) * random.float();

/** True BKT parameters inside the allowed box (guess ≤ 0.3, slip ≤ 0.1). */
export function drawTruth(random: Random): BktParams {
  return { prior: uniform(random, 0.05, 0.4), learn: uniform(random, 0.08, 0.35), guess: uniform(random, 0.05, 0.3), slip: uniform(random, 0.01, 0.1) };
}

export function createWorld(seed: number, options: WorldOptions = {}): World {
  const count = options.knowledgePoints ?? 40;
  const itemCount = Math.max(options.items ?? count * 2, count);
  const random = new Random(seed, 'coach-world');
  const knowledgePoints = Array.from({ length: count }, (_, i): SimKnowledgePoint => {
    const [zh, en] = TOPICS[i % TOPICS.length]!;
    const part = Math.floor(i / TOPICS.length) + 1;
    const prerequisites = new Set<number>();
    const wanted = i < 2 ? 0 : random.weighted<number>([[0, 0.3], [1, 0.5], [2, 0.2]]);
    while (prerequisites.size < Math.min(wanted, i)) prerequisites.add(random.int(Math.max(0, i - 8), i - 1));
    return { id: `kp-${i + 1}`, name: { 'zh-CN': `${zh}（${part}）`, 'en-US': `${en} (${part})` }, prerequisites: [...prerequisites].sort((a, b) => a - b), truth: drawTruth(random) };
  });
  const items = Array.from({ length: itemCount }, (_, j): SimItem => {
    // The first items cover each knowledge point once; the rest revisit random neighbourhoods.
    const anchor = j < count ? j : random.int(0, count - 1);
    const covered = new Set([anchor]);
    const extra = random.weighted<number>([[0, 0.5], [1, 0.35], [2, 0.15]]);
    while (covered.size < 1 + extra) covered.add(Math.min(count - 1, Math.max(0, anchor + random.int(-3, 3))));
    const minutes = random.int(3, 20);
    return {
      id: `item-${j + 1}`,
      title: { 'zh-CN': `微课 ${j + 1}`, 'en-US': `Course ${j + 1}` },
      kind: minutes <= 10 ? 'micro_course' : 'lesson',
      minutes,
      knowledgePoints: [...covered].sort((a, b) => a - b),
    };
  });
  items.sort((x, y) => x.knowledgePoints[0]! - y.knowledgePoints[0]! || x.knowledgePoints.length - y.knowledgePoints.length);
  const targetCount = Math.max(3, Math.round(count * (options.targetShare ?? 0.3)));
  const targets = new Set<number>();
  while (targets.size < targetCount) targets.add(random.int(0, count - 1));
  const ordered = [...targets].sort((a, b) => a - b);
  // Three competencies, each naming its points at levels 1–3 in curriculum order.
  const requirements: Requirement[] = [0, 1, 2].map((c): Requirement => {
    const own = ordered.filter((_, i) => i % 3 === c);
    const competency: CompetencyPoints = {
      id: `competency-${c + 1}`,
      name: { 'zh-CN': `岗位能力 ${c + 1}`, 'en-US': `Competency ${c + 1}` },
      maxLevel: 3,
      points: own.map((k, i) => ({ knowledgePointId: knowledgePoints[k]!.id, level: 1 + Math.floor((3 * i) / Math.max(1, own.length)) })),
    };
    return { competency, requiredLevel: 3, weight: random.int(1, 3) };
  });
  return { knowledgePoints, items, requirements, targets: ordered };
}

/** `count` distinct indices below chosen.length, in the order drawn (`chosen` is scratch space). */
function pickDistinct(random: Random, count: number, chosen: Uint8Array): number[] {
  chosen.fill(0);
  const out: number[] = [];
  while (out.length < count) {
    const index = random.int(0, chosen.length - 1);
    if (chosen[index]) continue;
    chosen[index] = 1;
    out.push(index);
  }
  return out;
}

export interface PracticeOptions {
  learners: number;
  /** Knowledge points each learner practises. */
  pointsPerLearner: number;
  minLength?: number;
  maxLength?: number;
  /** Stream name, so training and held-out populations differ. */
  stream: string;
}

/**
 * Learners practising questions with feedback, exactly as BKT tells it: known at the start with the prior; each answer
 * right with 1 − slip if known, guess if not; then learned with `learn`. The log is in the order answers were given.
 */
export function practiceLog(truths: readonly BktParams[], seed: number, options: PracticeOptions): AnswerLog {
  const random = new Random(seed, `coach-practice:${options.stream}`);
  const minLength = options.minLength ?? 2;
  const maxLength = options.maxLength ?? 12;
  const capacity = options.learners * options.pointsPerLearner * maxLength;
  const learner = new Int32Array(capacity);
  const knowledgePoint = new Int32Array(capacity);
  const correct = new Uint8Array(capacity);
  const count = truths.length;
  const pointsPerLearner = Math.min(options.pointsPerLearner, count);
  let n = 0;
  const chosen = new Uint8Array(count);
  for (let l = 0; l < options.learners; l++) {
    for (const k of pickDistinct(random, pointsPerLearner, chosen)) {
      const truth = truths[k]!;
      let known = random.float() < truth.prior;
      const length = random.int(minLength, maxLength);
      for (let t = 0; t < length; t++) {
        learner[n] = l;
        knowledgePoint[n] = k;
        correct[n] = (known ? random.float() >= truth.slip : random.float() < truth.guess) ? 1 : 0;
        n++;
        if (!known && random.float() < truth.learn) known = true;
      }
    }
  }
  return { learner: learner.slice(0, n), knowledgePoint: knowledgePoint.slice(0, n), correct: correct.slice(0, n) };
}

/** A learner of the A/B simulation: hidden knowledge that only `study` changes and only answers reveal. */
export class SimulatedLearner {
  readonly #known: Uint8Array;
  readonly #random: Random;

  constructor(
    private readonly world: World,
    seed: number,
    index: number,
    arm: string,
  ) {
    // The same learner (same starting knowledge) in every arm; each arm's chances then run on their own stream.
    const start = new Random(seed, `coach-learner:${index}`);
    this.#known = new Uint8Array(world.knowledgePoints.length);
    world.knowledgePoints.forEach((point, k) => {
      const canKnow = point.prerequisites.every((p) => this.#known[p] === 1);
      if (start.float() < point.truth.prior && canKnow) this.#known[k] = 1;
    });
    this.#random = new Random(seed, `coach-learner:${index}:${arm}`);
  }

  /** Takes an item (learning what its prerequisites allow), then answers one question per knowledge point it covers. */
  study(item: SimItem): { knowledgePoint: number; correct: boolean }[] {
    for (const k of item.knowledgePoints) {
      const point = this.world.knowledgePoints[k]!;
      if (this.#known[k] || !point.prerequisites.every((p) => this.#known[p] === 1)) continue;
      if (this.#random.float() < point.truth.learn) this.#known[k] = 1;
    }
    return item.knowledgePoints.map((k) => {
      const truth = this.world.knowledgePoints[k]!.truth;
      const correct = this.#known[k] ? this.#random.float() >= truth.slip : this.#random.float() < truth.guess;
      return { knowledgePoint: k, correct };
    });
  }

  /** Ground truth, for the evaluator only: does the learner know every knowledge point the role needs? */
  meetsTargets(): boolean {
    return this.world.targets.every((k) => this.#known[k] === 1);
  }
}

export interface TwoPlData {
  log: ResponseLog;
  items: ItemParams[];
  abilities: Float64Array;
}

/** Exam answers under 2PL: abilities ~ N(0, 1), difficulties ~ N(0, 1), discriminations log-normal around 1.2. */
export function generate2pl(seed: number, persons: number, itemCount: number, answersPerPerson: number): TwoPlData {
  const random = new Random(seed, 'coach-2pl');
  const items = Array.from({ length: itemCount }, () => ({
    a: Math.min(3, Math.max(0.4, 1.2 * Math.exp(0.3 * normal(random)))),
    b: Math.max(-2.5, Math.min(2.5, normal(random))),
  }));
  const abilities = Float64Array.from({ length: persons }, () => normal(random));
  const perPerson = Math.min(answersPerPerson, itemCount);
  const size = persons * perPerson;
  const log: ResponseLog = { person: new Int32Array(size), item: new Int32Array(size), correct: new Uint8Array(size) };
  const chosen = new Uint8Array(itemCount);
  let n = 0;
  for (let p = 0; p < persons; p++) {
    for (const j of pickDistinct(random, perPerson, chosen)) {
      const item = items[j]!;
      log.person[n] = p;
      log.item[n] = j;
      log.correct[n] = random.float() < 1 / (1 + Math.exp(-item.a * (abilities[p]! - item.b))) ? 1 : 0;
      n++;
    }
  }
  return { log, items, abilities };
}
