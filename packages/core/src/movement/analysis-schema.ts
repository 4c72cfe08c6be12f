/**
 * The result of the facial-movement test, as a zod schema so the server can validate a summary that a
 * browser computed and posted. Sides are the patient's anatomical sides.
 */
import { z } from 'zod';
import { MOVEMENT_BAND_LABEL } from './band';
import { MovementScriptSchema } from './script';
import { ACTIVE_MOVEMENTS, MOVEMENTS } from './types';

const Side = z.enum(['left', 'right']);
const Pct = z.number().finite().min(0).max(100);
const Interval = z.tuple([Pct, Pct]);
const Grade = z.number().int().min(1).max(6);

export const MovementResultSchema = z.strictObject({
  movement: z.enum(ACTIVE_MOVEMENTS),
  /** measured; missing (not made during its prompt); not_recorded (the video ends first); no_face. */
  status: z.enum(['measured', 'missing', 'not_recorded', 'no_face']),
  /** Unit of the amplitudes: inter-ocular distances, or the fraction of the eye's rest aperture closed. */
  unit: z.enum(['iod', 'closure']),
  /** Amplitude of each side relative to rest (≥ 0); null when the window could not be measured. */
  left: z.number().finite().min(0).nullable(),
  right: z.number().finite().min(0).nullable(),
  /** Weaker side's amplitude over the stronger side's, in % (100 = symmetric); null unless measured. */
  symmetryPct: Pct.nullable(),
  /** 95 % interval of symmetryPct (frame noise and the model-error allowance). */
  ciPct: Interval.nullable(),
  /** The side that moved less; null unless measured, and null when the interval reaches 100 % (about equal). */
  weakerSide: Side.nullable(),
  /** The prompt's window, seconds from the start. */
  startS: z.number().finite().min(0),
  endS: z.number().finite().min(0),
});

export const MovementProblemSchema = z.strictObject({
  movement: z.enum(MOVEMENTS),
  kind: z.enum(['missing', 'out_of_window', 'not_recorded', 'no_face']),
  /** English, for the CLI and logs; interfaces build their own text from `kind` and `movement`. */
  message: z.string().min(1),
  /** out_of_window: where the movement was seen instead (seconds). */
  seenAtS: z.number().finite().min(0).optional(),
});

export const RestSymmetrySchema = z.strictObject({
  /** Narrower palpebral fissure over the wider one, in % (100 = equal). */
  palpebralSymmetryPct: Pct,
  narrowerEye: Side,
  /** Height difference of the two mouth corners, in % of the inter-ocular distance. */
  mouthCornerHeightDiffPct: z.number().finite().min(0),
  lowerCorner: Side,
});

export const MovementBandSchema = z.strictObject({
  /** The side whose function is estimated (the weaker side overall). */
  side: Side,
  /** Mean of that side's brow-raise and smile amplitude relative to the other side, in % (capped at 100). */
  functionPct: Pct,
  ciPct: Interval,
  /** House–Brackmann-like grade 1–6 (I–VI) of functionPct, and the grades its interval spans (best, worst). */
  grade: Grade,
  gradeRange: z.tuple([Grade, Grade]),
  label: z.literal(MOVEMENT_BAND_LABEL),
});

export const MovementAnalysisSchema = z.strictObject({
  /** Length of the recording analysed (seconds) and its frame rate. */
  durationS: z.number().finite().min(0),
  fps: z.number().finite().min(0),
  /** The prompt timing the analysis assumed. */
  script: MovementScriptSchema,
  /** False when a movement was missing, made out of its prompt, not recorded or not seen: see problems. */
  followsPrompts: z.boolean(),
  problems: z.array(MovementProblemSchema),
  movements: z.array(MovementResultSchema),
  /** Symmetry of the face at rest (null without a measured rest prompt). */
  rest: RestSymmetrySchema.nullable(),
  /** The measured movement with the lowest symmetry. */
  weakestMovement: z.enum(ACTIVE_MOVEMENTS).nullable(),
  /** The side that moves less over the measured movements; none when nothing was measured. */
  weakerSide: z.enum(['left', 'right', 'none']),
  /** House–Brackmann-like band with its uncertainty; null unless brow raise and smile were measured. */
  band: MovementBandSchema.nullable(),
  noFaceFrames: z.number().int().min(0),
  analyzerVersion: z.string().min(1),
});

export type MovementResult = z.infer<typeof MovementResultSchema>;
export type MovementProblem = z.infer<typeof MovementProblemSchema>;
export type RestSymmetry = z.infer<typeof RestSymmetrySchema>;
export type MovementBand = z.infer<typeof MovementBandSchema>;
export type MovementAnalysis = z.infer<typeof MovementAnalysisSchema>;
