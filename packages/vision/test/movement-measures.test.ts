import { beforeAll, describe, expect, it } from 'vitest';
import {
  createNodeLandmarker,
  type Landmark,
  MOUTH_CORNER_LEFT,
  MOUTH_CORNER_RIGHT,
  type MovementMeasures,
  movementFrameFromLandmarks,
  PATIENT_LEFT_EYE,
  PATIENT_LEFT_MID_BROW,
  PATIENT_RIGHT_EYE,
  PATIENT_RIGHT_MID_BROW,
} from '../src/index';
import { ASTRONAUT_CROP, loadImageRgb, testFacePhoto } from '../src/testing/index';

const W = 640;
const H = 360;
let photo: number[][];

beforeAll(async () => {
  const rgb = await loadImageRgb(testFacePhoto(), W, H, ASTRONAUT_CROP);
  const model = await createNodeLandmarker();
  photo = (await model.detect(rgb, W, H))!.map((p) => [...p]);
}, 60_000);

/** Every measure divided by the inter-ocular distance (what the core analyses). */
function relative(m: MovementMeasures): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(m)) if (k !== 'iod') out[k] = (v as number) / m.iod!;
  return out;
}

/** Rolls the face by `deg` about (cx, cy) and zooms by `scale`, as a head tilting and coming closer. */
function rollZoom(pts: number[][], deg: number, scale: number, cx = 320, cy = 180): Landmark[] {
  const a = (deg * Math.PI) / 180;
  return pts.map(([x, y, z]) => {
    const dx = x! - cx;
    const dy = y! - cy;
    return [
      cx + scale * (dx * Math.cos(a) - dy * Math.sin(a)),
      cy + scale * (dx * Math.sin(a) + dy * Math.cos(a)),
      z!,
    ];
  });
}

describe('movementFrameFromLandmarks', () => {
  it('measures the real test face plausibly, per patient side', () => {
    const m = movementFrameFromLandmarks(photo, { mirrored: false });
    expect(m.iod).toBeGreaterThan(60);
    const r = relative(m);
    for (const side of ['L', 'R']) {
      expect(r[`brow${side}`]).toBeGreaterThan(0.15);
      expect(r[`brow${side}`]).toBeLessThan(0.6);
      expect(r[`half${side}`]).toBeGreaterThan(0.35);
      expect(r[`half${side}`]).toBeLessThan(0.65);
      expect(r[`cornerOut${side}`]).toBeGreaterThan(0.3);
      expect(r[`cornerDown${side}`]).toBeGreaterThan(0.7);
      expect(r[`lid${side}`]).toBeGreaterThan(0.03);
    }
    expect(r.halfL! + r.halfR!).toBeCloseTo(1, 6);
  });

  it('does not change with head roll (±15°) or zoom once divided by the inter-ocular distance', () => {
    const base = relative(movementFrameFromLandmarks(photo, { mirrored: false }));
    for (const [deg, scale] of [
      [15, 1],
      [-15, 1.2],
      [8, 0.8],
    ] as const) {
      const moved = relative(movementFrameFromLandmarks(rollZoom(photo, deg, scale), { mirrored: false }));
      for (const k of Object.keys(base)) expect(moved[k]).toBeCloseTo(base[k]!, 9);
    }
  });

  it('keeps patient sides on a mirrored (selfie) image', () => {
    // What the model returns for the flipped picture: points at W − x that trade names (it labels the eye on
    // the image's left as the subject's right). Only the points the measures use need to trade.
    const pairs: Array<[number, number]> = [
      [PATIENT_RIGHT_EYE.outer, PATIENT_LEFT_EYE.outer],
      [PATIENT_RIGHT_EYE.inner, PATIENT_LEFT_EYE.inner],
      [MOUTH_CORNER_RIGHT, MOUTH_CORNER_LEFT],
      ...PATIENT_RIGHT_EYE.lidPairs.flatMap(
        ([u, l], k): Array<[number, number]> => [
          [u, PATIENT_LEFT_EYE.lidPairs[k]![0]],
          [l, PATIENT_LEFT_EYE.lidPairs[k]![1]],
        ],
      ),
      ...PATIENT_RIGHT_MID_BROW.map((r, k): [number, number] => [r, PATIENT_LEFT_MID_BROW[k]!]),
    ];
    const mirror = (pts: number[][]) => {
      const out = pts.map(([x, y, z]) => [W - x!, y!, z!]);
      for (const [a, b] of pairs) [out[a], out[b]] = [out[b]!, out[a]!];
      return out;
    };
    const raised = photo.map((p) => [...p]);
    for (const i of PATIENT_LEFT_MID_BROW) raised[i]![1]! -= 6;
    const plain = movementFrameFromLandmarks(raised, { mirrored: false });
    const selfie = movementFrameFromLandmarks(mirror(raised), { mirrored: true });
    for (const k of Object.keys(plain) as Array<keyof MovementMeasures>)
      expect(selfie[k]).toBeCloseTo(plain[k]!, 9);
    // Read as if it were not mirrored, the raised brow would land on the wrong side.
    const wrong = movementFrameFromLandmarks(mirror(raised), { mirrored: false });
    expect(wrong.browR).toBeCloseTo(plain.browL!, 9);
  });

  it('a raised left brow raises browL only', () => {
    const raised = photo.map((p) => [...p]);
    for (const i of PATIENT_LEFT_MID_BROW) raised[i]![1]! -= 6;
    const a = movementFrameFromLandmarks(photo, { mirrored: false });
    const b = movementFrameFromLandmarks(raised, { mirrored: false });
    expect(b.browL! - a.browL!).toBeGreaterThan(5.5);
    expect(b.browL! - a.browL!).toBeLessThan(6.01);
    expect(b.browR).toBeCloseTo(a.browR!, 9);
  });

  it('is all null without a face', () => {
    expect(
      Object.values(movementFrameFromLandmarks(null, { mirrored: false })).every((v) => v === null),
    ).toBe(true);
  });
});
