/**
 * The facial-movement test's input: per-frame landmark measures of each PATIENT side (the vision package
 * computes them from the face mesh, the same mesh as the spasm measure), and the prompt segments the app
 * showed. Sides are the patient's anatomical sides, never the image's.
 *
 * Every length is in pixels, in a face-aligned frame: the x axis runs along the line through the two eye
 * centres (so head roll is removed), y is perpendicular to it. The analysis divides by `iod`, so the
 * distance of the face from the camera (zoom) cancels out.
 */
export interface MovementFrame {
  /** Seconds from the start of the recording. */
  t: number;
  /**
   * Inter-ocular distance (between the two eye centres) in pixels; null when no face was found. Any other
   * field may be null on its own (that region was not measured in this frame).
   */
  iod: number | null;
  /** Brow height: mean height of the mid-brow points above the eye line (pixels; larger = raised). */
  browL: number | null;
  browR: number | null;
  /** Eyelid aperture: mean distance between facing upper and lower lid points (pixels; 0 = shut). */
  lidL: number | null;
  lidR: number | null;
  /** Mouth corner's distance outwards from the facial midline (nasion), along the eye line (pixels). */
  cornerOutL: number | null;
  cornerOutR: number | null;
  /** Mouth corner's distance below the eye line (pixels; smaller = raised). */
  cornerDownL: number | null;
  cornerDownR: number | null;
  /**
   * The lips just inside the mouth corner: their distance outwards from the midline, along the eye line
   * (pixels). A pucker draws them in; the skin beside the corner (cornerOut) barely follows.
   */
  lipOutL?: number | null;
  lipOutR?: number | null;
  /** Lower eyelid margin's distance below the eye line (pixels; smaller = raised, as in a squeeze). */
  lowerLidL?: number | null;
  lowerLidR?: number | null;
  /**
   * Distance from the facial midline (nasion) to that side's eye centre along the eye line (pixels). Each
   * side's sideways distances are divided by twice its own half, so a turned head (one half foreshortened)
   * does not read as one corner moving less.
   */
  halfL: number | null;
  halfR: number | null;
}

/** A frame's measures when no face was found (every field null): what the vision package sends then. */
export const NO_FACE_MEASURES: Readonly<Omit<MovementFrame, 't'>> = Object.freeze({
  iod: null,
  browL: null,
  browR: null,
  lidL: null,
  lidR: null,
  cornerOutL: null,
  cornerOutR: null,
  cornerDownL: null,
  cornerDownR: null,
  lipOutL: null,
  lipOutR: null,
  lowerLidL: null,
  lowerLidR: null,
  halfL: null,
  halfR: null,
});

export interface MovementSeries {
  frames: MovementFrame[];
  /** Nominal frame rate when known; otherwise estimated from `t`. */
  fps?: number;
}

/** The prompts of the guided test, in order; `rest` is the face at rest (no movement). */
export const MOVEMENTS = [
  'rest',
  'brow_raise',
  'eye_closure_gentle',
  'eye_closure_tight',
  'smile',
  'pucker',
] as const;
export type MovementId = (typeof MOVEMENTS)[number];
/** The prompts that ask for a movement (all but `rest`). */
export type ActiveMovementId = Exclude<MovementId, 'rest'>;
export const ACTIVE_MOVEMENTS = MOVEMENTS.filter((m): m is ActiveMovementId => m !== 'rest');

/** One prompt shown from `startS` to `endS` (seconds from the start of the recording). */
export interface PromptSegment {
  movement: MovementId;
  startS: number;
  endS: number;
}

/** When each prompt was on screen; the gaps between segments are "relax" pauses. */
export interface MovementScript {
  segments: PromptSegment[];
  /** Length of the whole test in seconds, the last relax pause included. */
  durationS: number;
}

export type PatientSide = 'left' | 'right';
