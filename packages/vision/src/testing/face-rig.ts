/**
 * A face rig for the animator: a real face photo, the 478 landmarks the model finds on it, and a triangle
 * mesh over them — Human's own face-mesh triangulation (TRI468), plus triangles over the mouth opening
 * (TRI468 leaves it open) and a band from the face outline to a ring around the head, so that a warped face
 * blends into an unmoved background without a seam.
 */
import type { Landmark } from '../landmarks/face-signals';
import { PATIENT_LEFT_EYE, PATIENT_RIGHT_EYE } from '../landmarks/mesh-indices';
import { createNodeLandmarker, faceMeshTriangles } from '../node/human-node';
import { loadImageRgb } from './raw-video';
import { ASTRONAUT_CROP, testFacePhoto } from './test-face';

export type Point3 = [number, number, number];

export interface FaceRig {
  width: number;
  height: number;
  /** The photo, width×height×3 RGB bytes. */
  image: Uint8Array;
  /** Mesh vertices on the photo: the 478 model landmarks, then the outer ring (see OUTER_RING_START). */
  vertices: Point3[];
  /** Vertex index triples. */
  triangles: Int32Array;
  /** Inter-ocular distance on the photo (between the eye centres), pixels: the unit of every movement. */
  iod: number;
  /** Centre of the face (mean of the face outline), the pivot of head rotation and zoom. */
  centre: [number, number];
}

/** Face outline (MediaPipe FACE_OVAL), in order around the face. */
export const FACE_OVAL = [
  10, 338, 297, 332, 284, 251, 389, 356, 454, 323, 361, 288, 397, 365, 379, 378, 400, 377, 152, 148, 176, 149,
  150, 136, 172, 58, 132, 93, 234, 127, 162, 21, 54, 103, 67, 109,
] as const;

/** Inner lip contours, corner (78) to corner (308): upper and lower. TRI468 leaves the mouth open between them. */
const INNER_LIP_UPPER = [78, 191, 80, 81, 82, 13, 312, 311, 310, 415, 308] as const;
const INNER_LIP_LOWER = [78, 95, 88, 178, 87, 14, 317, 402, 318, 324, 308] as const;

/** The outer ring's vertices follow the 478 landmarks, one per face-outline point. */
export const OUTER_RING_START = 478;
/** How far out the ring lies, as a multiple of the outline's distance from the face centre. */
const RING_SCALE = 1.6;

function strip(a: readonly number[], b: readonly number[]): number[] {
  // Two polylines of equal length sharing their first and last points → triangles between them.
  const out: number[] = [];
  for (let i = 0; i + 1 < a.length; i++) {
    if (a[i] !== b[i]) out.push(a[i]!, b[i]!, a[i + 1]!);
    if (a[i + 1] !== b[i + 1]) out.push(a[i + 1]!, b[i]!, b[i + 1]!);
  }
  return out;
}

/** Builds the rig's mesh from the landmarks found on the photo. */
export function buildRig(
  image: Uint8Array,
  width: number,
  height: number,
  landmarks: ReadonlyArray<Landmark>,
): FaceRig {
  if (landmarks.length < 478) throw new Error('the rig needs the 478 landmarks of the face mesh with iris');
  const vertices: Point3[] = landmarks.slice(0, 478).map((l) => [l[0]!, l[1]!, l[2] ?? 0]);
  let cx = 0;
  let cy = 0;
  for (const i of FACE_OVAL) {
    cx += vertices[i]![0];
    cy += vertices[i]![1];
  }
  cx /= FACE_OVAL.length;
  cy /= FACE_OVAL.length;
  for (const i of FACE_OVAL) {
    const v = vertices[i]!;
    vertices.push([cx + RING_SCALE * (v[0] - cx), cy + RING_SCALE * (v[1] - cy), v[2]]);
  }
  const ring = FACE_OVAL.map((_, k) => OUTER_RING_START + k);
  const band: number[] = [];
  for (let k = 0; k < FACE_OVAL.length; k++) {
    const k2 = (k + 1) % FACE_OVAL.length;
    band.push(FACE_OVAL[k]!, ring[k]!, FACE_OVAL[k2]!, FACE_OVAL[k2]!, ring[k]!, ring[k2]!);
  }
  const triangles = Int32Array.from([
    ...faceMeshTriangles(),
    ...strip(INNER_LIP_UPPER, INNER_LIP_LOWER),
    ...band,
  ]);
  const centreOf = (idx: { outer: number; inner: number }) => [
    (vertices[idx.outer]![0] + vertices[idx.inner]![0]) / 2,
    (vertices[idx.outer]![1] + vertices[idx.inner]![1]) / 2,
  ];
  const [rx, ry] = centreOf(PATIENT_RIGHT_EYE);
  const [lx, ly] = centreOf(PATIENT_LEFT_EYE);
  return {
    width,
    height,
    image,
    vertices,
    triangles,
    iod: Math.hypot(lx! - rx!, ly! - ry!),
    centre: [cx, cy],
  };
}

export interface RigOptions {
  width?: number;
  height?: number;
  /** A face photo (any format ffmpeg reads) and the crop that frames the head; default: the astronaut photo. */
  photo?: string;
  crop?: { x: number; y: number; width: number; height: number };
}

const cache = new Map<string, Promise<FaceRig>>();

/**
 * The rig of a real face photo (default: the public-domain astronaut photo of scripts/test-faces.sh, whose
 * subject faces the camera, her right eye on the image's left), at the given frame size. The landmarks are
 * the model's own on the unmoved photo. Cached per process.
 */
export function loadFaceRig(options: RigOptions = {}): Promise<FaceRig> {
  const width = options.width ?? 640;
  const height = options.height ?? 360;
  const photo = options.photo ?? testFacePhoto();
  const crop = options.crop ?? (options.photo ? undefined : ASTRONAUT_CROP);
  const key = JSON.stringify([width, height, photo, crop]);
  let rig = cache.get(key);
  if (!rig) {
    rig = (async () => {
      const image = await loadImageRgb(photo, width, height, crop);
      const landmarks = await (await createNodeLandmarker()).detect(image, width, height);
      if (!landmarks) throw new Error(`no face found on ${photo}`);
      return buildRig(image, width, height, landmarks);
    })();
    cache.set(key, rig);
  }
  return rig;
}
