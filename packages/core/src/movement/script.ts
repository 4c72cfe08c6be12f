/**
 * The guided test's timing: the default script the web app shows and the CLI assumes, and the schema of a
 * script file (`hemispasm movement <video> --script file.json`). The app times the prompts, so each
 * segment is known; nothing here is guessed from the video.
 */
import { z } from 'zod';
import { parseInput } from '../validation';
import { MOVEMENTS, type MovementScript } from './types';

/** Each prompt is held this long (seconds), with `RELAX_S` of rest between prompts. */
export const HOLD_S = 3;
export const RELAX_S = 2;
/** Relaxed lead-in before the first prompt (seconds). */
export const LEAD_IN_S = 1;

/**
 * The default script: rest, raise the eyebrows, close the eyes gently, close them tightly, smile showing
 * the teeth, pucker the lips — each held 3 s, 2 s of relaxing between them, 31 s in all.
 */
export const DEFAULT_SCRIPT: MovementScript = (() => {
  let t = LEAD_IN_S;
  const segments = MOVEMENTS.map((movement) => {
    const s = { movement, startS: t, endS: t + HOLD_S };
    t += HOLD_S + RELAX_S;
    return s;
  });
  return { segments, durationS: t };
})();

const Seconds = z.number().finite().min(0).max(600);

/** Shortest prompt (seconds): the first 0.8 s are reaction and ramp, the rest must still hold frames. */
export const MIN_SEGMENT_S = 1.5;
/** Shortest relax between prompts (seconds): a reference needs relaxed frames after the return to rest. */
export const MIN_GAP_S = 1;

export const PromptSegmentSchema = z.strictObject({
  movement: z.enum(MOVEMENTS),
  startS: Seconds,
  endS: Seconds,
});

export const MovementScriptSchema = z
  .strictObject({
    segments: z.array(PromptSegmentSchema).min(1).max(MOVEMENTS.length),
    /** Length of the whole test (seconds), the last relax included. */
    durationS: Seconds,
  })
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    s.segments.forEach((seg, i) => {
      if (seen.has(seg.movement))
        ctx.addIssue({ code: 'custom', path: ['segments', i, 'movement'], message: 'appears twice' });
      seen.add(seg.movement);
      if (seg.endS - seg.startS < MIN_SEGMENT_S)
        ctx.addIssue({
          code: 'custom',
          path: ['segments', i, 'endS'],
          message: `must be at least ${MIN_SEGMENT_S} s after startS`,
        });
      const prev = s.segments[i - 1];
      if (prev && seg.startS - prev.endS < MIN_GAP_S)
        ctx.addIssue({
          code: 'custom',
          path: ['segments', i, 'startS'],
          message: `must be at least ${MIN_GAP_S} s after the previous segment ends (${prev.endS} s): a relax pause is needed between prompts`,
        });
    });
    const last = s.segments.at(-1);
    if (last && s.durationS < last.endS + MIN_GAP_S)
      ctx.addIssue({
        code: 'custom',
        path: ['durationS'],
        message: `must be at least ${MIN_GAP_S} s after the last segment ends (${last.endS} s)`,
      });
    if (!s.segments.some((seg) => seg.movement !== 'rest'))
      ctx.addIssue({
        code: 'custom',
        path: ['segments'],
        message: 'needs at least one movement besides rest',
      });
  });

/** Validates a script (e.g. a parsed `--script` file); throws InputError naming each field at fault. */
export function parseMovementScript(input: unknown): MovementScript {
  return parseInput(MovementScriptSchema, input);
}

/** The prompt on screen at time t (null during a relax pause or after the end). */
export function promptAt(script: MovementScript, t: number): MovementScript['segments'][number] | null {
  return script.segments.find((s) => t >= s.startS && t < s.endS) ?? null;
}
