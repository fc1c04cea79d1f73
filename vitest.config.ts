import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/src/**/*.test.ts', 'server/src/**/*.test.ts', 'web/src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // One worker per core (Vitest's default leaves one core free): each file's database runs inside its worker, so
    // the main process has little to do. On the 2-core machines the suite took 444 s with one worker, 289 s with two.
    maxWorkers: availableParallelism(),
  },
});
