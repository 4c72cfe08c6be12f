import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runBin, SPAWN_TIMEOUT } from './processes';
import { runCli } from './run-cli';
import { scratchDir } from './scratch';

const example = (id: string) =>
  fileURLToPath(new URL(`../../../examples/answers/${id}.json`, import.meta.url));

const dir = scratchDir('score');

async function file(name: string, content: unknown): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('hemispasm score', () => {
  it('prints a readable score with band, verification and the physician note', async () => {
    const r = await runCli(['score', 'smc', example('smc')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('version lee-2011');
    expect(r.stdout).toMatch(/Result: II \(stored as 2\)/);
    expect(r.stdout).toContain('Band: Grade II');
    expect(r.stdout).toContain('Also: Mild');
    expect(r.stdout).toContain('does not replace');
  });

  it('prints JSON carrying instrument id and version with --json', async () => {
    const r = await runCli(['score', 'jankovic-hfs', example('jankovic-hfs'), '--json']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(s).toMatchObject({
      instrumentId: 'jankovic-hfs',
      instrumentVersion: 'neurosurgerywiki-hfs',
      total: 5,
    });
    expect(s.band).toBeNull();
    expect((s.subscales as unknown[]).length).toBe(2);
  });

  it('shows what is unverified: Cohen wording, hearing classes B–D', async () => {
    const cohen = await runCli(['score', 'cohen-albert', example('cohen-albert')]);
    expect(cohen.stdout).toContain('Verification: UNVERIFIED');
    expect(cohen.stdout).toContain('! Wording unverified');
    const hearing = await runCli(['score', 'hearing-aao-hns', example('hearing-aao-hns')]);
    expect(hearing.stdout).toContain('Result: Class B');
    expect(hearing.stdout).toContain('ptaDb = 42.5 dB');
    expect(hearing.stdout).toMatch(/classes B, C and D are general knowledge/);
  });

  it('gives HFS-30 subscales only with a wording pack', async () => {
    const items = Object.fromEntries(
      Array.from({ length: 30 }, (_, i) => [
        `q${i + 1}`,
        {
          text: `Placeholder ${i + 1}`,
          subscale: [
            'mobility',
            'activities-of-daily-living',
            'emotional-well-being',
            'stigma',
            'social-support',
            'cognition',
            'communication',
          ][i % 7],
        },
      ]),
    );
    const pack = await file('hfs30-pack.json', {
      instrumentId: 'hfs30',
      instrumentVersion: 'tan-2004',
      name: 'Placeholder pack',
      licence: 'fixture',
      items,
    });
    const without = JSON.parse((await runCli(['score', 'hfs30', example('hfs30'), '--json'])).stdout) as {
      subscales?: unknown;
    };
    expect(without.subscales).toBeUndefined();
    const r = await runCli(['score', 'hfs30', example('hfs30'), '--wording', pack]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Subscales:');
    expect(r.stdout).toMatch(/Communication: \d+ \(0–16\)/);
    expect(r.stdout).toContain('licensed pack "Placeholder pack"');
  });

  it('rejects bad answers with exit 2 and one line per problem naming the field', async () => {
    const bad = await file('bad.json', { items: { q1: 1, q2: 2, q3: 9, q4: 'x', q5: 1, q6: 1, q8: 1 } });
    const r = await runCli(['score', 'hfs7', bad]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([
      'items.q3: expected an integer 0–4, got 9',
      'items.q4: expected an integer 0–4, got "x"',
      'items.q7: required (expected an integer 0–4)',
      'items.q8: unknown field',
    ]);
  });

  it('refuses to score one wording variant as the other', async () => {
    const r = await runCli(['score', 'jankovic-hfs', example('jankovic-blepharospasm')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^instrument: answers declare jankovic-blepharospasm, not jankovic-hfs/);
  });

  it('rejects an unknown instrument before reading the file, listing the known ids', async () => {
    const r = await runCli(['score', 'jrs', join(dir, 'does-not-exist.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      'instrument: unknown instrument "jrs"; known ids: smc, jankovic-blepharospasm, jankovic-hfs, cohen-albert, hfs7, hfs30, house-brackmann, hearing-aao-hns',
    );
  });

  it('reports a missing file, invalid JSON and a missing argument clearly', async () => {
    const missing = join(dir, 'nope.json');
    expect(await runCli(['score', 'smc', missing])).toMatchObject({
      code: 2,
      stderr: `${missing}: file not found\n`,
    });
    const broken = await file('broken.json', '{ "items": ');
    const b = await runCli(['score', 'smc', broken]);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/broken\.json: not valid JSON/);
    expect((await runCli(['score', 'smc'])).code).toBe(2);
  });

  // One real process (exit code and stderr as a shell sees them); not a performance assertion.
  it(
    'runs as a real process: exit 2 with the field error on stderr, nothing on stdout',
    async () => {
      const bad = await file('hb.json', { items: { grade: 7 } });
      expect(await runBin(['score', 'house-brackmann', bad])).toEqual({
        code: 2,
        stdout: '',
        stderr: 'items.grade: expected an integer 1–6 (grade I–VI), got 7\n',
      });
    },
    SPAWN_TIMEOUT,
  );
});
