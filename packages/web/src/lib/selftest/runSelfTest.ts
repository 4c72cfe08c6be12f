import type { SignalFrame } from '@hemispasm/core';
import type { LandmarkClient, Overlay, SignalReply } from './landmarkClient';
import { LocalFrameStore } from './localFrameStore';

export interface SelfTestProgress {
  phase: 'recording' | 'analysing';
  elapsedS: number;
  durationS: number;
  /** Frames analysed while recording. */
  liveFrames: number;
  /** Frames kept on this device for analysis right after, and how many of those are done. */
  storedFrames: number;
  analysedAfter: number;
  /** Samples skipped because the device fell behind the clock (keepPace only). */
  skippedSamples: number;
}

export interface SelfTestOptions {
  video: HTMLVideoElement;
  client: LandmarkClient;
  durationS: number;
  /**
   * Sampling rate: the camera's own rate, at most 30 frames/s (a 0.1 s twitch is 3 frames at 30 and 1–2 at 15,
   * where a third of the twitches under 0.2 s were missed). Frames the worker cannot take live are kept on
   * this device and analysed right after the recording, so every sample is analysed.
   */
  fps?: number;
  /** Longest side of the frames analysed; smaller is faster, the face mesh needs no more. */
  maxSide?: number;
  signal?: AbortSignal;
  onProgress?: (p: SelfTestProgress) => void;
  onOverlay?: (overlay: Overlay | undefined, width: number, height: number) => void;
  /** Called once, with performance.now() of t = 0, when sampling starts (e.g. to time on-screen prompts). */
  onStart?: (startMs: number) => void;
  /** Every analysed frame's full reply (live and after the recording), e.g. for the movement test. */
  onReply?: (t: number, reply: SignalReply) => void;
  /** Ask the worker for the movement test's measures (the first frame analysed is the reference at rest). */
  movement?: boolean;
  /**
   * Keep to the clock (the movement test, whose prompts are timed by the wall clock): each sample is stamped
   * with the time it was actually taken, and a sample whose time has passed is skipped rather than taken
   * late. Without it (the spasm self-test) samples are stamped i / fps and taken one after the other.
   */
  keepPace?: boolean;
  /**
   * performance.now() of t = 0 (keepPace only; default: when sampling starts). The movement test passes the
   * moment the camera was granted, so its clock starts with the camera's pictures, not after the video
   * element's start-up, which a loaded device stretches to seconds.
   */
  originMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function toJpeg(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('frame encoding failed'))), 'image/jpeg', 0.9),
  );
}

/**
 * The next sample slot on a device that keeps to the clock: slot `i` if its time has not passed, else the
 * slot now due. A busy device falls behind the schedule (drawing, encoding): skipping the slots already past
 * instead of taking them late under their planned time keeps every frame at its prompt (issue 11: taken late,
 * a loaded machine's frames slid against the prompts and every movement read 0 %). Slots before the first
 * sample passed while the camera started: never planned, so not counted as skipped.
 */
export function keepPaceSlot(i: number, elapsedS: number, fps: number): { slot: number; skipped: number } {
  const due = Math.floor(elapsedS * fps);
  if (due <= i) return { slot: i, skipped: 0 };
  return { slot: due, skipped: i > 0 ? due - i : 0 };
}

/**
 * Samples the camera at a fixed rate for `durationS`. Each sample goes to the landmark worker when it is
 * free (live result and overlay); when it is busy, the sample is kept locally and analysed right after
 * the recording, so every sample is analysed whatever the device's speed. Returns frames in time order.
 */
export async function runSelfTest(opts: SelfTestOptions): Promise<SignalFrame[]> {
  const { video, client, durationS, signal } = opts;
  const fps = opts.fps ?? 30;
  const maxSide = opts.maxSide ?? 480;
  const scale = Math.min(1, maxSide / Math.max(video.videoWidth, video.videoHeight));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(video.videoWidth * scale);
  canvas.height = Math.round(video.videoHeight * scale);
  const ctx = canvas.getContext('2d', { willReadFrequently: false });
  if (!ctx) throw new Error('no 2D canvas');

  const frames: SignalFrame[] = [];
  const store = new LocalFrameStore();
  const inFlight: Promise<void>[] = [];
  let liveFrames = 0;
  const progress = (phase: SelfTestProgress['phase'], elapsedS: number, analysedAfter = 0) =>
    opts.onProgress?.({
      phase,
      elapsedS,
      durationS,
      liveFrames,
      storedFrames: store.size + analysedAfter,
      analysedAfter,
      skippedSamples: skipped,
    });

  // The movement test's reference is the first frame the worker sees (t = 0: the first frame is always live).
  let sentMovement = false;
  const movementFlag = (): 'start' | 'continue' | undefined => {
    if (!opts.movement) return undefined;
    const flag = sentMovement ? 'continue' : 'start';
    sentMovement = true;
    return flag;
  };
  const start = opts.keepPace && opts.originMs !== undefined ? opts.originMs : performance.now();
  const elapsedS = () => (performance.now() - start) / 1000;
  let skipped = 0;
  let lastSecond = -1;
  opts.onStart?.(start);
  for (let i = 0; ; i++) {
    if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
    if (opts.keepPace) {
      const next = keepPaceSlot(i, elapsedS(), fps);
      skipped += next.skipped;
      i = next.slot;
    }
    if (i / fps >= durationS) break;
    const wait = start + (i / fps) * 1000 - performance.now();
    if (wait > 0) await sleep(wait);
    ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
    const t = opts.keepPace ? Math.max(i / fps, elapsedS()) : i / fps;
    if (!client.busy) {
      const bitmap = await createImageBitmap(canvas);
      inFlight.push(
        client.process(t, bitmap, false, movementFlag()).then((reply) => {
          frames.push({ ...reply.frame, t });
          opts.onReply?.(t, reply);
          liveFrames++;
          opts.onOverlay?.(reply.overlay, canvas.width, canvas.height);
        }),
      );
    } else {
      store.add({ t, jpeg: await toJpeg(canvas) });
    }
    if (Math.floor(t) !== lastSecond) {
      lastSecond = Math.floor(t);
      progress('recording', t);
    }
  }
  await Promise.all(inFlight);

  const kept = store.drain();
  let done = 0;
  for (const f of kept) {
    if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const bitmap = await createImageBitmap(f.jpeg);
    const reply = await client.process(f.t, bitmap, false, movementFlag());
    frames.push({ ...reply.frame, t: f.t });
    opts.onReply?.(f.t, reply);
    done++;
    if (done % 10 === 0 || done === kept.length) {
      opts.onProgress?.({
        phase: 'analysing',
        elapsedS: durationS,
        durationS,
        liveFrames,
        storedFrames: kept.length,
        analysedAfter: done,
        skippedSamples: skipped,
      });
    }
  }
  return frames.sort((a, b) => a.t - b.t);
}
