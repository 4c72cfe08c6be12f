import type { MovementFrame, SignalFrame } from '@hemispasm/core';

/**
 * Main-thread side of the vision package's landmark Web Worker (protocol in packages/vision/README.md):
 *   main → worker  { type: 'init', assetBaseUrl } · { type: 'frame', t, image: ImageBitmap, mirrored }
 *   worker → main  { type: 'ready' } · { type: 'signal', frame, overlay? } · { type: 'error', message }
 * One frame is in flight at a time, so a reply always belongs to the last frame sent.
 */
import type { FromLandmarkWorker, Point } from '@hemispasm/vision/browser';

export type { Point };
export type Overlay = NonNullable<Extract<FromLandmarkWorker, { type: 'signal' }>['overlay']>;
export interface SignalReply {
  frame: SignalFrame;
  overlay?: Overlay;
  /** The same frame's landmark measures for the facial-movement test. */
  movement?: MovementFrame;
}

type WorkerMessage = FromLandmarkWorker;

export class LandmarkClient {
  private pending: { resolve: (r: SignalReply) => void; reject: (e: Error) => void } | null = null;
  private readyPromise: Promise<void>;

  constructor(
    private readonly worker: Worker,
    assetBaseUrl: string,
  ) {
    this.readyPromise = new Promise((resolve, reject) => {
      worker.onmessage = (ev: MessageEvent<WorkerMessage>) => {
        const msg = ev.data;
        if (msg.type === 'ready') resolve();
        else if (msg.type === 'signal') {
          const p = this.pending;
          this.pending = null;
          p?.resolve({ frame: msg.frame, overlay: msg.overlay, movement: msg.movement });
        } else if (msg.type === 'error') {
          const err = new Error(msg.message);
          const p = this.pending;
          this.pending = null;
          if (p) p.reject(err);
          else reject(err);
        }
      };
      worker.onerror = (ev) => {
        const err = new Error(ev.message || 'landmark worker failed');
        this.pending?.reject(err);
        this.pending = null;
        reject(err);
      };
    });
    worker.postMessage({ type: 'init', assetBaseUrl });
  }

  ready(): Promise<void> {
    return this.readyPromise;
  }

  get busy(): boolean {
    return this.pending !== null;
  }

  /**
   * Sends one frame (the bitmap is transferred, not copied) and resolves with its signals; `movement` asks
   * for the movement test's measures too ('start' = this frame is the new reference at rest).
   */
  process(
    t: number,
    image: ImageBitmap,
    mirrored: boolean,
    movement?: 'start' | 'continue',
  ): Promise<SignalReply> {
    if (this.pending) return Promise.reject(new Error('a frame is already in flight'));
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.worker.postMessage({ type: 'frame', t, image, mirrored, movement }, [image]);
    });
  }

  terminate(): void {
    this.worker.terminate();
    this.pending?.reject(new Error('stopped'));
    this.pending = null;
  }
}
