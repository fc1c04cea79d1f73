import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/** FNV-1a over the text: turns (seed, step name) into the 32-bit seed of that step's own stream. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/**
 * The demo generator's only source of chance: pure-rand's xoroshiro128+ behind a few helpers. Each
 * generator step draws from its own stream (seed × step name), so a step added later never changes
 * what the earlier steps produce for the same seed.
 */
export class Random {
  private readonly rng: RandomGenerator;

  constructor(seed: number, stream = '') {
    this.rng = xoroshiro128plus(hash32(`${seed}:${stream}`));
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return uniformInt(this.rng, min, max);
  }

  /** A float in [0, 1). */
  float(): number {
    return uniformFloat64(this.rng);
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (!items.length) throw new RangeError('pick from an empty list');
    return items[this.int(0, items.length - 1)]!;
  }

  /** One item, with probability proportional to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let at = this.float() * total;
    for (const [item, weight] of entries) {
      at -= weight;
      if (at < 0) return item;
    }
    return entries[entries.length - 1]![0];
  }

  /** A version-4-shaped UUID from this stream, so a run's ids repeat with its seed. */
  uuid(): string {
    const words = [0, 1, 2, 3].map(() => (this.rng.next() >>> 0).toString(16).padStart(8, '0')).join('');
    const variant = ((parseInt(words[16]!, 16) & 0x3) | 0x8).toString(16);
    return `${words.slice(0, 8)}-${words.slice(8, 12)}-4${words.slice(13, 16)}-${variant}${words.slice(17, 20)}-${words.slice(20, 32)}`;
  }
}
