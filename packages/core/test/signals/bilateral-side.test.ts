import { describe, expect, it } from 'vitest';
import { SpasmAnalysisSchema } from '../../src/signals/analysis-schema';
import { analyzeSignals } from '../../src/signals/analyze';
import { checkSide } from '../../src/signals/side-check';
import { type Closure, handMade } from './hand-made';

/** The bilateral tests' series: 30 fps, a smaller wobble. */
const series = (durationS: number, closures: Closure[]) => handMade(30, durationS, closures, 0.004);

describe('bilateral sustained closure', () => {
  it('2-second closures of both eyes every 6 s are bilateral closures with a red flag, not blinks', () => {
    const spans = [3, 9, 15, 21, 27].map((from) => ({ side: 'both' as const, from, to: from + 2, depth: 1 }));
    const a = analyzeSignals({
      frames: series(32, [...spans, { side: 'both', from: 6, to: 6.25, depth: 1 }]),
      fps: 30,
    });
    expect(a.bilateralClosureCount).toBe(5);
    expect(a.events.filter((e) => e.kind === 'bilateral_closure')).toHaveLength(5);
    expect(a.events.find((e) => e.kind === 'bilateral_closure')).toMatchObject({
      side: 'both',
      regions: ['eye'],
    });
    expect(a.blinkCount).toBe(1);
    expect(a.spasmCount).toBe(0);
    expect(a.side).toBe('none');
    expect(a.redFlags).toEqual(['bilateral_closure']);
    expect(SpasmAnalysisSchema.parse(a)).toEqual(a);
  });

  it('a shared closure of 0.4 s is still a blink; of 0.7 s it is not', () => {
    const short = analyzeSignals({ frames: series(10, [{ side: 'both', from: 4, to: 4.4, depth: 1 }]) });
    expect(short.blinkCount).toBe(1);
    expect(short.bilateralClosureCount).toBe(0);
    expect(short.redFlags).toEqual([]);
    const long = analyzeSignals({ frames: series(10, [{ side: 'both', from: 4, to: 4.7, depth: 1 }]) });
    expect(long.blinkCount).toBe(0);
    expect(long.bilateralClosureCount).toBe(1);
  });

  it('an analysis stored by analyzer 1.x (no bilateral fields) still validates', () => {
    const { bilateralClosureCount: _b, redFlags: _r, ...old } = analyzeSignals({ frames: series(5, []) });
    expect(SpasmAnalysisSchema.parse({ ...old, analyzerVersion: 'hemispasm-events/1.0.0' })).toBeTruthy();
  });
});

describe('lower-face spasm', () => {
  it('a one-sided mouth pull with the eye narrowing a little from below is a mouth + cheek spasm', () => {
    const a = analyzeSignals({
      frames: series(20, [
        { side: 'right', from: 6, to: 7.5, depth: 0.12, mouth: 0.08 },
        { side: 'right', from: 12, to: 13, depth: 0, mouth: 0.08 },
      ]),
    });
    const spasms = a.events.filter((e) => e.kind === 'spasm');
    expect(spasms.map((e) => [e.side, e.regions.join('+')])).toEqual([
      ['right', 'cheek+mouth'],
      ['right', 'mouth'],
    ]);
  });
});

describe('side check', () => {
  const rightSpasms = (n: number) =>
    analyzeSignals({
      frames: series(
        40,
        Array.from({ length: n }, (_, k) => ({
          side: 'right' as const,
          from: 3 + 6 * k,
          to: 3.5 + 6 * k,
          depth: 1,
        })),
      ),
    });
  it('warns when 3 or more spasms sit on the side the record does not name', () => {
    const a = rightSpasms(4);
    expect(a.side).toBe('right');
    expect(checkSide(a, 'left')).toEqual({
      status: 'differs',
      measuredSide: 'right',
      recordedSide: 'left',
      events: 4,
    });
    expect(checkSide(a, 'right').status).toBe('agrees');
    // A patient recorded as bilateral: one recording may catch one side only.
    expect(checkSide(a, 'bilateral').status).toBe('agrees');
  });
  it('says nothing with fewer than 3 spasm events', () => {
    expect(checkSide(rightSpasms(2), 'left')).toMatchObject({ status: 'too_few', events: 2 });
  });
});
