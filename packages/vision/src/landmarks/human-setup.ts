import type { Config, Human } from '@vladmandic/human';
import type { Landmark } from './face-signals';

/** The model files the landmarker loads (from @vladmandic/human's models/ folder) — nothing else is fetched. */
export const MODEL_FILES = [
  'blazeface.json',
  'blazeface.bin',
  'facemesh.json',
  'facemesh.bin',
  'iris.json',
  'iris.bin',
] as const;

/** The tfjs wasm binaries (from @tensorflow/tfjs-backend-wasm's dist/ folder); the backend picks one. */
export const WASM_FILES = [
  'tfjs-backend-wasm.wasm',
  'tfjs-backend-wasm-simd.wasm',
  'tfjs-backend-wasm-threaded-simd.wasm',
] as const;

/**
 * Human configured for face mesh + iris only, wasm backend, same in Node and in the browser.
 *
 * Caching: Human never reuses a mesh; its only "skip" is reusing the face BOX from the previous frame's
 * mesh instead of running the detector (tracking). That skip is allowed only when `cacheSensitivity` > 0,
 * so we set it so high that it always is, and the detector then runs only when tracking is lost (no box
 * survived the previous frame) — the mesh and iris models, hence every eyelid point, run on every frame,
 * so no twitch can be hidden. Every model we do not use is off.
 */
export function humanConfig(paths: { modelBasePath: string; wasmPath: string }): Partial<Config> {
  const off = { enabled: false };
  return {
    backend: 'wasm',
    modelBasePath: paths.modelBasePath,
    wasmPath: paths.wasmPath,
    wasmPlatformFetch: false,
    debug: false,
    async: false,
    warmup: 'none',
    cacheModels: false,
    // Always allow the box to be tracked from the previous mesh (see above); never skips a mesh.
    cacheSensitivity: 1e9,
    filter: { ...off, return: false } as Config['filter'],
    face: {
      enabled: true,
      detector: {
        rotation: false,
        maxDetected: 1,
        minConfidence: 0.2,
        // Re-run the detector only when tracking is lost, with a safety net every ~10 s of frames.
        skipFrames: 300,
        skipTime: 1e9,
        return: false,
      },
      mesh: { enabled: true, keepInvalid: false },
      iris: { enabled: true },
      emotion: off,
      description: off,
      antispoof: off,
      liveness: off,
      attention: off,
      gear: off,
      ssrnet: off,
      mobilefacenet: off,
      insightface: off,
    } as unknown as Config['face'],
    body: off as Config['body'],
    hand: off as Config['hand'],
    object: off as Config['object'],
    gesture: off as Config['gesture'],
    segmentation: off as Config['segmentation'],
  };
}

/** What Node and the browser worker need from the landmark model: one frame in, one face's points out. */
export interface Landmarker {
  /** `rgb` is width×height×3 bytes, row-major. Returns the 478 points of the most confident face, or null. */
  detect(rgb: Uint8Array, width: number, height: number): Promise<Landmark[] | null>;
  /**
   * Forget the face box carried over from earlier frames (see humanConfig): the next detect runs the face
   * detector on its own frame, as on a process's first frame, so a new recording's landmarks do not depend
   * on what was measured before it. The movement test calls it per recording; the spasm measure does not.
   */
  restart(): void;
}

interface TfLike {
  tensor3d(values: Uint8Array, shape: [number, number, number], dtype: 'int32'): unknown;
  dispose(t: unknown): void;
}

export function landmarkerFromHuman(human: Human): Landmarker {
  const tf = human.tf as TfLike;
  // Human keeps the tracked box in module state, shared by every instance of a thread; a detector run is
  // forced by allowing no skipped frame for one call, then the configured allowance is put back (a config
  // passed to detect() stays merged).
  const skipFrames = human.config.face.detector?.skipFrames ?? 0;
  let restart: 'no' | 'now' | 'restore' = 'no';
  const configFor = (): Partial<Config> | undefined => {
    if (restart === 'no') return undefined;
    const frames = restart === 'now' ? 0 : skipFrames;
    restart = restart === 'now' ? 'restore' : 'no';
    return { face: { detector: { skipFrames: frames } } } as Partial<Config>;
  };
  return {
    restart() {
      restart = 'now';
    },
    async detect(rgb, width, height) {
      if (rgb.length !== width * height * 3)
        throw new Error(`frame is ${rgb.length} bytes, expected ${width}×${height}×3`);
      const input = tf.tensor3d(rgb, [height, width, 3], 'int32');
      try {
        const result = await human.detect(input as Parameters<Human['detect']>[0], configFor());
        const face = result.face[0];
        if (!face || face.mesh.length < 468) return null;
        // The mesh's x, y are image pixels but z stays in the model's 192-px crop units. Bring z to pixels
        // with the same crop-size estimate Human uses for its own head angles (largest box side / 1.5).
        const zScale = Math.max(face.box[2], face.box[3]) / 1.5 / 192;
        return face.mesh.map((p) => [p[0]!, p[1]!, (p[2] ?? 0) * zScale]);
      } finally {
        tf.dispose(input);
      }
    },
  };
}
