import { defineConfig } from 'vitest/config';

// Unit tests (test/). The browser journeys (e2e/) are their own project, vitest.e2e.config.ts.
export default defineConfig({
  test: {
    name: 'web',
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
  },
});
