/** `hemispasm recommend` end to end: the report, JSON, the trace, and every kind of bad input. */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

const examples = fileURLToPath(new URL('../../../examples/', import.meta.url));
const typical = join(examples, 'profile-typical.json');
const dir = mkdtempSync(join(tmpdir(), 'hemispasm-recommend-'));

function writeProfile(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

describe('hemispasm recommend', () => {
  it('prints a ranking table, reasons with numbered sources, and the physician disclaimer', async () => {
    const r = await runCli(['recommend', typical]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/Rank\s*│\s*Option/);
    expect(r.stdout).toMatch(/│ 1\s+│ Botulinum toxin injections\s+│ 70\s+│ preferred/);
    expect(r.stdout).toContain('Red flags: none');
    expect(r.stdout).toMatch(/Complete resolution .*91\.1 % — median 2\.9 years after surgery \[\d+\]/);
    expect(r.stdout).toMatch(/\[\d+\] Safety and effectiveness of microvascular decompression/);
    expect(r.stdout).toContain('(partly verified)');
    expect(r.stdout).toContain('does not replace, the judgement of a physician');
    expect(r.stdout).not.toContain('How the ranking was reached');
  });

  it('--json prints the result object with five ranked options', async () => {
    const r = await runCli(['recommend', typical, '--json']);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as {
      options: { id: string; rank: number }[];
      redFlags: unknown[];
      disclaimer: string;
    };
    expect(result.options.map((o) => o.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(result.options[0]?.id).toBe('botulinum_toxin');
    expect(result.redFlags).toEqual([]);
    expect(result).not.toHaveProperty('trace');
  });

  it('--explain prints the rules that fired, with their sources', async () => {
    const r = await runCli(['recommend', join(examples, 'profile-red-flag-lesion.json'), '--explain']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('RED FLAGS (2)');
    expect(r.stdout).toContain('structural_lesion');
    expect(r.stdout).toContain('How the ranking was reached');
    expect(r.stdout).toMatch(/lesion-first\s*│ red flag\s/);
    expect(r.stdout).toContain('(unusual-hfs-1642)');
  });

  it('--json --explain includes the trace', async () => {
    const r = await runCli(['recommend', typical, '--json', '--explain']);
    const result = JSON.parse(r.stdout) as { trace: { rule: string }[] };
    expect(result.trace.map((t) => t.rule)).toContain('base-mvd');
  });

  it('runs every bundled example profile', async () => {
    const profiles = readdirSync(examples).filter((f) => /^profile-.*\.json$/.test(f));
    expect(profiles.length).toBeGreaterThanOrEqual(5);
    for (const name of profiles) {
      const r = await runCli(['recommend', join(examples, name), '--json']);
      expect(r.code, name).toBe(0);
    }
  });

  it('bad input: exit 2, one line per problem naming the field path', async () => {
    const bad = JSON.parse(readFileSync(typical, 'utf8')) as Record<string, unknown>;
    bad.imaging = { mri: 'ct' };
    bad.asaClass = 7;
    bad.smoker = true;
    const r = await runCli(['recommend', writeProfile('bad.json', bad)]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n').sort()).toEqual([
      'asaClass: must be ≤ 5',
      'imaging.mri: expected one of not_done, normal, neurovascular_conflict, lesion',
      'smoker: unknown field',
    ]);
  });

  it('missing file, invalid JSON and a missing argument get clear messages and exit 2', async () => {
    const missing = await runCli(['recommend', join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.json: file not found');
    const broken = await runCli(['recommend', writeProfile('broken.json', '{ "age": ')]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('broken.json: not valid JSON');
    const none = await runCli(['recommend']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/missing required argument/);
    for (const r of [missing, broken, none]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
