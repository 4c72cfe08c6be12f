/**
 * Parameters of the movement analysis. Each one's reason is in packages/core/src/movement/README.md. They
 * are measurement settings of this software (set on synthetic series and on animated videos of a real
 * face), not clinical figures; the clinical mapping lives in band.ts with its sources.
 */
export const MOVEMENT_PARAMS = {
  /** Seconds after a prompt appears before its plateau starts: reaction time and the ramp of the movement. */
  reactionS: 0.8,
  /** Seconds after a prompt ends before the face counts as back at rest (the return movement). */
  returnS: 0.8,
  /** Longest stretch (seconds) of relaxed frames used as the reference on each side of a prompt. */
  referenceMaxS: 1.5,
  /** A window needs at least this fraction of its time with a face in view to be measured. */
  minFaceFraction: 0.5,
  /**
   * ...and at least this many face frames: a device that fell far behind (the browser skips samples rather
   * than shift them against the prompts) leaves windows of one or two frames, whose median has no spread
   * to judge it by; such a window is not measured rather than read as a movement of 0.
   */
  minWindowFrames: 3,
  /** Independent samples per second assumed for the uncertainty (landmark noise is correlated over frames). */
  effectiveSamplesPerS: 10,
  /**
   * Smallest amplitude of the stronger side that counts as the movement being made (units as in
   * `MOVEMENT_UNITS`): below it, the movement is reported missing rather than given a symmetry.
   */
  minAmplitude: {
    brow_raise: 0.03,
    eye_closure_gentle: 0.3,
    eye_closure_tight: 0.025,
    smile: 0.04,
    pucker: 0.025,
  },
  /** ...and it must also exceed this many standard errors of its own measurement. */
  minAmplitudeSe: 4,
  /** Window (seconds) and step of the search for a movement made outside its prompt. */
  scanWindowS: 2,
  scanStepS: 0.5,
  /**
   * Allowance (percentage points) for error of the measurement that the frame noise does not show, added
   * in quadrature to the statistical uncertainty of every symmetry index. Set from the animated-face
   * validation (vision package, `npm run bench vision -- --movement --quick`): median error 2.3 points over
   * 50 indices, 49 within ± 10, the largest 10.6 (gentle closure at 75 %: see the vision README).
   */
  modelErrorPct: 8,
  /** z for a two-sided 95 % interval. */
  z95: 1.96,
} as const;

/** Unit of each movement's amplitude: inter-ocular distances, or the fraction of the eye's rest aperture. */
export const MOVEMENT_UNITS = {
  brow_raise: 'iod',
  eye_closure_gentle: 'closure',
  eye_closure_tight: 'iod',
  smile: 'iod',
  pucker: 'iod',
} as const;

export const MOVEMENT_ANALYZER_VERSION = 'hemispasm-movement/1.1.0';
