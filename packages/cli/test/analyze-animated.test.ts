/**
 * `hemispasm analyze <video> --json` end to end on a moving face made by the vision package's face animator
 * (a real photo warped, not painted): right-sided eye spasms, a lower-face spasm (mouth corner and cheek,
 * the eye barely narrowing), a closure of both eyes held 1.6 s, blinks, slow head movement — and a patient
 * recorded on the other side than the video shows. One short video, measured once, serves every assertion
 * (the words of the red flag and of the side warning are checked on a CSV in analyze.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SideCheck, SpasmAnalysis } from '@hemispasm/core';
import { type AnimationTruth, truthPath, writeAnimatedVideo } from '@hemispasm/vision/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli';
import { scratchDir } from './scratch';

const dir = scratchDir('animated');
const video = join(dir, 'right-spasms-lower-face-bilateral.mp4');
let truth: AnimationTruth;
let analysis: SpasmAnalysis & { sideCheck: SideCheck & { warning: string | null } };

const overlaps = (a: { startS: number; endS: number }, b: { startS: number; endS: number }) =>
  a.startS < b.endS && a.endS > b.startS;

beforeAll(async () => {
  // 11 s at 15 frames/s (165 frames; a webcam's low rate, which the analysis supports): the whole pipeline
  // (ffmpeg, two worker threads with the face mesh and the mouth-corner tracker, signals, events) runs once,
  // in about a minute on a quiet 2-core machine (it took ~9 min at 16 s and 30 fps on a loaded one).
  truth = await writeAnimatedVideo(video, {
    durationS: 11,
    fps: 15,
    noise: 2.5,
    seed: 11,
    actions: [
      // The patient's RIGHT side: eye twitches and a tonic spasm spreading to cheek and mouth …
      { kind: 'spasm', side: 'right', form: 'clonic', startS: 0.8, durationS: 0.3, eye: 1 },
      {
        kind: 'spasm',
        side: 'right',
        form: 'tonic',
        startS: 2,
        durationS: 1.2,
        eye: 0.9,
        lowerLid: 1,
        cheek: 1,
        mouth: 0.8,
        tremor: 0.15,
      },
      // … a lower-face spasm: mouth corner pulled up and out (0.7 of a full smile, ≈ 6.5 mm), cheek up, the
      // eye narrowing only from below …
      {
        kind: 'spasm',
        side: 'right',
        form: 'tonic',
        startS: 6.8,
        durationS: 1.6,
        eye: 0.1,
        lowerLid: 0.6,
        cheek: 1,
        mouth: 0.7,
      },
      { kind: 'spasm', side: 'right', form: 'clonic', startS: 9.2, durationS: 0.35, eye: 0.9 },
      // … both eyes shut and held 1.6 s (blepharospasm-like), and an ordinary blink.
      { kind: 'bilateral_closure', startS: 4.2, durationS: 1.6 },
      { kind: 'blink', startS: 10.2, durationS: 0.3 },
    ],
    head: [{ t: 0 }, { t: 5.5, dx: 8, roll: 3, scale: 1.03 }, { t: 11 }],
  });
  const r = await runCli(['analyze', video, '--json', '--affected-side', 'left']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  analysis = JSON.parse(r.stdout);
}, 600_000);

describe('hemispasm analyze <video> --json on an animated face', () => {
  it('writes the ground truth beside the video', () => {
    expect(JSON.parse(readFileSync(truthPath(video), 'utf8'))).toEqual(truth);
    expect(analysis.analyzerVersion).toMatch(/^hemispasm-events\//);
  });

  it('finds the right-sided eye spasms on the right and none on the left', () => {
    for (const t of truth.events.filter((e) => e.kind === 'spasm' && e.form !== 'lower_face')) {
      const hit = analysis.events.find((e) => e.kind === 'spasm' && overlaps(e, t));
      expect(hit, `spasm at ${t.startS} s`).toMatchObject({ side: 'right' });
      expect(hit!.regions).toContain('eye');
    }
    expect(analysis.events.filter((e) => e.kind === 'spasm' && e.side === 'left')).toEqual([]);
    expect(analysis.side).toBe('right');
  });

  it('finds the lower-face spasm as a right-sided spasm of the mouth (and cheek), not of the eye', () => {
    const t = truth.events.find((e) => e.form === 'lower_face')!;
    const hits = analysis.events.filter((e) => e.kind === 'spasm' && overlaps(e, t));
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ side: 'right' });
    expect(hits[0]!.regions).toContain('mouth');
    expect(hits[0]!.regions).not.toContain('eye');
  });

  it('counts the closure of both eyes apart from blinks and spasms, with a red flag', () => {
    const t = truth.events.find((e) => e.kind === 'bilateral_closure')!;
    expect(analysis.bilateralClosureCount).toBe(1);
    expect(analysis.events.filter((e) => overlaps(e, t)).map((e) => [e.kind, e.side])).toEqual([
      ['bilateral_closure', 'both'],
    ]);
    expect(analysis.redFlags).toEqual(['bilateral_closure']);
    // The blinks stay blinks.
    for (const b of truth.events.filter((e) => e.kind === 'blink')) {
      const hit = analysis.events.find((e) => overlaps(e, b));
      expect(hit, `blink at ${b.startS} s`).toMatchObject({ kind: 'blink', side: 'both' });
    }
  });

  it('warns that the measured side (right, ≥ 3 spasms) is not the recorded one (left), naming both', () => {
    expect(analysis.sideCheck).toMatchObject({
      status: 'differs',
      measuredSide: 'right',
      recordedSide: 'left',
    });
    expect(analysis.sideCheck.events).toBeGreaterThanOrEqual(3);
    expect(analysis.sideCheck.warning).toMatch(/right side.*recorded affected side is left/);
  });
});
