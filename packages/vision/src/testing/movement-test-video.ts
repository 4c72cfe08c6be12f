/**
 * Face animations of the guided facial-movement test (issue 11) for tests and the benchmark: the person
 * follows the default prompts (or a given script) with each movement's amplitude set per side, a little
 * late as people are, while the head moves and the light changes. The ratio of the two sides' amplitudes is
 * the truth the symmetry index must recover.
 */
import {
  ACTIVE_MOVEMENTS,
  type ActiveMovementId,
  DEFAULT_SCRIPT,
  type MovementScript,
  type PatientSide,
} from '@hemispasm/core';
import type { FaceAction, FaceAnimation, FaceMovement, HeadKey, LightKey } from './face-animation';

/** The core's movement ids → the animator's. */
export const ANIMATOR_MOVEMENT: Record<ActiveMovementId | 'rest', FaceMovement> = {
  rest: 'rest',
  brow_raise: 'raise_eyebrows',
  eye_closure_gentle: 'close_eyes_gently',
  eye_closure_tight: 'close_eyes_tightly',
  smile: 'smile',
  pucker: 'pucker',
};

export interface MovementTestVideo {
  /** The weaker side and its amplitude (0–1) for every movement, or per movement. */
  affected: PatientSide;
  ratio: number | Partial<Record<ActiveMovementId, number>>;
  /** Movements the person does not make. */
  skip?: ActiveMovementId[];
  script?: MovementScript;
  fps?: number;
  /**
   * Head motion: shift up to 14 px, roll up to 8°, yaw up to 6°, zoom ±6 % at 1 (the default); a number
   * scales that path, false keeps the head still. A light ramp with a side light unless lightChange is false.
   */
  headMotion?: boolean | number;
  lightChange?: boolean;
  /** Seconds between a prompt appearing and the movement starting (default 0.35). */
  reactionS?: number;
  seed?: number;
  width?: number;
  height?: number;
  mirror?: boolean;
}

export function movementTestAnimation(o: MovementTestVideo): FaceAnimation {
  const script = o.script ?? DEFAULT_SCRIPT;
  const reaction = o.reactionS ?? 0.35;
  const ratioOf = (m: ActiveMovementId) => (typeof o.ratio === 'number' ? o.ratio : (o.ratio[m] ?? 1));
  const actions: FaceAction[] = [];
  for (const seg of script.segments) {
    if (seg.movement === 'rest') continue;
    const m = seg.movement;
    if (o.skip?.includes(m)) continue;
    const r = ratioOf(m);
    actions.push({
      kind: 'movement',
      movement: ANIMATOR_MOVEMENT[m],
      startS: seg.startS + reaction,
      // Held to the prompt's end and released at the beep (the envelope's fall lies inside the duration).
      durationS: seg.endS - seg.startS,
      amplitude: o.affected === 'left' ? { left: r, right: 1 } : { left: 1, right: r },
    });
  }
  const d = script.durationS;
  const k =
    o.headMotion === false ? 0 : o.headMotion === true || o.headMotion === undefined ? 1 : o.headMotion;
  const key = (t: number, dx: number, dy: number, roll: number, yaw: number, zoom: number): HeadKey => ({
    t,
    dx: k * dx,
    dy: k * dy,
    roll: k * roll,
    yaw: k * yaw,
    scale: 1 + k * zoom,
  });
  const head: HeadKey[] =
    k === 0
      ? []
      : [
          { t: 0 },
          key(d * 0.25, 14, -6, 8, 6, 0.06),
          key(d * 0.55, -12, 5, -6, -6, -0.05),
          key(d * 0.8, 6, 0, 4, 3, 0.03),
          { t: d },
        ];
  const light: LightKey[] =
    o.lightChange === false
      ? []
      : [{ t: 0 }, { t: d * 0.5, gain: 0.75, gradient: 0.25 }, { t: d, gain: 1.1, gradient: -0.15 }];
  return {
    durationS: d,
    fps: o.fps ?? 30,
    width: o.width,
    height: o.height,
    actions,
    head,
    light,
    noise: 3,
    seed: o.seed ?? 11,
    mirror: o.mirror,
  };
}

/** The set ratio per movement (weaker / stronger, %), the truth for a MovementTestVideo. */
export function movementTruthPct(o: MovementTestVideo): Record<ActiveMovementId, number | null> {
  const out = {} as Record<ActiveMovementId, number | null>;
  for (const m of ACTIVE_MOVEMENTS) {
    const r = typeof o.ratio === 'number' ? o.ratio : (o.ratio[m] ?? 1);
    out[m] = o.skip?.includes(m) ? null : 100 * Math.min(1, r);
  }
  return out;
}
