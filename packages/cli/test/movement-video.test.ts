/**
 * `hemispasm movement <video> --script file --json` end to end on an animated face (the vision package's
 * face animator): a short 9.5 s script of two prompts at 10 fps keeps it light (95 frames); the left side
 * raises the brow and smiles half as much as the right. The full six-prompt validation is in
 * packages/vision/test/movement-validation.test.ts.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type MovementAnalysis, MovementAnalysisSchema, type MovementScript } from '@hemispasm/core';
import { movementTestAnimation, writeAnimatedVideo } from '@hemispasm/vision/testing';
import { beforeAll, expect, it } from 'vitest';
import { runCli } from './run-cli';
import { scratchDir } from './scratch';

const dir = scratchDir('movement-video');
const video = join(dir, 'weak-left.mp4');
const scriptFile = join(dir, 'script.json');
const script: MovementScript = {
  segments: [
    { movement: 'brow_raise', startS: 1.5, endS: 4 },
    { movement: 'smile', startS: 5.5, endS: 8 },
  ],
  durationS: 9.5,
};

beforeAll(async () => {
  writeFileSync(scriptFile, JSON.stringify(script));
  await writeAnimatedVideo(
    video,
    movementTestAnimation({ affected: 'left', ratio: 0.5, script, fps: 10, headMotion: 0.5, seed: 8 }),
  );
}, 300_000);

it('measures a recorded video against the script: the weaker side and its symmetry, the rest not recorded', async () => {
  const r = await runCli(['movement', video, '--script', scriptFile, '--json', '--workers', '1']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const a: MovementAnalysis = MovementAnalysisSchema.parse(JSON.parse(r.stdout));
  expect(a.weakerSide).toBe('left');
  for (const m of ['brow_raise', 'smile'] as const) {
    const x = a.movements.find((y) => y.movement === m)!;
    expect(x.status, m).toBe('measured');
    expect(Math.abs(x.symmetryPct! - 50), `${m}: ${x.symmetryPct} %`).toBeLessThanOrEqual(10);
    expect(x.weakerSide).toBe('left');
  }
  // Prompts the script did not give are not measured, and not guessed.
  for (const x of a.movements.filter((y) => y.movement !== 'brow_raise' && y.movement !== 'smile'))
    expect(x.status, x.movement).toBe('not_recorded');
  expect(a.band?.side).toBe('left');
}, 300_000);
