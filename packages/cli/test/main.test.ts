import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

const bin = fileURLToPath(new URL('../bin/hemispasm.js', import.meta.url));

describe('hemispasm', () => {
  it('prints help with the physician note', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('does not replace');
  });
  it('rejects an unknown command with exit code 2', async () => {
    const r = await runCli(['no-such-command']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--help');
  });
  // A spawned Node process (tsx loads the sources) can take well over 5 s on a busy 2-core machine.
  it('runs as a real process through its bin', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [bin, '--help']);
    expect(stdout).toContain('Usage: hemispasm');
  }, 120_000);
});
