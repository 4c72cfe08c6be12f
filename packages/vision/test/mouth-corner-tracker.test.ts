/**
 * The mouth-corner tracker finds the corner where the skin went: on the face animator, a one-sided pull of
 * the mouth corner (up and out) moves the tracked corner by most of what was asked, the other corner hardly,
 * while the face-mesh model alone sees a fraction of it (its face-shape prior keeps the mouth symmetric).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createNodeLandmarker,
  type Landmark,
  type Landmarker,
  MOUTH_CORNER_LEFT,
  MOUTH_CORNER_RIGHT,
  MouthCornerTracker,
} from '../src/index';
import { type FaceRig, loadFaceRig, REST, REST_SIDE, renderStill, STILL_HEAD } from '../src/testing/index';

let rig: FaceRig;
let landmarker: Landmarker;

beforeAll(async () => {
  rig = await loadFaceRig();
  landmarker = await createNodeLandmarker();
}, 120_000);

const shift = (a: Landmark, b: Landmark): [number, number] => [b[0]! - a[0]!, b[1]! - a[1]!];
const len = (v: [number, number]) => Math.hypot(v[0], v[1]);

describe('MouthCornerTracker', () => {
  it('follows a one-sided pull of the mouth corner that the model sees only in part', async () => {
    const head = { ...STILL_HEAD, dx: 6, dy: -3 };
    const rest = renderStill(rig, REST, head);
    const pulled = renderStill(rig, { ...REST, right: { ...REST_SIDE, mouthCorner: 0.8 } }, head);
    const asked = shift(rest.vertices[MOUTH_CORNER_RIGHT]!, pulled.vertices[MOUTH_CORNER_RIGHT]!);
    expect(len(asked)).toBeGreaterThan(5);

    const modelRest = (await landmarker.detect(rest.rgb, rig.width, rig.height))!;
    const modelPulled = (await landmarker.detect(pulled.rgb, rig.width, rig.height))!;
    const tracker = new MouthCornerTracker();
    // The first frame gives the reference patches and leaves the landmarks as the model found them.
    expect(tracker.refine(rest.rgb, rig.width, rig.height, modelRest)).toEqual(modelRest);
    const tracked = tracker.refine(pulled.rgb, rig.width, rig.height, modelPulled)!;

    const model = shift(modelRest[MOUTH_CORNER_RIGHT]!, modelPulled[MOUTH_CORNER_RIGHT]!);
    const found = shift(modelRest[MOUTH_CORNER_RIGHT]!, tracked[MOUTH_CORNER_RIGHT]!);
    const other = shift(modelRest[MOUTH_CORNER_LEFT]!, tracked[MOUTH_CORNER_LEFT]!);
    const msg = `asked ${len(asked).toFixed(1)} px; model ${len(model).toFixed(1)}, tracked ${len(found).toFixed(1)}, other corner ${len(other).toFixed(1)}`;
    // The tracked corner moved the way asked, by most of it (measured 8.1 of 11.4 px: the matched patch is
    // 24 mm of skin, whose edges move less than the corner), the model's by far less (4.5 px), the other
    // corner not.
    expect(len([found[0] - asked[0], found[1] - asked[1]]), msg).toBeLessThanOrEqual(0.35 * len(asked));
    expect(len(found), msg).toBeGreaterThan(1.5 * len(model));
    expect(len(model), msg).toBeLessThan(0.6 * len(asked));
    expect(len(other), msg).toBeLessThan(0.2 * len(asked));
    // Every other landmark is the model's own.
    expect(tracked.filter((_, i) => i !== MOUTH_CORNER_LEFT && i !== MOUTH_CORNER_RIGHT)).toEqual(
      modelPulled.filter((_, i) => i !== MOUTH_CORNER_LEFT && i !== MOUTH_CORNER_RIGHT),
    );
  }, 120_000);

  it('keeps the model’s corner where the skin is not found (a flat, covered mouth)', async () => {
    const rest = renderStill(rig, REST);
    const model = (await landmarker.detect(rest.rgb, rig.width, rig.height))!;
    const tracker = new MouthCornerTracker();
    tracker.refine(rest.rgb, rig.width, rig.height, model);
    const covered = Uint8Array.from(rest.rgb);
    // Grey over the whole lower face: no texture to match.
    for (let y = Math.round(model[MOUTH_CORNER_RIGHT]![1]! - 40); y < rig.height; y++)
      covered.fill(128, y * rig.width * 3, (y + 1) * rig.width * 3);
    expect(tracker.refine(covered, rig.width, rig.height, model)).toEqual(model);
    expect(tracker.refine(covered, rig.width, rig.height, null)).toBeNull();
  }, 120_000);
});
