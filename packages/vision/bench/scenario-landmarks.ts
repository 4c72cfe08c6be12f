/**
 * One scenario of the detection bench, in its own process (two run at once, one per core): renders its
 * video with the face animator if it is not cached, then runs the landmark model and the mouth-corner
 * tracker and the eye-occlusion check on every decoded frame, as the pipeline's workers do, and caches them
 * (landmark-cache.ts).
 * Caching landmarks rather than signals lets the signal and event code change without re-running the model.
 * Usage: node --import tsx bench/scenario-landmarks.ts <dir> <seed> <variants> <seconds> <scenario name>
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createNodeLandmarker,
  decodeFrames,
  type Landmark,
  MOUTH_CORNER_LEFT,
  MOUTH_CORNER_RIGHT,
  probeVideo,
} from '../src/index';
import { EyeOcclusionDetector } from '../src/landmarks/eye-occlusion';
import { MouthCornerTracker } from '../src/landmarks/mouth-corner-tracker';
import { truthPath, writeAnimatedVideo } from '../src/testing/index';
import { cornersPath, LANDMARK_COUNT, landmarksPath, occlusionPath } from './landmark-cache';
import { benchScenarios } from './scenarios';

const [dir, seed, variants, seconds, name] = process.argv.slice(2);
const scenario = benchScenarios(Number(seed), Number(variants), Number(seconds)).find((s) => s.name === name);
if (!scenario) throw new Error(`no scenario ${name}`);
const video = join(dir!, `${name}.mp4`);
if (!existsSync(video) || !existsSync(truthPath(video))) {
  const tmp = join(dir!, `${name}.tmp.mp4`);
  const truth = await writeAnimatedVideo(tmp, scenario.animation);
  renameSync(truthPath(tmp), truthPath(video));
  renameSync(tmp, video);
  void truth;
}
const lmFile = landmarksPath(video);
const cornerFile = cornersPath(video);
const occFile = occlusionPath(video);
if (!existsSync(lmFile) || !existsSync(cornerFile) || !existsSync(occFile)) {
  const info = await probeVideo(video);
  const cached = existsSync(lmFile) ? readFileSync(lmFile) : null;
  const landmarker = cached ? null : await createNodeLandmarker();
  const per = LANDMARK_COUNT * 3;
  const data = cached
    ? new Float32Array(cached.buffer, cached.byteOffset, cached.byteLength / 4)
    : new Float32Array(info.frameCount * per).fill(Number.NaN);
  const corners = new Float32Array(info.frameCount * 4).fill(Number.NaN);
  const tracker = new MouthCornerTracker();
  const occlusion = new EyeOcclusionDetector();
  const occScores = new Float32Array(info.frameCount * 2).fill(Number.NaN);
  let frames = 0;
  for await (const { index, rgb } of decodeFrames(video, info)) {
    if (index >= info.frameCount) break;
    let points: ReadonlyArray<Landmark> | null;
    if (landmarker) {
      points = await landmarker.detect(rgb, info.width, info.height);
      if (points)
        for (let i = 0; i < LANDMARK_COUNT; i++)
          for (let c = 0; c < 3; c++) data[(index * LANDMARK_COUNT + i) * 3 + c] = points[i]![c] ?? 0;
    } else {
      const o = index * per;
      points = Number.isNaN(data[o]!)
        ? null
        : Array.from({ length: LANDMARK_COUNT }, (_, i) => [
            data[o + i * 3]!,
            data[o + i * 3 + 1]!,
            data[o + i * 3 + 2]!,
          ]);
    }
    const s = occlusion.measure(rgb, info.width, info.height, points);
    occScores.set([s.right, s.left], index * 2);
    const refined = tracker.refine(rgb, info.width, info.height, points);
    if (refined) {
      corners.set(
        [...refined[MOUTH_CORNER_RIGHT]!.slice(0, 2), ...refined[MOUTH_CORNER_LEFT]!.slice(0, 2)],
        index * 4,
      );
    }
    frames = index + 1;
  }
  if (landmarker) {
    writeFileSync(`${lmFile}.tmp`, new Uint8Array(data.buffer, 0, frames * per * 4));
    renameSync(`${lmFile}.tmp`, lmFile);
  }
  writeFileSync(`${cornerFile}.tmp`, new Uint8Array(corners.buffer, 0, frames * 4 * 4));
  renameSync(`${cornerFile}.tmp`, cornerFile);
  writeFileSync(`${occFile}.tmp`, new Uint8Array(occScores.buffer, 0, frames * 2 * 4));
  renameSync(`${occFile}.tmp`, occFile);
}
process.exit(0);
