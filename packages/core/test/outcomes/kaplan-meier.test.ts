/**
 * The Kaplan–Meier estimator against values derived by hand and a textbook data set, then properties that
 * must hold for any input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type KaplanMeierStep, kaplanMeier, type SurvivalObservation } from '../../src/outcomes/kaplan-meier';
import { InputError } from '../../src/validation';

const obs = (spec: string): SurvivalObservation[] =>
  // "3" is an event at 3, "3+" is censored at 3.
  spec.split(/\s+/).map((s) => ({ time: Number(s.replace('+', '')), event: !s.endsWith('+') }));

const Z = 1.959963984540054;
/** The log-log interval written out: se = √G / |ln S|, [S^exp(z·se), S^exp(−z·se)]. */
const logLog = (s: number, g: number) => {
  const se = Math.sqrt(g) / Math.abs(Math.log(s));
  return [s ** Math.exp(Z * se), s ** Math.exp(-Z * se)];
};

describe('kaplanMeier: a small data set by hand', () => {
  // 7 observations: 1, 2+, 3, 3, 3+, 5, 6+
  //   t   n  d  c   S(t)                         Greenwood sum G = Σ d/(n(n−d))
  //   0   7  0  0   1                            0
  //   1   7  1  0   1 · (1 − 1/7)  = 6/7         1/(7·6) = 1/42
  //   2   6  0  1   6/7 (censoring only)         1/42
  //   3   5  2  1   6/7 · (1 − 2/5) = 18/35      1/42 + 2/(5·3) = 5/210 + 28/210 = 11/70
  //       (events before censorings at t = 3: the one censored at 3 is still at risk, n = 5)
  //   5   2  1  0   18/35 · (1 − 1/2) = 9/35     11/70 + 1/(2·1) = 46/70 = 23/35
  //   6   1  0  1   9/35                         23/35
  const steps = kaplanMeier(obs('5 3 1 3+ 6+ 2+ 3'));

  it('has the origin and one step per distinct time, with risk sets, events and censorings', () => {
    expect(steps.map(({ time, atRisk, events, censored }) => [time, atRisk, events, censored])).toEqual([
      [0, 7, 0, 0],
      [1, 7, 1, 0],
      [2, 6, 0, 1],
      [3, 5, 2, 1],
      [5, 2, 1, 0],
      [6, 1, 0, 1],
    ]);
  });

  it('multiplies the conditional survival fractions', () => {
    const want = [1, 6 / 7, 6 / 7, 18 / 35, 9 / 35, 9 / 35];
    for (const [i, x] of steps.entries()) expect(x.survival).toBeCloseTo(want[i]!, 12);
  });

  it('gives Greenwood log-log 95 % intervals, none while survival is 1', () => {
    expect(steps[0]).toMatchObject({ ci95Low: null, ci95High: null });
    const want: Array<[number, number]> = [
      [6 / 7, 1 / 42],
      [6 / 7, 1 / 42],
      [18 / 35, 11 / 70],
      [9 / 35, 23 / 35],
      [9 / 35, 23 / 35],
    ];
    want.forEach(([s, g], i) => {
      const [lo, hi] = logLog(s, g);
      expect(steps[i + 1]!.ci95Low).toBeCloseTo(lo!, 12);
      expect(steps[i + 1]!.ci95High).toBeCloseTo(hi!, 12);
      expect(steps[i + 1]!.ci95Low!).toBeLessThan(s);
      expect(steps[i + 1]!.ci95High!).toBeGreaterThan(s);
    });
    // Greenwood's standard error itself, S·√G, at t = 3: 18/35 · √(11/70) ≈ 0.2039.
    expect((18 / 35) * Math.sqrt(11 / 70)).toBeCloseTo(0.2039, 4);
  });
});

describe('kaplanMeier: the Freireich 6-MP leukaemia remission data (Gehan 1965)', () => {
  // The textbook example (Kleinbaum & Klein, Survival Analysis, ch. 2; Collett, ch. 2): weeks in remission
  // of 21 patients on 6-mercaptopurine, "+" = censored. Published KM estimates: 0.857, 0.807, 0.753,
  // 0.690, 0.627, 0.538, 0.448; R's survfit(conf.type = "log-log") prints the intervals below.
  const steps = kaplanMeier(obs('6 6 6 6+ 7 9+ 10 10+ 11+ 13 16 17+ 19+ 20+ 22 23 25+ 32+ 32+ 34+ 35+'));
  const at = (t: number) => steps.find((s) => s.time === t)!;

  it.each([
    [6, 21, 3, 0.857, 0.62, 0.952],
    [7, 17, 1, 0.807, 0.563, 0.923],
    [10, 15, 1, 0.753, 0.503, 0.889],
    [13, 12, 1, 0.69, 0.432, 0.849],
    [16, 11, 1, 0.627, 0.368, 0.805],
    [22, 7, 1, 0.538, 0.268, 0.747],
    [23, 6, 1, 0.448, 0.188, 0.68],
  ])('at week %i: %i at risk, %i relapses, S = %f (%f–%f)', (t, n, d, s, lo, hi) => {
    expect(at(t)).toMatchObject({ atRisk: n, events: d });
    expect(at(t).survival).toBeCloseTo(s, 3);
    expect(at(t).ci95Low).toBeCloseTo(lo, 3);
    expect(at(t).ci95High).toBeCloseTo(hi, 3);
  });

  it('ends at 0.448 with the last patient censored at 35 weeks', () => {
    expect(steps.at(-1)).toMatchObject({ time: 35, atRisk: 1, events: 0, censored: 1 });
    expect(steps.at(-1)!.survival).toBeCloseTo(0.448, 3);
  });
});

describe('kaplanMeier: edge cases', () => {
  it('gives no steps without observations', () => {
    expect(kaplanMeier([])).toEqual([]);
  });
  it('drops to 0 when the last one at risk has the event, with no interval there', () => {
    const steps = kaplanMeier(obs('1 2'));
    expect(steps.map((s) => s.survival)).toEqual([1, 0.5, 0]);
    expect(steps[2]).toMatchObject({ ci95Low: null, ci95High: null });
  });
  it('refuses negative, infinite or NaN times with the index of the observation', () => {
    expect(() =>
      kaplanMeier([
        { time: 1, event: true },
        { time: -1, event: false },
      ]),
    ).toThrow(InputError);
    expect(() => kaplanMeier([{ time: Number.NaN, event: true }])).toThrow(/0\.time/);
    expect(() => kaplanMeier([{ time: Number.POSITIVE_INFINITY, event: false }])).toThrow(InputError);
  });
});

describe('kaplanMeier: properties', () => {
  const observation = fc.record({
    time: fc.oneof(fc.integer({ min: 0, max: 24 }), fc.double({ min: 0, max: 60, noNaN: true })),
    event: fc.boolean(),
  });
  const sample = fc.array(observation, { minLength: 1, maxLength: 60 });

  it('starts at survival 1 at time 0 with everyone at risk', () => {
    fc.assert(
      fc.property(sample, (xs) => {
        const [first] = kaplanMeier(xs);
        expect(first).toEqual({
          time: 0,
          atRisk: xs.length,
          events: 0,
          censored: 0,
          survival: 1,
          ci95Low: null,
          ci95High: null,
        } satisfies KaplanMeierStep);
      }),
    );
  });

  it('never rises, stays in [0, 1], with the interval around the estimate and inside [0, 1]', () => {
    fc.assert(
      fc.property(sample, (xs) => {
        const steps = kaplanMeier(xs);
        for (let i = 1; i < steps.length; i++) {
          const s = steps[i]!;
          expect(s.time).toBeGreaterThanOrEqual(steps[i - 1]!.time);
          expect(s.survival).toBeLessThanOrEqual(steps[i - 1]!.survival);
          expect(s.survival).toBeGreaterThanOrEqual(0);
          expect(s.survival).toBeLessThanOrEqual(1);
          if (s.ci95Low !== null && s.ci95High !== null) {
            expect(s.ci95Low).toBeGreaterThanOrEqual(0);
            expect(s.ci95Low).toBeLessThanOrEqual(s.survival);
            expect(s.ci95High).toBeGreaterThanOrEqual(s.survival);
            expect(s.ci95High).toBeLessThanOrEqual(1);
          }
        }
      }),
    );
  });

  it('accounts for every observation once, and the risk set shrinks by what left it', () => {
    fc.assert(
      fc.property(sample, (xs) => {
        const steps = kaplanMeier(xs).slice(1);
        expect(steps.reduce((n, s) => n + s.events + s.censored, 0)).toBe(xs.length);
        expect(steps.reduce((n, s) => n + s.events, 0)).toBe(xs.filter((x) => x.event).length);
        for (let i = 1; i < steps.length; i++) {
          const prev = steps[i - 1]!;
          expect(steps[i]!.atRisk).toBe(prev.atRisk - prev.events - prev.censored);
        }
      }),
    );
  });

  it('stays at 1 when every observation is censored', () => {
    fc.assert(
      fc.property(
        fc.array(
          observation.map((o) => ({ ...o, event: false })),
          { maxLength: 60 },
        ),
        (xs) => {
          expect(kaplanMeier(xs).every((s) => s.survival === 1 && s.events === 0)).toBe(true);
        },
      ),
    );
  });

  it('does not depend on the order of the observations', () => {
    fc.assert(
      fc.property(sample, fc.integer(), (xs, seed) => {
        const shuffled = [...xs].sort(
          (a, b) => ((a.time * 7919 + seed) % 13) - ((b.time * 7919 + seed) % 13),
        );
        expect(kaplanMeier(shuffled)).toEqual(kaplanMeier(xs));
      }),
    );
  });
});
