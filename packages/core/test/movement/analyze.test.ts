import { describe, expect, it } from 'vitest';
import {
  ACTIVE_MOVEMENTS,
  type ActiveMovementId,
  analyzeMovement,
  DEFAULT_MOVEMENT_SCENARIO,
  DEFAULT_SCRIPT,
  generateMovementSeries,
  InputError,
  MOVEMENT_BAND_LABEL,
  type MovementAnalysis,
  MovementAnalysisSchema,
  type SyntheticMovementConfig,
} from '../../src/index';

const all = (g: number) =>
  Object.fromEntries(ACTIVE_MOVEMENTS.map((m) => [m, g])) as Record<ActiveMovementId, number>;

const run = (config: Partial<SyntheticMovementConfig>, seed = 7): MovementAnalysis =>
  analyzeMovement(generateMovementSeries({ ...DEFAULT_MOVEMENT_SCENARIO, ...config, seed }));

const result = (a: MovementAnalysis, m: ActiveMovementId) => a.movements.find((r) => r.movement === m)!;

describe('analyzeMovement on synthetic faces (noise, zoom, a turned head, blinks)', () => {
  it.each([1, 0.75, 0.5, 0.25, 0])(
    'recovers an affected side moving at %s of the other within ±10 points, for every movement',
    (g) => {
      for (const seed of [1, 2, 3]) {
        const a = run({ gain: all(g) }, seed);
        expect(a.followsPrompts).toBe(true);
        expect(MovementAnalysisSchema.parse(a)).toEqual(a);
        for (const m of ACTIVE_MOVEMENTS) {
          const r = result(a, m);
          expect(r.status).toBe('measured');
          expect(Math.abs(r.symmetryPct! - 100 * g)).toBeLessThanOrEqual(10);
          // The interval holds the set ratio.
          expect(r.ciPct![0]).toBeLessThanOrEqual(100 * g + 1e-9);
          expect(r.ciPct![1]).toBeGreaterThanOrEqual(100 * g - 1e-9);
          if (g <= 0.75) expect(r.weakerSide).toBe('right');
        }
        if (g <= 0.75) expect(a.weakerSide).toBe('right');
      }
    },
  );

  it('scores a symmetric face at 90 % or more on every movement, and at rest', () => {
    for (const seed of [4, 5, 6, 7]) {
      const a = run({ gain: {} }, seed);
      for (const m of ACTIVE_MOVEMENTS) expect(result(a, m).symmetryPct).toBeGreaterThanOrEqual(90);
      expect(a.rest!.palpebralSymmetryPct).toBeGreaterThanOrEqual(90);
      expect(a.rest!.mouthCornerHeightDiffPct).toBeLessThan(3);
      expect(a.band!.gradeRange[0]).toBe(1);
    }
  });

  it('names the weakest movement', () => {
    const a = run({ gain: { ...all(0.9), smile: 0.3 } });
    expect(a.weakestMovement).toBe('smile');
  });

  it('swapping the affected side swaps the result', () => {
    const gain = { brow_raise: 0.5, eye_closure_gentle: 0.75, eye_closure_tight: 1, smile: 0.25, pucker: 0 };
    const right = run({ affected: 'right', gain });
    const left = run({ affected: 'left', gain });
    expect(right.weakerSide).toBe('right');
    expect(left.weakerSide).toBe('left');
    expect(right.band!.side).toBe('right');
    expect(left.band!.side).toBe('left');
    for (const m of ACTIVE_MOVEMENTS) {
      const r = result(right, m);
      const l = result(left, m);
      expect(Math.abs(r.symmetryPct! - l.symmetryPct!)).toBeLessThanOrEqual(10);
      if (gain[m] <= 0.75) {
        expect(r.weakerSide).toBe('right');
        expect(l.weakerSide).toBe('left');
      }
    }
  });
});

describe('a recording that does not follow the prompts is reported, not guessed', () => {
  it('names a missing movement and gives it no symmetry', () => {
    const a = run({ skip: ['pucker'] });
    expect(a.followsPrompts).toBe(false);
    expect(a.problems).toEqual([
      expect.objectContaining({
        movement: 'pucker',
        kind: 'missing',
        message: expect.stringMatching(/pucker/),
      }),
    ]);
    expect(result(a, 'pucker')).toMatchObject({ status: 'missing', symmetryPct: null, ciPct: null });
    expect(result(a, 'smile').status).toBe('measured');
    // The band still has what it needs (brow raise and smile).
    expect(a.band).not.toBeNull();
  });

  it('with brow raise missing there is no band, and it says which movement is missing', () => {
    const a = run({ skip: ['brow_raise'] });
    expect(a.problems.map((p) => [p.movement, p.kind])).toEqual([['brow_raise', 'missing']]);
    expect(a.band).toBeNull();
  });

  it('a person far behind the prompts: movements seen outside their prompt are reported as such', () => {
    const a = run({ lateS: 2.6 });
    expect(a.followsPrompts).toBe(false);
    const outside = a.problems.filter((p) => p.kind === 'out_of_window');
    expect(outside.length).toBeGreaterThanOrEqual(3);
    for (const p of outside) {
      const seg = DEFAULT_SCRIPT.segments.find((s) => s.movement === p.movement)!;
      expect(p.seenAtS!).toBeGreaterThan(seg.startS);
      expect(p.message).toMatch(/does not follow the prompts/);
    }
    for (const p of outside) expect(result(a, p.movement as ActiveMovementId).symmetryPct).toBeNull();
  });

  it('a recording that stops early: the prompts after its end are not recorded', () => {
    const series = generateMovementSeries({ ...DEFAULT_MOVEMENT_SCENARIO, seed: 3 });
    const a = analyzeMovement({ ...series, frames: series.frames.filter((f) => f.t < 20) });
    expect(a.problems.filter((p) => p.kind === 'not_recorded').map((p) => p.movement)).toEqual([
      'smile',
      'pucker',
    ]);
    expect(result(a, 'eye_closure_tight').status).toBe('measured');
  });

  it('a device that fell far behind: a frame a second is not measured, never read as 0 %', () => {
    const { fps: _fps, ...series } = generateMovementSeries({ ...DEFAULT_MOVEMENT_SCENARIO, seed: 4 });
    // The browser stamps each frame with when it was taken and skips the samples it could not take.
    const sparse = { frames: series.frames.filter((_, i) => i % Math.round(_fps ?? 30) === 0) };
    const a = analyzeMovement(sparse);
    expect(a.followsPrompts).toBe(false);
    for (const m of ACTIVE_MOVEMENTS) {
      expect(result(a, m).status).toBe('no_face');
      expect(result(a, m).symmetryPct).toBeNull();
    }
    expect(a.band).toBeNull();
    // A device that kept 5 frames a second still measures.
    const every = Math.round((_fps ?? 30) / 5);
    const five = analyzeMovement({ frames: series.frames.filter((_, i) => i % every === 0) });
    for (const m of ACTIVE_MOVEMENTS) expect(result(five, m).status).toBe('measured');
  });

  it('a prompt with no face in view is not measured', () => {
    const a = run({ noFace: { startS: 6.5, endS: 11 } });
    expect(result(a, 'brow_raise').status).toBe('no_face');
    expect(a.problems).toEqual([expect.objectContaining({ movement: 'brow_raise', kind: 'no_face' })]);
  });
});

describe('band', () => {
  it('is labelled as measured symmetry, never a clinician grade, with an interval that spans its grades', () => {
    const a = run({ gain: all(0.5) });
    expect(a.band!.label).toBe(MOVEMENT_BAND_LABEL);
    expect(MOVEMENT_BAND_LABEL).toBe("measured movement symmetry, not a clinician's House–Brackmann grade");
    const b = a.band!;
    expect(b.ciPct[0]).toBeLessThanOrEqual(b.functionPct);
    expect(b.ciPct[1]).toBeGreaterThanOrEqual(b.functionPct);
    expect(b.gradeRange[0]).toBeLessThanOrEqual(b.grade);
    expect(b.gradeRange[1]).toBeGreaterThanOrEqual(b.grade);
    expect([3, 4]).toContain(b.grade);
  });

  it('a face with no movement on one side is band V–VI, a symmetric one I–II at worst', () => {
    expect(run({ gain: all(0) }).band!.grade).toBeGreaterThanOrEqual(5);
    expect(run({ gain: all(1) }).band!.grade).toBeLessThanOrEqual(2);
  });
});

describe('input', () => {
  it('refuses a malformed series, naming the frame and field', () => {
    const series = generateMovementSeries({ ...DEFAULT_MOVEMENT_SCENARIO, seed: 1 });
    const bad = structuredClone(series);
    (bad.frames[5] as unknown as Record<string, unknown>).browL = 'high';
    expect(() => analyzeMovement(bad)).toThrow(InputError);
    expect(() => analyzeMovement(bad)).toThrow(/frames\[5\]\.browL/);
    const backwards = structuredClone(series);
    backwards.frames[9]!.t = 0.1;
    expect(() => analyzeMovement(backwards)).toThrow(/frames\[9\]\.t/);
  });

  it('refuses a script whose prompts overlap or leave no pause, naming the field', () => {
    const series = generateMovementSeries({ ...DEFAULT_MOVEMENT_SCENARIO, seed: 1 });
    const script = {
      segments: [
        { movement: 'brow_raise' as const, startS: 1, endS: 4 },
        { movement: 'smile' as const, startS: 4.5, endS: 7 },
      ],
      durationS: 9,
    };
    expect(() => analyzeMovement(series, { script })).toThrow(/segments\[1\]\.startS/);
    expect(() =>
      analyzeMovement(series, { script: { ...script, segments: [script.segments[0]!], durationS: 4.2 } }),
    ).toThrow(/durationS/);
  });

  it('measures with a custom script', () => {
    const script = {
      segments: [
        { movement: 'rest' as const, startS: 0.5, endS: 3 },
        { movement: 'smile' as const, startS: 4, endS: 8 },
      ],
      durationS: 10,
    };
    const a = analyzeMovement(
      generateMovementSeries({ ...DEFAULT_MOVEMENT_SCENARIO, script, seed: 2, gain: { smile: 0.5 } }),
      { script },
    );
    expect(a.movements.map((m) => m.movement)).toEqual(['smile']);
    expect(Math.abs(a.movements[0]!.symmetryPct! - 50)).toBeLessThanOrEqual(10);
    expect(a.band).toBeNull();
  });
});
