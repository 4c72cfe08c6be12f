import { defineConfig } from 'vitest/config';

// Tests decode real videos with ffmpeg and run the face mesh: seconds on a busy 2-core machine, so no
// test has vitest's default 5 s limit (each slow one may still set its own, longer).
export default defineConfig({
  test: { name: '@hemispasm/vision', testTimeout: 120_000, hookTimeout: 240_000 },
});
