/**
 * Two ways a real recording differs from a clean one: something in front of one eye (a hand, a glasses frame —
 * the vision package flags those frames `occludedL`/`occludedR`), and a low frame rate at which a twitch is a
 * single frame, as a one-frame landmark glitch is.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSignals } from '../../src/signals/analyze';
import { formatSignalCsv, parseSignalCsv } from '../../src/signals/csv';
import type { SignalFrame } from '../../src/signals/types';
import { handMade } from './hand-made';

const spasms = (frames: SignalFrame[]) =>
  analyzeSignals({ frames })
    .events.filter((e) => e.kind === 'spasm')
    .map((e) => [e.side, Math.round(e.startS * 10) / 10]);

/** A hand arriving over the right eye at 3 s and leaving at 5.5 s: the model draws that eye's lids on the
 *  hand — almost shut as it arrives, then narrowed — and meanwhile the left eye twitches once. */
function handOverRightEye(flagged: boolean): SignalFrame[] {
  return handMade(30, 10, [
    { side: 'right', from: 3, to: 3.3, depth: 0.8 },
    { side: 'right', from: 3.3, to: 5.5, depth: 0.35 },
    { side: 'left', from: 4.2, to: 4.5, depth: 0.9 },
    { side: 'left', from: 7.5, to: 7.8, depth: 0.9 },
  ]).map((f) => (flagged && f.t >= 3 && f.t < 5.5 ? { ...f, occludedR: true } : f));
}

describe('an eye covered by a hand or a glasses frame', () => {
  it('is not read as a closure of that eye, nor can the other eye’s closure then be classified', () => {
    // Unflagged, the hand is a right-sided spasm and the left twitch under it a left one.
    expect(spasms(handOverRightEye(false))).toEqual(
      expect.arrayContaining([
        ['right', 3],
        ['left', 4.2],
      ]),
    );
    // Flagged: neither; the left twitch after the hand is gone is still found.
    expect(spasms(handOverRightEye(true))).toEqual([['left', 7.5]]);
  });

  it('reports how long each eye was covered (with the 0.3-s margin each side)', () => {
    const a = analyzeSignals({ frames: handOverRightEye(true) });
    expect(a.occludedS!.right).toBeCloseTo(2.5 + 0.6, 1);
    expect(a.occludedS!.left).toBe(0);
    expect(a.side).toBe('left');
  });

  it('does not believe a flag that flickers for a few frames (under 0.25 s)', () => {
    const frames = handOverRightEye(false).map((f) =>
      f.t >= 7.5 && f.t < 7.6 ? { ...f, occludedL: true } : f,
    );
    const a = analyzeSignals({ frames });
    expect(a.occludedS).toEqual({ left: 0, right: 0 });
    expect(a.events.some((e) => e.kind === 'spasm' && e.side === 'left' && e.startS === 7.5)).toBe(true);
  });

  it('round-trips through the CSV as occluded_l / occluded_r, and names a bad cell', () => {
    const frames = handOverRightEye(true);
    const text = formatSignalCsv({ frames });
    expect(text.split('\n')[0]).toBe('t,eye_l,eye_r,mouth_l,mouth_r,occluded_l,occluded_r');
    const back = parseSignalCsv(text).frames;
    expect(back.filter((f) => f.occludedR).length).toBe(frames.filter((f) => f.occludedR).length);
    expect(back.some((f) => f.occludedL)).toBe(false);
    const bad = 't,eye_l,eye_r,mouth_l,mouth_r,occluded_l,occluded_r\n0,0.3,0.3,0,0,0,yes\n';
    expect(() => parseSignalCsv(bad)).toThrow(
      /line 2, column occluded_r: expected 1 \(covered\), 0 or an empty cell/,
    );
  });

  it('rejects a flag that is not a boolean, naming the frame', () => {
    const frames = handMade(30, 2, []);
    (frames[5] as unknown as Record<string, unknown>).occludedL = 1;
    expect(() => analyzeSignals({ frames })).toThrow(/frames\[5\]\.occludedL/);
  });
});

describe('short twitches at a low frame rate', () => {
  /** Open eyes at `fps` for 6 s; each eye's aperture scaled per frame index (closure 0–1; negative = wider). */
  const series = (
    fps: number,
    right: Record<number, number>,
    left: Record<number, number> = {},
    wobble?: number,
  ): SignalFrame[] =>
    handMade(fps, 6, [], wobble).map((f, i) => ({
      ...f,
      eyeL: f.eyeL! * (1 - 0.85 * (left[i] ?? 0)),
      eyeR: f.eyeR! * (1 - 0.85 * (right[i] ?? 0)),
    }));

  it('finds a 0.1-s twitch sampled as one deep frame and one shallow one at 15 fps', () => {
    // The 3-frame median used to flatten it (to the shallow frame's 0.2) below the onset level.
    expect(spasms(series(15, { 40: 0.8, 41: 0.2 }))).toEqual([['right', 2.7]]);
  });

  it('finds a 0.1-s twitch that is one frame alone at 15 fps, while the other eye stays open', () => {
    expect(spasms(series(15, { 40: 0.4 }))).toEqual([['right', 2.7]]);
  });

  it('still takes one frame alone for a glitch at 30 fps, and at 15 fps in a series that shows glitches', () => {
    expect(spasms(series(30, { 80: 0.8 }))).toEqual([]);
    // An eye's outline thrown wide open for one frame: landmark glitches, which collapse an eye as often.
    expect(spasms(series(15, { 40: 0.8, 70: -0.6 }))).toEqual([]);
    // A slower rise and fall (two frames) is no glitch: still found.
    expect(spasms(series(15, { 40: 0.8, 41: 0.3, 70: -0.6 }))).toEqual([['right', 2.7]]);
  });

  it('at 15 fps, a lone frame must stand far out of the eye’s own noise, and the other eye must stay open', () => {
    // Aperture noise of ±8 % (σ of the closure ≈ 0.08): a closure of 0.38 is within 6 σ of it.
    expect(spasms(series(15, { 40: 0.45 }, {}, 0.024))).toEqual([]);
    // The other eye closing two frames later (a blink the test's lag does not reach at this rate): no spasm.
    expect(spasms(series(15, { 40: 0.8 }, { 42: 0.2 }))).toEqual([]);
    // Both eyes in the same frame: one blink.
    const both = analyzeSignals({ frames: series(15, { 40: 0.8 }, { 40: 0.7 }) });
    expect(both.events.map((e) => [e.kind, e.side])).toEqual([['blink', 'both']]);
  });
});
