/**
 * The face animator moves the photo's real pixels so that the landmark model finds the face where the
 * animator says it put it: for each movement, the landmarks the model finds on a warped frame moved by the
 * amount asked (±15 %): the photo's own texture is found where the animator put each landmark, the model
 * finds the head's shift, roll and zoom and the mouth's opening as asked, and sees each expression on the
 * side asked; a blink has a blink's shape; a rendered video's ground truth sits beside it.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeLandmarker, type Landmark, type Landmarker, probeVideo } from '../src/index';
import {
  type AnimationTruth,
  type Expression,
  type FaceRig,
  type HeadPose,
  loadFaceRig,
  type PatientSide,
  poseAt,
  REST,
  REST_SIDE,
  renderStill,
  type SideExpression,
  STILL_HEAD,
  truthPath,
  writeAnimatedVideo,
} from '../src/testing/index';

let rig: FaceRig;
let landmarker: Landmarker;
let rest: Landmark[];
const dir = mkdtempSync(join(tmpdir(), 'hemispasm-animator-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  rig = await loadFaceRig();
  landmarker = await createNodeLandmarker();
  rest = (await landmarker.detect(rig.image, rig.width, rig.height))!;
}, 120_000);

type V2 = [number, number];
const meanOf = (pts: ReadonlyArray<readonly number[]>, idx: readonly number[]): V2 => {
  let x = 0;
  let y = 0;
  for (const i of idx) {
    x += pts[i]![0]!;
    y += pts[i]![1]!;
  }
  return [x / idx.length, y / idx.length];
};
const sub = (a: V2, b: V2): V2 => [a[0] - b[0], a[1] - b[1]];
const norm = (a: V2) => Math.hypot(a[0], a[1]);

function expression(
  side: PatientSide,
  part: Partial<SideExpression>,
  extra: Partial<Expression> = {},
): Expression {
  return { ...REST, [side]: { ...REST_SIDE, ...part }, ...extra };
}

/** Landmarks found on the frame, and the asked vs measured mean displacement of a group of points. */
async function moved(expr: Expression, group: readonly number[], head: HeadPose = STILL_HEAD) {
  const { rgb, vertices } = renderStill(rig, expr, head);
  // Twice: the model's face box follows the previous frame's mesh, as in a video where the head moves
  // gradually; the second pass sees the frame through a box that fits it.
  await landmarker.detect(rgb, rig.width, rig.height);
  const found = (await landmarker.detect(rgb, rig.width, rig.height))!;
  expect(found).not.toBeNull();
  const asked = sub(meanOf(vertices, group), meanOf(rig.vertices, group));
  const measured = sub(meanOf(found, group), meanOf(rest, group));
  return { asked, measured, found, vertices, rgb };
}

/**
 * Where the photo's texture around a point went: the shift (±20 px, sub-pixel) that best matches an
 * 11×11 patch of the photo around `at` in the frame (sum of squared differences, parabola refinement).
 */
function textureShift(frame: Uint8Array, at: V2): V2 {
  const { width: w, image } = rig;
  const R = 5;
  const cost = (dx: number, dy: number) => {
    let s = 0;
    for (let y = -R; y <= R; y++)
      for (let x = -R; x <= R; x++) {
        const a = ((Math.round(at[1]) + y) * w + Math.round(at[0]) + x) * 3;
        const b = ((Math.round(at[1]) + y + dy) * w + Math.round(at[0]) + x + dx) * 3;
        for (let c = 0; c < 3; c++) s += (image[a + c]! - frame[b + c]!) ** 2;
      }
    return s;
  };
  let best: V2 = [0, 0];
  let bestCost = Number.POSITIVE_INFINITY;
  for (let dy = -20; dy <= 20; dy++)
    for (let dx = -20; dx <= 20; dx++) {
      const c = cost(dx, dy);
      if (c < bestCost) {
        bestCost = c;
        best = [dx, dy];
      }
    }
  const refine = (m: number, z: number, p: number) =>
    m + p - 2 * z <= 0 ? 0 : (m - p) / (2 * (m + p - 2 * z));
  return [
    best[0] + refine(cost(best[0] - 1, best[1]), bestCost, cost(best[0] + 1, best[1])),
    best[1] + refine(cost(best[0], best[1] - 1), bestCost, cost(best[0], best[1] + 1)),
  ];
}

/** Within ±15 % of the asked displacement (as a vector: |measured − asked| ≤ 0.15 |asked|), or 0.75 px for small ones. */
function expectAsAsked(asked: V2, measured: V2) {
  expect(norm(sub(measured, asked))).toBeLessThanOrEqual(Math.max(0.75, 0.15 * norm(asked)));
}

const RIGHT_BROW = [70, 63, 105, 66, 107];
const LEFT_BROW = [300, 293, 334, 296, 336];

/**
 * Each movement at full amplitude on one side: the points that move most, the other side's twins, whether
 * its texture can be tracked by patch matching (not at a lid margin, where half the patch is an eye that
 * disappears, nor on pursed lips, compressed to half), and the least share of it the model sees (measured:
 * the face-mesh model follows local expressions only in part — its face-shape prior — and hardly the cheek).
 */
const MOVEMENTS: Array<{
  name: string;
  expr: Expression;
  points: number[];
  twins: number[];
  texture: boolean;
  minGain: number;
}> = [
  {
    name: 'mouth corner up and out (right)',
    expr: expression('right', { mouthCorner: 1 }),
    points: [61],
    twins: [291],
    texture: true,
    minGain: 0.2,
  },
  {
    name: 'mouth corner up and out (left)',
    expr: expression('left', { mouthCorner: 1 }),
    points: [291],
    twins: [61],
    texture: true,
    minGain: 0.2,
  },
  {
    name: 'brow raise (right)',
    expr: expression('right', { brow: 1 }),
    points: RIGHT_BROW,
    twins: LEFT_BROW,
    texture: true,
    minGain: 0.5,
  },
  // The model does not follow the cheek's smooth skin at all (gain 0.00): checked on the texture only.
  {
    name: 'cheek rise (left)',
    expr: expression('left', { cheek: 1 }),
    points: [280, 425, 346],
    twins: [50, 205, 117],
    texture: true,
    minGain: 0,
  },
  {
    name: 'lower-lid rise (right)',
    expr: expression('right', { lowerLid: 1 }),
    points: [145, 144, 153],
    twins: [374, 373, 380],
    texture: false,
    minGain: 0.3,
  },
  {
    name: 'upper lid half down (right)',
    expr: expression('right', { eyeClosure: 0.5 }),
    points: [159, 160, 158],
    twins: [386, 387, 385],
    texture: false,
    minGain: 0.5,
  },
  {
    name: 'lip pucker (right half)',
    expr: expression('right', { pucker: 1 }),
    points: [61],
    twins: [291],
    texture: false,
    minGain: 0.2,
  },
];

describe('face animator: the warp moves the photo by the amount asked (±15 %)', { timeout: 120_000 }, () => {
  it.each(MOVEMENTS.filter((m) => m.texture))(
    '$name: the skin at each moved landmark is found where the animator put it',
    async ({ expr, points }) => {
      const { rgb, vertices } = renderStill(rig, expr);
      for (const i of points) {
        const asked = sub([vertices[i]![0], vertices[i]![1]], [rig.vertices[i]![0], rig.vertices[i]![1]]);
        if (norm(asked) < 2) continue;
        expectAsAsked(asked, textureShift(rgb, [rig.vertices[i]![0], rig.vertices[i]![1]]));
      }
    },
  );

  it('head shift and zoom move the texture as asked (a rolled patch no longer matches pixel for pixel)', async () => {
    for (const head of [
      { ...STILL_HEAD, dx: 12, dy: -8 },
      { ...STILL_HEAD, scale: 1.1 },
    ]) {
      const { rgb, vertices } = renderStill(rig, REST, head);
      for (const i of [33, 263, 1, 61, 291, 10]) {
        const asked = sub([vertices[i]![0], vertices[i]![1]], [rig.vertices[i]![0], rig.vertices[i]![1]]);
        if (norm(asked) > 19) continue; // beyond the search window
        expectAsAsked(asked, textureShift(rgb, [rig.vertices[i]![0], rig.vertices[i]![1]]));
      }
    }
  });
});

/** Similarity transform (rotation in degrees, scale, shift) that best maps `a` onto `b` (least squares). */
function similarity(a: ReadonlyArray<readonly number[]>, b: ReadonlyArray<readonly number[]>, n = 468) {
  const ca = meanOf(a, [...Array(n).keys()]);
  const cb = meanOf(b, [...Array(n).keys()]);
  let sxx = 0;
  let sxy = 0;
  let saa = 0;
  for (let i = 0; i < n; i++) {
    const ax = a[i]![0]! - ca[0];
    const ay = a[i]![1]! - ca[1];
    const bx = b[i]![0]! - cb[0];
    const by = b[i]![1]! - cb[1];
    sxx += ax * bx + ay * by;
    sxy += ax * by - ay * bx;
    saa += ax * ax + ay * ay;
  }
  return {
    rollDeg: (Math.atan2(sxy, sxx) * 180) / Math.PI,
    scale: Math.hypot(sxx, sxy) / saa,
    shift: sub(cb, ca),
  };
}

describe('face animator: the landmark model sees the movements', { timeout: 120_000 }, () => {
  it('finds the head where it was moved: shift and mouth opening within ±15 %; zoom and a ±15° roll at least in part', async () => {
    const fit = async (head: HeadPose) => similarity(rest, (await moved(REST, [0], head)).found);
    const shifted = await fit({ ...STILL_HEAD, dx: 25, dy: -12 });
    expectAsAsked([25, -12], shifted.shift);
    // Measured: the mesh under-reads a zoom (≈ 0.78 of it) and, with the detector's crop rotation off as in
    // production, a roll (≈ 0.75); the texture test above shows the frame itself is moved as asked.
    const zoomed = await fit({ ...STILL_HEAD, scale: 1.1, dy: -20 });
    console.log(`zoom 1.1: the model sees ${zoomed.scale.toFixed(3)}`);
    expect((zoomed.scale - 1) / 0.1).toBeGreaterThan(0.6);
    expect((zoomed.scale - 1) / 0.1).toBeLessThan(1.15);
    for (const roll of [15, -15]) {
      const r = await fit({ ...STILL_HEAD, roll });
      console.log(`roll ${roll}°: the model sees ${r.rollDeg.toFixed(1)}°`);
      expect(r.rollDeg / roll).toBeGreaterThan(0.6);
      expect(r.rollDeg / roll).toBeLessThan(1.15);
    }
    const open = await moved({ ...REST, mouthOpen: 1 }, [14, 17]);
    console.log(
      `mouth open: asked ${norm(open.asked).toFixed(1)} px, the model sees ${norm(open.measured).toFixed(1)} px`,
    );
    expectAsAsked(open.asked, open.measured);
  });

  it.each(MOVEMENTS.filter((m) => m.minGain > 0))(
    '$name: the landmarks move the asked way, more on the asked side',
    async ({ name, expr, points, twins, minGain }) => {
      const r = await moved(expr, points);
      const other = sub(meanOf(r.found, twins), meanOf(rest, twins));
      // The model follows local expression movements only in part (its face-shape prior): it must see the
      // movement's direction on the right side, and far less on the other side.
      const along = (r.measured[0] * r.asked[0] + r.measured[1] * r.asked[1]) / norm(r.asked);
      console.log(
        `${name}: the model sees ${(along / norm(r.asked)).toFixed(2)} of it; the other side moved ${norm(other).toFixed(1)} px`,
      );
      expect(along).toBeGreaterThan(minGain * norm(r.asked));
      // Landmarks are whole pixels and the model's box tracking adds ±1 px between runs.
      expect(norm(other)).toBeLessThan(Math.max(3, along));
    },
  );

  it('sees one eye close, and the other stay open', async () => {
    const gap = (p: ReadonlyArray<readonly number[]>, u: number, l: number) => p[l]![1]! - p[u]![1]!;
    const seen: number[] = [];
    for (const c of [0, 0.5, 1]) {
      const { found, vertices } = await moved(expression('right', { eyeClosure: c }), [159]);
      // The animator's own lid gap shrinks by exactly the fraction asked.
      expect(gap(vertices, 159, 145) / gap(rig.vertices, 159, 145)).toBeCloseTo(1 - c, 2);
      seen.push(gap(found, 159, 145) / gap(rest, 159, 145));
      expect(gap(found, 386, 374) / gap(rest, 386, 374)).toBeGreaterThan(0.85);
    }
    expect(seen[1]!).toBeLessThan(seen[0]! - 0.15);
    expect(seen[2]!).toBeLessThan(seen[1]! - 0.15);
  });
});

describe('face animator: animation, profiles and ground truth', () => {
  it('a blink lasts as long as asked, closes fast and opens slower', () => {
    const anim = {
      durationS: 2,
      fps: 1000,
      actions: [{ kind: 'blink' as const, startS: 0.5, durationS: 0.3 }],
    };
    const closed = (t: number) => poseAt(anim, t).expression.right.eyeClosure;
    expect(closed(0.49)).toBe(0);
    expect(closed(0.5 + 0.09)).toBeCloseTo(1, 2);
    expect(closed(0.81)).toBe(0);
    // Half-closed on the way down at ~45 ms, on the way up only at ~230 ms.
    const downHalf = [...Array(300).keys()].find((ms) => closed(0.5 + ms / 1000) >= 0.5)!;
    const upHalf = [...Array(300).keys()].reverse().find((ms) => closed(0.5 + ms / 1000) >= 0.5)!;
    expect(downHalf).toBeLessThan(60);
    expect(300 - upHalf).toBeGreaterThanOrEqual(1.5 * downHalf);
  });

  it('writes a video and its ground truth beside it', async () => {
    const file = join(dir, 'clip.mp4');
    const truth = await writeAnimatedVideo(file, {
      durationS: 2,
      fps: 15,
      noise: 3,
      seed: 5,
      actions: [
        { kind: 'spasm', side: 'left', form: 'clonic', startS: 0.3, durationS: 0.3, eye: 0.9, mouth: 0.6 },
        {
          kind: 'spasm',
          side: 'left',
          form: 'tonic',
          startS: 1.0,
          durationS: 0.8,
          eye: 0.1,
          cheek: 0.8,
          mouth: 1,
        },
        { kind: 'blink', startS: 0.7, durationS: 0.2 },
        { kind: 'occlusion', occluder: 'hand', side: 'right', startS: 1.2, durationS: 0.5 },
      ],
      light: [
        { t: 0, gain: 1 },
        { t: 2, gain: 0.7, gradient: 0.3 },
      ],
      head: [{ t: 0 }, { t: 2, roll: 10, yaw: -8, dx: 10 }],
    });
    expect(existsSync(file)).toBe(true);
    expect((await probeVideo(file)).frameCount).toBe(30);
    const written = JSON.parse(readFileSync(truthPath(file), 'utf8')) as AnimationTruth;
    expect(written).toEqual(truth);
    expect(truth.side).toBe('left');
    expect(truth.events.map((e) => [e.kind, e.side, e.form ?? '', e.regions.join('+')])).toEqual([
      ['spasm', 'left', 'clonic', 'eye+mouth'],
      ['blink', 'both', '', 'eye'],
      ['spasm', 'left', 'lower_face', 'cheek+mouth'],
      ['occlusion', 'right', '', 'eye'],
    ]);
  }, 120_000);
});
