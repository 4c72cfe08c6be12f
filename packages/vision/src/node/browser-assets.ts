import { join } from 'node:path';
import { MODEL_FILES, WASM_FILES } from '../landmarks/human-setup';
import { humanModelsDir, tfjsWasmDir } from './human-node';

/** A file the web app must serve for the browser landmark worker: URL path under `assetBaseUrl` → file on disk. */
export interface BrowserAsset {
  urlPath: string;
  file: string;
  contentType: string;
}

/**
 * Every file the landmark worker fetches, relative to the `assetBaseUrl` given in its `init` message:
 * `models/<name>` from @vladmandic/human and `wasm/<name>` from @tensorflow/tfjs-backend-wasm. The app
 * serves them from its own origin (no CDN, no network).
 */
export function browserAssets(): BrowserAsset[] {
  const types: Record<string, string> = {
    json: 'application/json',
    bin: 'application/octet-stream',
    wasm: 'application/wasm',
  };
  const type = (f: string) => types[f.split('.').pop()!]!;
  return [
    ...MODEL_FILES.map((f) => ({
      urlPath: `models/${f}`,
      file: join(humanModelsDir(), f),
      contentType: type(f),
    })),
    ...WASM_FILES.map((f) => ({ urlPath: `wasm/${f}`, file: join(tfjsWasmDir(), f), contentType: type(f) })),
  ];
}
