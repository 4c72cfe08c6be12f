/**
 * Validation and normalisation of a movement series (pure): every length becomes a fraction of the
 * inter-ocular distance, each side's sideways distances a fraction of twice that side's own half of it.
 */
import { InputError, type InputIssue } from '../validation';
import type { MovementFrame, MovementSeries } from './types';

const FIELDS = [
  'iod',
  'browL',
  'browR',
  'lidL',
  'lidR',
  'cornerOutL',
  'cornerOutR',
  'cornerDownL',
  'cornerDownR',
  'halfL',
  'halfR',
] as const satisfies ReadonlyArray<keyof MovementFrame>;

/** Per-side normalised measures of one side: arrays over frames, NaN where no face. */
export interface SideMeasures {
  /** Brow height above the eye line / IOD. */
  brow: Float64Array;
  /** Eyelid aperture / IOD. */
  open: Float64Array;
  /** Mouth corner's outward distance from the midline / (2 × this side's half). */
  out: Float64Array;
  /** Mouth corner's distance below the eye line / IOD. */
  down: Float64Array;
}

export interface PreparedMovement {
  n: number;
  t: Float64Array;
  face: Uint8Array;
  left: SideMeasures;
  right: SideMeasures;
  fps: number;
  noFaceFrames: number;
}

const MAX_ISSUES = 10;

function sideArrays(n: number): SideMeasures {
  return {
    brow: new Float64Array(n).fill(Number.NaN),
    open: new Float64Array(n).fill(Number.NaN),
    out: new Float64Array(n).fill(Number.NaN),
    down: new Float64Array(n).fill(Number.NaN),
  };
}

export function prepareMovement(series: MovementSeries): PreparedMovement {
  const frames = series.frames;
  const n = frames.length;
  const issues: InputIssue[] = [];
  const t = new Float64Array(n);
  const face = new Uint8Array(n);
  const left = sideArrays(n);
  const right = sideArrays(n);
  let last = Number.NEGATIVE_INFINITY;
  let noFaceFrames = 0;
  for (let i = 0; i < n && issues.length < MAX_ISSUES; i++) {
    const f = frames[i]!;
    if (typeof f.t !== 'number' || !Number.isFinite(f.t) || f.t < 0 || f.t <= last) {
      issues.push({
        path: `frames.${i}.t`,
        message: 'must be a finite number ≥ 0, larger than the previous',
      });
      continue;
    }
    last = f.t;
    t[i] = f.t;
    let complete = true;
    for (const k of FIELDS) {
      const v = f[k];
      if (v === null || v === undefined) complete = false;
      else if (typeof v !== 'number' || !Number.isFinite(v))
        issues.push({ path: `frames.${i}.${k}`, message: 'expected a finite number or null (no face)' });
    }
    if (!complete || !(f.iod! > 0) || !(f.halfL! > 0) || !(f.halfR! > 0)) {
      noFaceFrames++;
      continue;
    }
    face[i] = 1;
    const iod = f.iod!;
    left.brow[i] = f.browL! / iod;
    right.brow[i] = f.browR! / iod;
    left.open[i] = f.lidL! / iod;
    right.open[i] = f.lidR! / iod;
    left.out[i] = f.cornerOutL! / (2 * f.halfL!);
    right.out[i] = f.cornerOutR! / (2 * f.halfR!);
    left.down[i] = f.cornerDownL! / iod;
    right.down[i] = f.cornerDownR! / iod;
  }
  if (issues.length) throw new InputError(issues);
  if (series.fps !== undefined && !(Number.isFinite(series.fps) && series.fps > 0))
    throw new InputError([{ path: 'fps', message: 'must be a positive number' }]);
  let fps = series.fps ?? 0;
  if (!fps && n > 1) {
    const dts = Array.from({ length: n - 1 }, (_, i) => t[i + 1]! - t[i]!).sort((a, b) => a - b);
    fps = 1 / dts[Math.floor(dts.length / 2)]!;
  }
  return { n, t, face, left, right, fps, noFaceFrames };
}
