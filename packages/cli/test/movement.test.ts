import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DEFAULT_MOVEMENT_SCENARIO,
  DEFAULT_SCRIPT,
  generateMovementSeries,
  MovementAnalysisSchema,
} from '@hemispasm/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli';
import { scratchDir } from './scratch';

const dir = scratchDir('movement');
let weakRight: string;
let noPucker: string;

beforeAll(async () => {
  weakRight = join(dir, 'weak-right.json');
  await writeFile(
    weakRight,
    JSON.stringify(
      generateMovementSeries({
        ...DEFAULT_MOVEMENT_SCENARIO,
        seed: 5,
        gain: { brow_raise: 0.5, smile: 0.5, eye_closure_gentle: 0.5 },
      }),
    ),
  );
  noPucker = join(dir, 'no-pucker.json');
  await writeFile(
    noPucker,
    JSON.stringify(generateMovementSeries({ ...DEFAULT_MOVEMENT_SCENARIO, seed: 6, skip: ['pucker'] })),
  );
});

describe('hemispasm movement', () => {
  it('prints each movement per side, the symmetry, the weaker side and the labelled band', async () => {
    const r = await runCli(['movement', weakRight]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('prompts    followed');
    expect(r.stdout).toMatch(
      /raise the eyebrows\s+│\s+[\d.]+\s+│\s+[\d.]+\s+│\s+(4\d|5\d|60) %\s+│\s+\d+–\d+ %\s+│\s+right/,
    );
    expect(r.stdout).toMatch(/close the eyes gently\s+│\s+\d+ % shut/);
    expect(r.stdout).toMatch(/band\s+(III|IV) \(right side moves \d+ %/);
    expect(r.stdout).toContain("measured movement symmetry, not a clinician's House–Brackmann grade");
    expect(r.stdout).toContain('does not replace');
  });

  it('prints the analysis as JSON the shared schema accepts', async () => {
    const r = await runCli(['movement', weakRight, '--json']);
    expect(r.code).toBe(0);
    const a = MovementAnalysisSchema.parse(JSON.parse(r.stdout));
    expect(a.weakerSide).toBe('right');
    expect(a.script).toEqual(DEFAULT_SCRIPT);
  });

  it('says which movement is missing and that the prompts were not followed', async () => {
    const r = await runCli(['movement', noPucker]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('NOT FOLLOWED');
    expect(r.stdout).toContain('- pucker the lips: no movement during its prompt (26.0–29.0 s)');
    expect(r.stdout).toMatch(/pucker the lips\s+│.*│\s+missing\s+│/);
  });

  it('uses a --script file, and refuses a bad one naming the file and field (exit 2)', async () => {
    const late = {
      ...DEFAULT_SCRIPT,
      segments: DEFAULT_SCRIPT.segments.map((s) => ({ ...s, startS: s.startS + 0.5, endS: s.endS + 0.5 })),
      durationS: DEFAULT_SCRIPT.durationS + 0.5,
    };
    const ok = join(dir, 'script.json');
    await writeFile(ok, JSON.stringify(late));
    const r = await runCli(['movement', weakRight, '--script', ok, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).script).toEqual(late);

    const bad = join(dir, 'bad-script.json');
    await writeFile(
      bad,
      JSON.stringify({ segments: [{ movement: 'wink', startS: 1, endS: 4 }], durationS: 6 }),
    );
    const b = await runCli(['movement', weakRight, '--script', bad]);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain(`${bad}: segments[0].movement: expected one of rest, brow_raise`);
    expect(b.stdout).toBe('');
  });

  it('refuses a missing file and a series with no face (exit 2)', async () => {
    const missing = await runCli(['movement', join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('file not found');
    const empty = join(dir, 'empty.json');
    await writeFile(empty, JSON.stringify({ frames: [{ t: 0, iod: null }] }));
    const e = await runCli(['movement', empty]);
    expect(e.code).toBe(2);
    expect(e.stderr).toContain('no face in any frame');
  });
});
