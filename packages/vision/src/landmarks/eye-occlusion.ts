/**
 * Is something in front of an eye? A hand rubbing or shading an eye, or a glasses frame across it, makes the
 * face-mesh model draw the lids where the occluder's edge is: the aperture drops on that side only, which
 * reads exactly like a one-sided closure — a spasm (measured on the face animator's hand and glasses: a false
 * spasm on arrival and the true twitches under the hand lost; detection bench F1 0.667 on that condition).
 *
 * A closure moves only the lids; the skin AROUND the eye — the temple beside the outer corner, the brow above
 * it, the lid–cheek junction below — keeps its texture (it may shift a little in a squeeze: the search allows
 * for that). An occluder replaces that texture. So each eye has three small regions of periocular skin,
 * matched (zero-mean normalised cross-correlation, region-tracking.ts) against the same regions on a
 * reference frame in the face's own coordinates (so head shift, roll and zoom do not move them, and light
 * gain and gradient cancel in the correlation). When they are, on average, no longer found, that eye's aperture is not a measurement in this frame: the signals mark it `occluded`, and the analysis leaves
 * those frames out instead of calling them closed. Pure (no I/O); one detector per video stream.
 */
import type { Landmark } from './face-signals';
import { type EyeIndices, PATIENT_LEFT_EYE, PATIENT_RIGHT_EYE } from './mesh-indices';
import * as regions from './region-tracking';

type Affine = regions.Affine;

/** Per eye, in the model's naming (unmirrored: `right` = the eye on the image's left). */
export interface EyeOcclusion {
  right: boolean;
  left: boolean;
}

/**
 * The periocular regions of the eye whose centre is at canonical (±0.5, 0), `s` = +1 for the eye on the
 * image's right (its outer corner further right), in inter-ocular distances (IOD). The eye's outer corner is
 * ≈ 0.22 IOD from its centre. Temple: beside the outer corner, where a hand held from the ear side or a
 * frame's side rim comes first; brow: above the outer half of the eye; below: the lid–cheek junction.
 */
const REGIONS = (s: number, x0: number): regions.RegionSpec[] =>
  [
    [0.4, 0],
    [0.18, -0.29],
    [0.15, 0.26],
  ].map(([dx, dy]) => ({
    cx: x0 + s * dx!,
    cy: dy!,
    halfW: 0.1,
    halfH: 0.1,
    // A squeeze lowers the brow and raises the cheek by up to ≈ 0.06 IOD; the head fit is off by a little more.
    reachX: 0.09,
    reachY: 0.09,
  }));

/**
 * Each region's correlation counts as a match from 0 (at `MATCH_FLOOR` or below, or not found at all) to 1 (at
 * `MATCH_FULL` or above). An eye counts as covered when the mean match of its three regions is below
 * `COVERED_BELOW` while the OTHER eye's is at least `OTHER_ABOVE`: an occluder is in front of one eye, while a
 * change of expression, pose, light or hair moves both sides (on a held-out clip of expressive rendered faces,
 * OpenCV's Megamind.avi, both eyes' matches wandered between 0.3 and 1 together; bench/held-out.ts). Measured
 * on the face animator (true landmark positions, sensor noise 3–4): open eyes, blinks, a full squeeze and a
 * one-sided tonic spasm with brow and cheek keep every region ≥ 0.85 (mean match ≥ 0.9); head roll and yaw
 * of 15° with zoom ± 10 % and a light ramp ≥ 0.71 (mean match ≥ 0.79); a hand covering a third of the eye
 * from the ear side leaves its regions at 0.27 / 0.83 / 0.41 (mean match 0.26), a glasses frame at ≈ 0.72 /
 * 0.75 / not found (≤ 0.32) — its thin rim crosses each region — with the other eye at 1.0.
 */
export const MATCH_FLOOR = 0.6;
export const MATCH_FULL = 0.9;
export const COVERED_BELOW = 0.45;
export const OTHER_ABOVE = 0.75;
/** Both eyes below this at once: a new scene or face, not an occluder — the reference is taken again. */
const BOTH_LOST_BELOW = 0.6;

/** Midpoint of an eye's two corners (image pixels), or null when the model gave none. */
function eyeCentre(l: ReadonlyArray<Landmark>, eye: EyeIndices): [number, number] | null {
  const a = l[eye.outer];
  const b = l[eye.inner];
  return a && b ? [(a[0]! + b[0]!) / 2, (a[1]! + b[1]!) / 2] : null;
}

/** Canonical (origin between the eye centres, x towards the image-right eye, y towards the mouth, IOD) → image. */
function eyeLineFrame(l: ReadonlyArray<Landmark>): Affine | null {
  const r = eyeCentre(l, PATIENT_RIGHT_EYE);
  const le = eyeCentre(l, PATIENT_LEFT_EYE);
  if (!r || !le) return null;
  const [rx, ry] = r;
  const [lx, ly] = le;
  const ux = lx - rx;
  const uy = ly - ry;
  if (!(Math.hypot(ux, uy) > 0)) return null;
  // [ux −uy; uy ux] is the eye line scaled to one IOD; y turns 90° clockwise from it (down on an upright face).
  return [ux, -uy, (rx + lx) / 2, uy, ux, (ry + ly) / 2];
}

/**
 * Points on the face's midline — forehead, nasion, nose bridge and tip, upper lip, chin — that follow the head
 * but not one eye: where the model puts the eyes shifts when a hand covers one (the whole mesh follows it), so
 * the regions are placed by the reference frame's eye line carried along by these points instead.
 */
const MIDLINE = [10, 151, 9, 8, 168, 6, 197];

type Eye = keyof EyeOcclusion;
const eyeRegions = (side: Eye) => (side === 'right' ? REGIONS(-1, -0.5) : REGIONS(1, 0.5));

/** While both eyes match at least this well, the reference is renewed every `REFRESH_FRAMES` frames, so it
 *  follows slow changes (pose, light, expression) but never takes in an occluder (which lowers the match). */
const REFRESH_MATCH = 0.8;
const REFRESH_FRAMES = 30;
/** An eye "covered" this many frames in a row (≈ 10 s at 30 fps) is more likely a reference gone stale (a
 *  video segment that started behind a hand) than a hand still there: the reference is taken again. */
const STALE_FRAMES = 300;

interface Reference {
  /** Canonical → image of the reference frame, and its midline points. */
  map: Affine;
  midline: Landmark[];
  templates: Record<Eye, Array<regions.RegionTemplate | null>>;
  /** Frames since it was taken, and frames in a row with an eye covered. */
  age: number;
  covered: number;
}

export class EyeOcclusionDetector {
  private ref: Reference | null = null;
  private luma: Float32Array | undefined;

  /** Has it taken its reference (the first frame with a face) yet? */
  get hasReference(): boolean {
    return this.ref !== null;
  }

  /**
   * Mean match of each eye's periocular regions with the reference frame (1 = as then, 0 = not found; NaN
   * without a face, and when the reference is (re)taken on this frame). The reference is the first face
   * frame, renewed while both eyes match well; when BOTH eyes stop matching at once it is a new scene or a
   * new face, not one eye covered: it is taken again.
   */
  measure(
    rgb: Uint8Array,
    width: number,
    height: number,
    landmarks: ReadonlyArray<Landmark> | null,
  ): Record<Eye, number> {
    const none = { right: Number.NaN, left: Number.NaN };
    const own = landmarks ? eyeLineFrame(landmarks) : null;
    const midline = landmarks ? MIDLINE.map((i) => landmarks[i]) : [];
    if (!own || midline.some((p) => !p)) return none;
    this.luma = regions.lumaOf(rgb, width, height, this.luma);
    const img: regions.Plane = { data: this.luma, width, height };
    const take = (): Record<Eye, number> => {
      this.ref = {
        map: own,
        midline: midline as Landmark[],
        templates: {
          right: eyeRegions('right').map((r) => regions.makeTemplate(img, own, r)),
          left: eyeRegions('left').map((r) => regions.makeTemplate(img, own, r)),
        },
        age: 0,
        covered: 0,
      };
      return none;
    };
    const ref = this.ref;
    if (!ref) return take();
    // Two placements: this frame's own eye line (follows yaw, whose foreshortening moves the eyes against the
    // midline), and the reference's eye line carried by the midline (unmoved when a hand over one eye drags
    // the model's eye points). A region is where either finds it.
    const carried = regions.compose(regions.fitSimilarity(ref.midline, midline as Landmark[]), ref.map);
    const meanAt = (side: Eye, map: Affine) => {
      const found = ref.templates[side].filter((t) => t !== null);
      if (found.length === 0) return Number.NaN;
      let sum = 0;
      for (const t of found) {
        const score = regions.trackRegion(img, map, t)?.score ?? 0;
        sum += Math.max(0, Math.min(1, (score - MATCH_FLOOR) / (MATCH_FULL - MATCH_FLOOR)));
      }
      return sum / found.length;
    };
    const mean = (side: Eye) => Math.max(meanAt(side, own), meanAt(side, carried));
    const m = { right: mean('right'), left: mean('left') };
    if (m.right < BOTH_LOST_BELOW && m.left < BOTH_LOST_BELOW) return take();
    const cover = occlusionOf(m);
    ref.covered = cover.right || cover.left ? ref.covered + 1 : 0;
    if (ref.covered >= STALE_FRAMES) return take();
    if (++ref.age >= REFRESH_FRAMES && m.right >= REFRESH_MATCH && m.left >= REFRESH_MATCH) take();
    return m;
  }

  /** Which eyes are covered in this frame (no face or no reference yet: neither). */
  check(
    rgb: Uint8Array,
    width: number,
    height: number,
    landmarks: ReadonlyArray<Landmark> | null,
  ): EyeOcclusion {
    return occlusionOf(this.measure(rgb, width, height, landmarks));
  }
}

/** Scores (EyeOcclusionDetector.measure) → covered or not. */
export const occlusionOf = (s: Record<Eye, number>): EyeOcclusion => ({
  right: s.right < COVERED_BELOW && s.left >= OTHER_ABOVE,
  left: s.left < COVERED_BELOW && s.right >= OTHER_ABOVE,
});
