/**
 * The movement tracker reads how far each upper lid came down, on still frames of the animated face with
 * the head held still: closed by a quarter, a half and three quarters, each eye must read its set closure
 * within 0.06; a shut eye reads shut, up to 0.1 past it (the folded lashes reach below the margin; the core
 * counts a reading past shut as closed). Before the upper lid was followed in three parts (the best-matched one trusted), the
 * patient's right eye read 0.38 at a half and 0.61 at three quarters: its lid's middle matched a look-alike
 * 1–2 px short. A partial closure read short (or long) against a full one is what the symmetry index of
 * gentle closure divides.
 */
import { describe, expect, it } from 'vitest';
import { createMovementExtractor } from '../src/landmarks/movement-extractor';
import { createNodeLandmarker } from '../src/node/human-node';
import { type Expression, loadFaceRig, REST_SIDE, renderStill } from '../src/testing';

const closed = (c: number): Expression => ({
  left: { ...REST_SIDE, eyeClosure: c },
  right: { ...REST_SIDE, eyeClosure: c },
  mouthOpen: 0,
});

describe('upper-lid closure on still frames', () => {
  it('reads each eye closed by 0.25, 0.5 and 0.75 within 0.06, and a shut eye as shut', async () => {
    const rig = await loadFaceRig();
    const extractor = createMovementExtractor(await createNodeLandmarker(), false);
    const rest = await extractor.measure(renderStill(rig, closed(0)).rgb, rig.width, rig.height);
    const read: string[] = [];
    for (const c of [0.25, 0.5, 0.75, 1]) {
      const m = await extractor.measure(renderStill(rig, closed(c)).rgb, rig.width, rig.height);
      // The measured aperture against the rest one: 1 − now / rest is the fraction closed.
      const left = 1 - m.lidL! / rest.lidL!;
      const right = 1 - m.lidR! / rest.lidR!;
      read.push(`${c}: left ${left.toFixed(2)}, right ${right.toFixed(2)}`);
      for (const v of [left, right]) {
        expect(v - c, read.at(-1)).toBeGreaterThanOrEqual(-0.06);
        expect(v - c, read.at(-1)).toBeLessThanOrEqual(c === 1 ? 0.1 : 0.06);
      }
    }
  }, 300_000);
});
