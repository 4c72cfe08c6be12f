import { describe, expect, it } from 'vitest';
import {
  type Landmark,
  MOUTH_CORNER_LEFT,
  MOUTH_CORNER_RIGHT,
  PATIENT_LEFT_EYE,
  PATIENT_RIGHT_EYE,
  signalsFromLandmarks,
} from '../src/index';

type Eye = typeof PATIENT_RIGHT_EYE;

/**
 * A synthetic frontal face on an UNMIRRORED image (patient's right eye on the image's left), 478 points:
 * each eye 40 px wide with lids `gap` px apart, mouth corners below the eyes.
 */
function face(opts: { gapR: number; gapL: number; pullR?: number }): number[][] {
  const pts: number[][] = Array.from({ length: 478 }, () => [320, 200, 0]);
  const placeEye = (idx: Eye, cx: number, gap: number, outerOnLeft: boolean) => {
    const sign = outerOnLeft ? -1 : 1;
    pts[idx.outer] = [cx + sign * 20, 150, 0];
    pts[idx.inner] = [cx - sign * 20, 150, 0];
    idx.lidPairs.forEach(([u, l], k) => {
      const x = cx + sign * (10 - 5 * k);
      pts[u] = [x, 150 - gap / 2, 0];
      pts[l] = [x, 150 + gap / 2, 0];
    });
  };
  placeEye(PATIENT_RIGHT_EYE, 260, opts.gapR, true);
  placeEye(PATIENT_LEFT_EYE, 380, opts.gapL, false);
  // A pull moves the corner up and out (towards the patient's right ear: −x on this image).
  const pull = opts.pullR ?? 0;
  pts[MOUTH_CORNER_RIGHT] = [280 - 0.6 * pull, 250 - 0.8 * pull, 0];
  pts[MOUTH_CORNER_LEFT] = [360, 250, 0];
  return pts;
}

/**
 * What the model returns for the left-right flipped picture: the points move to width − x AND trade names,
 * because the model labels whatever eye is on the image's left as the subject's "right" eye.
 */
function mirror(pts: number[][], width = 640): number[][] {
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
  ];
  const out = pts.map(([x, y, z]) => [width - x!, y!, z!]);
  for (const [a, b] of pairs) [out[a], out[b]] = [out[b]!, out[a]!];
  return out;
}

/** Rotates the face about a vertical axis through its centre; positive = patient turns to their own left. */
function turn(pts: number[][], degrees: number): number[][] {
  const a = (degrees * Math.PI) / 180;
  // Patient's left is +x on an unmirrored image and depth z grows away from the camera: turning left moves
  // the left side (+x) away (+z).
  return pts.map(([x, y, z]) => {
    const dx = x! - 320;
    return [320 + dx * Math.cos(a) - z! * Math.sin(a), y!, dx * Math.sin(a) + z! * Math.cos(a)];
  });
}

describe('signalsFromLandmarks', () => {
  it('measures each eye as lid distance over eye width, on the patient side, for an unmirrored image', () => {
    const s = signalsFromLandmarks(face({ gapR: 4, gapL: 12 }), { mirrored: false });
    expect(s.eyeR).toBeCloseTo(4 / 40, 6);
    expect(s.eyeL).toBeCloseTo(12 / 40, 6);
  });

  it('swaps the sides for a mirrored (selfie) image so a closed right eye stays the right eye', () => {
    const mirrored = mirror(face({ gapR: 4, gapL: 12 }));
    const right = signalsFromLandmarks(mirrored, { mirrored: true });
    expect(right.eyeR).toBeCloseTo(0.1, 6);
    expect(right.eyeL).toBeCloseTo(0.3, 6);
    // Read as unmirrored, the same picture would blame the wrong eye: the flag matters.
    const wrong = signalsFromLandmarks(mirrored, { mirrored: false });
    expect(wrong.eyeR).toBeCloseTo(0.3, 6);
  });

  it("gives the mouth corner's distance to the same side's outer eye corner in inter-ocular distances, shorter when pulled up and out", () => {
    const rest = signalsFromLandmarks(face({ gapR: 12, gapL: 12 }), { mirrored: false });
    const pulled = signalsFromLandmarks(face({ gapR: 12, gapL: 12, pullR: 12 }), { mirrored: false });
    // Eye centres 120 px apart; the right corner (280, 250) is 40 px inside and 100 px below the right
    // outer eye corner (240, 150).
    expect(rest.mouthR).toBeCloseTo(Math.hypot(40, 100) / 120, 6);
    expect(rest.mouthL).toBeCloseTo(rest.mouthR!, 9);
    // Pulled 12 px up and out: nearly all of it shortens the distance (0.1 IOD of 12/120).
    expect(pulled.mouthR!).toBeLessThan(rest.mouthR! - 0.08);
    expect(pulled.mouthL).toBeCloseTo(rest.mouthL!, 9);
    const m = signalsFromLandmarks(mirror(face({ gapR: 12, gapL: 12, pullR: 12 })), { mirrored: true });
    expect(m.mouthR).toBeCloseTo(pulled.mouthR!, 9);
  });

  it('reports head yaw with the sign of the patient turning to their own left, mirrored or not', () => {
    const frontal = signalsFromLandmarks(face({ gapR: 12, gapL: 12 }), { mirrored: false });
    expect(frontal.yaw).toBeCloseTo(0, 6);
    const left = turn(face({ gapR: 12, gapL: 12 }), 20);
    expect(signalsFromLandmarks(left, { mirrored: false }).yaw).toBeCloseTo(20, 4);
    expect(signalsFromLandmarks(mirror(left), { mirrored: true }).yaw).toBeCloseTo(20, 4);
    expect(
      signalsFromLandmarks(turn(face({ gapR: 12, gapL: 12 }), -15), { mirrored: false }).yaw,
    ).toBeCloseTo(-15, 4);
  });

  it('reports head roll as the angle of the outer eye corners’ line, the same mirrored or not', () => {
    expect(signalsFromLandmarks(face({ gapR: 12, gapL: 12 }), { mirrored: false }).roll).toBeCloseTo(0, 6);
    // The patient's left outer eye corner (image right, unmirrored) 20 px lower than the right one, 160 px apart.
    const tilted = face({ gapR: 12, gapL: 12 });
    tilted[PATIENT_LEFT_EYE.outer] = [tilted[PATIENT_LEFT_EYE.outer]![0]!, 170, 0];
    const deg = (Math.atan2(20, 160) * 180) / Math.PI;
    expect(signalsFromLandmarks(tilted, { mirrored: false }).roll).toBeCloseTo(deg, 6);
    expect(signalsFromLandmarks(mirror(tilted), { mirrored: true }).roll).toBeCloseTo(deg, 6);
  });

  it('names a covered eye by the patient side, mirrored or not (the check names the model’s eyes)', () => {
    const pts = face({ gapR: 12, gapL: 12 });
    // Unmirrored, the model's "right eye" is the patient's right eye; on a selfie image it is the left one.
    const covered = { right: true, left: false };
    expect(signalsFromLandmarks(pts, { mirrored: false, occlusion: covered })).toMatchObject({
      occludedR: true,
      occludedL: false,
    });
    expect(signalsFromLandmarks(mirror(pts), { mirrored: true, occlusion: covered })).toMatchObject({
      occludedR: false,
      occludedL: true,
    });
    expect(signalsFromLandmarks(pts, { mirrored: false })).not.toHaveProperty('occludedR');
  });

  it('returns null fields for no face, too few points or broken coordinates', () => {
    const none = { eyeL: null, eyeR: null, mouthL: null, mouthR: null, yaw: null, roll: null };
    expect(signalsFromLandmarks(null, { mirrored: false })).toEqual(none);
    expect(signalsFromLandmarks(face({ gapR: 4, gapL: 4 }).slice(0, 400), { mirrored: false })).toEqual(none);
    const broken: Landmark[] = face({ gapR: 4, gapL: 4 });
    broken[PATIENT_LEFT_EYE.lidPairs[2]![0]] = [Number.NaN, 3, 0];
    expect(signalsFromLandmarks(broken, { mirrored: false })).toEqual(none);
  });
});
