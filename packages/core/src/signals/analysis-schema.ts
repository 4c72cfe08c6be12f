/**
 * The result of spasm event detection, as a zod schema so a server can validate a summary that a
 * browser computed and posted. Sides are the patient's anatomical sides.
 */
import { z } from 'zod';

export const SpasmEventSchema = z.strictObject({
  /** Seconds from the start of the series. */
  startS: z.number().finite().min(0),
  endS: z.number().finite().min(0),
  /** `both` only for blinks (bilateral closures); spasms are one-sided. */
  side: z.enum(['left', 'right', 'both']),
  kind: z.enum(['spasm', 'blink']),
  /** Facial regions that took part: the eye closed and/or the same-side mouth corner was pulled. */
  regions: z.array(z.enum(['eye', 'mouth'])).min(1),
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
  /** Frames (and their seconds) in which no face was found: nothing can be measured there. */
  noFaceFrames: z.number().int().min(0),
  noFaceS: z.number().finite().min(0),
  analyzerVersion: z.string().min(1),
});

export type SpasmEvent = z.infer<typeof SpasmEventSchema>;
export type SpasmAnalysis = z.infer<typeof SpasmAnalysisSchema>;
