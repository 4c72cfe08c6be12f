/**
 * Browser Web Worker (module worker): the same face-mesh landmarks and facial signals as the Node pipeline,
 * on frames the page sends as ImageBitmaps. No network beyond the page's own origin: the model files and
 * wasm binaries are served by the app (see browserAssets() and packages/vision/README.md for the protocol).
 */
import type { MovementFrame } from '@hemispasm/core';
import { Human } from '@vladmandic/human';
import { EyeOcclusionDetector } from '../landmarks/eye-occlusion';
import { signalsFromLandmarks } from '../landmarks/face-signals';
import { humanConfig, type Landmarker, landmarkerFromHuman } from '../landmarks/human-setup';
import { PATIENT_LEFT_EYE, PATIENT_RIGHT_EYE } from '../landmarks/mesh-indices';
import { MouthCornerTracker } from '../landmarks/mouth-corner-tracker';
import { createMovementTracker } from '../landmarks/movement-tracker';
import type { FromLandmarkWorker, Point, ToLandmarkWorker } from './protocol';

/** Frames wider than this are scaled down first, as in Node (same model input size, same speed). */
const MAX_WIDTH = 640;

interface WorkerScope {
  postMessage(message: FromLandmarkWorker): void;
  onmessage: ((ev: MessageEvent<ToLandmarkWorker>) => void) | null;
}
const scope = self as unknown as WorkerScope;

let landmarker: Landmarker | null = null;
/** Mouth corners re-found on the skin's texture (as in Node); one per worker, i.e. per camera session. */
let corners = new MouthCornerTracker();
/** Eyes covered by a hand or glasses frame (as in Node); reference: the session's first face frame. */
let occlusion = new EyeOcclusionDetector();
let canvas: OffscreenCanvas | null = null;
let rgb = new Uint8Array(0);
const movementTracker = createMovementTracker();

async function init(assetBaseUrl: string): Promise<void> {
  const base = assetBaseUrl.endsWith('/') ? assetBaseUrl : `${assetBaseUrl}/`;
  const human = new Human(humanConfig({ modelBasePath: `${base}models/`, wasmPath: `${base}wasm/` }));
  await human.load();
  landmarker = landmarkerFromHuman(human);
  corners = new MouthCornerTracker();
  occlusion = new EyeOcclusionDetector();
}

/** Draws the bitmap (scaled to ≤ 640 px wide) and returns its RGB bytes and the scale applied. */
function pixels(image: ImageBitmap): { width: number; height: number; scale: number } {
  const scale = Math.min(1, MAX_WIDTH / image.width);
  const width = Math.max(2, Math.round(image.width * scale));
  const height = Math.max(2, Math.round(image.height * scale));
  if (!canvas || canvas.width !== width || canvas.height !== height)
    canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.drawImage(image, 0, 0, width, height);
  const rgba = ctx.getImageData(0, 0, width, height).data;
  if (rgb.length !== width * height * 3) rgb = new Uint8Array(width * height * 3);
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
    rgb[j] = rgba[i]!;
    rgb[j + 1] = rgba[i + 1]!;
    rgb[j + 2] = rgba[i + 2]!;
  }
  return { width, height, scale };
}

async function frame(msg: Extract<ToLandmarkWorker, { type: 'frame' }>): Promise<void> {
  if (!landmarker) throw new Error('landmark worker: send { type: "init" } first');
  let size: { width: number; height: number; scale: number };
  try {
    size = pixels(msg.image);
  } finally {
    msg.image.close();
  }
  const raw = await landmarker.detect(rgb, size.width, size.height);
  const landmarks = corners.refine(rgb, size.width, size.height, raw);
  const signals = signalsFromLandmarks(landmarks, {
    mirrored: msg.mirrored,
    occlusion: occlusion.check(rgb, size.width, size.height, raw),
  });
  let overlay: { leftEye: Point[]; rightEye: Point[] } | undefined;
  if (landmarks) {
    const contour = (idx: readonly number[]): Point[] =>
      idx.map((i) => [landmarks[i]![0]! / size.scale, landmarks[i]![1]! / size.scale]);
    // On a mirrored image the model's "right eye" points are the patient's left eye.
    const imageLeft = contour(PATIENT_RIGHT_EYE.contour);
    const imageRight = contour(PATIENT_LEFT_EYE.contour);
    overlay = msg.mirrored
      ? { leftEye: imageLeft, rightEye: imageRight }
      : { leftEye: imageRight, rightEye: imageLeft };
  }
  let movement: MovementFrame | undefined;
  if (msg.movement) {
    if (msg.movement === 'start') movementTracker.reset();
    const image = { rgb, width: size.width, height: size.height };
    // The movement tracker follows its regions on the pixels itself: it takes the model's own landmarks (as in Node).
    movement = { t: msg.t, ...movementTracker.measure(raw, image, { mirrored: msg.mirrored }) };
  }
  scope.postMessage({ type: 'signal', frame: { t: msg.t, ...signals }, overlay, movement });
}

// One message at a time, in order: a frame never overtakes init or an earlier frame.
let queue: Promise<void> = Promise.resolve();
scope.onmessage = (ev) => {
  const msg = ev.data;
  queue = queue.then(async () => {
    try {
      if (msg.type === 'init') {
        await init(msg.assetBaseUrl);
        scope.postMessage({ type: 'ready' });
      } else if (msg.type === 'frame') await frame(msg);
      else
        scope.postMessage({
          type: 'error',
          message: `unknown message type: ${(msg as { type?: unknown }).type}`,
        });
    } catch (e) {
      if (msg.type === 'frame') msg.image.close?.();
      scope.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  });
};
