import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Human } from '@vladmandic/human';
import { humanConfig, type Landmarker, landmarkerFromHuman } from '../landmarks/human-setup';

const require = createRequire(import.meta.url);

/** Folder of the model files inside the @vladmandic/human package (shipped by npm, never downloaded). */
export function humanModelsDir(): string {
  // The package's "exports" map lists its dist files without "./", so they cannot be resolved by name;
  // resolve the main entry and walk from there.
  return join(dirname(require.resolve('@vladmandic/human')), '..', 'models');
}

/** Folder of the tfjs wasm binaries inside @tensorflow/tfjs-backend-wasm. */
export function tfjsWasmDir(): string {
  return dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
}

let fetchShimInstalled = false;

/**
 * tfjs loads models through fetch(); Node's fetch has no file:// support. Serve file:// URLs from disk
 * and leave every other URL to the original fetch (other code in the process may use it).
 */
function installFileFetch(): void {
  if (fetchShimInstalled) return;
  fetchShimInstalled = true;
  const original = globalThis.fetch;
  globalThis.fetch = (async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith('file://')) return original(input, init);
    try {
      return new Response(await readFile(fileURLToPath(url)), { status: 200 });
    } catch {
      return new Response(null, { status: 404, statusText: `not found: ${url}` });
    }
  }) as typeof fetch;
}

function humanNodeWasm(): { Human: new (config: object) => Human } {
  return require(join(dirname(require.resolve('@vladmandic/human')), 'human.node-wasm.js'));
}

/**
 * The face mesh's triangulation (Human's TRI468: 880 triangles over the first 468 landmarks, as index
 * triples; the eye openings are covered, the mouth opening is not). No model is loaded for it.
 */
export function faceMeshTriangles(): readonly number[] {
  const { Human: HumanClass } = humanNodeWasm();
  return new HumanClass({ backend: 'wasm' }).faceTriangulation;
}

/** Loads Human (node wasm build, by path) with face mesh + iris; ~0.3 s, once per thread. */
export async function createNodeLandmarker(): Promise<Landmarker> {
  installFileFetch();
  const { Human: HumanClass } = humanNodeWasm();
  const human = new HumanClass(
    humanConfig({
      modelBasePath: `${pathToFileURL(humanModelsDir()).href}/`,
      wasmPath: `${tfjsWasmDir()}/`,
    }),
  );
  await human.load();
  return landmarkerFromHuman(human);
}
