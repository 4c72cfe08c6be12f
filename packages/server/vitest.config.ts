import { defineConfig } from 'vitest/config';

// PGlite compiles PostgreSQL to wasm at start-up (one instance per test file, seconds on a busy
// machine): give hooks and tests room. Each file opens its own database, so files may run in parallel.
// After each file, the debug log of its traffic must hold no patient data (test/helpers/log-guard.ts).
export default defineConfig({
  test: {
    name: 'server',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    setupFiles: ['test/helpers/log-guard.ts'],
  },
});
