import { defineConfig } from 'vitest/config';

// Commands run as real processes and open databases and videos: on a busy 2-core machine that takes
// seconds, so no test has vitest's default 5 s limit (each slow one may still set its own, longer).
export default defineConfig({
  test: { name: '@hemispasm/cli', testTimeout: 120_000, hookTimeout: 180_000 },
});
