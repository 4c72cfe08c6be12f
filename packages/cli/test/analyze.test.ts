import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_SCENARIO, formatSignalCsv, generateScenario, SpasmAnalysisSchema } from '@hemispasm/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli';
import { scratchDir } from './scratch';

const dir = scratchDir('analyze');
let rightCsv: string;
let trueSpasms: number;
/** Right-sided spasms and closures of both eyes held 0.7–3 s (not HFS). */
let bilateralCsv: string;

beforeAll(async () => {
  const s = generateScenario({
    ...DEFAULT_SCENARIO,
    durationS: 30,
    affected: 'right',
    noFaceStretches: 1,
    seed: 3,
  });
  trueSpasms = s.truth.events.filter((e) => e.kind === 'spasm').length;
  rightCsv = join(dir, 'right.csv');
  await writeFile(rightCsv, formatSignalCsv(s.series));
  const b = generateScenario({
    ...DEFAULT_SCENARIO,
    durationS: 30,
    affected: 'right',
    bilateralClosuresPerMin: 8,
    seed: 5,
  });
  expect(b.truth.events.some((e) => e.kind === 'bilateral_closure')).toBe(true);
  bilateralCsv = join(dir, 'bilateral.csv');
  await writeFile(bilateralCsv, formatSignalCsv(b.series));
});

describe('hemispasm analyze', () => {
  it('prints a readable summary: side, rates, time in spasm, no-face frames, events table', async () => {
    const r = await runCli(['analyze', rightCsv]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/side\s+right \(the patient's right side\)/);
    expect(r.stdout).toMatch(/spasms\s+\d+ \([\d.]+ per minute\), [\d.]+ % of the time, longest [\d.]+ s/);
    expect(r.stdout).toMatch(/no face in \d+ frames/);
    expect(r.stdout).toMatch(/│ spasm │ right │ eye/);
    expect(r.stdout).toMatch(/│ blink │ both/);
    expect(r.stdout).toContain('does not replace');
  });

  it('prints the analysis as JSON that the shared schema accepts', async () => {
    const r = await runCli(['analyze', rightCsv, '--json']);
    expect(r.code).toBe(0);
    const a = SpasmAnalysisSchema.parse(JSON.parse(r.stdout));
    expect(a.side).toBe('right');
    expect(Math.abs(a.spasmCount - trueSpasms)).toBeLessThanOrEqual(Math.ceil(0.1 * trueSpasms));
    expect(a.noFaceFrames).toBeGreaterThan(0);
  });

  it('says in words when both eyes closed together (red flag) and when the recorded side differs', async () => {
    const r = await runCli(['analyze', bilateralCsv, '--affected-side', 'left']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/closures of both eyes > 0.5 s\s+[1-9]/);
    expect(r.stdout).toContain('RED FLAG: Both eyes closed together');
    expect(r.stdout).toContain('not typical of hemifacial spasm');
    expect(r.stdout).toMatch(
      /WARNING: Side check: \d+ spasms were measured on the right side, but the patient's recorded affected side is left/,
    );
    const agree = await runCli(['analyze', bilateralCsv, '--affected-side', 'right']);
    expect(agree.stdout).not.toContain('WARNING');
    const bad = await runCli(['analyze', bilateralCsv, '--affected-side', 'up']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--affected-side: expected left, right or bilateral');
  });

  /** Writes a CSV and runs analyze on it: it must be refused with exit 2 and nothing on stdout. */
  async function refused(name: string, csv: string) {
    const file = join(dir, name);
    await writeFile(file, csv);
    const r = await runCli(['analyze', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    return { file, stderr: r.stderr };
  }

  it('rejects a CSV with a bad cell, naming file, line and column (exit 2)', async () => {
    const r = await refused('bad.csv', 't,eye_l,eye_r,mouth_l,mouth_r\n0,0.3,0.3,0,0\n0.033,0.3,oops,0,0\n');
    expect(r.stderr).toContain(`${r.file}, line 3, column eye_r: expected a number`);
  });

  it('rejects a CSV with wrong columns (exit 2)', async () => {
    const r = await refused('cols.csv', 'time,left,right\n0,0.3,0.3\n');
    expect(r.stderr).toMatch(/line 1, column 1: expected "t", got "time"/);
  });

  it('refuses a series with no face at all rather than reporting no spasm (exit 2)', async () => {
    const r = await refused('noface.csv', 't,eye_l,eye_r,mouth_l,mouth_r\n0,,,,\n0.033,,,,\n');
    expect(r.stderr).toContain('no face in any frame');
  });

  it('says so when the file does not exist or is not a signals CSV (exit 2)', async () => {
    const missing = await runCli(['analyze', join(dir, 'nope.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('file not found');
    const other = join(dir, 'notes.txt');
    await writeFile(other, 'hello');
    const r = await runCli(['analyze', other]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(other);
  });
});
