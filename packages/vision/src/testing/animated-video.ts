/**
 * Renders a face animation to frames (warp of the rig's photo, occluders, light, noise, mirror) and writes
 * it as an H.264 MP4 with its ground truth beside it (`<name>.truth.json`).
 */
import { writeFile } from 'node:fs/promises';
import { makeRng } from '@hemispasm/core';
import { type AnimationTruth, animationTruth } from './animation-truth';
import { type FaceAnimation, poseAt } from './face-animation';
import { type Expression, type HeadPose, posedVertices, STILL_HEAD } from './face-pose';
import { type FaceRig, loadFaceRig, type Point3, type RigOptions } from './face-rig';
import { warpFace } from './face-warp';
import { applyLightAndNoise, drawOccluder, gaussianTable } from './frame-effects';
import { writeVideo } from './raw-video';

export interface RenderedFrame {
  index: number;
  t: number;
  /** width×height×3 RGB; reused for the next frame (copy it to keep it). */
  rgb: Uint8Array;
  /** Where the animator put every landmark (image pixels, before mirroring): 478 points + the outer ring. */
  vertices: readonly Point3[];
}

function flip(buf: Uint8Array, w: number, h: number): void {
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w / 2; x++) {
      const a = (y * w + x) * 3;
      const b = (y * w + (w - 1 - x)) * 3;
      for (let c = 0; c < 3; c++) {
        const t = buf[a + c]!;
        buf[a + c] = buf[b + c]!;
        buf[b + c] = t;
      }
    }
}

/** The animation's frames, one at a time (one buffer, reused). */
export function* renderFrames(anim: FaceAnimation, rig: FaceRig): Generator<RenderedFrame> {
  const { width, height } = rig;
  const out = new Uint8Array(width * height * 3);
  const vertices = rig.vertices.map((p): Point3 => [p[0], p[1], p[2]]);
  const table = gaussianTable((anim.seed ?? 1) ^ 0x9e3779b9);
  const rand = makeRng(anim.seed ?? 1);
  const count = Math.round(anim.durationS * anim.fps);
  for (let i = 0; i < count; i++) {
    const t = i / anim.fps;
    const pose = poseAt(anim, t);
    posedVertices(rig, pose.expression, pose.head, vertices);
    warpFace(rig, vertices, pose.head, out);
    for (const o of pose.occluders) drawOccluder(out, width, height, vertices, o, rig.iod * pose.head.scale);
    applyLightAndNoise(out, width, pose.light, anim.noise ?? 0, table, rand);
    if (anim.mirror) flip(out, width, height);
    yield { index: i, t, rgb: out, vertices };
  }
}

/** Path of the ground truth written beside a video: `face.mp4` → `face.truth.json`. */
export function truthPath(videoFile: string): string {
  return `${videoFile.replace(/\.[^./]+$/, '')}.truth.json`;
}

/**
 * Writes the animation as an MP4 (`file`) and its ground truth as `truthPath(file)`; returns the truth.
 * The rig defaults to the astronaut photo at the animation's frame size (default 640×360).
 */
export async function writeAnimatedVideo(
  file: string,
  anim: FaceAnimation,
  rigOptions: RigOptions = {},
): Promise<AnimationTruth> {
  const rig = await loadFaceRig({ width: anim.width ?? 640, height: anim.height ?? 360, ...rigOptions });
  const frames = (function* () {
    for (const f of renderFrames(anim, rig)) yield f.rgb;
  })();
  await writeVideo(file, { width: rig.width, height: rig.height, fps: anim.fps }, frames);
  const truth = animationTruth({ ...anim, width: rig.width, height: rig.height });
  await writeFile(truthPath(file), `${JSON.stringify(truth, null, 2)}\n`);
  return truth;
}

/** One frame of the rig's photo in a given expression and head pose (a new buffer), and where the landmarks went. */
export function renderStill(
  rig: FaceRig,
  expression: Expression,
  head: HeadPose = STILL_HEAD,
): { rgb: Uint8Array; vertices: Point3[] } {
  const vertices = posedVertices(rig, expression, head);
  const rgb = new Uint8Array(rig.width * rig.height * 3);
  warpFace(rig, vertices, head, rgb);
  return { rgb, vertices };
}
