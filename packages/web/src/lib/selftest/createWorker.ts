import { startLandmarkWorker } from '@hemispasm/vision/browser';
import { LandmarkClient } from './landmarkClient';

/** Where the app serves the vision models and wasm binaries (copied from npm packages at build time). */
export const VISION_ASSET_BASE = '/vision-assets/';

/** Starts the vision package's landmark worker (Vite bundles it as a module worker). */
export function createLandmarkClient(): LandmarkClient {
  return new LandmarkClient(startLandmarkWorker(), new URL(VISION_ASSET_BASE, window.location.origin).href);
}
