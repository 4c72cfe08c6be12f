import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError, type SignalFrame } from '@hemispasm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeFrames, extractSignalsFromVideo, probeVideo, splitFrames } from '../src/index';
import { type Scenario, testFacePhoto, writeScenarioVideo, writeVideo } from '../src/testing/index';

const dir = mkdtempSync(join(tmpdir(), 'hemispasm-vision-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// 6 s at 30 fps (180 frames: enough for two worker threads), the face moving a little throughout.
const scenario: Scenario = {
  durationS: 6,
  fps: 30,
  headMotion: true,
  closures: [
    { side: 'right', startS: 1.0, endS: 1.6, closure: 1 },
    { side: 'right', startS: 2.4, endS: 2.8, closure: 0.6 },
    { side: 'both', startS: 3.6, endS: 3.9, closure: 1 },
    { side: 'left', startS: 4.6, endS: 5.0, closure: 1 },
  ],
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

/** Median aperture of each eye over [a, b], relative to its median while both eyes are painted open. */
function relative(frames: SignalFrame[], a: number, b: number) {
  const open = frames.filter((f) =>
    scenario.closures.every((c) => f.t < c.startS - 0.15 || f.t > c.endS + 0.15),
  );
  const inside = frames.filter((f) => f.t >= a && f.t <= b);
  const base = { l: median(open.map((f) => f.eyeL!)), r: median(open.map((f) => f.eyeR!)) };
  return { l: median(inside.map((f) => f.eyeL!)) / base.l, r: median(inside.map((f) => f.eyeR!)) / base.r };
}

/**
 * The painted eye reads clearly shut (< 0.7 of its open aperture; one crude paint on an unmirrored face
 * gives ~0.25, the model sees some paints less well) while the other stays open (> 0.85).
 */
function expectPaintedTruth(frames: SignalFrame[]) {
  // Interior of each painted span (the 2-frame lid ramps excluded).
  const rightShut = relative(frames, 1.1, 1.5);
  expect(rightShut.r).toBeLessThan(0.7);
  expect(rightShut.l).toBeGreaterThan(0.85);
  const rightPartial = relative(frames, 2.5, 2.7);
  expect(rightPartial.r).toBeLessThan(0.9);
  expect(rightPartial.r).toBeGreaterThan(rightShut.r);
  expect(rightPartial.l).toBeGreaterThan(0.85);
  const both = relative(frames, 3.7, 3.8);
  expect(both.r).toBeLessThan(0.7);
  expect(both.l).toBeLessThan(0.7);
  const leftShut = relative(frames, 4.7, 4.9);
  expect(leftShut.l).toBeLessThan(0.7);
  expect(leftShut.r).toBeGreaterThan(0.85);
}

describe('extractSignalsFromVideo on a real face with painted eye closures', () => {
  const plain = join(dir, 'painted.mp4');
  const selfie = join(dir, 'painted-mirrored.mp4');
  beforeAll(async () => {
    await writeScenarioVideo(plain, scenario);
    await writeScenarioVideo(selfie, { ...scenario, mirror: true });
  }, 120_000);

  it('gives one frame per video frame, in time order, and sees each painted closure on the right side', async () => {
    let last = 0;
    const series = await extractSignalsFromVideo(plain, { workers: 2, onProgress: (done) => (last = done) });
    expect(series.fps).toBe(30);
    expect(series.frames).toHaveLength(180);
    for (const [i, f] of series.frames.entries()) expect(f.t).toBeCloseTo(i / 30, 9);
    expect(series.frames.every((f) => f.eyeL !== null && f.eyeR !== null && f.mouthL !== null)).toBe(true);
    expect(last).toBe(180);
    expectPaintedTruth(series.frames);
  }, 120_000);

  it('keeps the patient sides on a mirrored (selfie) recording when told it is mirrored', async () => {
    const series = await extractSignalsFromVideo(selfie, { workers: 1, mirrored: true });
    expectPaintedTruth(series.frames);
  }, 120_000);
});

describe('extractSignalsFromVideo on bad input', () => {
  it('rejects a file that is not a video, naming it', async () => {
    const file = join(dir, 'notes.mp4');
    writeFileSync(file, 'this is not a video\n');
    await expect(extractSignalsFromVideo(file)).rejects.toThrow(InputError);
    await expect(extractSignalsFromVideo(file)).rejects.toThrow(/notes\.mp4: not a readable video/);
  });

  it('rejects a missing file and a still photo', async () => {
    await expect(extractSignalsFromVideo(join(dir, 'missing.mp4'))).rejects.toThrow(/file not found/);
    await expect(extractSignalsFromVideo(testFacePhoto())).rejects.toThrow(/still image/);
  });

  it('rejects a video in which no face is ever found', async () => {
    const file = join(dir, 'noface.mp4');
    execFileSync('ffmpeg', [
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      'testsrc=size=320x180:rate=10',
      '-t',
      '1',
      '-pix_fmt',
      'yuv420p',
      file,
    ]);
    await expect(extractSignalsFromVideo(file)).rejects.toThrow(/no face found in any frame/);
  }, 60_000);
});

describe('decodeFrames', () => {
  it('starts a segment exactly at its first frame and yields exactly its frames (no repeat, no skip)', async () => {
    // Frame i is a flat grey of level 4·i, so each decoded frame tells its own index.
    const file = join(dir, 'numbered.mp4');
    const size = { width: 64, height: 36, fps: 25 };
    await writeVideo(
      file,
      size,
      Array.from({ length: 60 }, (_, i) => new Uint8Array(64 * 36 * 3).fill(4 * i)),
    );
    const info = await probeVideo(file);
    expect(info).toMatchObject({ width: 64, height: 36, fps: 25, frameCount: 60 });
    const seen = async (range: { startFrame?: number; frameCount?: number }) => {
      const out: Array<[number, number]> = [];
      for await (const f of decodeFrames(file, info, range))
        out.push([f.index, Math.round(f.rgb[64 * 18 * 3 + 96]! / 4)]);
      return out;
    };
    const all = await seen({});
    expect(all).toEqual(Array.from({ length: 60 }, (_, i) => [i, i]));
    expect(await seen({ startFrame: 17, frameCount: 10 })).toEqual(
      Array.from({ length: 10 }, (_, i) => [17 + i, 17 + i]),
    );
    expect(await seen({ startFrame: 53 })).toEqual(Array.from({ length: 7 }, (_, i) => [53 + i, 53 + i]));
  }, 60_000);
});

describe('splitFrames', () => {
  it('covers every frame exactly once, in order', () => {
    for (const [total, n] of [
      [180, 2],
      [7, 3],
      [1, 2],
      [1001, 4],
    ] as const) {
      const parts = splitFrames(total, n);
      let next = 0;
      for (const p of parts) {
        expect(p.startFrame).toBe(next);
        next += p.frameCount;
      }
      expect(next).toBe(total);
    }
  });
});
