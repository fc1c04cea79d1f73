import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Journeys in file-name order, except those named `*.clock.e2e.ts`: they move the server's clock forward (it
 * never goes back), so they run last and every other journey sees today's dates.
 */
class ClockLastSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]) {
    const sorted = [...files].sort((a, b) => (a.moduleId < b.moduleId ? -1 : a.moduleId > b.moduleId ? 1 : 0));
    const shifts = (f: TestSpecification) => f.moduleId.endsWith('.clock.e2e.ts');
    return [...sorted.filter((f) => !shifts(f)), ...sorted.filter(shifts)];
  }
}

/** Browser journeys: one real server with a fresh database and the demo district, driven through Debian's chromium. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    sequence: { sequencer: ClockLastSequencer },
  },
});
