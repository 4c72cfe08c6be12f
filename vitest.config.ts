import { defineConfig } from 'vitest/config';

// One runner for the whole repository: each package is a project (its own vitest.config.ts if it needs one),
// and the web app's browser journeys one more, run after all the others (packages/web/vitest.e2e.config.ts).
export default defineConfig({
  test: {
    projects: ['packages/*', 'packages/web/vitest.e2e.config.ts'],
  },
});
