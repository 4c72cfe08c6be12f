/**
 * Test data: a face animator that warps a real face photo over the face-mesh triangles of its own
 * landmarks (eyelids, cheek, mouth corner, brow, lips, head, light, noise, occluders) into videos with
 * ground truth beside them; used by every vision test and benchmark. Node only (ffmpeg, the model).
 */
export * from './animated-video';
export * from './animation-truth';
export * from './face-animation';
export * from './face-pose';
export * from './face-rig';
export * from './face-warp';
export * from './frame-effects';
export * from './movement-test-video';
export * from './raw-video';
export * from './scenario-video';
export * from './test-face';
