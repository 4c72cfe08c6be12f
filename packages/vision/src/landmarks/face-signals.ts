import type { SignalFrame } from '@hemispasm/core';
import type { EyeOcclusion } from './eye-occlusion';
import {
  type EyeIndices,
  MIN_LANDMARKS,
  MOUTH_CORNER_LEFT,
  MOUTH_CORNER_RIGHT,
  PATIENT_LEFT_EYE,
  PATIENT_RIGHT_EYE,
} from './mesh-indices';

/** One landmark: x, y in pixels (image axes: x right, y down) and optionally z (depth, same scale, away from the camera). */
export type Landmark = readonly number[];

export interface SignalOptions {
  /**
   * True when the image is mirrored (a selfie preview): the patient's right eye then appears on the image's
   * RIGHT, and the model, which labels eyes as if the image were unmirrored, names it "left".
   */
  mirrored: boolean;
  /** Which eyes the eye-occlusion check found covered in this frame, in the model's (unmirrored) naming. */
  occlusion?: EyeOcclusion;
}

/** The per-frame facial signals, without the time stamp (the caller knows the time). */
export type FaceSignals = Omit<SignalFrame, 't'>;

export const NO_FACE: FaceSignals = Object.freeze({
  eyeL: null,
  eyeR: null,
  mouthL: null,
  mouthR: null,
  yaw: null,
  roll: null,
});

export type P = readonly [number, number, number];

export function point(landmarks: ReadonlyArray<Landmark>, i: number, mirrored: boolean): P | null {
  const l = landmarks[i];
  if (!l || l.length < 2) return null;
  const x = l[0]!;
  const y = l[1]!;
  const z = l[2] ?? 0;
  if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(z)) return null;
  // Undo the mirror so that "x grows towards the patient's left" holds in both cases (depth is unchanged).
  return mirrored ? [-x, y, z] : [x, y, z];
}

const dist2d = (a: P, b: P): number => Math.hypot(a[0] - b[0], a[1] - b[1]);
const mid = (a: P, b: P): P => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2];

interface EyeGeometry {
  aperture: number;
  centre: P;
  outer: P;
}

function eye(landmarks: ReadonlyArray<Landmark>, idx: EyeIndices, mirrored: boolean): EyeGeometry | null {
  const outer = point(landmarks, idx.outer, mirrored);
  const inner = point(landmarks, idx.inner, mirrored);
  if (!outer || !inner) return null;
  const width = dist2d(outer, inner);
  if (!(width > 0)) return null;
  let sum = 0;
  for (const [u, l] of idx.lidPairs) {
    const up = point(landmarks, u, mirrored);
    const lo = point(landmarks, l, mirrored);
    if (!up || !lo) return null;
    sum += dist2d(up, lo);
  }
  // Averaging several lid pairs damps single-point jitter; raw points, no blendshape, so each eye is
  // measured on its own (blendshape blink scores couple the two eyes and miss a one-sided closure).
  return { aperture: sum / idx.lidPairs.length / width, centre: mid(outer, inner), outer };
}

/**
 * Facial signals from one face's landmarks, per PATIENT side (pure; shared by Node and the browser worker).
 * - eye aperture: mean eyelid distance over eye width (corner to corner).
 * - mouth: distance from the mouth corner to the SAME side's outer eye corner (lateral canthus), in
 *   inter-ocular distances (between the two eye centres). A corner pulled up and out, as in a lower-face
 *   spasm (zygomaticus), moves towards that eye corner on both axes, so the distance SHRINKS by nearly the
 *   whole pull; what matters is its change from rest. (The nasion, used before, sits above the mouth's
 *   middle: a pull up and out keeps the corner at almost the same distance from it — measured ≈ 0 on the
 *   face animator — so it could not see a lower-face spasm.)
 * - yaw: degrees, from the depth difference of the two outer eye corners; positive = the patient turns to
 *   their own left.
 * - roll: degrees, the image angle of the line from the patient's right outer eye corner to the left one
 *   (unmirrored; image y down). The analysis takes the mouth signals' roll artefact out with it (core signals
 *   README step 5: the tracked corners and the model's eye corners do not turn by the same angle).
 * Returns all-null fields when there is no usable face.
 */
export function signalsFromLandmarks(
  landmarks: ReadonlyArray<Landmark> | null | undefined,
  options: SignalOptions,
): FaceSignals {
  if (!landmarks || landmarks.length < MIN_LANDMARKS) return { ...NO_FACE };
  const m = options.mirrored;
  // The model's "right eye" indices sit on the image's left; on a mirrored image that is the patient's left.
  const right = eye(landmarks, m ? PATIENT_LEFT_EYE : PATIENT_RIGHT_EYE, m);
  const left = eye(landmarks, m ? PATIENT_RIGHT_EYE : PATIENT_LEFT_EYE, m);
  const cornerR = point(landmarks, m ? MOUTH_CORNER_LEFT : MOUTH_CORNER_RIGHT, m);
  const cornerL = point(landmarks, m ? MOUTH_CORNER_RIGHT : MOUTH_CORNER_LEFT, m);
  if (!right || !left || !cornerR || !cornerL) return { ...NO_FACE };
  const iod = dist2d(right.centre, left.centre);
  if (!(iod > 0)) return { ...NO_FACE };
  // Vector from the patient's right outer corner to the left one: +x on a frontal face once unmirrored.
  const dx = left.outer[0] - right.outer[0];
  const dz = left.outer[2] - right.outer[2];
  const yaw = dx === 0 && dz === 0 ? null : (Math.atan2(dz, dx) * 180) / Math.PI;
  const dy = left.outer[1] - right.outer[1];
  const roll = dx === 0 && dy === 0 ? null : (Math.atan2(dy, dx) * 180) / Math.PI;
  const occ = options.occlusion;
  return {
    eyeL: left.aperture,
    eyeR: right.aperture,
    mouthL: dist2d(cornerL, left.outer) / iod,
    mouthR: dist2d(cornerR, right.outer) / iod,
    yaw,
    roll,
    ...(occ && { occludedL: m ? occ.right : occ.left, occludedR: m ? occ.left : occ.right }),
  };
}
