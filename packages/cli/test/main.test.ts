import { describe, expect, it } from 'vitest';
import { runBin, SPAWN_TIMEOUT } from './processes';
import { runCli } from './run-cli';

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
  it(
    'runs as a real process through its bin',
    async () => {
      const r = await runBin(['--help']);
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect(r.stdout).toContain('Usage: hemispasm');
    },
    SPAWN_TIMEOUT,
  );
});
