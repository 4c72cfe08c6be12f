/**
 * Worker-thread entry: decodes one segment of a video, finds the landmarks (mouth corners re-found on the
 * skin's texture, mouth-corner-tracker.ts) and computes the facial signals of each frame, and posts them back in batches (in frame order). One model instance per thread, so two
 * threads use the machine's two cores.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { InputError, type SignalFrame } from '@hemispasm/core';
import { signalsFromLandmarks } from '../landmarks/face-signals';
import { MouthCornerTracker } from '../landmarks/mouth-corner-tracker';
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
}

export type SegmentMessage =
  | { type: 'frames'; frames: SignalFrame[] }
  | { type: 'done'; decoded: number }
  | { type: 'error'; message: string; input: boolean };

const BATCH = 30;

async function run(job: SegmentJob): Promise<void> {
  const port = parentPort!;
  const landmarker = await createNodeLandmarker();
  const corners = new MouthCornerTracker();
  let batch: SignalFrame[] = [];
  let decoded = 0;
  for await (const { index, rgb } of decodeFrames(job.path, job.info, {
    startFrame: job.startFrame,
    frameCount: job.frameCount,
  })) {
    const landmarks = corners.refine(
      rgb,
      job.info.width,
      job.info.height,
      await landmarker.detect(rgb, job.info.width, job.info.height),
    );
    batch.push({ t: index / job.info.fps, ...signalsFromLandmarks(landmarks, { mirrored: job.mirrored }) });
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
