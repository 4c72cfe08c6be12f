/**
 * Mouth corners from the skin's own texture. The face-mesh model follows only part of a one-sided pull of the
 * mouth corner — its face-shape prior keeps the mouth symmetric: on the face animator a 6 mm pull moved its
 * corner landmark ≈ 2 % of the inter-ocular distance (IOD) and the OTHER corner ≈ 1 %, while the skin moved
 * 6–10 %. So each corner is re-found by matching a patch of the image around it (normalised cross-correlation
 * of grey levels: insensitive to brightness and contrast changes) against the same patch taken from an earlier
 * frame, in a face-aligned frame (the outer eye corners fix position, rotation and scale, so head shift, roll
 * and zoom do not move the patch). Where the patch is found is where that piece of skin is: the whole pull,
 * one side only (measured on the animator, test/mouth-corner-tracker.test.ts: of an 11.4-pixel pull the model
 * follows 4.5 px, the tracker 8.1 px — the patch's edges move less than the corner itself — and the other
 * corner 0.6 px). Pure (no I/O); one tracker per video stream; the reference is the first frame's skin, so
 * each of the pipeline's segments (one per worker thread) has its own, which the signals' rolling rest
 * position absorbs.
 */
import type { Landmark } from './face-signals';
import { MOUTH_CORNER_LEFT, MOUTH_CORNER_RIGHT, PATIENT_LEFT_EYE, PATIENT_RIGHT_EYE } from './mesh-indices';

/** Face-aligned sampling: this many patch pixels per inter-ocular distance. */
const PX_PER_IOD = 64;
/** Patch half size (patch pixels): a 25-pixel square is 0.39 IOD ≈ 24 mm of lips and skin around the corner. */
const HALF = 12;
/** Search radius around the model's corner (patch pixels): 0.19 IOD, more than a full smile's excursion minus
 *  the part the model does follow. */
const RADIUS = 12;
/** Below this correlation the patch is not found (a hand over the mouth, a very different expression): the
 *  model's own corner is kept for that frame. */
const MIN_NCC = 0.6;
/** After this many frames in a row without a match, the reference patch is taken again. */
const RELOCK_AFTER = 30;

interface Frame {
  ox: number;
  oy: number;
  /** Unit vector of the face's x axis (patient's right outer eye corner → left one) in the image. */
  ux: number;
  uy: number;
  /** Image pixels per patch pixel. */
  k: number;
}

interface Reference {
  /** Zero-mean patch, scaled to unit norm. */
  patch: Float64Array;
  /** Frames in a row in which it was not found. */
  misses: number;
}

/** Image → face-aligned frame from the model's eye corners; null for a degenerate face. */
function faceFrame(l: ReadonlyArray<Landmark>): Frame | null {
  const r = l[PATIENT_RIGHT_EYE.outer];
  const le = l[PATIENT_LEFT_EYE.outer];
  const ri = l[PATIENT_RIGHT_EYE.inner];
  const li = l[PATIENT_LEFT_EYE.inner];
  if (!r || !le || !ri || !li) return null;
  const dx = le[0]! - r[0]!;
  const dy = le[1]! - r[1]!;
  const n = Math.hypot(dx, dy);
  const iod = Math.hypot((le[0]! + li[0]! - r[0]! - ri[0]!) / 2, (le[1]! + li[1]! - r[1]! - ri[1]!) / 2);
  if (!(n > 0) || !(iod > 0)) return null;
  return { ox: (r[0]! + le[0]!) / 2, oy: (r[1]! + le[1]!) / 2, ux: dx / n, uy: dy / n, k: iod / PX_PER_IOD };
}

/** Grey level at an image point (bilinear, clamped to the image). */
function grey(rgb: Uint8Array, w: number, h: number, x: number, y: number): number {
  const cx = Math.max(0, Math.min(w - 1.001, x));
  const cy = Math.max(0, Math.min(h - 1.001, y));
  const x0 = cx | 0;
  const y0 = cy | 0;
  const fx = cx - x0;
  const fy = cy - y0;
  const lum = (i: number) => 0.299 * rgb[i]! + 0.587 * rgb[i + 1]! + 0.114 * rgb[i + 2]!;
  const a = (y0 * w + x0) * 3;
  const b = a + w * 3;
  const top = lum(a) + (lum(a + 3) - lum(a)) * fx;
  const bottom = lum(b) + (lum(b + 3) - lum(b)) * fx;
  return top + (bottom - top) * fy;
}

/** A square of face-aligned pixels centred on (cx, cy), side 2·half + 1. */
function sampleSquare(
  rgb: Uint8Array,
  w: number,
  h: number,
  f: Frame,
  cx: number,
  cy: number,
  half: number,
): Float64Array {
  const n = 2 * half + 1;
  const out = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const y = cy + j - half;
    for (let i = 0; i < n; i++) {
      const x = cx + i - half;
      out[j * n + i] = grey(
        rgb,
        w,
        h,
        f.ox + f.k * (f.ux * x - f.uy * y),
        f.oy + f.k * (f.uy * x + f.ux * y),
      );
    }
  }
  return out;
}

function normalise(p: Float64Array): Float64Array | null {
  let mean = 0;
  for (const v of p) mean += v;
  mean /= p.length;
  let ss = 0;
  for (let i = 0; i < p.length; i++) {
    p[i] = p[i]! - mean;
    ss += p[i]! * p[i]!;
  }
  // A flat patch (no texture, e.g. over-exposed) cannot be tracked.
  if (ss < p.length) return null;
  const s = 1 / Math.sqrt(ss);
  for (let i = 0; i < p.length; i++) p[i] = p[i]! * s;
  return p;
}

/** Normalised cross-correlation of the reference with the window's patch at offset (ox, oy). */
function ncc(ref: Float64Array, win: Float64Array, wn: number, ox: number, oy: number): number {
  const n = 2 * HALF + 1;
  let sb = 0;
  let sbb = 0;
  let sab = 0;
  for (let j = 0; j < n; j++) {
    const row = (j + oy) * wn + ox;
    for (let i = 0; i < n; i++) {
      const b = win[row + i]!;
      sb += b;
      sbb += b * b;
      sab += ref[j * n + i]! * b;
    }
  }
  // ref is zero-mean with unit norm, so Σ ref·(b − mean b) = Σ ref·b.
  const vb = sbb - (sb * sb) / (n * n);
  return vb > 1e-9 ? sab / Math.sqrt(vb) : -1;
}

/** Offset of the parabola's peak through three samples (−0.5 … 0.5). */
function peak(l: number, m: number, r: number): number {
  const d = l - 2 * m + r;
  return d < 0 ? Math.max(-0.5, Math.min(0.5, (0.5 * (l - r)) / d)) : 0;
}

export class MouthCornerTracker {
  private readonly refs = new Map<number, Reference>();

  /**
   * The landmarks with both mouth corners (image points 61 and 291) moved to where their skin is found; the
   * other points unchanged. `rgb` is the frame the landmarks were found on (width×height×3).
   */
  refine(
    rgb: Uint8Array,
    width: number,
    height: number,
    landmarks: ReadonlyArray<Landmark> | null,
  ): ReadonlyArray<Landmark> | null {
    if (!landmarks) return landmarks;
    const f = faceFrame(landmarks);
    if (!f) return landmarks;
    const out = landmarks.slice();
    for (const idx of [MOUTH_CORNER_RIGHT, MOUTH_CORNER_LEFT]) {
      const p = landmarks[idx];
      if (!p) continue;
      const found = this.find(rgb, width, height, f, idx, p);
      if (found) out[idx] = [found[0], found[1], p[2] ?? 0];
    }
    return out;
  }

  private find(
    rgb: Uint8Array,
    w: number,
    h: number,
    f: Frame,
    idx: number,
    p: Landmark,
  ): [number, number] | null {
    // The model's corner in face-aligned patch pixels.
    const dx = p[0]! - f.ox;
    const dy = p[1]! - f.oy;
    const cx = Math.round((dx * f.ux + dy * f.uy) / f.k);
    const cy = Math.round((-dx * f.uy + dy * f.ux) / f.k);
    let ref = this.refs.get(idx);
    if (!ref) {
      const patch = normalise(sampleSquare(rgb, w, h, f, cx, cy, HALF));
      if (!patch) return null;
      ref = { patch, misses: 0 };
      this.refs.set(idx, ref);
      return null;
    }
    const win = sampleSquare(rgb, w, h, f, cx, cy, HALF + RADIUS);
    const wn = 2 * (HALF + RADIUS) + 1;
    const span = 2 * RADIUS;
    // Coarse search on every other offset, then the 3×3 around the best, then a parabola per axis.
    let best = -2;
    let bx = RADIUS;
    let by = RADIUS;
    for (let oy = 0; oy <= span; oy += 2)
      for (let ox = 0; ox <= span; ox += 2) {
        const v = ncc(ref.patch, win, wn, ox, oy);
        if (v > best) [best, bx, by] = [v, ox, oy];
      }
    const score = (ox: number, oy: number) =>
      ox < 0 || oy < 0 || ox > span || oy > span ? -2 : ncc(ref!.patch, win, wn, ox, oy);
    const [x0, y0] = [bx, by];
    for (let oy = y0 - 1; oy <= y0 + 1; oy++)
      for (let ox = x0 - 1; ox <= x0 + 1; ox++) {
        const v = score(ox, oy);
        if (v > best) [best, bx, by] = [v, ox, oy];
      }
    if (best < MIN_NCC) {
      if (++ref.misses >= RELOCK_AFTER) this.refs.delete(idx);
      return null;
    }
    ref.misses = 0;
    const sx = bx > 0 && bx < span ? peak(score(bx - 1, by), best, score(bx + 1, by)) : 0;
    const sy = by > 0 && by < span ? peak(score(bx, by - 1), best, score(bx, by + 1)) : 0;
    // The skin point at the reference's centre (the model's corner when the reference was taken) is now here,
    // in face-aligned pixels: the window is centred on today's model corner (cx, cy).
    const x = cx + bx - RADIUS + sx;
    const y = cy + by - RADIUS + sy;
    return [f.ox + f.k * (f.ux * x - f.uy * y), f.oy + f.k * (f.uy * x + f.ux * y)];
  }
}
