import { describe, expect, it } from 'vitest';
import { SpasmAnalysisSchema } from '../../src/signals/analysis-schema';
import { analyzeSignals } from '../../src/signals/analyze';
import { metrics, scoreScenario } from '../../src/signals/score';
import { DEFAULT_SCENARIO, generateScenario, type ScenarioConfig } from '../../src/signals/synthetic';
import { InputError } from '../../src/validation';
import { handMade } from './hand-made';

const scenario = (config: Partial<ScenarioConfig>, seed = 11) =>
  generateScenario({ ...DEFAULT_SCENARIO, durationS: 40, ...config, seed });

describe('analyzeSignals on hand-made series', () => {
  it('finds a right-side tonic spasm at the right time, and calls a both-eye closure a blink', () => {
    const frames = handMade(30, 30, [
      { side: 'right', from: 10, to: 12.5, depth: 0.9, mouth: 0.08 },
      { side: 'both', from: 20, to: 20.2, depth: 1 },
    ]);
    const a = analyzeSignals({ frames, fps: 30 });
    expect(a.spasmCount).toBe(1);
    expect(a.side).toBe('right');
    const [spasm] = a.events.filter((e) => e.kind === 'spasm');
    expect(spasm!.side).toBe('right');
    expect(spasm!.startS).toBeCloseTo(10, 1);
    expect(spasm!.endS).toBeCloseTo(12.5, 1);
    expect(spasm!.regions).toEqual(['eye', 'mouth']);
    expect(spasm!.peakClosure).toBeGreaterThan(0.7);
    expect(a.blinkCount).toBe(1);
    expect(a.events.find((e) => e.kind === 'blink')).toMatchObject({ side: 'both' });
    expect(a.longestSpasmS).toBeCloseTo(2.5, 1);
    expect(a.spasmTimeFraction).toBeCloseTo(2.5 / 30, 2);
    expect(SpasmAnalysisSchema.parse(a)).toEqual(a);
  });

  it('reports a one-sided mouth-corner pull without eye closure as a mouth spasm, and not a smile', () => {
    const frames = handMade(30, 20, [{ side: 'left', from: 8, to: 8.6, depth: 0, mouth: 0.07 }]);
    // A smile: both corners move together for a second.
    for (const f of frames) {
      if (f.t >= 14 && f.t < 15) {
        f.mouthL = (f.mouthL ?? 0) + 0.08;
        f.mouthR = (f.mouthR ?? 0) + 0.08;
      }
    }
    const a = analyzeSignals({ frames });
    expect(a.events).toEqual([
      expect.objectContaining({ kind: 'spasm', side: 'left', regions: ['mouth'], peakClosure: 0 }),
    ]);
    expect(a.events[0]!.startS).toBeCloseTo(8, 1);
    expect(a.side).toBe('left');
  });

  it('joins a held mouth pull that dips under the thresholds for a moment into one spasm, not two', () => {
    const frames = handMade(30, 20, [
      // One pull with a 0.3-s dip (pieces at 8–8.5 s and 8.8–9.4 s) and, 1.6 s later, a separate one.
      { side: 'left', from: 8, to: 8.5, depth: 0, mouth: 0.07 },
      { side: 'left', from: 8.8, to: 9.4, depth: 0, mouth: 0.07 },
      { side: 'left', from: 11, to: 11.6, depth: 0, mouth: 0.07 },
    ]);
    const a = analyzeSignals({ frames });
    expect(
      a.events.map((e) => [e.kind, e.side, Math.round(e.startS * 10) / 10, Math.round(e.endS * 10) / 10]),
    ).toEqual([
      ['spasm', 'left', 8, 9.4],
      ['spasm', 'left', 11, 11.6],
    ]);
  });

  it('asks a mouth-only pull the lower lid does not confirm to stand further out of the mouth noise', () => {
    // The right corner wanders ±0.02 IOD (a head turn the rest position cannot follow): the corners'
    // asymmetry noise σA ≈ 0.02, so 4σA ≈ 0.08 < the left pull of 0.095 < 5σA ≈ 0.1.
    const withWander = (closures: Parameters<typeof handMade>[2]) =>
      handMade(30, 20, closures).map((f, i) => ({ ...f, mouthR: f.mouthR! + 0.02 * Math.sin(i * 0.3) }));
    const alone = analyzeSignals({
      frames: withWander([{ side: 'left', from: 8, to: 9, depth: 0, mouth: 0.095 }]),
    });
    expect(alone.events).toEqual([]);
    // The same pull with the left lower lid pushed up a little (closure ≈ 0.12: a cheek, not an eye event).
    const withCheek = analyzeSignals({
      frames: withWander([{ side: 'left', from: 8, to: 9, depth: 0.14, mouth: 0.095 }]),
    });
    expect(withCheek.events).toEqual([
      expect.objectContaining({ kind: 'spasm', side: 'left', regions: ['cheek', 'mouth'] }),
    ]);
  });

  it('counts only a corner drawn toward its eye: one corner moving away (speech, a head turn) is no spasm', () => {
    // The mouth signal is the corner-to-eye distance: a pull shortens it. Here the left corner moves 0.07 AWAY
    // from its eye for 0.6 s, as far as the pull above but the other way; the right corner is pulled 0.07.
    const frames = handMade(30, 20, [{ side: 'right', from: 12, to: 12.6, depth: 0, mouth: 0.07 }]);
    for (const f of frames) if (f.t >= 8 && f.t < 8.6) f.mouthL = (f.mouthL ?? 0) + 0.07;
    const a = analyzeSignals({ frames });
    expect(a.events).toEqual([
      expect.objectContaining({ kind: 'spasm', side: 'right', regions: ['mouth'], peakClosure: 0 }),
    ]);
    expect(a.events[0]!.startS).toBeCloseTo(12, 1);
  });

  it('sets the mouth thresholds from each corner’s own jitter, so slow movement of both corners does not hide a small one-sided pull', () => {
    // A steady landmark source (jitter σ 0.002 IOD, as the mouth-corner tracker on the face animator) on a
    // face that talks or nods: both corners wander together by ±0.02 over 4 s. A lower-face spasm pulls the
    // right corner 0.045 IOD (≈ 3 mm) for 1.2 s, 1.5 s into the clip, where the rest position is the least sure.
    const series = (pull: number, jitter: number) =>
      handMade(30, 20, [{ side: 'right', from: 1.5, to: 2.7, depth: 0, mouth: pull }]).map((f, i) => {
        const wander = 0.02 * Math.sin((2 * Math.PI * f.t) / 4);
        const g = (k: number) => jitter * Math.sin(i * 12.9898 + k) * Math.SQRT2;
        return { ...f, mouthL: f.mouthL! + wander + g(0), mouthR: f.mouthR! + wander + g(1.3) };
      });
    const a = analyzeSignals({ frames: series(0.045, 0.002) });
    expect(a.events).toEqual([
      expect.objectContaining({ kind: 'spasm', side: 'right', regions: ['mouth'], peakClosure: 0 }),
    ]);
    expect(a.events[0]!.startS).toBeCloseTo(1.5, 0);
    // The wander alone is no spasm; neither is a pull under the 0.03 IOD floor (≈ 2 mm) however steady the
    // source; and a source as noisy as the bare face-mesh model (σ 0.015 per frame) raises the thresholds
    // above this pull rather than firing on its jitter.
    expect(analyzeSignals({ frames: series(0, 0.002) }).spasmCount).toBe(0);
    expect(analyzeSignals({ frames: series(0.02, 0.002) }).spasmCount).toBe(0);
    expect(analyzeSignals({ frames: series(0, 0.015) }).spasmCount).toBe(0);
  });

  it('gives zero spasms on a plain neutral series and never divides by zero on an empty one', () => {
    const a = analyzeSignals({ frames: handMade(30, 20, []) });
    expect(a).toMatchObject({
      spasmCount: 0,
      blinkCount: 0,
      side: 'none',
      spasmTimeFraction: 0,
      noFaceFrames: 0,
    });
    expect(a.fps).toBe(30);
    expect(a.durationS).toBeCloseTo(20, 1);
    const empty = analyzeSignals({ frames: [] });
    expect(empty).toMatchObject({
      durationS: 0,
      spasmCount: 0,
      spasmsPerMinute: 0,
      side: 'none',
      events: [],
    });
  });

  it('rejects a series whose time goes backwards or has non-numeric values, naming the frame', () => {
    const frames = handMade(30, 1, []);
    frames[5]!.t = frames[3]!.t;
    expect(() => analyzeSignals({ frames })).toThrow(InputError);
    try {
      analyzeSignals({ frames: [{ t: 0, eyeL: Number.NaN, eyeR: 0.3, mouthL: 0, mouthR: 0 }] });
    } catch (e) {
      expect((e as InputError).issues[0]!.path).toBe('frames[0].eyeL');
    }
  });

  it('measures spasms at the very start and end of a short recording in full', () => {
    const frames = handMade(30, 6, [
      { side: 'right', from: 0, to: 1, depth: 0.9 },
      { side: 'left', from: 5.2, to: 6, depth: 0.9 },
    ]);
    const spasms = analyzeSignals({ frames }).events.filter((e) => e.kind === 'spasm');
    expect(spasms.map((e) => [e.side, Math.round(e.startS * 10) / 10, Math.round(e.endS * 10) / 10])).toEqual(
      [
        ['right', 0, 1],
        ['left', 5.2, 6],
      ],
    );
  });

  it('works on any prefix (a live view re-runs it as frames arrive)', () => {
    const frames = handMade(30, 20, [{ side: 'left', from: 5, to: 5.3, depth: 0.8 }]);
    expect(analyzeSignals({ frames: frames.slice(0, 1) }).spasmCount).toBe(0);
    expect(analyzeSignals({ frames: frames.slice(0, 30 * 4) }).spasmCount).toBe(0);
    const later = analyzeSignals({ frames: frames.slice(0, 30 * 7) });
    expect(later.events.filter((e) => e.kind === 'spasm').map((e) => e.side)).toEqual(['left']);
  });
});

describe('analyzeSignals on synthetic series with ground truth', () => {
  const quality = (config: Partial<ScenarioConfig>, seed?: number) => {
    const s = scenario(config, seed);
    const a = analyzeSignals(s.series);
    return { s, a, m: metrics(scoreScenario(a, s.truth)) };
  };

  it('finds right-side clonic bursts where they are, with no left-side spasm', () => {
    const { s, a, m } = quality({ affected: 'right', clonicBurstsPerMin: 10, tonicPerMin: 0 });
    expect(s.truth.events.filter((e) => e.kind === 'spasm').length).toBeGreaterThan(15);
    expect(m.recall).toBeGreaterThanOrEqual(0.95);
    expect(m.precision).toBeGreaterThanOrEqual(0.95);
    expect(a.side).toBe('right');
    expect(a.events.some((e) => e.kind === 'spasm' && e.side === 'left')).toBe(false);
  });

  it('reports the mouth corner in tonic spasms that pull it', () => {
    const { s, a } = quality({ affected: 'left', clonicBurstsPerMin: 0, tonicPerMin: 5 });
    const pulled = s.truth.events.filter((e) => e.form === 'tonic' && e.mouth);
    expect(pulled.length).toBeGreaterThan(0);
    for (const t of pulled) {
      const d = a.events.find((e) => e.kind === 'spasm' && e.startS < t.endS && e.endS > t.startS);
      expect(d?.regions).toContain('mouth');
      expect(d?.side).toBe('left');
    }
  });

  it('counts asymmetric and partial blinks as blinks, not spasms', () => {
    const { s, a } = quality({ affected: 'none', blinksPerMin: 30, partialBlinkFraction: 0.5 });
    const blinks = s.truth.events.filter((e) => e.kind === 'blink').length;
    expect(a.spasmCount).toBe(0);
    expect(a.side).toBe('none');
    expect(Math.abs(a.blinkCount - blinks)).toBeLessThanOrEqual(Math.ceil(0.05 * blinks));
  });

  it('ignores single-frame landmark glitches', () => {
    expect(quality({ affected: 'none', glitchesPerS: 1.5 }).a.spasmCount).toBe(0);
    expect(quality({ affected: 'right', glitchesPerS: 1.5 }).m.precision).toBeGreaterThanOrEqual(0.95);
  });

  it('reports the frames with no face and still finds spasms around them', () => {
    const { s, a, m } = quality({ noFaceStretches: 4 });
    expect(s.truth.noFaceFrames).toBeGreaterThan(30);
    expect(a.noFaceFrames).toBe(s.truth.noFaceFrames);
    expect(a.noFaceS).toBeCloseTo(s.truth.noFaceFrames / 30, 0);
    expect(m.recall).toBeGreaterThanOrEqual(0.95);
  });

  it.each([25, 60])('works at %i fps', (fps) => {
    const { a, m } = quality({ fps });
    expect(a.fps).toBe(fps);
    expect(m.f1).toBeGreaterThanOrEqual(0.95);
  });

  it('works with irregular timestamps and dropped frames', () => {
    expect(quality({ timeJitter: 0.3, dropFrameProb: 0.05 }).m.f1).toBeGreaterThanOrEqual(0.95);
  });

  it.each([0.1, -0.1])(
    'is not fooled by a %f left/right model bias on a neutral face, and keeps the side',
    (bias) => {
      expect(quality({ affected: 'none', bias }).a.spasmCount).toBe(0);
      const { a, m } = quality({ affected: 'left', bias });
      expect(a.side).toBe('left');
      expect(m.f1).toBeGreaterThanOrEqual(0.95);
    },
  );

  it('is not fooled by yaw and head motion changing the apparent aperture by ±15 %', () => {
    expect(quality({ affected: 'none', yawAmplitude: 0.15, pitchAmplitude: 0.08 }).a.spasmCount).toBe(0);
    expect(quality({ yawAmplitude: 0.15, pitchAmplitude: 0.08 }).m.f1).toBeGreaterThanOrEqual(0.95);
  });

  it('measures a naturally narrower affected eye against its own baseline', () => {
    const { a, m } = quality({ affectedEyeScale: 0.75 });
    expect(a.side).toBe('right');
    expect(m.f1).toBeGreaterThanOrEqual(0.95);
  });

  it('calls both sides bilateral when both have independent spasms', () => {
    expect(quality({ affected: 'bilateral', clonicBurstsPerMin: 6, tonicPerMin: 1 }).a.side).toBe(
      'bilateral',
    );
  });
});
