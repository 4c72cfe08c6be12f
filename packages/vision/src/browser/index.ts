/**
 * `@hemispasm/vision/browser` — what a web app needs to run the landmark Web Worker: the message
 * protocol and a way to start the worker. A bundler that understands
 * `new Worker(new URL(…, import.meta.url))` (Vite, esbuild with a plugin, webpack 5) bundles the worker
 * from this package; the model and wasm files it loads are listed by `@hemispasm/vision/assets`.
 */
export type { FromLandmarkWorker, Point, ToLandmarkWorker } from './protocol';

/** Starts the landmark worker as a module worker (send it `init` first; see protocol.ts). */
export function startLandmarkWorker(): Worker {
  return new Worker(new URL('./landmark-worker.ts', import.meta.url), { type: 'module' });
}
