/**
 * Worker-thread entry: decodes one segment of a video, finds the landmarks (for the facial signals, mouth
 * corners re-found on the skin's texture, mouth-corner-tracker.ts) and computes the facial signals (or the
 * movement-test measures) of each frame, and posts them back in batches (in frame order). One model
 * instance per thread, so two threads use the machine's two cores.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { InputError, type MovementFrame, type SignalFrame } from '@hemispasm/core';
import { EyeOcclusionDetector } from '../landmarks/eye-occlusion';
import { signalsFromLandmarks } from '../landmarks/face-signals';
import { MouthCornerTracker } from '../landmarks/mouth-corner-tracker';
import { createMovementExtractor } from '../landmarks/movement-extractor';
import { decodeFrames } from './decode';
import { createNodeLandmarker } from './human-node';
import type { VideoInfo } from './probe';

export interface SegmentJob {
  path: string;
  info: VideoInfo;
  startFrame: number;
  /** Undefined: to the end of the video. */
  frameCount: number | undefined;
  mirrored: boolean;
  /** What to measure per frame: the spasm signals (default) or the movement-test measures. */
  measure?: 'signals' | 'movement';
}

export type SegmentMessage =
  | { type: 'frames'; frames: Array<SignalFrame | MovementFrame> }
  | { type: 'done'; decoded: number }
  | { type: 'error'; message: string; input: boolean };

const BATCH = 30;

async function run(job: SegmentJob): Promise<void> {
  const port = parentPort!;
  const landmarker = await createNodeLandmarker();
  let batch: Array<SignalFrame | MovementFrame> = [];
  const mirrored = job.mirrored;
  const { width, height } = job.info;
  /** One frame's measures: the spasm signals (default) or the movement test's. */
  type Measure = (rgb: Uint8Array) => Promise<object>;
  const corners = new MouthCornerTracker();
  const occlusion = new EyeOcclusionDetector();
  let measure: Measure = async (rgb) => {
    const landmarks = await landmarker.detect(rgb, width, height);
    return signalsFromLandmarks(corners.refine(rgb, width, height, landmarks), {
      mirrored,
      occlusion: occlusion.check(rgb, width, height, landmarks),
    });
  };
  if (job.measure !== 'movement' && job.startFrame > 0) {
    // The eye-occlusion check compares with the video's first face frame, the same for every segment: a
    // segment that starts while a hand covers an eye must not take the hand as the eye's reference.
    for await (const { rgb } of decodeFrames(job.path, job.info, { startFrame: 0, frameCount: 60 })) {
      occlusion.check(rgb, width, height, await landmarker.detect(rgb, width, height));
      if (occlusion.hasReference) break;
    }
  }
  if (job.measure === 'movement') {
    // Movement is measured against one reference frame at rest: the video's first frame with a face, the
    // same for every segment (each worker finds it), so segments join without a step.
    // (createMovementExtractor: the reference frame measured from a settled face box.)
    const extractor = createMovementExtractor(landmarker, mirrored);
    for await (const { rgb } of decodeFrames(job.path, job.info, { startFrame: 0, frameCount: 60 })) {
      await extractor.measure(rgb, width, height);
      if (extractor.hasReference) break;
    }
    measure = (rgb) => extractor.measure(rgb, width, height);
  }
  let decoded = 0;
  for await (const { index, rgb } of decodeFrames(job.path, job.info, {
    startFrame: job.startFrame,
    frameCount: job.frameCount,
  })) {
    batch.push({ t: index / job.info.fps, ...(await measure(rgb)) } as SignalFrame | MovementFrame);
    decoded++;
    if (batch.length >= BATCH) {
      port.postMessage({ type: 'frames', frames: batch } satisfies SegmentMessage);
      batch = [];
    }
  }
  if (batch.length) port.postMessage({ type: 'frames', frames: batch } satisfies SegmentMessage);
  port.postMessage({ type: 'done', decoded } satisfies SegmentMessage);
}

run(workerData as SegmentJob).catch((e: unknown) => {
  parentPort!.postMessage({
    type: 'error',
    message: e instanceof InputError ? e.issues.map((i) => `${i.path}: ${i.message}`).join('; ') : String(e),
    input: e instanceof InputError,
  } satisfies SegmentMessage);
});
