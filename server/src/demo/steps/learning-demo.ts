import type { Db } from '../../db/client.ts';
import type { DemoWorld } from '../world.ts';

/** What each learning-platform demo loader gets: the demo's transaction, the planned world, its seed, address and moment. */
export interface LearningDemoInput {
  db: Db;
  world: DemoWorld;
  seed: number;
  /** The server's public address (IRIs of activities and accounts). */
  publicUrl: string;
  now: Date;
}

/** A loader answers the counts it adds to the demo marker. */
export type LearningDemoLoader = (input: LearningDemoInput) => Promise<Record<string, number>>;
