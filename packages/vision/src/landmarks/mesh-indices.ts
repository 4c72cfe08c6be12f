/**
 * Indices into the 478-point face mesh (MediaPipe FaceMesh topology, 468 mesh points + 10 iris points,
 * as returned by @vladmandic/human with the iris model on; the iris model refines the eyelid points).
 *
 * MediaPipe names eyes from the SUBJECT's point of view on an unmirrored image: its "right eye"
 * (33…133) is the patient's right eye, which a non-mirrored camera shows on the image's left.
 * We name them by the patient's anatomical side only.
 */
export interface EyeIndices {
  /** Corner towards the ear and corner towards the nose. */
  outer: number;
  inner: number;
  /** Upper-lid / lower-lid point pairs facing each other, from outer to inner; their distances are averaged. */
  lidPairs: ReadonlyArray<readonly [upper: number, lower: number]>;
  /** Closed contour (upper lid outer→inner, then lower lid inner→outer) for overlays and test painting. */
  contour: readonly number[];
}

export const PATIENT_RIGHT_EYE: EyeIndices = {
  outer: 33,
  inner: 133,
  lidPairs: [
    [161, 163],
    [160, 144],
    [159, 145],
    [158, 153],
    [157, 154],
  ],
  contour: [33, 246, 161, 160, 159, 158, 157, 173, 133, 155, 154, 153, 145, 144, 163, 7],
};

export const PATIENT_LEFT_EYE: EyeIndices = {
  outer: 263,
  inner: 362,
  lidPairs: [
    [388, 390],
    [387, 373],
    [386, 374],
    [385, 380],
    [384, 381],
  ],
  contour: [263, 466, 388, 387, 386, 385, 384, 398, 362, 382, 381, 380, 374, 373, 390, 249],
};

/** Mouth corners (cheilion) of the patient's right and left side. */
export const MOUTH_CORNER_RIGHT = 61;
export const MOUTH_CORNER_LEFT = 291;

/**
 * Nasion area (bridge of the nose between the eyes, landmark 168): on bone, moved by neither the eyelid nor the
 * mouth muscles; a face-fixed reference point (the movement test's measures use it).
 */
export const NASION = 168;

/** Number of points the signal code needs at least (mesh without iris is enough). */
export const MIN_LANDMARKS = 468;
