/** @hemispasm/vision — face video → facial signals (Node), and the same landmark + signal code for a browser worker. */

export {
  COVERED_BELOW,
  type EyeOcclusion,
  EyeOcclusionDetector,
  occlusionOf,
} from './landmarks/eye-occlusion';
export {
  type FaceSignals,
  type Landmark,
  NO_FACE,
  type SignalOptions,
  signalsFromLandmarks,
} from './landmarks/face-signals';
export { humanConfig, type Landmarker, MODEL_FILES, WASM_FILES } from './landmarks/human-setup';
export * from './landmarks/mesh-indices';
export { MouthCornerTracker } from './landmarks/mouth-corner-tracker';
export {
  type MovementMeasures,
  movementFrameFromLandmarks,
  NO_MOVEMENT_FACE,
  PATIENT_LEFT_MID_BROW,
  PATIENT_RIGHT_MID_BROW,
} from './landmarks/movement-measures';
export { type BrowserAsset, browserAssets } from './node/browser-assets';
export { type DecodedFrame, decodeFrames } from './node/decode';
export {
  type ExtractOptions,
  extractMovementFromVideo,
  extractSignalsFromVideo,
  splitFrames,
} from './node/extract';
export { createNodeLandmarker, faceMeshTriangles, humanModelsDir, tfjsWasmDir } from './node/human-node';
export { DEFAULT_MAX_WIDTH, probeVideo, type VideoInfo } from './node/probe';
