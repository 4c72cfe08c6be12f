/**
 * The result of spasm event detection, as a zod schema so a server can validate a summary that a
 * browser computed and posted. Sides are the patient's anatomical sides.
 */
import { z } from 'zod';

export const SpasmEventSchema = z.strictObject({
  /** Seconds from the start of the series. */
  startS: z.number().finite().min(0),
  endS: z.number().finite().min(0),
  /** `both` for blinks and bilateral closures (closures of both eyes together); spasms are one-sided. */
  side: z.enum(['left', 'right', 'both']),
  /**
   * `spasm`: a one-sided event; `blink`: both eyes close together briefly; `bilateral_closure`: both eyes
   * shut together for longer than 0.5 s — not typical of hemifacial spasm (a red flag, see `redFlags`).
   */
  kind: z.enum(['spasm', 'blink', 'bilateral_closure']),
  /**
   * Facial regions that took part: `eye` (the lids closed), `mouth` (the same-side mouth corner was pulled),
   * `cheek` (a lower-face spasm that also narrows the eye from below: the cheek pushing the lower lid up).
   */
  regions: z.array(z.enum(['eye', 'cheek', 'mouth'])).min(1),
  /** Deepest eye closure in the event, 0 (open as at baseline) … 1 (fully closed); 0 for mouth-only events. */
  peakClosure: z.number().finite().min(0).max(1),
});

export const SpasmAnalysisSchema = z.strictObject({
  /** Length of the series in seconds (first to last frame, plus one frame period). */
  durationS: z.number().finite().min(0),
  /** Frame rate: the series' nominal one, else estimated from the timestamps. */
  fps: z.number().finite().min(0),
  /** The side with spasms; `bilateral` when both sides have substantial independent spasms. */
  side: z.enum(['left', 'right', 'none', 'bilateral']),
  events: z.array(SpasmEventSchema),
  spasmCount: z.number().int().min(0),
  /** Per minute of time with a face in view. */
  spasmsPerMinute: z.number().finite().min(0),
  /** Fraction (0–1) of the time with a face in view spent in a spasm. */
  spasmTimeFraction: z.number().finite().min(0).max(1),
  longestSpasmS: z.number().finite().min(0),
  blinkCount: z.number().int().min(0),
  blinksPerMinute: z.number().finite().min(0),
  /** Closures of both eyes together longer than 0.5 s (counted apart from blinks and spasms). Absent in
   *  analyses from analyzer 1.x, which had no such kind. */
  bilateralClosureCount: z.number().int().min(0).optional(),
  /**
   * Findings a physician should see, as stable codes: `bilateral_closure` = closures of both eyes together
   * were measured, which are not typical of hemifacial spasm. Absent in analyses from analyzer 1.x.
   */
  redFlags: z.array(z.enum(['bilateral_closure'])).optional(),
  /** Frames (and their seconds) in which no face was found: nothing can be measured there. */
  noFaceFrames: z.number().int().min(0),
  noFaceS: z.number().finite().min(0),
  /**
   * Seconds in which the patient's left / right eye was covered (a hand, a glasses frame; SignalFrame
   * occludedL/R, with a margin): not measured there — neither closures nor spasms are counted, nor any
   * closure of the other eye (it cannot be told from a blink). Absent before analyzer 2.2.
   */
  occludedS: z
    .strictObject({ left: z.number().finite().min(0), right: z.number().finite().min(0) })
    .optional(),
  analyzerVersion: z.string().min(1),
});

export type SpasmEvent = z.infer<typeof SpasmEventSchema>;
export type SpasmAnalysis = z.infer<typeof SpasmAnalysisSchema>;
