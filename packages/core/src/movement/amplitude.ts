/**
 * One movement's amplitude on one side, relative to rest (pure): the median over the prompt's plateau
 * against the median of the relaxed frames around it, with a standard error from the frames' spread.
 */
import { MOVEMENT_PARAMS } from './params';
import type { PreparedMovement, SideMeasures } from './prepare';
import type { ActiveMovementId } from './types';

export interface WindowStats {
  /** Face frames in the window, and the fraction of the window's time they cover. */
  n: number;
  coverage: number;
  median: number;
  /** Standard error of the median. */
  se: number;
}

export interface Interval {
  a: number;
  b: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Median and its standard error of `values` over face frames with a ≤ t < b; null with too few frames. */
export function windowStats(p: PreparedMovement, values: Float64Array, w: Interval): WindowStats | null {
  const xs: number[] = [];
  for (let i = 0; i < p.n; i++) {
    const t = p.t[i]!;
    if (t >= w.b) break;
    if (t >= w.a && p.face[i] && Number.isFinite(values[i]!)) xs.push(values[i]!);
  }
  if (xs.length < MOVEMENT_PARAMS.minWindowFrames) return null;
  const m = median(xs);
  const mad = median(xs.map((x) => Math.abs(x - m)));
  const span = w.b - w.a;
  const nEff = Math.max(1, Math.min(xs.length, span * MOVEMENT_PARAMS.effectiveSamplesPerS));
  // SE of a median ≈ 1.2533 σ/√n; σ from the MAD (1.4826 × MAD for normal noise).
  const se = (1.2533 * 1.4826 * mad) / Math.sqrt(nEff);
  const expected = p.fps > 0 ? Math.max(1, span * p.fps) : xs.length;
  return { n: xs.length, coverage: Math.min(1, xs.length / expected), median: m, se };
}

/** Reference (rest) level from one or two relaxed windows: the mean of their medians. */
export function combine(stats: Array<WindowStats | null>): { value: number; se: number } | null {
  const ok = stats.filter((s): s is WindowStats => s !== null);
  if (ok.length === 0) return null;
  const value = ok.reduce((a, s) => a + s.median, 0) / ok.length;
  const se = Math.sqrt(ok.reduce((a, s) => a + s.se * s.se, 0)) / ok.length;
  return { value, se };
}

export interface Amplitude {
  /** Amplitude relative to rest; may be negative (the side moved the other way), clamped by the caller. */
  amp: number;
  se: number;
  /** Smile only: the corner's displacement (outwards, upwards) and the standard errors of its components. */
  vec?: { out: number; up: number; seOut: number; seUp: number };
}

interface Level {
  value: number;
  se: number;
}

/** The measure arrays a movement uses on one side. */
function arraysOf(m: ActiveMovementId, s: SideMeasures): Float64Array[] {
  switch (m) {
    case 'brow_raise':
      return [s.brow];
    case 'eye_closure_gentle':
      return [s.open];
    case 'eye_closure_tight':
      return [s.brow, s.lower];
    case 'smile':
      return [s.out, s.down];
    case 'pucker':
      return [s.lip];
  }
}

/**
 * Amplitude from the plateau levels (`moved`) and the rest levels (`rest`) of the movement's measures:
 * - brow raise: rise of the brow above the eye line (IOD);
 * - gentle eye closure: fraction of the rest aperture closed, 1 − plateau / rest;
 * - tight eye closure: the squeeze, brow drawn down plus lower lid pushed up (IOD);
 * - smile: how far the mouth corner moved, up and out (IOD; 0 when it moved neither up nor out);
 * - pucker: how far the lips beside the corner moved in towards the midline (IOD).
 */
export function amplitudeOf(m: ActiveMovementId, moved: Level[], rest: Level[]): Amplitude {
  const [p, q] = moved;
  const [r, s] = rest;
  switch (m) {
    case 'brow_raise':
      return { amp: p!.value - r!.value, se: Math.hypot(p!.se, r!.se) };
    case 'eye_closure_tight':
      // The squeeze: the brow pulled down plus the lower lid pushed up (both IOD). The closure itself is
      // complete at any effort a healthy side makes, so it cannot tell 50 % from 100 % effort; the squeeze can.
      return {
        amp: r!.value - p!.value + (s!.value - q!.value),
        se: Math.hypot(p!.se, r!.se, q!.se, s!.se),
      };
    case 'eye_closure_gentle': {
      const R = r!.value;
      if (!(R > 0)) return { amp: 0, se: Number.POSITIVE_INFINITY };
      // An eye cannot close more than shut: a lid read past it (its margin travels a little further than the
      // rest aperture seen) counts as closed, else a fully closing side would inflate the other's index
      // (75 % read as 70 % on the animated face when the stronger eye read 104 % closed).
      return {
        amp: Math.min(1, 1 - p!.value / R),
        se: Math.hypot(p!.se / R, (p!.value * r!.se) / (R * R)),
      };
    }
    case 'smile': {
      const out = p!.value - r!.value;
      const up = s!.value - q!.value;
      const seOut = Math.hypot(p!.se, r!.se);
      const seUp = Math.hypot(q!.se, s!.se);
      const vec = { out, up, seOut, seUp };
      const amp = Math.hypot(out, up);
      if (out + up <= 0) return { amp: 0, se: Math.hypot(seOut, seUp), vec };
      return { amp, se: amp > 0 ? Math.hypot(out * seOut, up * seUp) / amp : Math.hypot(seOut, seUp), vec };
    }
    case 'pucker':
      return { amp: r!.value - p!.value, se: Math.hypot(p!.se, r!.se) };
  }
}

/** Window statistics of every measure a movement uses on one side. */
export function sideStats(
  p: PreparedMovement,
  m: ActiveMovementId,
  side: SideMeasures,
  w: Interval,
): Array<WindowStats | null> {
  return arraysOf(m, side).map((arr) => windowStats(p, arr, w));
}

/** Median of a measure over every face frame of the recording: the reference of the out-of-prompt search. */
export function globalLevels(p: PreparedMovement, m: ActiveMovementId, side: SideMeasures): Level[] {
  return arraysOf(m, side).map((arr) => {
    const xs: number[] = [];
    for (let i = 0; i < p.n; i++) if (p.face[i] && Number.isFinite(arr[i]!)) xs.push(arr[i]!);
    return { value: xs.length ? median(xs) : Number.NaN, se: 0 };
  });
}

/**
 * Smile: both sides' displacements projected on their common direction (up and out, from the two sides
 * together). A projection has no bias from noise, whereas a length is always positive: a corner that does
 * not move at all would otherwise read as moving by the noise.
 */
export function projectSmile(left: Amplitude, right: Amplitude): [Amplitude, Amplitude] {
  const l = left.vec;
  const r = right.vec;
  if (!l || !r) return [left, right];
  const dx = l.out + r.out;
  const dy = l.up + r.up;
  const len = Math.hypot(dx, dy);
  if (!(len > 0) || dx + dy <= 0) return [left, right];
  const ux = dx / len;
  const uy = dy / len;
  const project = (v: NonNullable<Amplitude['vec']>): Amplitude => ({
    amp: v.out * ux + v.up * uy,
    se: Math.hypot(ux * v.seOut, uy * v.seUp),
    vec: v,
  });
  return [project(l), project(r)];
}
