/**
 * The facial-movement test on animated videos of a real face (issue 11's validation): the astronaut photo
 * performs the six prompts of the default script with the affected side's amplitude set per movement, while
 * the head shifts, rolls, turns and zooms and the light dims and swings sideways. The symmetry index must
 * recover every set ratio within ±10 percentage points; a symmetric face scores ≥ 90 % on every movement;
 * the same weakness on the other side gives the same indices with the weaker side swapped; a movement not
 * made is named as missing. `npm run bench vision -- --movement` runs the full grid (every ratio for every
 * movement, both sides) and prints the accuracy table.
 *
 * 5 frames per second keeps three 31 s videos to ~470 frames of the face mesh (the analysis needs a few
 * frames per 3 s hold, not 30 fps); the frames are measured in process (testing/movement-measure-run.ts).
 */
import {
  ACTIVE_MOVEMENTS,
  type ActiveMovementId,
  analyzeMovement,
  type MovementAnalysis,
} from '@hemispasm/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { measureMovementAnimation } from '../src/testing/movement-measure-run';
import { type MovementTestVideo, movementTruthPct } from '../src/testing/movement-test-video';

const FPS = 5;
/** One ratio per movement, 100 % down to 0 %: one video checks all five. */
const RATIOS: Record<ActiveMovementId, number> = {
  brow_raise: 0.25,
  eye_closure_gentle: 0.75,
  eye_closure_tight: 0.5,
  smile: 0,
  pucker: 1,
};
const weakLeft: MovementTestVideo = { affected: 'left', ratio: RATIOS, fps: FPS, seed: 3 };
const weakRight: MovementTestVideo = { affected: 'right', ratio: RATIOS, fps: FPS, seed: 4 };
const symmetric: MovementTestVideo = { affected: 'left', ratio: 1, skip: ['pucker'], fps: FPS, seed: 5 };

const run = async (o: MovementTestVideo) => analyzeMovement(await measureMovementAnimation(o));
const result = (a: MovementAnalysis, m: ActiveMovementId) => a.movements.find((r) => r.movement === m)!;

describe('movement test on animated face videos (head motion, lighting change)', () => {
  const analyses = new Map<MovementTestVideo, MovementAnalysis>();
  beforeAll(async () => {
    // One after the other: the model runs on one thread and the machine may be busy.
    for (const o of [weakLeft, weakRight, symmetric]) analyses.set(o, await run(o));
  }, 900_000);

  it('recovers the set ratio of every movement within ±10 points (100, 75, 50, 25, 0 %)', () => {
    const a = analyses.get(weakLeft)!;
    expect(a.followsPrompts).toBe(true);
    const truth = movementTruthPct(weakLeft);
    for (const m of ACTIVE_MOVEMENTS) {
      const r = result(a, m);
      expect(r.status, m).toBe('measured');
      expect(
        Math.abs(r.symmetryPct! - truth[m]!),
        `${m}: ${r.symmetryPct} % for ${truth[m]} %`,
      ).toBeLessThanOrEqual(10);
      // A weakness of 25 % or more is put on the affected side.
      if (truth[m]! <= 75) expect(r.weakerSide, m).toBe('left');
    }
    expect(a.weakerSide).toBe('left');
    expect(a.weakestMovement).toBe('smile');
  });

  it('swapping the side swaps the result', () => {
    const l = analyses.get(weakLeft)!;
    const r = analyses.get(weakRight)!;
    const truth = movementTruthPct(weakRight);
    expect(r.weakerSide).toBe('right');
    for (const m of ACTIVE_MOVEMENTS) {
      const x = result(r, m);
      expect(Math.abs(x.symmetryPct! - truth[m]!), `${m}: ${x.symmetryPct} %`).toBeLessThanOrEqual(10);
      if (truth[m]! <= 75) expect(x.weakerSide, m).toBe('right');
      // The two sides' amplitudes trade places.
      const y = result(l, m);
      if (truth[m]! <= 75) expect(Math.sign(x.left! - x.right!)).toBe(-Math.sign(y.left! - y.right!));
    }
    expect(r.band?.side).toBe('right');
    expect(l.band?.side).toBe('left');
  });

  it('scores a symmetric face at 90 % or more, and names the movement it did not make', () => {
    const a = analyses.get(symmetric)!;
    for (const m of ACTIVE_MOVEMENTS.filter((x) => x !== 'pucker')) {
      const r = result(a, m);
      expect(r.status, m).toBe('measured');
      expect(r.symmetryPct, m).toBeGreaterThanOrEqual(90);
    }
    expect(result(a, 'pucker').status).toBe('missing');
    expect(result(a, 'pucker').symmetryPct).toBeNull();
    expect(a.followsPrompts).toBe(false);
    expect(a.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^pucker the lips: /)]);
    expect(a.band?.grade).toBe(1);
  });
});
