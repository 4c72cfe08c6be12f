/**
 * Seeded synthetic movement series with known truth, for tests (the vision package validates the same
 * analysis on animated videos of a real face). Lengths are pixels in the face frame, as the vision
 * package produces them:
 *   iod(t)      = 64 px × zoom(t)                         (the face moving towards and away from the camera)
 *   half_s(t)   = iod/2 × (1 ± yaw(t))                     (a turned head foreshortens one half)
 *   brow_s      = iod × (0.33 + 0.10 · gain · act_brow − 0.05 · gain · act_tight)  (a squeeze pulls it down)
 *   lid_s       = iod × 0.11 × (1 − 0.85 · gain · closure)  (a shut eye keeps 15 %, as landmark models do)
 *   lowerLid_s  = iod × (0.20 − 0.04 · gain · act_tight)    (a squeeze pushes the lower lid up)
 *   cornerOut_s = 2 half_s × (0.40 + 0.06 · gain · act_smile − 0.07 · gain · act_pucker)
 *   lipOut_s    = 2 half_s × (0.30 + 0.03 · gain · act_smile − 0.08 · gain · act_pucker)
 *   cornerDown_s= iod × (1.00 − 0.07 · gain · act_smile)
 * each with Gaussian landmark noise (pixels), blinks in the pauses, and a gain per side and movement: the
 * affected side's gain is the set ratio of the other side's (1).
 */
import { gaussian, makeRng } from '../signals/synthetic';
import { DEFAULT_SCRIPT } from './script';
import {
  type ActiveMovementId,
  type MovementFrame,
  type MovementScript,
  type MovementSeries,
  NO_FACE_MEASURES,
  type PatientSide,
} from './types';

export interface SyntheticMovementConfig {
  seed: number;
  fps: number;
  script: MovementScript;
  /** The weaker side and its gain (0–1) per movement; the other side's gain is 1. */
  affected: PatientSide;
  gain: Partial<Record<ActiveMovementId, number>>;
  /** Movements the person does not make (gain 0 on both sides). */
  skip: ActiveMovementId[];
  /** Seconds by which the person is late for every prompt (beyond the usual ~0.4 s reaction). */
  lateS: number;
  /** Landmark noise (pixels, σ) on each measure. */
  noisePx: number;
  /** Zoom (±fraction) and yaw (±fraction of a half) of the head, as slow sines. */
  zoom: number;
  yaw: number;
  /** Blinks per minute (both eyes, 0.2 s), placed in the pauses. */
  blinksPerMin: number;
  /** Stretch with no face (null measures), seconds; none by default. */
  noFace?: { startS: number; endS: number };
}

export const DEFAULT_MOVEMENT_SCENARIO: Omit<SyntheticMovementConfig, 'seed'> = {
  fps: 30,
  script: DEFAULT_SCRIPT,
  affected: 'right',
  gain: {},
  skip: [],
  lateS: 0,
  noisePx: 0.5,
  zoom: 0.08,
  yaw: 0.1,
  blinksPerMin: 12,
};

/** Activation 0…1 of a held prompt: starts 0.4 s after it appears, 0.3 s ramps, released at its end. */
function activation(t: number, startS: number, endS: number): number {
  const on = startS + 0.4;
  const ramp = 0.3;
  if (t < on || t > endS + ramp) return 0;
  if (t < on + ramp) return (t - on) / ramp;
  if (t > endS) return 1 - (t - endS) / ramp;
  return 1;
}

export function generateMovementSeries(config: SyntheticMovementConfig): MovementSeries {
  const c = config;
  const rand = makeRng(c.seed);
  const noise = () => c.noisePx * gaussian(rand);
  const end = c.script.durationS;
  const n = Math.round(end * c.fps);
  // Blinks in the pauses (never inside a prompt, where they would be part of the movement).
  const blinks: number[] = [];
  const count = Math.round((c.blinksPerMin * end) / 60);
  for (let k = 0; k < count * 5 && blinks.length < count; k++) {
    const at = rand() * (end - 0.3);
    const inPrompt = c.script.segments.some((s) => at > s.startS - 0.3 && at < s.endS + 1);
    if (!inPrompt) blinks.push(at);
  }
  const act = (m: ActiveMovementId, t: number) => {
    if (c.skip.includes(m)) return 0;
    const seg = c.script.segments.find((s) => s.movement === m);
    return seg ? activation(t, seg.startS + c.lateS, seg.endS + c.lateS) : 0;
  };
  const gain = (m: ActiveMovementId, side: PatientSide) => (side === c.affected ? (c.gain[m] ?? 1) : 1);
  const frames: MovementFrame[] = [];
  for (let i = 0; i < n; i++) {
    const t = i / c.fps;
    if (c.noFace && t >= c.noFace.startS && t < c.noFace.endS) {
      frames.push({ t, ...NO_FACE_MEASURES });
      continue;
    }
    const iod = 64 * (1 + c.zoom * Math.sin((2 * Math.PI * t) / 11));
    const yaw = c.yaw * Math.sin((2 * Math.PI * t) / 7 + 1);
    const blink = blinks.some((b) => t >= b && t < b + 0.2) ? 1 : 0;
    const side = (s: PatientSide) => {
      const half = (iod / 2) * (s === 'left' ? 1 + yaw : 1 - yaw);
      const closure = Math.max(
        blink,
        gain('eye_closure_gentle', s) * act('eye_closure_gentle', t) * 0.9,
        gain('eye_closure_tight', s) * act('eye_closure_tight', t),
      );
      return {
        half: half + noise(),
        brow:
          iod *
            (0.33 +
              0.1 * gain('brow_raise', s) * act('brow_raise', t) -
              0.05 * gain('eye_closure_tight', s) * act('eye_closure_tight', t)) +
          noise(),
        lower: iod * (0.2 - 0.04 * gain('eye_closure_tight', s) * act('eye_closure_tight', t)) + noise(),
        lid: Math.max(0, iod * 0.11 * (1 - 0.85 * closure) + noise()),
        out:
          2 *
            half *
            (0.4 + 0.06 * gain('smile', s) * act('smile', t) - 0.07 * gain('pucker', s) * act('pucker', t)) +
          noise(),
        lip:
          2 *
            half *
            (0.3 + 0.03 * gain('smile', s) * act('smile', t) - 0.08 * gain('pucker', s) * act('pucker', t)) +
          noise(),
        down: iod * (1 - 0.07 * gain('smile', s) * act('smile', t)) + noise(),
      };
    };
    const L = side('left');
    const R = side('right');
    frames.push({
      t,
      iod: iod + noise(),
      browL: L.brow,
      browR: R.brow,
      lidL: L.lid,
      lidR: R.lid,
      cornerOutL: L.out,
      cornerOutR: R.out,
      cornerDownL: L.down,
      cornerDownR: R.down,
      lipOutL: L.lip,
      lipOutR: R.lip,
      lowerLidL: L.lower,
      lowerLidR: R.lower,
      halfL: L.half,
      halfR: R.half,
    });
  }
  return { frames, fps: c.fps };
}
