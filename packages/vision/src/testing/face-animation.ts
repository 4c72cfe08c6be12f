/**
 * A face animation as data: what the face does when (blinks, spasms, shared closures, talking, facial
 * movements, occluders), how the head moves and the light changes; and, from the same data, the pose of
 * every frame and the ground truth. Pure: no I/O (writeAnimatedVideo renders and encodes it).
 */
import {
  type Expression,
  type HeadPose,
  type PatientSide,
  REST_SIDE,
  type SideExpression,
  STILL_HEAD,
} from './face-pose';
import { type Lighting, NEUTRAL_LIGHT, type Occluder } from './frame-effects';

/** The movements of a facial movement test (issue 11), each graded 0–1 per side. */
export type FaceMovement =
  | 'rest'
  | 'raise_eyebrows'
  | 'close_eyes_gently'
  | 'close_eyes_tightly'
  | 'smile'
  | 'pucker';

/** Facial regions a spasm moves. */
export type FaceRegion = 'eye' | 'cheek' | 'mouth' | 'brow';

export type FaceAction =
  /** Both eyes close and open with a blink's shape (fast down, slower up). 100–400 ms. */
  | {
      kind: 'blink';
      startS: number;
      durationS: number;
      /** Peak closure, 1 = full blink, ~0.5 = half blink. */
      depth?: number;
      /** One eye may follow late (seconds) and close less (fraction of depth). */
      lagSide?: PatientSide;
      lagS?: number;
      lagDepth?: number;
    }
  /**
   * A hemifacial spasm on one side: clonic (a twitch, ~0.1–0.6 s, brisk) or tonic (seconds, sustained,
   * with tremor). Each region has its own amplitude (0–1); a lower-face spasm has a small `eye`.
   */
  | {
      kind: 'spasm';
      side: PatientSide;
      form: 'clonic' | 'tonic';
      startS: number;
      durationS: number;
      eye: number;
      lowerLid?: number;
      cheek?: number;
      mouth?: number;
      brow?: number;
      /** Tonic: depth of the tremor (0–0.3) and its frequency (Hz). */
      tremor?: number;
      tremorHz?: number;
    }
  /** Both eyes shut together and held (blepharospasm-like), with the lids squeezed. */
  | { kind: 'bilateral_closure'; startS: number; durationS: number; depth?: number }
  /** Talking-like mouth movement: the jaw opens and closes with syllables, both corners move. */
  | { kind: 'talk'; startS: number; durationS: number; intensity?: number; seed?: number }
  /** One movement of a facial movement test, with an amplitude per side (0–1 = 0–100 %). */
  | {
      kind: 'movement';
      movement: FaceMovement;
      startS: number;
      durationS: number;
      amplitude: { left: number; right: number };
    }
  /** Something in front of one eye for a while (a hand, or a glasses frame across the lid). */
  | {
      kind: 'occlusion';
      occluder: Occluder['kind'];
      side: PatientSide;
      startS: number;
      durationS: number;
      /** Hand: fraction of the eye's width covered from the outer corner (default 0.5). */
      coverage?: number;
    };

/** A key of head pose or light at time t; values between keys are eased (cosine), held after the last. */
export type HeadKey = { t: number } & Partial<HeadPose>;
export type LightKey = { t: number } & Partial<Lighting>;

export interface FaceAnimation {
  durationS: number;
  fps: number;
  width?: number;
  height?: number;
  actions: FaceAction[];
  head?: HeadKey[];
  light?: LightKey[];
  /** Sensor noise σ in 8-bit levels (a webcam in good light ≈ 2–4). */
  noise?: number;
  /** Flip every frame left-right, as a selfie recording. */
  mirror?: boolean;
  /** Seed of the sensor noise (and of talking's syllables when an action has none). */
  seed?: number;
}

export interface FramePose {
  expression: Expression;
  head: HeadPose;
  light: Lighting;
  occluders: Occluder[];
}

const smooth = (x: number) => (x <= 0 ? 0 : x >= 1 ? 1 : x * x * (3 - 2 * x));

/** Rise–hold–fall envelope (fractions of the duration), 0 … 1. */
function envelope(x: number, duration: number, rise: number, fall: number): number {
  if (x <= 0 || x >= duration) return 0;
  if (x < rise) return smooth(x / rise);
  if (x > duration - fall) return smooth((duration - x) / fall);
  return 1;
}

/**
 * A blink's closure profile over its duration: the lid comes down in about a third of it and goes up
 * more slowly in the last ~60 % (a real blink's opening phase is about twice as long as its closing).
 */
export function blinkProfile(x: number, durationS: number): number {
  return envelope(x, durationS, 0.3 * durationS, 0.6 * durationS);
}

function spasmLevel(a: Extract<FaceAction, { kind: 'spasm' }>, t: number): number {
  const x = t - a.startS;
  if (a.form === 'clonic') return envelope(x, a.durationS, 0.25 * a.durationS, 0.35 * a.durationS);
  const rise = Math.min(0.25, 0.2 * a.durationS);
  const fall = Math.min(0.35, 0.25 * a.durationS);
  const base = envelope(x, a.durationS, rise, fall);
  const tremor = a.tremor ?? 0;
  return tremor > 0
    ? base * (1 - tremor * (0.5 + 0.5 * Math.sin(2 * Math.PI * (a.tremorHz ?? 6) * x)))
    : base;
}

/** Movement presets at amplitude 1 (the test's "100 %"). */
export const MOVEMENT_PRESETS: Record<FaceMovement, Partial<SideExpression> & { mouthOpen?: number }> = {
  rest: {},
  raise_eyebrows: { brow: 1 },
  close_eyes_gently: { eyeClosure: 1 },
  close_eyes_tightly: { eyeClosure: 1, lowerLid: 1, cheek: 0.6, brow: -0.4 },
  smile: { mouthCorner: 1, cheek: 0.5 },
  pucker: { pucker: 1 },
};

function hash(n: number): number {
  const x = Math.sin(n * 127.1 + 311.7) * 43758.5453;
  return x - Math.floor(x);
}

/** Talking: syllables of 0.15–0.3 s, each opening the jaw by a varying amount; corners widen or purse by vowel. */
function talk(a: Extract<FaceAction, { kind: 'talk' }>, t: number, seed: number) {
  const x = t - a.startS;
  if (x <= 0 || x >= a.durationS) return null;
  const k = a.intensity ?? 1;
  const syl = Math.floor(x / 0.22);
  const phase = (x - syl * 0.22) / 0.22;
  const s = (a.seed ?? seed) * 1000 + syl;
  const open = k * (0.3 + 0.7 * hash(s)) * Math.sin(Math.PI * phase) ** 2;
  const vowel = hash(s + 0.5);
  const fade = envelope(x, a.durationS, 0.2, 0.2);
  // Speech is nearly symmetric; a little asymmetry (±15 %) as real mouths have.
  const asym = 0.15 * (hash(s + 0.25) - 0.5) * 2;
  const wide = vowel < 0.4 ? 0.5 * k * fade * Math.sin(Math.PI * phase) : 0;
  const round = vowel > 0.75 ? 0.45 * k * fade * Math.sin(Math.PI * phase) : 0;
  return {
    mouthOpen: open * fade,
    right: { mouthCorner: wide * (1 + asym), pucker: round * (1 + asym) },
    left: { mouthCorner: wide * (1 - asym), pucker: round * (1 - asym) },
  };
}

type MutableSide = { -readonly [K in keyof SideExpression]: SideExpression[K] };

function raise(e: MutableSide, part: Partial<SideExpression>, level: number): void {
  for (const key of Object.keys(part) as Array<keyof SideExpression>) {
    const v = (part[key] ?? 0) * level;
    if (key === 'brow') {
      if (Math.abs(v) > Math.abs(e.brow)) e.brow = v;
    } else if (v > e[key]) e[key] = v;
  }
}

function interpolate<K extends { t: number }>(
  keys: K[] | undefined,
  t: number,
  field: keyof K,
  rest: number,
): number {
  if (!keys || keys.length === 0) return rest;
  const at = (k: K) => (k[field] as number | undefined) ?? rest;
  const sorted = keys;
  if (t <= sorted[0]!.t) return at(sorted[0]!);
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i]!;
    const b = sorted[i + 1]!;
    if (t <= b.t) {
      const u = b.t > a.t ? (t - a.t) / (b.t - a.t) : 1;
      const e = 0.5 - 0.5 * Math.cos(Math.PI * u);
      return at(a) + (at(b) - at(a)) * e;
    }
  }
  return at(sorted.at(-1)!);
}

/** The face, head, light and occluders at time t. */
export function poseAt(anim: FaceAnimation, t: number): FramePose {
  const right: MutableSide = { ...REST_SIDE };
  const left: MutableSide = { ...REST_SIDE };
  const sides = { left, right };
  let mouthOpen = 0;
  const occluders: Occluder[] = [];
  for (const a of anim.actions) {
    if (t < a.startS || t > a.startS + a.durationS + 0.5) continue;
    const x = t - a.startS;
    switch (a.kind) {
      case 'blink': {
        const depth = a.depth ?? 1;
        for (const side of ['left', 'right'] as const) {
          const late = a.lagSide === side;
          const level = blinkProfile(x - (late ? (a.lagS ?? 0) : 0), a.durationS);
          raise(sides[side], { eyeClosure: depth * (late ? (a.lagDepth ?? 1) : 1) }, level);
        }
        break;
      }
      case 'spasm': {
        const level = spasmLevel(a, t);
        if (level > 0)
          raise(
            sides[a.side],
            {
              eyeClosure: a.eye,
              lowerLid: a.lowerLid ?? 0,
              cheek: a.cheek ?? 0,
              mouthCorner: a.mouth ?? 0,
              brow: a.brow ?? 0,
            },
            level,
          );
        break;
      }
      case 'bilateral_closure': {
        const level = envelope(x, a.durationS, 0.12, 0.25);
        const d = a.depth ?? 1;
        for (const s of [left, right]) raise(s, { eyeClosure: d, lowerLid: 0.5 * d, brow: -0.3 * d }, level);
        break;
      }
      case 'talk': {
        const v = talk(a, t, anim.seed ?? 1);
        if (v) {
          mouthOpen = Math.max(mouthOpen, v.mouthOpen);
          raise(right, v.right, 1);
          raise(left, v.left, 1);
        }
        break;
      }
      case 'movement': {
        const level = envelope(
          x,
          a.durationS,
          Math.min(0.4, a.durationS / 3),
          Math.min(0.4, a.durationS / 3),
        );
        const { mouthOpen: open, ...preset } = MOVEMENT_PRESETS[a.movement];
        raise(right, preset, level * a.amplitude.right);
        raise(left, preset, level * a.amplitude.left);
        if (open)
          mouthOpen = Math.max(mouthOpen, open * level * Math.max(a.amplitude.left, a.amplitude.right));
        break;
      }
      case 'occlusion':
        if (x >= 0 && x <= a.durationS)
          occluders.push({ kind: a.occluder, side: a.side, coverage: a.coverage ?? 0.5 });
        break;
    }
  }
  const head: HeadPose = {
    dx: interpolate(anim.head, t, 'dx', STILL_HEAD.dx),
    dy: interpolate(anim.head, t, 'dy', STILL_HEAD.dy),
    roll: interpolate(anim.head, t, 'roll', STILL_HEAD.roll),
    yaw: interpolate(anim.head, t, 'yaw', STILL_HEAD.yaw),
    scale: interpolate(anim.head, t, 'scale', STILL_HEAD.scale),
  };
  const light: Lighting = {
    gain: interpolate(anim.light, t, 'gain', NEUTRAL_LIGHT.gain),
    gradient: interpolate(anim.light, t, 'gradient', NEUTRAL_LIGHT.gradient),
  };
  return { expression: { left, right, mouthOpen }, head, light, occluders };
}
