/**
 * The facial-signal series: the interchange between video (packages/vision) and event detection
 * (packages/core). Sides are the PATIENT's anatomical sides, never the image's: on a non-mirrored
 * camera the patient's right eye appears on the left of the image.
 *
 * CSV form (header `t,eye_l,eye_r,mouth_l,mouth_r`, more columns may follow; empty cell = no face):
 *   t       seconds from the start of the video
 *   eye_*   eyelid aperture ratio (eyelid distance over eye width, from raw landmarks)
 *   mouth_* mouth-corner excursion, in inter-ocular distances, relative to a face-fixed reference on the same
 *           side: the distance from the corner to that side's outer eye corner (packages/vision), so a
 *           spasm's pull (up and out, toward the eye) makes it SMALLER; the detector counts only that direction
 *   occluded_l, occluded_r (optional) 1 when that eye is covered in the frame (a hand, a glasses frame)
 */
export interface SignalFrame {
  /** Seconds from the start. */
  t: number;
  /** Eye aperture ratio of the patient's left / right eye; null when no face was found in this frame. */
  eyeL: number | null;
  eyeR: number | null;
  /** Mouth-corner excursion of the patient's left / right corner (smaller = drawn toward that side's eye);
   *  null when no face was found. */
  mouthL: number | null;
  mouthR: number | null;
  /** Head yaw in degrees where the landmark model gives it (positive = patient turns to their left). */
  yaw?: number | null;
  /**
   * Head roll in degrees where the landmarks give it: the in-plane angle of the line from the patient's right
   * outer eye corner to the left one (image y down, so positive = the patient's left eye lower on the image).
   * Used to take the landmarks' roll artefact out of the mouth-corner signals (README step 5).
   */
  roll?: number | null;
  /**
   * Something covers the patient's left / right eye in this frame (a hand, a glasses frame): its aperture is
   * not a measurement, and the analysis leaves the frame out instead of reading it as a closure. Absent = not
   * covered (or not checked).
   */
  occludedL?: boolean;
  occludedR?: boolean;
}

export interface SignalSeries {
  frames: SignalFrame[];
  /** Nominal frame rate when known (decoder's), otherwise estimated from `t`. */
  fps?: number;
}

export type Side = 'left' | 'right';
