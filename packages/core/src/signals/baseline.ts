/**
 * Each side's own open-eye reference and the closure measured against it. Per side, so a naturally
 * narrower eye or a landmark model that reads one eye 10 % small cancels out; rolling, so slow head
 * motion and yaw (which change the apparent aperture by ±15 %) are followed; built only from frames
 * judged open, so long tonic spasms and bursts do not drag the reference down.
 */
import { DETECTOR } from './params';
import type { PreparedSeries } from './series-prep';

/** A statistic of the values in a scratch buffer (which it may reorder). */
type Stat = (values: Float64Array) => number;

const percentile =
  (p: number): Stat =>
  (values) => {
    // Typed-array sort is numeric and far faster than Array#sort with a comparator.
    const s = values.sort();
    return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  };
export const medianStat: Stat = percentile(0.5);

/**
 * A statistic of the frames `use` accepts within ±halfS of each point of a coarse time grid, linearly
 * interpolated back to every frame. NaN where fewer than minCount frames qualify (filled later).
 */
export function rollingOnGrid(
  p: PreparedSeries,
  values: Float64Array,
  use: Uint8Array,
  halfS: number,
  stat: Stat,
  minCount: number,
  symmetricEdges = false,
): Float64Array {
  const out = new Float64Array(p.n).fill(Number.NaN);
  if (p.n === 0) return out;
  const t0 = p.t[0]!;
  const t1 = p.t[p.n - 1]!;
  // The grid step scales with the window (a statistic over ±5 s barely moves in 0.3 s).
  const steps = Math.max(1, Math.ceil((t1 - t0) / Math.max(DETECTOR.gridS, halfS / 15)));
  const scratch = new Float64Array(p.n);
  const grid = new Float64Array(steps + 1);
  let lo = 0;
  let hi = 0;
  for (let g = 0; g <= steps; g++) {
    const c = t0 + ((t1 - t0) * g) / steps;
    // For the fine reference the window shrinks near either end to stay symmetric: a one-sided window
    // would lag a trend (head motion) by half its width and read as a slow closure at the start or end.
    // Coarse windows stay full (one-sided) there, so a spasm at the very start is still measured
    // against open frames.
    const half = symmetricEdges ? Math.max(DETECTOR.minEdgeHalfS, Math.min(halfS, c - t0, t1 - c)) : halfS;
    while (lo < p.n && p.t[lo]! < c - half) lo++;
    while (hi < p.n && p.t[hi]! <= c + half) hi++;
    let count = 0;
    for (let i = lo; i < hi; i++) if (use[i] && !Number.isNaN(values[i]!)) scratch[count++] = values[i]!;
    grid[g] = count >= minCount ? stat(scratch.subarray(0, count)) : Number.NaN;
  }
  for (let i = 0; i < p.n; i++) {
    const x = steps === 0 || t1 === t0 ? 0 : ((p.t[i]! - t0) / (t1 - t0)) * steps;
    const a = Math.floor(x);
    const b = Math.min(steps, a + 1);
    const ga = grid[a]!;
    const gb = grid[b]!;
    out[i] = Number.isNaN(ga) ? gb : Number.isNaN(gb) ? ga : ga + (gb - ga) * (x - a);
  }
  return out;
}

/** Replaces NaN with `fallback` where given, else with the value itself never defined (stays NaN). */
function fill(target: Float64Array, fallback: Float64Array | number): Float64Array {
  for (let i = 0; i < target.length; i++) {
    if (Number.isNaN(target[i]!)) target[i] = typeof fallback === 'number' ? fallback : fallback[i]!;
  }
  return target;
}

function globalStat(values: Float64Array, use: Uint8Array, stat: Stat): number {
  const buf: number[] = [];
  for (let i = 0; i < values.length; i++) if (use[i] && !Number.isNaN(values[i]!)) buf.push(values[i]!);
  return buf.length > 0 ? stat(Float64Array.from(buf)) : Number.NaN;
}

/** Closure per frame, 1 − aperture/reference (0 = as open as usual, 1 = shut); NaN without a face. */
export function eyeClosure(p: PreparedSeries, aperture: Float64Array): Float64Array {
  const face = p.face;
  const minOpen = Math.max(3, Math.round(DETECTOR.minOpenS * (p.fps || 30)));
  const longRef = fill(
    rollingOnGrid(p, aperture, face, DETECTOR.longWindowS, percentile(DETECTOR.longPercentile), minOpen),
    globalStat(aperture, face, percentile(DETECTOR.longPercentile)),
  );
  const open = new Uint8Array(p.n);
  for (let i = 0; i < p.n; i++)
    open[i] = face[i] && aperture[i]! >= DETECTOR.coarseOpenFraction * longRef[i]! ? 1 : 0;
  let ref: Float64Array = new Float64Array(0);
  for (let pass = 0; pass < 2; pass++) {
    const wide = fill(
      rollingOnGrid(p, aperture, open, DETECTOR.longWindowS, medianStat, minOpen),
      fill(Float64Array.from(longRef), Number.NaN),
    );
    ref = fill(rollingOnGrid(p, aperture, open, DETECTOR.shortWindowS, medianStat, minOpen, true), wide);
    // Refine only by removing frames: a frame the coarse test called closed never becomes open, or a
    // long partial tonic spasm could become its own reference and vanish.
    for (let i = 0; i < p.n; i++)
      if (open[i] && 1 - aperture[i]! / ref[i]! >= DETECTOR.refineClosure) open[i] = 0;
  }
  const closure = new Float64Array(p.n);
  for (let i = 0; i < p.n; i++) {
    closure[i] = face[i] && ref[i]! > 0 ? Math.max(-1, Math.min(1, 1 - aperture[i]! / ref[i]!)) : Number.NaN;
  }
  return closure;
}

/**
 * Each corner's position averaged over ±`mouthSmoothS` inside runs: landmark jitter of the mouth corners
 * (≈ 0.015 inter-ocular distances per frame on real video) is several times a small pull's size.
 */
const smoothHalf = (p: PreparedSeries) => Math.max(1, Math.round(DETECTOR.mouthSmoothS * (p.fps || 30)));

function smoothCorner(p: PreparedSeries, corner: Float64Array, half: number): Float64Array {
  const smooth = new Float64Array(p.n).fill(Number.NaN);
  for (let i = 0; i < p.n; i++) {
    if (Number.isNaN(corner[i]!)) continue;
    let sum = 0;
    let count = 0;
    for (let k = Math.max(0, i - half); k <= Math.min(p.n - 1, i + half); k++) {
      if (p.run[k] === p.run[i] && !Number.isNaN(corner[k]!)) {
        sum += corner[k]!;
        count++;
      }
    }
    smooth[i] = sum / count;
  }
  return smooth;
}

export interface MouthPull {
  /** How far the (smoothed) corner has moved from its own rest position TOWARD the same-side eye (the signal
   *  shrinks: rest − corner), inter-ocular distances; negative when it moved away; NaN if unmeasured. */
  pull: Float64Array;
  /** The same, signed: smoothed corner − rest (NaN if unmeasured). */
  deviation: Float64Array;
  /** Noise σ of this corner's smoothed signal: the landmark jitter measured in the series itself. */
  noise: number;
}

/**
 * σ of a corner signal's frame-to-frame jitter, after the ±`mouthSmoothS` average: the 90th percentile of
 * the absolute differences of consecutive frames (same run) / (1.645·√2) is the per-frame σ of Gaussian
 * jitter; a high percentile rather than the median, because a sub-pixel tracker repeats its position on
 * most frames (median difference 0), and not the maximum, because the few frames in which a pull starts or
 * ends (under 10 %) must not count; averaging 2h+1 frames divides it by √(2h+1). Differences see only the
 * jitter, not slow changes (head motion, a tonic pull held for seconds, the rolling rest lagging near the
 * ends of a clip), which made the earlier estimate (the median pull itself) several times too large on
 * a steady landmark source and hid real pulls (measured on the face animator: 0.009 vs 0.002).
 */
function jitterNoise(p: PreparedSeries, corner: Float64Array, half: number): number {
  const diffs: number[] = [];
  for (let i = 1; i < p.n; i++) {
    if (p.run[i] !== p.run[i - 1]) continue;
    const d = Math.abs(corner[i]! - corner[i - 1]!);
    if (!Number.isNaN(d)) diffs.push(d);
  }
  if (diffs.length === 0) return 0;
  diffs.sort((a, b) => a - b);
  const p90 = diffs[Math.floor(0.9 * (diffs.length - 1))]!;
  return p90 / (1.645 * Math.SQRT2) / Math.sqrt(2 * half + 1);
}

export function mouthPull(p: PreparedSeries, corner: Float64Array, exclude: Uint8Array): MouthPull {
  const half = smoothHalf(p);
  const smooth = smoothCorner(p, corner, half);
  const minCount = Math.max(3, Math.round(0.5 * (p.fps || 30)));
  const use = Uint8Array.from(p.face, (f, i) => (f && !exclude[i] ? 1 : 0));
  const rest = rollingOnGrid(p, smooth, use, DETECTOR.mouthWindowS, medianStat, minCount);
  fill(rest, globalStat(smooth, p.face, medianStat));
  const deviation = new Float64Array(p.n);
  const pull = new Float64Array(p.n);
  for (let i = 0; i < p.n; i++) {
    deviation[i] = smooth[i]! - rest[i]!;
    pull[i] = -deviation[i]!;
  }
  return { pull, deviation, noise: jitterNoise(p, corner, half) };
}

/** Robust σ of values scattered around 0: median |x| / 0.6745 (NaN skipped); 0 when there are none. */
export function robustSigma(values: ArrayLike<number>): number {
  const d: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const x = Math.abs(values[i]!);
    if (!Number.isNaN(x)) d.push(x);
  }
  if (d.length === 0) return 0;
  d.sort((x, y) => x - y);
  return d[d.length >> 1]! / 0.6745;
}

/**
 * Robust σ of the difference of the two corners' signed deviations from rest: what the asymmetry test must
 * rise above. Movements of both corners together (speech, a smile, nodding, zoom) cancel in it; what is left
 * is both corners' jitter and any one-sided wander the rest positions do not follow (a head turn seen in
 * perspective). One-sided pulls are a minority of frames and do not move the median.
 */
export function asymmetryNoise(a: Float64Array, b: Float64Array): number {
  return robustSigma(a.map((x, i) => x - b[i]!));
}
