import { describe, expect, it } from 'vitest';
import { analyzeSignals } from '../../src/signals/analyze';
import type { SignalFrame } from '../../src/signals/types';
import { handMade } from './hand-made';

/** Smooth 0 → 1 over [a, b] (the face animator's head-key easing). */
const ease = (t: number, a: number, b: number) => {
  const x = Math.min(1, Math.max(0, (t - a) / (b - a)));
  return x * x * (3 - 2 * x);
};

/**
 * A face that rolls its head to +14° between 7 and 8.5 s, holds it, and comes back between 10 and 11.5 s, as
 * the vision bench's head-motion faces do. Its landmarks give the mouth corners a roll artefact as measured
 * there: the right corner's signal −0.007 inter-ocular distances per degree (drawn toward its eye as the head
 * rolls this way), the left one −0.001. Each corner also has a steady tracker's jitter (σ ≈ 0.002).
 */
function rollingFace(frames: SignalFrame[]): SignalFrame[] {
  return frames.map((f, i) => {
    const roll = 14 * (ease(f.t, 7, 8.5) - ease(f.t, 10, 11.5));
    const g = (k: number) => 0.002 * Math.SQRT2 * Math.sin(i * 12.9898 + k);
    return {
      ...f,
      roll: 1.5 + roll,
      mouthL: f.mouthL! - 0.001 * roll + g(0),
      mouthR: f.mouthR! - 0.007 * roll + g(1.3),
    };
  });
}

describe('mouth corners on a rolling head (2.5)', () => {
  it('takes the corners’ head-roll artefact out: a healthy rolling face has no lower-face spasm', () => {
    const frames = rollingFace(handMade(30, 20, []));
    // 2.4 read the right corner's 0.1-IOD roll artefact, which its 3-s rest lags, as a lower-face spasm.
    expect(analyzeSignals({ frames }).events).toEqual([]);
    // Without the roll column there is nothing to take it out with (the 2.4 reading, kept for such series).
    const noRoll = frames.map(({ roll: _roll, ...f }) => f);
    expect(analyzeSignals({ frames: noRoll }).events).toEqual([
      expect.objectContaining({ kind: 'spasm', side: 'right', regions: ['mouth'] }),
    ]);
  });

  it('still finds a one-sided pull made while the head is rolled', () => {
    const frames = rollingFace(
      handMade(30, 20, [
        { side: 'left', from: 8.8, to: 9.6, depth: 0, mouth: 0.06 },
        { side: 'right', from: 15, to: 15.8, depth: 0, mouth: 0.06 },
      ]),
    );
    const a = analyzeSignals({ frames });
    expect(a.events.map((e) => [e.kind, e.side, e.regions, Math.round(e.startS * 10) / 10])).toEqual([
      ['spasm', 'left', ['mouth'], 8.8],
      ['spasm', 'right', ['mouth'], 15],
    ]);
  });

  it('needs the other corner to stay under half the pull: both corners moving with unequal gains is no spasm', () => {
    // Both corners drawn toward their eyes for 0.7 s, the left 0.08 and the right 0.045 IOD (a shared movement
    // that the two corners' landmarks follow differently): over 0.025 apart, but no one-sided pull.
    const shared = handMade(30, 20, []).map((f) =>
      f.t >= 8 && f.t < 8.7 ? { ...f, mouthL: f.mouthL! - 0.08, mouthR: f.mouthR! - 0.045 } : f,
    );
    expect(analyzeSignals({ frames: shared }).events).toEqual([]);
    // A pull with the other corner moving a quarter as far is one-sided.
    const oneSided = handMade(30, 20, []).map((f) =>
      f.t >= 8 && f.t < 8.7 ? { ...f, mouthL: f.mouthL! - 0.08, mouthR: f.mouthR! - 0.02 } : f,
    );
    expect(analyzeSignals({ frames: oneSided }).events).toEqual([
      expect.objectContaining({ kind: 'spasm', side: 'left', regions: ['mouth'] }),
    ]);
  });
});
