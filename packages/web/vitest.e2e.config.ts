import { defineConfig } from 'vitest/config';

// Browser journeys (e2e/): they build the app once and drive Debian's Chromium through playwright-core
// against a real server on PGlite; bounded and run serially. They run AFTER every other project
// (groupOrder 1): the movement test's prompts are timed by the wall clock, and with the CLI, vision and
// server tests beside it on a 2-core machine the page fell behind its clock and skipped a third of its
// samples (153 of 465), leaving the last prompts unmeasured.
export default defineConfig({
  test: {
    name: 'web-e2e',
    include: ['e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    sequence: { groupOrder: 1 },
  },
});
