/** Throwaway folders for the CLI tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/** A temporary folder for this test file, removed after its tests (a PGlite folder can take seconds). */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `hemispasm-${prefix}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }), 600_000);
  return dir;
}
