import type { MovementFrame, SignalFrame } from '@hemispasm/core';

/** A point in the pixel coordinates of the ImageBitmap the page sent. */
export type Point = [number, number];

/** Messages the page sends to the landmark worker. */
export type ToLandmarkWorker =
  /** Load the models from `${assetBaseUrl}models/…` and the wasm from `${assetBaseUrl}wasm/…` (see browserAssets()). */
  | { type: 'init'; assetBaseUrl: string }
  /** One video frame; `mirrored` = the image is a mirrored (selfie) view. The bitmap is closed after use. */
  | {
      type: 'frame';
      t: number;
      image: ImageBitmap;
      mirrored: boolean;
      /**
       * Facial-movement test: 'start' makes this frame the reference at rest (a new recording), 'continue'
       * measures against it; absent, no movement measures are computed (the spasm self-test).
       */
      movement?: 'start' | 'continue';
    };

/** Messages the landmark worker sends back: one `signal` per `frame`, in order. */
export type FromLandmarkWorker =
  | { type: 'ready' }
  | {
      type: 'signal';
      /** Facial signals per PATIENT side; null fields when no face was found (then no overlay). */
      frame: SignalFrame;
      /** Eye contours of the patient's left and right eye, in the sent image's pixels, for drawing. */
      overlay?: { leftEye: Point[]; rightEye: Point[] };
      /** The facial-movement test's measures of the same frame, when asked for (null fields: not measured). */
      movement?: MovementFrame;
    }
  | { type: 'error'; message: string };
