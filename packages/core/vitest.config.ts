import { defineConfig } from 'vitest/config';

// Property tests run the engine on hundreds of generated inputs: seconds on a busy 2-core machine,
// so no test has vitest's default 5 s limit.
export default defineConfig({
  test: { name: '@hemispasm/core', testTimeout: 120_000 },
});
