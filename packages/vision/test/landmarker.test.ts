import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeLandmarker, type Landmarker, signalsFromLandmarks } from '../src/index';
import { loadFaceRig, REST, REST_SIDE, renderStill } from '../src/testing/index';

const W = 640;
const H = 360;
let landmarker: Landmarker;
let open: Uint8Array;
let rightShut: Uint8Array;

beforeAll(async () => {
  landmarker = await createNodeLandmarker();
  const rig = await loadFaceRig({ width: W, height: H });
  open = rig.image;
  // The patient's right upper lid warped down onto the lower lid (the face animator, no painting).
  rightShut = renderStill(rig, { ...REST, right: { ...REST_SIDE, eyeClosure: 1 } }).rgb;
}, 60_000);

const eyeR = async (frame: Uint8Array) =>
  signalsFromLandmarks(await landmarker.detect(frame, W, H), { mirrored: false }).eyeR;

describe('node landmarker (Human face mesh + iris, wasm)', () => {
  it('finds the 478 points of the real face and returns null for a frame without a face', async () => {
    expect(await landmarker.detect(open, W, H)).toHaveLength(478);
    expect(await landmarker.detect(new Uint8Array(W * H * 3).fill(128), W, H)).toBeNull();
  });

  it('sees a one-frame twitch in that very frame: no cached result hides it, and the next frame is open again', async () => {
    for (let i = 0; i < 4; i++) await eyeR(open);
    const before = (await eyeR(open))!;
    const twitch = (await eyeR(rightShut))!;
    const after = (await eyeR(open))!;
    expect(twitch / before).toBeLessThan(0.6);
    expect(after / before).toBeGreaterThan(0.85);
  });

  it('finds the face again after frames without it (tracking lost → the detector runs again)', async () => {
    const blank = new Uint8Array(W * H * 3).fill(30);
    for (let i = 0; i < 3; i++) expect(await landmarker.detect(blank, W, H)).toBeNull();
    expect(await landmarker.detect(open, W, H)).toHaveLength(478);
  });

  it('rejects a frame buffer of the wrong size', async () => {
    await expect(landmarker.detect(new Uint8Array(10), W, H)).rejects.toThrow(/expected 640×360×3/);
  });
});
