/**
 * Per-frame landmark measures for the facial-movement test (pure; shared by Node and the browser worker):
 * brow height, eyelid aperture and mouth-corner position of each PATIENT side, in pixels in a face-aligned
 * frame (x along the line through the two eye centres, y perpendicular to it, downwards), so head roll
 * is removed here and the core divides by the inter-ocular distance. Same 478-point mesh as the spasm
 * signals (face-signals.ts); the analysis is @hemispasm/core's analyzeMovement.
 */
import { type MovementFrame, NO_FACE_MEASURES } from '@hemispasm/core';
import { type Landmark, type P, point, type SignalOptions } from './face-signals';
import {
  type EyeIndices,
  MIN_LANDMARKS,
  MOUTH_CORNER_LEFT,
  MOUTH_CORNER_RIGHT,
  NASION,
  PATIENT_LEFT_EYE,
  PATIENT_RIGHT_EYE,
} from './mesh-indices';

/**
 * Mid-brow points (upper and lower edge of the middle third of each brow; MediaPipe topology, named by the
 * patient's side as in mesh-indices.ts): House–Brackmann measured the mid-portion of the brow.
 */
export const PATIENT_RIGHT_MID_BROW = [63, 105, 66, 53, 52, 65] as const;
export const PATIENT_LEFT_MID_BROW = [293, 334, 296, 283, 282, 295] as const;

export type MovementMeasures = Omit<MovementFrame, 't'>;

/** Every measure null: no face (core's NO_FACE_MEASURES). */
export const NO_MOVEMENT_FACE: MovementMeasures = NO_FACE_MEASURES;

const sub = (a: P, b: P): [number, number] => [a[0] - b[0], a[1] - b[1]];
const dot = (a: readonly [number, number], b: readonly [number, number]) => a[0] * b[0] + a[1] * b[1];

function eyeCentre(landmarks: ReadonlyArray<Landmark>, idx: EyeIndices, m: boolean): P | null {
  const a = point(landmarks, idx.outer, m);
  const b = point(landmarks, idx.inner, m);
  return a && b ? [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2] : null;
}

function lidAperture(landmarks: ReadonlyArray<Landmark>, idx: EyeIndices, m: boolean): number | null {
  let sum = 0;
  for (const [u, l] of idx.lidPairs) {
    const up = point(landmarks, u, m);
    const lo = point(landmarks, l, m);
    if (!up || !lo) return null;
    sum += Math.hypot(up[0] - lo[0], up[1] - lo[1]);
  }
  return sum / idx.lidPairs.length;
}

/**
 * The movement-test measures of one face (all null when there is no usable face). `mirrored` as in
 * signalsFromLandmarks: true for a selfie image, whose sides are swapped back to the patient's.
 */
export function movementFrameFromLandmarks(
  landmarks: ReadonlyArray<Landmark> | null | undefined,
  options: SignalOptions,
): MovementMeasures {
  if (!landmarks || landmarks.length < MIN_LANDMARKS) return { ...NO_MOVEMENT_FACE };
  const m = options.mirrored;
  // On a mirrored image the model's "right eye" indices are the patient's left (see face-signals.ts).
  const eyeR = m ? PATIENT_LEFT_EYE : PATIENT_RIGHT_EYE;
  const eyeL = m ? PATIENT_RIGHT_EYE : PATIENT_LEFT_EYE;
  const cR = eyeCentre(landmarks, eyeR, m);
  const cL = eyeCentre(landmarks, eyeL, m);
  const nasion = point(landmarks, NASION, m);
  const cornerR = point(landmarks, m ? MOUTH_CORNER_LEFT : MOUTH_CORNER_RIGHT, m);
  const cornerL = point(landmarks, m ? MOUTH_CORNER_RIGHT : MOUTH_CORNER_LEFT, m);
  const lidR = lidAperture(landmarks, eyeR, m);
  const lidL = lidAperture(landmarks, eyeL, m);
  if (!cR || !cL || !nasion || !cornerR || !cornerL || lidR === null || lidL === null)
    return { ...NO_MOVEMENT_FACE };
  const iod = Math.hypot(cL[0] - cR[0], cL[1] - cR[1]);
  if (!(iod > 0)) return { ...NO_MOVEMENT_FACE };
  // Face frame: x towards the patient's left along the eye line (points are unmirrored, so this holds for
  // both image kinds), y perpendicular to it, downwards; origin halfway between the eye centres.
  const ex: [number, number] = [(cL[0] - cR[0]) / iod, (cL[1] - cR[1]) / iod];
  const ey: [number, number] = [-ex[1], ex[0]];
  const origin: P = [(cL[0] + cR[0]) / 2, (cL[1] + cR[1]) / 2, 0];
  const down = (p: P) => dot(sub(p, origin), ey);
  const browHeight = (idx: readonly number[]): number | null => {
    let sum = 0;
    for (const i of idx) {
      const p = point(landmarks, i, m);
      if (!p) return null;
      sum -= down(p);
    }
    return sum / idx.length;
  };
  const lowerLid = (idx: EyeIndices): number | null => {
    let sum = 0;
    for (const [, lo] of idx.lidPairs) {
      const p = point(landmarks, lo, m);
      if (!p) return null;
      sum += down(p);
    }
    return sum / idx.lidPairs.length;
  };
  const browR = browHeight(m ? PATIENT_LEFT_MID_BROW : PATIENT_RIGHT_MID_BROW);
  const browL = browHeight(m ? PATIENT_RIGHT_MID_BROW : PATIENT_LEFT_MID_BROW);
  if (browR === null || browL === null) return { ...NO_MOVEMENT_FACE };
  return {
    iod,
    browL,
    browR,
    lidL,
    lidR,
    // Outwards from the midline: towards the patient's left for the left corner, right for the right one.
    cornerOutL: dot(sub(cornerL, nasion), ex),
    cornerOutR: -dot(sub(cornerR, nasion), ex),
    cornerDownL: down(cornerL),
    cornerDownR: down(cornerR),
    // From the mesh alone the lips' corner is the mouth corner (the image tracker measures the two apart).
    lipOutL: dot(sub(cornerL, nasion), ex),
    lipOutR: -dot(sub(cornerR, nasion), ex),
    lowerLidL: lowerLid(eyeL),
    lowerLidR: lowerLid(eyeR),
    halfL: dot(sub(cL, nasion), ex),
    halfR: -dot(sub(cR, nasion), ex),
  };
}
