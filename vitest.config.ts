import { defineConfig } from 'vitest/config';

// One runner for the whole repository: each package is a project (its own vitest.config.ts if it needs one).
export default defineConfig({
  test: {
    projects: ['packages/*'],
  },
});
