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
  'lipOutL',
  'lipOutR',
  'lowerLidL',
  'lowerLidR',
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
  /** The lips' outward distance from the midline / (2 × this side's half); the mouth corner's when absent. */
  lip: Float64Array;
  /** Lower lid margin's distance below the eye line / IOD. */
  lower: Float64Array;
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
    lip: new Float64Array(n).fill(Number.NaN),
    lower: new Float64Array(n).fill(Number.NaN),
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
    for (const k of FIELDS) {
      const v = f[k];
      if (v !== null && v !== undefined && (typeof v !== 'number' || !Number.isFinite(v)))
        issues.push({ path: `frames.${i}.${k}`, message: 'expected a finite number or null (not measured)' });
    }
    // A frame has a face when its scale is known; a single region may still be missing (null) in it,
    // e.g. a mouth corner the image matching could not find: that measure alone is left out.
    if (!(typeof f.iod === 'number' && f.iod > 0) || !(f.halfL! > 0) || !(f.halfR! > 0)) {
      noFaceFrames++;
      continue;
    }
    face[i] = 1;
    const iod = f.iod;
    const put = (arr: Float64Array, v: number | null | undefined, by: number) => {
      if (typeof v === 'number' && Number.isFinite(v)) arr[i] = v / by;
    };
    put(left.brow, f.browL, iod);
    put(right.brow, f.browR, iod);
    put(left.open, f.lidL, iod);
    put(right.open, f.lidR, iod);
    put(left.out, f.cornerOutL, 2 * f.halfL!);
    put(right.out, f.cornerOutR, 2 * f.halfR!);
    put(left.down, f.cornerDownL, iod);
    put(right.down, f.cornerDownR, iod);
    put(left.lip, f.lipOutL === undefined ? f.cornerOutL : f.lipOutL, 2 * f.halfL!);
    put(right.lip, f.lipOutR === undefined ? f.cornerOutR : f.lipOutR, 2 * f.halfR!);
    put(left.lower, f.lowerLidL, iod);
    put(right.lower, f.lowerLidR, iod);
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
