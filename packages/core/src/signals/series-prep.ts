/**
 * Turns a raw signal series into what the detector works on: validated times, face flags, frame
 * durations, runs of contiguous face frames, and channels cleaned of single-frame landmark glitches.
 */
import { InputError, type InputIssue } from '../validation';
import { DETECTOR } from './params';
import type { SignalFrame, SignalSeries } from './types';

export interface PreparedSeries {
  n: number;
  t: Float64Array;
  /** Seconds each frame stands for: the gap to the next frame, capped at maxGapS; the median gap for the last. */
  dur: Float64Array;
  face: Uint8Array;
  /** Index of the run of contiguous face frames each frame belongs to; −1 without a face. */
  run: Int32Array;
  eyeL: Float64Array;
  eyeR: Float64Array;
  /** Per frame: is the patient's left / right eye covered (flagged, widened by occlusionMarginS)? Its
   *  aperture is NaN there, and both mouth corners too (the whole mesh shifts under an occluder). */
  occL: Uint8Array;
  occR: Uint8Array;
  /** NaN where the mouth was not measured. */
  mouthL: Float64Array;
  mouthR: Float64Array;
  /** Head roll in degrees (SignalFrame.roll); NaN where not given or not finite. Not filtered. */
  roll: Float64Array;
  dtMedian: number;
  fps: number;
}

const VALUE_KEYS = ['eyeL', 'eyeR', 'mouthL', 'mouthR'] as const;

/** The series comes from our own code or a parsed CSV, but the browser may post anything: check it. */
function validate(series: SignalSeries): void {
  const issues: InputIssue[] = [];
  if (!series || !Array.isArray(series.frames))
    throw new InputError([{ path: 'frames', message: 'required (an array of frames)' }]);
  if (series.fps !== undefined && !(Number.isFinite(series.fps) && series.fps > 0))
    issues.push({ path: 'fps', message: 'must be a positive number' });
  let last = Number.NEGATIVE_INFINITY;
  series.frames.forEach((f: SignalFrame, i) => {
    if (issues.length >= 10) return;
    if (typeof f?.t !== 'number' || !Number.isFinite(f.t))
      issues.push({ path: `frames[${i}].t`, message: 'expected a number' });
    else if (f.t <= last)
      issues.push({ path: `frames[${i}].t`, message: `must increase (previous ${last}, got ${f.t})` });
    else last = f.t;
    for (const k of VALUE_KEYS) {
      const v = f?.[k];
      if (v !== null && !(typeof v === 'number' && Number.isFinite(v)))
        issues.push({ path: `frames[${i}].${k}`, message: 'expected a number or null (no face)' });
    }
    for (const k of ['occludedL', 'occludedR'] as const)
      if (f?.[k] !== undefined && typeof f[k] !== 'boolean')
        issues.push({ path: `frames[${i}].${k}`, message: 'expected true, false or absent' });
  });
  if (issues.length > 0) throw new InputError(issues);
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * 3-point median inside each run: removes any single-frame glitch, keeps every closure of ≥ 2 frames.
 * Not across a dropped frame: there one sample may be all that is left of a real 2–3 frame closure.
 */
function median3(values: Float64Array, run: Int32Array, t: Float64Array, dt: number): Float64Array {
  const out = Float64Array.from(values);
  const maxStep = 1.5 * dt;
  for (let i = 1; i + 1 < values.length; i++) {
    if (run[i]! < 0 || run[i - 1] !== run[i] || run[i + 1] !== run[i]) continue;
    if (t[i]! - t[i - 1]! > maxStep || t[i + 1]! - t[i]! > maxStep) continue;
    const a = values[i - 1]!;
    const b = values[i]!;
    const c = values[i + 1]!;
    if (Number.isNaN(a) || Number.isNaN(b) || Number.isNaN(c)) continue;
    out[i] = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
  }
  return out;
}

export function prepareSeries(series: SignalSeries): PreparedSeries {
  validate(series);
  const frames = series.frames;
  const n = frames.length;
  const t = Float64Array.from(frames, (f) => f.t);
  const gaps: number[] = [];
  for (let i = 0; i + 1 < n; i++) gaps.push(t[i + 1]! - t[i]!);
  const dtMedian = gaps.length > 0 ? median(gaps) : series.fps ? 1 / series.fps : 0;
  const fps = series.fps ?? (dtMedian > 0 ? 1 / dtMedian : 0);
  const dur = new Float64Array(n);
  for (let i = 0; i < n; i++) dur[i] = i + 1 < n ? Math.min(t[i + 1]! - t[i]!, DETECTOR.maxGapS) : dtMedian;

  const face = new Uint8Array(n);
  const run = new Int32Array(n).fill(-1);
  let runId = -1;
  for (let i = 0; i < n; i++) {
    const f = frames[i]!;
    face[i] = f.eyeL !== null && f.eyeR !== null ? 1 : 0;
    if (!face[i]) continue;
    const continues = i > 0 && face[i - 1] === 1 && t[i]! - t[i - 1]! <= DETECTOR.maxGapS;
    if (!continues) runId++;
    run[i] = runId;
  }
  const occL = widen(
    Uint8Array.from(frames, (f, i) => (face[i] && f.occludedL ? 1 : 0)),
    t,
  );
  const occR = widen(
    Uint8Array.from(frames, (f, i) => (face[i] && f.occludedR ? 1 : 0)),
    t,
  );
  const covered = (k: (typeof VALUE_KEYS)[number], i: number) =>
    k === 'eyeL' ? occL[i] : k === 'eyeR' ? occR[i] : occL[i] || occR[i];
  // At low frame rates a twitch is one or two frames: the eyes are then left unfiltered (params.ts).
  const slow = dtMedian >= DETECTOR.unfilteredEyesMinDtS;
  const channel = (k: (typeof VALUE_KEYS)[number]) => {
    const v = Float64Array.from(frames, (f, i) =>
      face[i] && f[k] !== null && !covered(k, i) ? (f[k] as number) : Number.NaN,
    );
    if (slow && (k === 'eyeL' || k === 'eyeR')) return v;
    return median3(v, run, t, dtMedian || Number.POSITIVE_INFINITY);
  };
  return {
    n,
    t,
    dur,
    face,
    run,
    occL,
    occR,
    eyeL: channel('eyeL'),
    eyeR: channel('eyeR'),
    mouthL: channel('mouthL'),
    mouthR: channel('mouthR'),
    roll: Float64Array.from(frames, (f, i) =>
      face[i] && typeof f.roll === 'number' && Number.isFinite(f.roll) ? f.roll : Number.NaN,
    ),
    dtMedian,
    fps,
  };
}

/**
 * Covered-eye flags in runs of at least occlusionMinS, widened by occlusionMarginS on both sides (two sweeps
 * over the sorted times).
 */
function widen(raw: Uint8Array, t: Float64Array): Uint8Array {
  const flags = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; ) {
    let j = i;
    while (j < raw.length && raw[j] === raw[i]) j++;
    const span = (t[j - 1] ?? 0) - (t[i] ?? 0) + (j < t.length ? t[j]! - t[j - 1]! : 0);
    if (raw[i] && span >= DETECTOR.occlusionMinS - 1e-9) flags.fill(1, i, j);
    i = j;
  }
  const out = Uint8Array.from(flags);
  const m = DETECTOR.occlusionMarginS;
  let last = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < flags.length; i++) {
    if (flags[i]) last = t[i]!;
    else if (t[i]! - last <= m) out[i] = 1;
  }
  last = Number.POSITIVE_INFINITY;
  for (let i = flags.length - 1; i >= 0; i--) {
    if (flags[i]) last = t[i]!;
    else if (last - t[i]! <= m) out[i] = 1;
  }
  return out;
}

/** Index of the first frame at or after time `s` (binary search; times are increasing). */
export function firstAtOrAfter(p: PreparedSeries, s: number): number {
  let lo = 0;
  let hi = p.n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (p.t[mid]! < s) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
