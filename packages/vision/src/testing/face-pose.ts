/**
 * Where every mesh vertex of the rig goes for a given facial expression and head pose (pure). The warp
 * (face-warp.ts) then moves the photo's pixels with the mesh. Every movement is in units of the face
 * itself, so the same pose means the same movement on any photo or frame size:
 * - eye closure: fraction of the lid gap closed (1 = the upper lid on the lower lid);
 * - lower-lid rise: fraction of the lid gap (max LOWER_LID_MAX);
 * - cheek rise, mouth-corner pull, brow raise, lip pucker: fraction of their maximum in EXPRESSION_MAX,
 *   which is in inter-ocular distances (IOD).
 * Sides are the PATIENT's: the rig photo faces the camera, so the patient's right is the image's left.
 */
import { type EyeIndices, PATIENT_LEFT_EYE, PATIENT_RIGHT_EYE } from '../landmarks/mesh-indices';
import { FACE_OVAL, type FaceRig, OUTER_RING_START, type Point3 } from './face-rig';

export type PatientSide = 'left' | 'right';

/** One side of the face; every field 0 = at rest. */
export interface SideExpression {
  /** Upper lid down, 0 open … 1 shut. */
  eyeClosure: number;
  /** Lower lid up, 0 … 1 (1 = LOWER_LID_MAX of the lid gap). */
  lowerLid: number;
  /** Cheek up (and slightly out), 0 … 1. */
  cheek: number;
  /** Mouth corner up and out (zygomaticus), 0 … 1. */
  mouthCorner: number;
  /** Brow up, −1 (pulled down, as in a tight eye closure) … 1 (raised). */
  brow: number;
  /** This half of the lips pursed: corner towards the middle, lips pushed out, 0 … 1. */
  pucker: number;
}

export interface Expression {
  left: SideExpression;
  right: SideExpression;
  /** Mouth open (jaw down), 0 … 1, for talking-like movement. */
  mouthOpen: number;
}

/** Rigid head movement, applied after the expression. */
export interface HeadPose {
  /** Shift in pixels (image axes). */
  dx: number;
  dy: number;
  /** In-plane rotation in degrees (positive = clockwise on the image). */
  roll: number;
  /** Turn in degrees about the vertical axis, from the landmarks' depth; positive = towards the patient's left. */
  yaw: number;
  /** Zoom about the face centre (1 = as on the photo). */
  scale: number;
}

/** Largest movements (at 1), in inter-ocular distances unless said otherwise. */
export const EXPRESSION_MAX = {
  /** Lower-lid rise as a fraction of the lid gap. */
  lowerLid: 0.35,
  cheekUp: 0.07,
  cheekOut: 0.015,
  /**
   * Mouth corner at 1 = a full smile's commissure excursion: 9.3 mm on average (6.5–12.1 mm; Vicon markers
   * on 12 healthy adults, Braz J Otorhinolaryngol, scielo.br/j/bjorl/a/L6dmhFYyKmqV4N7Zcr7sRLK), 0.148 IOD
   * for an inter-ocular distance of ≈ 62 mm, up and out (up 0.12, out 0.087). A visible lower-face spasm
   * pulls it several mm, i.e. 0.4–1 of this. (Test-data scale only, not shown in the product; the figure
   * is as that session's helper read it and is not in shared/clinical/evidence.md: unverified here.)
   */
  mouthCornerUp: 0.12,
  mouthCornerOut: 0.087,
  browUp: 0.12,
  /** Pucker: the corner moves in by this fraction of the half mouth width; the lips move out (up/down) by lipOut. */
  puckerIn: 0.3,
  puckerLipOut: 0.03,
  mouthOpen: 0.18,
} as const;

export const REST_SIDE: SideExpression = Object.freeze({
  eyeClosure: 0,
  lowerLid: 0,
  cheek: 0,
  mouthCorner: 0,
  brow: 0,
  pucker: 0,
});
export const REST: Expression = Object.freeze({ left: REST_SIDE, right: REST_SIDE, mouthOpen: 0 });
export const STILL_HEAD: HeadPose = Object.freeze({ dx: 0, dy: 0, roll: 0, yaw: 0, scale: 1 });

const MOUTH_CORNER: Record<PatientSide, number> = { right: 61, left: 291 };
/** Cheek (malar) points: the rise is centred on their mean. */
const CHEEK: Record<PatientSide, readonly number[]> = { right: [50, 205, 117], left: [280, 425, 346] };
const BROW: Record<PatientSide, readonly number[]> = {
  right: [70, 63, 105, 66, 107, 46, 53, 52, 65, 55],
  left: [300, 293, 334, 296, 336, 276, 283, 282, 295, 285],
};
const EYE: Record<PatientSide, EyeIndices> = { right: PATIENT_RIGHT_EYE, left: PATIENT_LEFT_EYE };
/** Lip points that the jaw carries down when the mouth opens (lower lip and chin). */
const LOWER_LIP_AND_CHIN = [
  14, 87, 178, 88, 95, 317, 402, 318, 324, 17, 84, 181, 91, 146, 314, 405, 321, 375, 18, 200, 199, 175, 152,
  83, 201, 208, 171, 148, 313, 421, 428, 396, 377, 32, 262, 140, 369, 176, 400, 194, 418, 182, 406, 106, 335,
];
const UPPER_LIP = [
  0, 37, 39, 40, 185, 267, 269, 270, 409, 13, 82, 81, 80, 191, 312, 311, 310, 415, 11, 12, 72, 73, 302, 303,
];
const MOUTH_ALL = [
  61,
  291,
  ...UPPER_LIP,
  ...LOWER_LIP_AND_CHIN.slice(0, 17),
  78,
  308,
  76,
  306,
  77,
  307,
  62,
  292,
];

type P2 = [number, number];

function lidLines(v: readonly Point3[], eye: EyeIndices): { upper: P2[]; lower: P2[] } {
  const c = eye.contour;
  const innerAt = c.indexOf(eye.inner);
  const p = (i: number): P2 => [v[i]![0], v[i]![1]];
  const upper = c.slice(0, innerAt + 1).map(p);
  const lower = [...c.slice(innerAt), c[0]!].map(p).reverse();
  return { upper, lower };
}

/** y of a polyline at x (linear between points; clamped to its ends). */
function yAt(line: P2[], x: number): number {
  const sorted = line[0]![0] <= line.at(-1)![0] ? line : [...line].reverse();
  if (x <= sorted[0]![0]) return sorted[0]![1];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const [x0, y0] = sorted[i]!;
    const [x1, y1] = sorted[i + 1]!;
    if (x <= x1) return x1 === x0 ? y0 : y0 + ((x - x0) * (y1 - y0)) / (x1 - x0);
  }
  return sorted.at(-1)![1];
}

const smoothstep = (u: number) => (u <= 0 ? 0 : u >= 1 ? 1 : u * u * (3 - 2 * u));
const gauss = (d2: number, sigma: number) => Math.exp(-d2 / (2 * sigma * sigma));

/** Points of the 478 that are iris points (468–477) follow the upper lid: they are not in the mesh. */
function moveEye(src: readonly Point3[], dst: Point3[], side: PatientSide, e: SideExpression): void {
  if (e.eyeClosure <= 0 && e.lowerLid <= 0) return;
  const { upper, lower } = lidLines(src, EYE[side]);
  const xs = upper.map((p) => p[0]);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const width = x1 - x0;
  const margin = 0.3 * width;
  const lateral = (x: number) =>
    x < x0 ? Math.max(0, 1 - (x0 - x) / margin) : x > x1 ? Math.max(0, 1 - (x - x1) / margin) : 1;
  // Smooth fall-off with height above (or depth below) the lid margin: flat near the margin, so the lash
  // line moves down as a whole and stays thin, and the smooth lid skin above it stretches over the eye.
  const fall = (h: number, reach: number) =>
    h <= 0 ? 1 : h >= reach ? 0 : 1 - (h / reach) ** 2 * (3 - (2 * h) / reach);
  for (let i = 0; i < OUTER_RING_START; i++) {
    const [x, y] = src[i]!;
    const w = lateral(x);
    if (w <= 0) continue;
    const xc = Math.min(x1, Math.max(x0, x));
    const up = yAt(upper, xc);
    const lo = yAt(lower, xc);
    const gap = Math.max(0, lo - up);
    // Lower lid (and the skin below it, less and less) rises first …
    const rise = EXPRESSION_MAX.lowerLid * Math.min(1, e.lowerLid) * gap;
    const loNew = lo - rise;
    if (y >= lo - 0.5) {
      dst[i]![1] -= rise * w * fall(y - lo, 0.6 * width);
      continue;
    }
    // … then the upper lid comes down to it: the lid skin up to the brow stretches over the eye.
    const closure = Math.min(1, e.eyeClosure);
    const drop = closure * (loNew - up);
    // The lashes fold only as the lids meet (the last fifth of the closure): before that the tarsal plate,
    // a stiff band, carries the lash line down with the margin, so a partly closed lid moves as one piece.
    const contact = smoothstep((closure - 0.8) / 0.2);
    const inside = y > up + 0.5;
    if (inside) {
      // Iris points: carried with the lid they sit under.
      dst[i]![1] += drop * w * Math.max(0, Math.min(1, (lo - y) / Math.max(1, gap)));
    } else {
      // The lash band just above the margin folds down with the lid (lashes point down on a shut eye):
      // it thins to a line instead of showing as a dark stripe the model would read as an open eye.
      const h = up - y;
      const band = 0.14 * width;
      const fold = h <= band ? 0.6 * h : Math.max(0, 0.6 * band * (1 - (h - band) / band));
      dst[i]![1] += (drop * fall(h, 0.9 * width) + fold * contact) * w;
    }
  }
}

function rbf(src: readonly Point3[], dst: Point3[], centre: P2, sigma: number, dx: number, dy: number): void {
  if (dx === 0 && dy === 0) return;
  for (let i = 0; i < OUTER_RING_START; i++) {
    const d2 = (src[i]![0] - centre[0]) ** 2 + (src[i]![1] - centre[1]) ** 2;
    const g = gauss(d2, sigma);
    dst[i]![0] += dx * g;
    dst[i]![1] += dy * g;
  }
}

const mean = (v: readonly Point3[], idx: readonly number[]): P2 => {
  let x = 0;
  let y = 0;
  for (const i of idx) {
    x += v[i]![0];
    y += v[i]![1];
  }
  return [x / idx.length, y / idx.length];
};

/**
 * Vertex positions for an expression and head pose. `out` (if given, same length as rig.vertices) is
 * reused. Image x grows to the patient's LEFT on the unmirrored photo, so "out" (towards the ear) is −x for
 * the patient's right side and +x for the left.
 */
export function posedVertices(rig: FaceRig, expr: Expression, head: HeadPose, out?: Point3[]): Point3[] {
  const src = rig.vertices;
  const dst: Point3[] = out ?? src.map((p) => [p[0], p[1], p[2]]);
  for (let i = 0; i < src.length; i++) {
    dst[i]![0] = src[i]![0];
    dst[i]![1] = src[i]![1];
    dst[i]![2] = src[i]![2];
  }
  const u = rig.iod;
  const mouthCentre = mean(src, [61, 291]);
  const halfMouth = Math.abs(src[291]![0] - src[61]![0]) / 2;
  for (const side of ['right', 'left'] as const) {
    const e = expr[side];
    const outward = side === 'right' ? -1 : 1;
    // Muscles far from the eye first (they move the skin the eye sits in), the lids last (exact gap).
    rbf(src, dst, mean(src, BROW[side]), 0.28 * u, 0, -EXPRESSION_MAX.browUp * e.brow * u);
    rbf(
      src,
      dst,
      mean(src, CHEEK[side]),
      0.22 * u,
      outward * EXPRESSION_MAX.cheekOut * e.cheek * u,
      -EXPRESSION_MAX.cheekUp * e.cheek * u,
    );
    const corner = src[MOUTH_CORNER[side]]!;
    rbf(
      src,
      dst,
      [corner[0], corner[1]],
      0.2 * u,
      outward * EXPRESSION_MAX.mouthCornerOut * e.mouthCorner * u,
      -EXPRESSION_MAX.mouthCornerUp * e.mouthCorner * u,
    );
    if (e.pucker > 0) {
      // Purse this half of the lips: points move towards the middle in proportion to how far out they are,
      // lips move away from the mouth line (pushed forward, they look fuller), and a little forward in depth.
      for (const i of MOUTH_ALL) {
        const p = src[i]!;
        const rel = (p[0] - mouthCentre[0]) * outward;
        if (rel <= 0) continue;
        const k = Math.min(1, rel / halfMouth);
        dst[i]![0] -= outward * EXPRESSION_MAX.puckerIn * e.pucker * rel;
        const away = p[1] < mouthCentre[1] ? -1 : 1;
        dst[i]![1] += away * EXPRESSION_MAX.puckerLipOut * e.pucker * u * (1 - 0.5 * k);
        dst[i]![2] -= EXPRESSION_MAX.puckerLipOut * e.pucker * u;
      }
    }
  }
  if (expr.mouthOpen > 0) {
    const drop = EXPRESSION_MAX.mouthOpen * expr.mouthOpen * u;
    for (const i of LOWER_LIP_AND_CHIN) {
      const p = src[i]!;
      // The jaw hinges near the ears: points further down move more; the corners half as much.
      dst[i]![1] += drop * Math.min(1, Math.max(0.3, (p[1] - mouthCentre[1]) / (0.25 * u) + 0.6));
    }
    for (const i of [61, 291, 78, 308, 62, 292, 76, 306]) dst[i]![1] += 0.35 * drop;
  }
  moveEye(src, dst, 'right', expr.right);
  moveEye(src, dst, 'left', expr.left);
  applyHead(rig, dst, head);
  return dst;
}

/** Rigid head movement of the posed vertices: yaw from depth (face only), then roll, zoom and shift (all). */
function applyHead(rig: FaceRig, v: Point3[], head: HeadPose): void {
  const [cx, cy] = rig.centre;
  if (head.yaw !== 0) {
    let zMean = 0;
    for (const i of FACE_OVAL) zMean += rig.vertices[i]![2];
    zMean /= FACE_OVAL.length;
    // z grows away from the camera. Turning to the patient's left (image +x side going back) moves near
    // points (z < mean) towards +x... sign: x' = cx + (x−cx)·cos − (z−z̄)·sin.
    const a = (head.yaw * Math.PI) / 180;
    const c = Math.cos(a);
    const s = Math.sin(a);
    for (let i = 0; i < OUTER_RING_START; i++) {
      const p = v[i]!;
      const x = cx + (p[0] - cx) * c - (p[2] - zMean) * s;
      p[2] = zMean + (p[0] - cx) * s + (p[2] - zMean) * c;
      p[0] = x;
    }
  }
  const r = (head.roll * Math.PI) / 180;
  const c = Math.cos(r) * head.scale;
  const s = Math.sin(r) * head.scale;
  for (const p of v) {
    const x = p[0] - cx;
    const y = p[1] - cy;
    p[0] = cx + head.dx + x * c - y * s;
    p[1] = cy + head.dy + x * s + y * c;
  }
}

/** The head pose's in-plane part as a map from output pixel to photo pixel (for the background). */
export function inverseHead(rig: FaceRig, head: HeadPose): (x: number, y: number) => P2 {
  const [cx, cy] = rig.centre;
  const r = (head.roll * Math.PI) / 180;
  const c = Math.cos(r) / head.scale;
  const s = Math.sin(r) / head.scale;
  return (x, y) => {
    const dx = x - cx - head.dx;
    const dy = y - cy - head.dy;
    return [cx + dx * c + dy * s, cy - dx * s + dy * c];
  };
}
