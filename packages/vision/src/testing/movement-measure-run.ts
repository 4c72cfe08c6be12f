/**
 * Measures a movement-test animation frame by frame in this process (render → face mesh → movement
 * tracker), without writing and decoding a video: what the tests and the accuracy benchmark use, since
 * encoding and decoding 30 s of video per case would cost more than the measuring. The frames are the same
 * pixels the MP4 would hold before compression; the CLI test and the speed benchmark go through real files.
 */
import type { MovementFrame, MovementSeries } from '@hemispasm/core';
import type { Landmarker } from '../landmarks/human-setup';
import { createMovementExtractor } from '../landmarks/movement-extractor';
import { createNodeLandmarker } from '../node/human-node';
import { renderFrames } from './animated-video';
import { loadFaceRig } from './face-rig';
import { type MovementTestVideo, movementTestAnimation } from './movement-test-video';

let shared: Promise<Landmarker> | null = null;

/** The movement-test measures of every frame of `o`'s animation, as @hemispasm/core's analyzeMovement takes them. */
export async function measureMovementAnimation(
  o: MovementTestVideo,
  landmarker?: Landmarker,
): Promise<MovementSeries> {
  const anim = movementTestAnimation(o);
  const rig = await loadFaceRig({ width: anim.width ?? 640, height: anim.height ?? 360 });
  shared ??= createNodeLandmarker();
  const model = landmarker ?? (await shared);
  // Every video from its own frames only: the same video gives the same series whatever ran before it.
  const extractor = createMovementExtractor(model, anim.mirror ?? false);
  const frames: MovementFrame[] = [];
  for (const f of renderFrames(anim, rig))
    frames.push({ t: f.t, ...(await extractor.measure(f.rgb, rig.width, rig.height)) });
  return { frames, fps: anim.fps };
}
