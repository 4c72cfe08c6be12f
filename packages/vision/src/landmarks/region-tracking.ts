/**
 * Image-based movement of small face regions (pure): block matching (zero-mean normalised cross-correlation,
 * ZNCC) between a reference frame and the current frame, both sampled in the face's own coordinates.
 *
 * Why: the face-mesh model regularises expressions towards symmetry. On animated videos of a real face a
 * brow raised on ONE side only moves the model's brow points on both sides (measured: a one-sided raise
 * reads 57–68 % "symmetric"; a one-sided smile 41–78 %), so landmark positions alone cannot measure
 * one-sided weakness. The mesh still says WHERE the brows and mouth corners are and how the head moved; the
 * pixels say how far each region moved.
 *
 * Coordinates: "canonical" = the reference frame's face frame, in inter-ocular distances (IOD): origin
 * halfway between the eye centres, x towards the PATIENT's left along the eye line, y perpendicular to it
 * towards the mouth. A canonical point maps to image pixels through a 2×3 affine map.
 */

/** 2×3 affine map [a, b, c, d, e, f]: x' = a·x + b·y + c, y' = d·x + e·y + f. */
export type Affine = readonly [number, number, number, number, number, number];

export const compose = (outer: Affine, inner: Affine): Affine => [
  outer[0] * inner[0] + outer[1] * inner[3],
  outer[0] * inner[1] + outer[1] * inner[4],
  outer[0] * inner[2] + outer[1] * inner[5] + outer[2],
  outer[3] * inner[0] + outer[4] * inner[3],
  outer[3] * inner[1] + outer[4] * inner[4],
  outer[3] * inner[2] + outer[4] * inner[5] + outer[5],
];

/**
 * Least-squares similarity (rotation, uniform scale, shift; no reflection) taking `from` points onto `to`
 * (Umeyama / Procrustes in 2-D). Used to follow the head from the reference frame to the current one.
 */
export function fitSimilarity(
  from: ReadonlyArray<readonly number[]>,
  to: ReadonlyArray<readonly number[]>,
): Affine {
  const n = from.length;
  let fx = 0;
  let fy = 0;
  let tx = 0;
  let ty = 0;
  for (let i = 0; i < n; i++) {
    fx += from[i]![0]!;
    fy += from[i]![1]!;
    tx += to[i]![0]!;
    ty += to[i]![1]!;
  }
  fx /= n;
  fy /= n;
  tx /= n;
  ty /= n;
  let sxx = 0;
  let sxy = 0;
  let norm = 0;
  for (let i = 0; i < n; i++) {
    const ax = from[i]![0]! - fx;
    const ay = from[i]![1]! - fy;
    const bx = to[i]![0]! - tx;
    const by = to[i]![1]! - ty;
    sxx += ax * bx + ay * by;
    sxy += ax * by - ay * bx;
    norm += ax * ax + ay * ay;
  }
  const a = norm > 0 ? sxx / norm : 1;
  const b = norm > 0 ? sxy / norm : 0;
  // [a −b; b a] is scale × rotation.
  return [a, -b, tx - a * fx + b * fy, b, a, ty - b * fx - a * fy];
}

/** Luma (0–255) of an RGB frame. */
export function lumaOf(rgb: Uint8Array, width: number, height: number, out?: Float32Array): Float32Array {
  const n = width * height;
  const y = out && out.length === n ? out : new Float32Array(n);
  for (let i = 0, j = 0; i < n; i++, j += 3)
    y[i] = 0.299 * rgb[j]! + 0.587 * rgb[j + 1]! + 0.114 * rgb[j + 2]!;
  return y;
}

export interface Plane {
  data: ArrayLike<number>;
  width: number;
  height: number;
}

/**
 * Samples a `cols`×`rows` grid of canonical points (x0 + i·step, y0 + j·step) from the image plane through
 * `map` (canonical → image pixels), bilinear; NaN outside the image.
 */
export function sampleGrid(
  img: Plane,
  map: Affine,
  x0: number,
  y0: number,
  cols: number,
  rows: number,
  step: number,
): Float32Array {
  const out = new Float32Array(cols * rows);
  const { data, width: w, height: h } = img;
  for (let j = 0; j < rows; j++) {
    const cy = y0 + j * step;
    for (let i = 0; i < cols; i++) {
      const cx = x0 + i * step;
      const x = map[0] * cx + map[1] * cy + map[2];
      const y = map[3] * cx + map[4] * cy + map[5];
      if (!(x >= 0 && y >= 0 && x <= w - 1 && y <= h - 1)) {
        out[j * cols + i] = Number.NaN;
        continue;
      }
      const xi = Math.min(w - 2, Math.floor(x));
      const yi = Math.min(h - 2, Math.floor(y));
      const fx = x - xi;
      const fy = y - yi;
      const k = yi * w + xi;
      const top = data[k]! * (1 - fx) + data[k + 1]! * fx;
      const bottom = data[k + w]! * (1 - fx) + data[k + w + 1]! * fx;
      out[j * cols + i] = top * (1 - fy) + bottom * fy;
    }
  }
  return out;
}

/** A region to follow: its centre and half-size in canonical units, and how far it may move. */
export interface RegionSpec {
  cx: number;
  cy: number;
  halfW: number;
  halfH: number;
  /** Largest movement searched, canonical units. */
  reachX: number;
  reachY: number;
  /**
   * Only the vertical movement is wanted (an eyelid margin: a horizontal edge, whose sideways position is
   * ambiguous): a best match on the sideways edge of the search is then still a measurement.
   */
  verticalOnly?: boolean;
  /** Vertical movement allowed, if narrower than ±reachY (an eyelid margin moves one way only). */
  minDy?: number;
  maxDy?: number;
}

export interface RegionTemplate {
  spec: RegionSpec;
  /** Grid cell size (canonical units) and the template grid. */
  step: number;
  cols: number;
  rows: number;
  values: Float32Array;
}

/** Sample points per inter-ocular distance of the matching grids (bounds the cost whatever the video size). */
export const GRID_PER_IOD = 64;

export function makeTemplate(
  img: Plane,
  map: Affine,
  spec: RegionSpec,
  perIod: number = GRID_PER_IOD,
): RegionTemplate | null {
  const step = 1 / perIod;
  const cols = Math.max(3, Math.round((2 * spec.halfW) / step));
  const rows = Math.max(3, Math.round((2 * spec.halfH) / step));
  const values = sampleGrid(img, map, spec.cx - spec.halfW, spec.cy - spec.halfH, cols, rows, step);
  if (values.some((v) => Number.isNaN(v))) return null;
  return { spec, step, cols, rows, values };
}

/** ZNCC of the template against the search grid at integer offset (ox, oy) (search-grid cells). */
function zncc(
  t: RegionTemplate,
  tMean: number,
  tNorm: number,
  s: Float32Array,
  sCols: number,
  ox: number,
  oy: number,
): number {
  let sum = 0;
  let sum2 = 0;
  let cross = 0;
  const n = t.cols * t.rows;
  for (let j = 0; j < t.rows; j++) {
    const row = (oy + j) * sCols + ox;
    for (let i = 0; i < t.cols; i++) {
      const v = s[row + i]!;
      sum += v;
      sum2 += v * v;
      cross += v * (t.values[j * t.cols + i]! - tMean);
    }
  }
  const mean = sum / n;
  const varS = sum2 - n * mean * mean;
  if (!(varS > 1e-6) || !(tNorm > 1e-6)) return -1;
  return cross / Math.sqrt(varS * tNorm);
}

export interface RegionMove {
  /** Movement of the region in canonical units (x towards the patient's left, y towards the mouth). */
  dx: number;
  dy: number;
  /** Peak ZNCC (1 = identical appearance); low means the region was not found. */
  score: number;
}

/** Parabola vertex offset (−0.5…0.5) through three neighbouring scores. */
function vertex(l: number, c: number, r: number): number {
  const den = l - 2 * c + r;
  return den < 0 ? Math.max(-0.5, Math.min(0.5, (0.5 * (l - r)) / den)) : 0;
}

/**
 * Where the template's region is in the current image (`map` = canonical → current image pixels): coarse
 * search every 2 cells, refined around the best, sub-cell by a parabola in x and y.
 */
export function trackRegion(img: Plane, map: Affine, t: RegionTemplate): RegionMove | null {
  const { spec, step } = t;
  const mx = Math.ceil(spec.reachX / step);
  const my = Math.ceil(spec.reachY / step);
  const sCols = t.cols + 2 * mx;
  const sRows = t.rows + 2 * my;
  const search = sampleGrid(
    img,
    map,
    spec.cx - spec.halfW - mx * step,
    spec.cy - spec.halfH - my * step,
    sCols,
    sRows,
    step,
  );
  // Parts of the search area outside the picture cannot match: filled with the area's mean.
  let sum = 0;
  let count = 0;
  for (const v of search)
    if (!Number.isNaN(v)) {
      sum += v;
      count++;
    }
  if (count < search.length / 2) return null;
  for (let i = 0; i < search.length; i++) if (Number.isNaN(search[i]!)) search[i] = sum / count;
  let tMean = 0;
  for (const v of t.values) tMean += v;
  tMean /= t.values.length;
  let tNorm = 0;
  for (const v of t.values) tNorm += (v - tMean) ** 2;
  const oyMin = spec.minDy === undefined ? 0 : Math.max(0, my + Math.floor(spec.minDy / step));
  const oyMax = spec.maxDy === undefined ? 2 * my : Math.min(2 * my, my + Math.ceil(spec.maxDy / step));
  const score = (ox: number, oy: number) =>
    ox < 0 || oy < oyMin || ox > 2 * mx || oy > oyMax ? -2 : zncc(t, tMean, tNorm, search, sCols, ox, oy);
  let best = { ox: mx, oy: Math.max(oyMin, Math.min(oyMax, my)), s: -2 };
  for (let oy = oyMin; oy <= oyMax; oy += 2)
    for (let ox = 0; ox <= 2 * mx; ox += 2) {
      const s = score(ox, oy);
      if (s > best.s) best = { ox, oy, s };
    }
  const coarse = best;
  for (let oy = coarse.oy - 1; oy <= coarse.oy + 1; oy++)
    for (let ox = coarse.ox - 1; ox <= coarse.ox + 1; ox++) {
      const s = score(ox, oy);
      if (s > best.s) best = { ox, oy, s };
    }
  // A best match on the edge of the search is a region that moved further or, more often, a look-alike
  // found instead of it: not a measurement.
  if (best.oy <= oyMin || best.oy >= oyMax || (!spec.verticalOnly && (best.ox <= 0 || best.ox >= 2 * mx)))
    return null;
  const sx = vertex(score(best.ox - 1, best.oy), best.s, score(best.ox + 1, best.oy));
  const sy = vertex(score(best.ox, best.oy - 1), best.s, score(best.ox, best.oy + 1));
  return { dx: (best.ox + sx - mx) * step, dy: (best.oy + sy - my) * step, score: best.s };
}
