import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSignalCsv, type SpasmAnalysis } from '@hemispasm/core';
import { type PaintedClosure, writeScenarioVideo } from '@hemispasm/vision/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'hemispasm-signals-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Known truth, painted on a real face (skimage's astronaut, unmirrored: her RIGHT eye is on the image's
 * left): clonic twitches and a tonic spasm of the patient's RIGHT eye, full and partial, and two blinks of
 * both eyes, with the head moving a little throughout.
 */
const truth: PaintedClosure[] = [
  { side: 'right', startS: 1.5, endS: 1.8, closure: 1 },
  { side: 'right', startS: 2.6, endS: 2.9, closure: 0.7 },
  { side: 'both', startS: 3.8, endS: 4.0, closure: 1 },
  { side: 'right', startS: 5.0, endS: 6.5, closure: 1 },
  { side: 'both', startS: 7.3, endS: 7.5, closure: 1 },
  { side: 'right', startS: 8.3, endS: 8.6, closure: 0.8 },
];

const spasm = join(dir, 'right-spasms.mp4');
const plain = join(dir, 'plain.mp4');

beforeAll(async () => {
  await writeScenarioVideo(spasm, { durationS: 10, fps: 30, headMotion: true, closures: truth });
  await writeScenarioVideo(plain, { durationS: 6, fps: 25, headMotion: true, closures: [] });
}, 120_000);

function expectFound(a: SpasmAnalysis, c: PaintedClosure, kind: 'spasm' | 'blink') {
  const hit = a.events.find((e) => e.endS > c.startS && e.startS < c.endS);
  expect(hit, `event at ${c.startS}–${c.endS} s`).toBeDefined();
  expect(hit!.kind).toBe(kind);
  if (kind === 'spasm') expect(hit!.side).toBe('right');
  expect(Math.abs(hit!.startS - c.startS)).toBeLessThan(0.2);
  expect(Math.abs(hit!.endS - c.endS)).toBeLessThan(0.25);
}

describe('hemispasm signals / analyze on a face video', () => {
  it('analyze <video> finds the painted right-eye spasms on the right at their times and the both-eye closures as blinks', async () => {
    const r = await runCli(['analyze', spasm, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout) as SpasmAnalysis;
    expect(a.fps).toBe(30);
    expect(a.durationS).toBeCloseTo(10, 0);
    expect(a.side).toBe('right');
    for (const c of truth) expectFound(a, c, c.side === 'both' ? 'blink' : 'spasm');
    expect(a.spasmCount).toBe(4);
    expect(a.blinkCount).toBe(2);
    expect(a.noFaceFrames).toBe(0);
  }, 180_000);

  it('signals <video> -o writes the facial-signal CSV; the same face without painted closures has no spasm', async () => {
    const out = join(dir, 'plain.csv');
    const r = await runCli(['signals', plain, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('150 frames at 25 fps');
    const text = readFileSync(out, 'utf8');
    expect(text.split('\n')[0]).toBe('t,eye_l,eye_r,mouth_l,mouth_r,yaw,roll,occluded_l,occluded_r');
    const series = parseSignalCsv(text);
    expect(series.frames).toHaveLength(150);
    expect(series.frames[149]!.t).toBeCloseTo(149 / 25, 9);
    // Nothing in front of the eyes: no frame is marked covered.
    expect(series.frames.some((f) => f.occludedL || f.occludedR)).toBe(false);
    const a = await runCli(['analyze', out, '--json']);
    expect(a.code).toBe(0);
    const analysis = JSON.parse(a.stdout) as SpasmAnalysis;
    expect(analysis.spasmCount).toBe(0);
    expect(analysis.noFaceFrames).toBe(0);
  }, 120_000);

  it('rejects a file that is not a video with exit code 2 and a message naming it', async () => {
    const bogus = join(dir, 'bogus.mov');
    writeFileSync(bogus, 'not a video');
    const r = await runCli(['signals', bogus, '-o', join(dir, 'never.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bogus.mov: not a readable video');
    expect(() => readFileSync(join(dir, 'never.csv'))).toThrow();
  });

  it('rejects a bad --workers value with exit code 2', async () => {
    const r = await runCli(['signals', plain, '--workers', 'two']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--workers');
  });
});
