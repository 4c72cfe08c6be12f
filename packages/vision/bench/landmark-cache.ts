/**
 * The detection bench's caches, beside each video: the model's landmarks (`<name>.landmarks.f32`: frames × 478
 * points × x, y, z float32, NaN where no face was found) and the mouth corners re-found on the skin
 * (`<name>.corners-v1.f32`: frames × right x, y, left x, y; bump the version when the tracker changes). The
 * signal and event code runs on them, so it can change without running the model again. The eye-occlusion
 * check's scores (`<name>.occlusion-v4.f32`) are cached the same way.
 */
import { readFileSync } from 'node:fs';
import { type Landmark, MOUTH_CORNER_LEFT, MOUTH_CORNER_RIGHT } from '../src/index';

export const LANDMARK_COUNT = 478;

export const landmarksPath = (video: string) => video.replace(/\.mp4$/, '.landmarks.f32');
export const cornersPath = (video: string) => video.replace(/\.mp4$/, '.corners-v1.f32');
/** Per frame the eye-occlusion check's mean scores (model's right eye, left eye; eye-occlusion.ts). */
export const occlusionPath = (video: string) => video.replace(/\.mp4$/, '.occlusion-v4.f32');

export function floats(file: string): Float32Array {
  const buf = readFileSync(file);
  return new Float32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4);
}

/** The cached landmarks of a video, one entry per frame (null: no face), with the tracked mouth corners. */
export function readLandmarks(video: string): Array<Landmark[] | null> {
  const data = floats(landmarksPath(video));
  const corners = floats(cornersPath(video));
  const per = LANDMARK_COUNT * 3;
  const out: Array<Landmark[] | null> = [];
  for (let f = 0; f * per < data.length; f++) {
    if (Number.isNaN(data[f * per]!)) {
      out.push(null);
      continue;
    }
    const points: Landmark[] = [];
    for (let i = 0; i < LANDMARK_COUNT; i++) {
      const o = f * per + i * 3;
      points.push([data[o]!, data[o + 1]!, data[o + 2]!]);
    }
    const c = f * 4;
    if (!Number.isNaN(corners[c]!)) {
      points[MOUTH_CORNER_RIGHT] = [corners[c]!, corners[c + 1]!, points[MOUTH_CORNER_RIGHT]![2]!];
      points[MOUTH_CORNER_LEFT] = [corners[c + 2]!, corners[c + 3]!, points[MOUTH_CORNER_LEFT]![2]!];
    }
    out.push(points);
  }
  return out;
}
