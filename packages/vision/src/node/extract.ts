import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  InputError,
  type MovementFrame,
  type MovementSeries,
  type SignalFrame,
  type SignalSeries,
} from '@hemispasm/core';
import { probeVideo, type VideoInfo } from './probe';
import type { SegmentJob, SegmentMessage } from './segment-worker';

export interface ExtractOptions {
  /** Called as frames finish: frames done so far, and the expected total. */
  onProgress?: (done: number, total: number) => void;
  /** Worker threads (each with its own model); default: one per core, at most 2, 1 for short videos. */
  workers?: number;
  /** True when the video is mirrored (a selfie recording); default false (a normal camera file). */
  mirrored?: boolean;
  /** Largest decoded width in pixels; default 640. */
  maxWidth?: number;
}

/** A segment shorter than this is not worth a second model load (~0.5 s). */
const MIN_FRAMES_PER_WORKER = 90;

const workerUrl = new URL('./segment-worker-boot.mjs', import.meta.url);

function runSegment<F>(
  job: SegmentJob,
  onFrames: (frames: F[]) => void,
  running: Set<Worker>,
): Promise<void> {
  return new Promise((resolve, reject) => {
    // The .mjs entry registers tsx inside the worker, then loads the TypeScript worker.
    const worker = new Worker(workerUrl, { workerData: job });
    running.add(worker);
    let settled = false;
    const finish = (err?: Error) => {
      if (settled) return;
      settled = true;
      running.delete(worker);
      void worker.terminate();
      if (err) reject(err);
      else resolve();
    };
    worker.on('message', (m: SegmentMessage) => {
      if (m.type === 'frames') onFrames(m.frames as F[]);
      else if (m.type === 'done') finish();
      else
        finish(
          m.input
            ? new InputError([{ path: job.path, message: m.message.replace(`${job.path}: `, '') }])
            : new Error(m.message),
        );
    });
    worker.on('error', (e) => finish(e));
    worker.on('exit', (code) =>
      finish(code === 0 ? undefined : new Error(`vision worker exited with code ${code}`)),
    );
  });
}

/** Splits frames [0, total) into `n` contiguous segments. */
export function splitFrames(total: number, n: number): Array<{ startFrame: number; frameCount: number }> {
  const out: Array<{ startFrame: number; frameCount: number }> = [];
  for (let i = 0; i < n; i++) {
    const a = Math.round((i * total) / n);
    const b = Math.round(((i + 1) * total) / n);
    if (b > a) out.push({ startFrame: a, frameCount: b - a });
  }
  return out;
}

/**
 * Video file → facial-signal series (one frame per decoded frame, t = index / fps), using worker threads
 * over consecutive segments of the video and merging them in time order. Throws InputError when the file
 * is not a video or no face is found in any frame.
 */
export async function extractSignalsFromVideo(
  path: string,
  options: ExtractOptions = {},
): Promise<SignalSeries> {
  return extractFrames<SignalFrame>(path, 'signals', (f) => f.eyeL !== null, options);
}

/**
 * Video file → movement-test landmark measures (brow, eyelids, mouth corners per patient side; see
 * landmarks/movement-measures.ts), on the same workers; for @hemispasm/core's analyzeMovement.
 */
export async function extractMovementFromVideo(
  path: string,
  options: ExtractOptions = {},
): Promise<MovementSeries> {
  return extractFrames<MovementFrame>(path, 'movement', (f) => f.iod !== null, options);
}

async function extractFrames<F extends { t: number }>(
  path: string,
  measure: NonNullable<SegmentJob['measure']>,
  hasFace: (f: F) => boolean,
  options: ExtractOptions,
): Promise<{ frames: F[]; fps: number }> {
  const info: VideoInfo = await probeVideo(path, options.maxWidth);
  const cores = Math.max(1, Math.min(2, availableParallelism()));
  const wanted = options.workers ?? cores;
  if (!Number.isInteger(wanted) || wanted < 1)
    throw new InputError([{ path: 'workers', message: 'expected a whole number ≥ 1' }]);
  const n = Math.max(1, Math.min(wanted, Math.floor(info.frameCount / MIN_FRAMES_PER_WORKER)));
  // The last segment reads to the end, so a frame count that was off by one in the probe is not lost.
  const segments: SegmentJob[] = splitFrames(info.frameCount, n).map((s, i, all) => ({
    path,
    info,
    mirrored: options.mirrored ?? false,
    startFrame: s.startFrame,
    frameCount: i === all.length - 1 ? undefined : s.frameCount,
    measure,
  }));
  const parts: F[][] = segments.map(() => []);
  let done = 0;
  const running = new Set<Worker>();
  try {
    await Promise.all(
      segments.map((job, i) =>
        runSegment<F>(
          job,
          (frames) => {
            for (const f of frames) parts[i]!.push(f);
            done += frames.length;
            options.onProgress?.(Math.min(done, info.frameCount), info.frameCount);
          },
          running,
        ),
      ),
    );
  } finally {
    // One segment failed: stop the others (and their ffmpeg) instead of letting them run on.
    for (const w of running) void w.terminate();
  }
  const frames = parts.flat();
  if (frames.length === 0) throw new InputError([{ path, message: 'no frames could be decoded' }]);
  if (!frames.some(hasFace)) throw new InputError([{ path, message: 'no face found in any frame' }]);
  options.onProgress?.(info.frameCount, info.frameCount);
  return { frames, fps: info.fps };
}
