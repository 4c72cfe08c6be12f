import { defineConfig } from 'vitest/config';

// Unit tests (test/) and browser journeys (e2e/). The journeys build the app once and drive Debian's
// Chromium through playwright-core against a real server on PGlite; they are bounded and run serially.
export default defineConfig({
  test: {
    name: 'web',
    include: ['test/**/*.test.ts', 'e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 240_000,
    fileParallelism: false,
  },
});
