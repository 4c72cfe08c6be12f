import { type RefObject, useEffect, useRef } from 'react';
import { createLandmarkClient } from './createWorker';
import type { LandmarkClient } from './landmarkClient';

/** What a camera test's body gets: the playing video, the ready landmark worker, and when to stop. */
export interface CameraSession {
  video: HTMLVideoElement;
  stream: MediaStream;
  client: LandmarkClient;
  signal: AbortSignal;
  /** performance.now() when the camera was granted: its pictures run from about then. */
  grantedMs: number;
}

export interface CameraTest {
  videoRef: RefObject<HTMLVideoElement | null>;
  /**
   * Loads the landmark model (once per page), then opens the front camera and plays it in the video
   * element, runs `body`, and always stops the camera after. The model comes first so that a timed test
   * starts as soon as the picture does. Rejects with an AbortError after stop().
   */
  run<T>(body: (session: CameraSession) => Promise<T>, options?: { frameRate?: number }): Promise<T>;
  /** Stops a running test (its run() rejects with an AbortError). */
  stop(): void;
}

/**
 * The camera start-up shared by the spasm self-test and the facial-movement test: the video never leaves
 * this tab; the worker and camera are released when the page goes away.
 */
export function useCameraTest(): CameraTest {
  const videoRef = useRef<HTMLVideoElement>(null);
  const clientRef = useRef<LandmarkClient | null>(null);
  const abortRef = useRef<AbortController | null>(null);

  useEffect(
    () => () => {
      abortRef.current?.abort();
      clientRef.current?.terminate();
      const stream = videoRef.current?.srcObject as MediaStream | null;
      for (const tr of stream?.getTracks() ?? []) tr.stop();
    },
    [],
  );

  async function run<T>(
    body: (session: CameraSession) => Promise<T>,
    options: { frameRate?: number } = {},
  ): Promise<T> {
    const abort = new AbortController();
    abortRef.current = abort;
    let stream: MediaStream | null = null;
    try {
      clientRef.current ??= createLandmarkClient();
      const client = clientRef.current;
      await client.ready();
      if (abort.signal.aborted) throw new DOMException('aborted', 'AbortError');
      stream = await navigator.mediaDevices.getUserMedia({
        video: {
          facingMode: 'user',
          width: { ideal: 640 },
          height: { ideal: 480 },
          ...(options.frameRate ? { frameRate: { ideal: options.frameRate } } : {}),
        },
        audio: false,
      });
      const grantedMs = performance.now();
      const video = videoRef.current!;
      video.srcObject = stream;
      await video.play();
      return await body({ video, stream, client, signal: abort.signal, grantedMs });
    } finally {
      for (const tr of stream?.getTracks() ?? []) tr.stop();
    }
  }

  return { videoRef, run, stop: () => abortRef.current?.abort() };
}
