/**
 * The facial-movement test's per-frame measures (shared by Node and the browser worker). The face mesh
 * finds the regions and gives a first estimate of the head's movement; the pixels give how far each region
 * moved (region-tracking.ts explains why: the mesh itself pulls one-sided expressions towards symmetry),
 * relative to a reference frame at rest — the first frame with a face after creation or `reset()`.
 *
 * Regions, each on both sides: the mid-brow; the skin just outside the mouth corner (the smile's up-and-out
 * pull); the lips just inside it (the pucker); the upper eyelid in three parts along its margin and the lower margin (closure). Face-fixed
 * texture anchors — nasion, nose tip, chin — correct the mesh's head estimate, which rises with the brows
 * and shifts with the mouth. All lengths come out in the reference frame's pixels (`iod` = the reference's
 * inter-ocular distance), so the core's normalisation stays as documented.
 */
import type { Landmark, SignalOptions } from './face-signals';
import { MIN_LANDMARKS, NASION, PATIENT_LEFT_EYE, PATIENT_RIGHT_EYE } from './mesh-indices';
import {
  type MovementMeasures,
  movementFrameFromLandmarks,
  NO_MOVEMENT_FACE,
  PATIENT_LEFT_MID_BROW,
  PATIENT_RIGHT_MID_BROW,
} from './movement-measures';
import {
  type Affine,
  compose,
  fitSimilarity,
  lumaOf,
  makeTemplate,
  type Plane,
  type RegionMove,
  type RegionSpec,
  type RegionTemplate,
  trackRegion,
} from './region-tracking';

/**
 * Landmarks that follow the head more than any expression: the sides of the face outline (temples to the
 * jaw angle; not the forehead, which the brows move, nor the chin, which the jaw moves) and the lower nose.
 * Only the first guess: the texture anchors correct it.
 */
export const HEAD_POINTS = [389, 356, 454, 323, 361, 288, 162, 127, 234, 93, 132, 58, 1, 4, 5, 195] as const;

/** Lowest block-matching score (ZNCC) at which a region counts as found. */
export const MIN_REGION_SCORE = 0.5;

const MOUTH_CORNER = { right: 61, left: 291 } as const;
/** Middle of the upper and lower lid margins (three facing points each), by the model's eye names. */
const UPPER_LID = { right: [160, 159, 158], left: [387, 386, 385] } as const;
const LOWER_LID = { right: [144, 145, 153], left: [373, 374, 380] } as const;
/** Nose tip and alae, and the chin: moved by none of the test's movements (the jaw stays closed). */
const NOSE_POINTS = [1, 2, 98, 327] as const;
const CHIN_POINTS = [152, 175, 199] as const;

type Side = 'left' | 'right';
/** The upper lid is followed in three parts along it (see UPPER_LID_PARTS). */
const UPPER_LID_REGIONS = ['upperLidNasal', 'upperLidMid', 'upperLidTemporal'] as const;
const REGIONS = ['brow', 'corner', 'lip', ...UPPER_LID_REGIONS, 'lowerLid', 'cheek'] as const;
type Region = (typeof REGIONS)[number];
const ANCHORS = ['nasion', 'nose', 'chin'] as const;
type Anchor = (typeof ANCHORS)[number];

/** Grid density for the eyelids, cheek and lips (they move a few pixels; the other regions use the default). */
const LID_GRID_PER_IOD = 128;
const FINE_GRID_REGIONS: ReadonlySet<Region> = new Set([...UPPER_LID_REGIONS, 'lowerLid', 'cheek', 'lip']);

/**
 * The upper lid's three parts: their centres along the lid from its middle (IOD, towards the nose < 0 <
 * towards the ear). Why three: as a lid closes, its skin stretches and the lashes fold, and on one eye of the
 * animated face the middle of the lid matched a look-alike 1–2 px short of where it went (its score fell to
 * 0.76–0.83 while another part kept 0.99). The part whose look changed least (highest score) is trusted.
 */
const UPPER_LID_PARTS: Record<(typeof UPPER_LID_REGIONS)[number], number> = {
  upperLidNasal: -0.06,
  upperLidMid: 0,
  upperLidTemporal: 0.06,
};

interface Reference {
  head: number[][];
  /** Landmark measures of the reference frame (its pixels). */
  measures: MovementMeasures;
  iod: number;
  /** Canonical (reference face frame, IOD units) → reference image pixels. */
  toImage: Affine;
  regions: Record<Side, Record<Region, RegionTemplate>>;
  anchors: Record<Anchor, RegionTemplate>;
}

/** The frame's pixels: RGB (width×height×3), or its luma (width×height) when the caller already has it. */
export interface FrameImage {
  rgb?: Uint8Array;
  luma?: ArrayLike<number>;
  width: number;
  height: number;
}

export interface MovementTracker {
  /** Measures of one frame; the first frame with a face after creation or reset() becomes the reference. */
  measure(
    landmarks: ReadonlyArray<Landmark> | null | undefined,
    image: FrameImage,
    options: SignalOptions,
  ): MovementMeasures;
  /** Forget the reference (a new recording). */
  reset(): void;
  readonly hasReference: boolean;
}

const mean2 = (landmarks: ReadonlyArray<Landmark>, idx: readonly number[]): [number, number] => {
  let x = 0;
  let y = 0;
  for (const i of idx) {
    x += landmarks[i]![0]!;
    y += landmarks[i]![1]!;
  }
  return [x / idx.length, y / idx.length];
};

/** Canonical frame of one face in image pixels (see region-tracking.ts), from its landmarks. */
function faceFrame(
  landmarks: ReadonlyArray<Landmark>,
  mirrored: boolean,
): { toImage: Affine; iod: number } | null {
  // On a mirrored image the model's "right eye" indices are the patient's left (see face-signals.ts).
  const eyeR = mirrored ? PATIENT_LEFT_EYE : PATIENT_RIGHT_EYE;
  const eyeL = mirrored ? PATIENT_RIGHT_EYE : PATIENT_LEFT_EYE;
  const cR = mean2(landmarks, [eyeR.outer, eyeR.inner]);
  const cL = mean2(landmarks, [eyeL.outer, eyeL.inner]);
  const mouth = mean2(landmarks, [MOUTH_CORNER.right, MOUTH_CORNER.left]);
  const iod = Math.hypot(cL[0] - cR[0], cL[1] - cR[1]);
  if (!(iod > 0)) return null;
  const ex = [(cL[0] - cR[0]) / iod, (cL[1] - cR[1]) / iod] as const;
  const o = [(cL[0] + cR[0]) / 2, (cL[1] + cR[1]) / 2] as const;
  // y towards the mouth, whichever way the image is mirrored.
  let ey = [-ex[1], ex[0]] as const;
  if ((mouth[0] - o[0]) * ey[0] + (mouth[1] - o[1]) * ey[1] < 0) ey = [-ey[0], -ey[1]];
  return { toImage: [iod * ex[0], iod * ey[0], o[0], iod * ex[1], iod * ey[1], o[1]], iod };
}

/** Image point → canonical coordinates under `toImage`. */
function toCanonical(m: Affine, p: readonly number[]): [number, number] {
  const det = m[0] * m[4] - m[1] * m[3];
  const x = p[0]! - m[2];
  const y = p[1]! - m[5];
  return [(m[4] * x - m[1] * y) / det, (-m[3] * x + m[0] * y) / det];
}

/**
 * Sideways search of a lid part: the head's own movement is already taken out, and a lid margin is an arc,
 * so a part that slides along it reads a vertical move that was not made (measured: a match 4 px sideways
 * read 1.3 px short).
 */
const LID_REACH_X = 0.01;

function upperLidParts(
  upper: readonly [number, number],
  out: number,
): Record<(typeof UPPER_LID_REGIONS)[number], RegionSpec> {
  const part = (along: number): RegionSpec => ({
    cx: upper[0] + along * out,
    cy: upper[1] - 0.045,
    halfW: 0.04,
    halfH: 0.045,
    reachX: LID_REACH_X,
    reachY: 0.2,
    // It comes down over the eye; it does not rise far.
    minDy: -0.04,
    verticalOnly: true,
  });
  return {
    upperLidNasal: part(UPPER_LID_PARTS.upperLidNasal),
    upperLidMid: part(UPPER_LID_PARTS.upperLidMid),
    upperLidTemporal: part(UPPER_LID_PARTS.upperLidTemporal),
  };
}

/** The upper lid's movement: that of its part matched best (its look changed least), if any was found. */
function upperLidMove(s: Record<Region, RegionMove | null>): RegionMove | null {
  let best: RegionMove | null = null;
  for (const r of UPPER_LID_REGIONS) {
    const m = s[r];
    if (m && (!best || m.score > best.score)) best = m;
  }
  return best;
}

/** Where each region is on the reference frame, and how far it may move (canonical units). */
function regionSpecs(
  landmarks: ReadonlyArray<Landmark>,
  toImage: Affine,
  mirrored: boolean,
): Record<Side, Record<Region, RegionSpec>> {
  const side = (patient: Side): Record<Region, RegionSpec> => {
    // Index sets are named by the model as if the image were unmirrored.
    const model: Side = mirrored ? (patient === 'left' ? 'right' : 'left') : patient;
    const at = (idx: readonly number[]) => toCanonical(toImage, mean2(landmarks, idx));
    const brow = at(model === 'left' ? PATIENT_LEFT_MID_BROW : PATIENT_RIGHT_MID_BROW);
    const corner = at([MOUTH_CORNER[model]]);
    const upper = at(UPPER_LID[model]);
    const lower = at(LOWER_LID[model]);
    const out = patient === 'left' ? 1 : -1;
    return {
      brow: { cx: brow[0], cy: brow[1], halfW: 0.2, halfH: 0.1, reachX: 0.08, reachY: 0.22 },
      // The skin just outside the corner moves with it and keeps its look in a smile.
      corner: {
        cx: corner[0] + 0.05 * out,
        cy: corner[1],
        halfW: 0.13,
        halfH: 0.12,
        reachX: 0.22,
        reachY: 0.15,
      },
      // The lips inside the corner move when the lips purse; the skin beside them hardly does. Not the
      // corner itself: a full pucker squeezes the lips most there, and how well the rest frame's pattern
      // still matches the squeezed one differs from side to side (at 0.13 IOD from the corner, one side of
      // the animated face read 7 % less than the other at a full pucker, and the same at half: a symmetric
      // pucker scored 89 %). Centred 0.18 IOD inside the corner, the sides agree within 3 %.
      lip: {
        cx: corner[0] - 0.18 * out,
        cy: corner[1],
        halfW: 0.08,
        halfH: 0.05,
        reachX: 0.22,
        reachY: 0.08,
      },
      // Lash line and lid skin above the upper margin (not the eye below it, which the lid covers), in three
      // parts along the lid. Tall enough (0.09 IOD) to hold the lid skin with the lash band: a band alone
      // also matches itself shifted by a pixel or two.
      ...upperLidParts(upper, out),
      lowerLid: {
        cx: lower[0],
        cy: lower[1] + 0.03,
        halfW: 0.09,
        halfH: 0.03,
        reachX: LID_REACH_X,
        reachY: 0.12,
        // It rises when the eye is squeezed; it does not drop (below it the lashes of a closed upper lid
        // would otherwise be taken for it).
        maxDy: 0.03,
        verticalOnly: true,
      },
      // The cheek below the lower lid: a squeezed eye pushes it up (orbicularis oculi, orbital part).
      cheek: {
        cx: lower[0],
        cy: lower[1] + 0.12,
        halfW: 0.12,
        halfH: 0.07,
        reachX: 0.04,
        reachY: 0.12,
        verticalOnly: true,
      },
    };
  };
  return { left: side('left'), right: side('right') };
}

function anchorSpecs(landmarks: ReadonlyArray<Landmark>, toImage: Affine): Record<Anchor, RegionSpec> {
  const at = (idx: readonly number[]) => toCanonical(toImage, mean2(landmarks, idx));
  const nasion = at([NASION]);
  const nose = at(NOSE_POINTS);
  const chin = at(CHIN_POINTS);
  const reach = 0.25;
  return {
    nasion: { cx: nasion[0], cy: nasion[1], halfW: 0.1, halfH: 0.1, reachX: reach, reachY: reach },
    nose: { cx: nose[0], cy: nose[1], halfW: 0.16, halfH: 0.12, reachX: reach, reachY: reach },
    // Above the chin's edge, so the patch stays on the face.
    chin: { cx: chin[0], cy: chin[1] - 0.08, halfW: 0.16, halfH: 0.1, reachX: reach, reachY: reach },
  };
}

/**
 * The head's rigid movement left over after the mesh's estimate, from the texture anchors (canonical →
 * canonical): rotation from the nasion→chin line (the brows move the nasion only up and down, the smile and
 * pucker reach neither), scale from the nose→chin distance, the vertical shift from the nose, the sideways
 * shift from the chin (the nose tip stands out of the face, so a turning head moves it sideways more).
 */
function anchorCorrection(a: Record<Anchor, RegionTemplate>, d: Record<Anchor, RegionMove>): Affine {
  const n = a.nasion.spec;
  const o = a.nose.spec;
  const c = a.chin.spec;
  const phi =
    Math.atan2(c.cy + d.chin.dy - n.cy - d.nasion.dy, c.cx + d.chin.dx - n.cx - d.nasion.dx) -
    Math.atan2(c.cy - n.cy, c.cx - n.cx);
  const k =
    Math.hypot(c.cx + d.chin.dx - o.cx - d.nose.dx, c.cy + d.chin.dy - o.cy - d.nose.dy) /
    Math.hypot(c.cx - o.cx, c.cy - o.cy);
  const ca = k * Math.cos(phi);
  const sa = k * Math.sin(phi);
  // p → k R (p − nose₀) + t, with the nose's vertical and the chin's sideways movement matched.
  const ty = o.cy + d.nose.dy;
  const tx = c.cx + d.chin.dx - (ca * (c.cx - o.cx) - sa * (c.cy - o.cy));
  return [ca, -sa, tx - ca * o.cx + sa * o.cy, sa, ca, ty - sa * o.cx - ca * o.cy];
}

const found = (m: RegionMove | null): m is RegionMove => !!m && m.score >= MIN_REGION_SCORE;

export function createMovementTracker(): MovementTracker {
  let ref: Reference | null = null;
  let luma: Float32Array | undefined;

  function setReference(landmarks: ReadonlyArray<Landmark>, img: Plane, mirrored: boolean): MovementMeasures {
    const measures = movementFrameFromLandmarks(landmarks, { mirrored });
    const frame = faceFrame(landmarks, mirrored);
    if (measures.iod === null || !frame) return { ...NO_MOVEMENT_FACE };
    const specs = regionSpecs(landmarks, frame.toImage, mirrored);
    const aSpecs = anchorSpecs(landmarks, frame.toImage);
    const regions = { left: {}, right: {} } as Record<Side, Record<Region, RegionTemplate>>;
    const anchors = {} as Record<Anchor, RegionTemplate>;
    for (const side of ['left', 'right'] as const)
      for (const r of REGIONS) {
        const t = makeTemplate(
          img,
          frame.toImage,
          specs[side][r],
          FINE_GRID_REGIONS.has(r) ? LID_GRID_PER_IOD : undefined,
        );
        // A region out of the picture on the reference: wait for a better reference frame.
        if (!t) return { ...NO_MOVEMENT_FACE };
        regions[side][r] = t;
      }
    for (const a of ANCHORS) {
      const t = makeTemplate(img, frame.toImage, aSpecs[a]);
      if (!t) return { ...NO_MOVEMENT_FACE };
      anchors[a] = t;
    }
    ref = {
      head: HEAD_POINTS.map((i) => [landmarks[i]![0]!, landmarks[i]![1]!]),
      measures,
      iod: frame.iod,
      toImage: frame.toImage,
      regions,
      anchors,
    };
    return measures;
  }

  return {
    get hasReference() {
      return ref !== null;
    },
    reset() {
      ref = null;
    },
    measure(landmarks, image, options) {
      if (!landmarks || landmarks.length < MIN_LANDMARKS) return { ...NO_MOVEMENT_FACE };
      if (!image.luma) luma = lumaOf(image.rgb!, image.width, image.height, luma);
      const img: Plane = { data: image.luma ?? luma!, width: image.width, height: image.height };
      if (!ref) return setReference(landmarks, img, options.mirrored);
      const now = movementFrameFromLandmarks(landmarks, options);
      if (now.iod === null) return { ...NO_MOVEMENT_FACE };
      const r = ref.measures;
      const u = ref.iod;
      const noRegions = { ...NO_MOVEMENT_FACE, iod: u, halfL: r.halfL, halfR: r.halfR };
      // The head from the reference frame to this one (mesh), then the texture anchors' correction.
      const head = fitSimilarity(
        ref.head,
        HEAD_POINTS.map((i) => [landmarks[i]![0]!, landmarks[i]![1]!]),
      );
      const meshMap = compose(head, ref.toImage);
      const d = {} as Record<Anchor, RegionMove>;
      for (const a of ANCHORS) {
        const m = trackRegion(img, meshMap, ref.anchors[a]);
        // Without its anchors the head is not known well enough to measure anything in this frame.
        if (!found(m)) return noRegions;
        d[a] = m;
      }
      const toImage = compose(meshMap, anchorCorrection(ref.anchors, d));
      const scale = Math.hypot(toImage[0], toImage[3]) / u;
      const move = (side: Side, region: Region) => {
        const m = trackRegion(img, toImage, ref!.regions[side][region]);
        // A region not found (occluded, or its look changed beyond recognition) is left out of this frame.
        return found(m) ? m : null;
      };
      const L = Object.fromEntries(REGIONS.map((x) => [x, move('left', x)])) as Record<
        Region,
        RegionMove | null
      >;
      const R = Object.fromEntries(REGIONS.map((x) => [x, move('right', x)])) as Record<
        Region,
        RegionMove | null
      >;
      // A turned head foreshortens one half of the face: its sideways movement is scaled back by that half's
      // width now against at the reference (both in reference pixels).
      const yawL = Math.max(0.7, Math.min(1.4, r.halfL! / (now.halfL! / scale)));
      const yawR = Math.max(0.7, Math.min(1.4, r.halfR! / (now.halfR! / scale)));
      // Lids: the upper margin down (+y) and the lower margin up (−y) close the aperture, from the pixels
      // alone: the mesh's lids (from the iris model) saturate near closure (a shut eye reads about a third
      // open). The closing is scaled by the MEAN of the two eyes' rest apertures, not each eye's own: the
      // mesh misjudges the two eyes' apertures differently (by 8 % on the animated face), which divided
      // per eye became a false asymmetry of up to 12 points at 75 % closure. Each eye's rest aperture
      // stays its own, so the rest asymmetry (palpebral fissure) is still reported as measured; the core
      // divides the closing by it, hence the factor.
      const restMean = (r.lidL! + r.lidR!) / 2;
      const lid = (ref0: number, s: Record<Region, RegionMove | null>) => {
        const upper = upperLidMove(s);
        return upper && s.lowerLid && restMean > 0
          ? ref0 - (u * (upper.dy - s.lowerLid.dy) * ref0) / restMean
          : null;
      };
      return {
        iod: u,
        // Canonical y points to the mouth: a brow that rises moves to −y.
        browL: L.brow ? r.browL! - u * L.brow.dy : null,
        browR: R.brow ? r.browR! - u * R.brow.dy : null,
        lidL: lid(r.lidL!, L),
        lidR: lid(r.lidR!, R),
        // Canonical x points to the patient's left: outward is +x on the left, −x on the right.
        cornerOutL: L.corner ? r.cornerOutL! + u * L.corner.dx * yawL : null,
        cornerOutR: R.corner ? r.cornerOutR! - u * R.corner.dx * yawR : null,
        cornerDownL: L.corner ? r.cornerDownL! + u * L.corner.dy : null,
        cornerDownR: R.corner ? r.cornerDownR! + u * R.corner.dy : null,
        lipOutL: L.lip ? r.lipOutL! + u * L.lip.dx * yawL : null,
        lipOutR: R.lip ? r.lipOutR! - u * R.lip.dx * yawR : null,
        lowerLidL: L.cheek ? r.lowerLidL! + u * L.cheek.dy : null,
        lowerLidR: R.cheek ? r.lowerLidR! + u * R.cheek.dy : null,
        halfL: r.halfL,
        halfR: r.halfR,
      };
    },
  };
}
