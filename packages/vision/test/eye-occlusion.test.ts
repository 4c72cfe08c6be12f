/**
 * A hand or a glasses frame in front of one eye is found as what it is — the eye is covered, not closed — on
 * the face animator, whose ground truth says what covers which eye when. First on the animator's own landmark
 * positions (every condition that must NOT read as covered: blinks, a squeeze of both eyes, a one-sided tonic
 * spasm with brow and cheek, head roll and yaw of 15° with zoom and a light ramp), then through the face-mesh
 * model and the analysis: the hand that the model reads as a one-sided closure is no spasm once flagged.
 */
import { analyzeSignals, type SignalFrame } from '@hemispasm/core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createNodeLandmarker,
  type EyeOcclusion,
  EyeOcclusionDetector,
  type Landmarker,
  signalsFromLandmarks,
} from '../src/index';
import {
  type FaceAnimation,
  type FaceRig,
  loadFaceRig,
  poseAt,
  type RenderedFrame,
  renderFrames,
} from '../src/testing/index';

let rig: FaceRig;
beforeAll(async () => {
  rig = await loadFaceRig();
}, 120_000);

const animatorLandmarks = (f: RenderedFrame) => f.vertices.slice(0, 478).map((p) => [...p]);

/**
 * Per frame of a 6-fps clip: which eyes the animator drew an occluder over (its own truth), and what the
 * detector said, given the landmarks where the animator put them.
 */
function run(clip: Omit<FaceAnimation, 'fps'>) {
  const anim: FaceAnimation = { fps: 6, ...clip };
  const det = new EyeOcclusionDetector();
  const out: Array<{ t: number; seen: EyeOcclusion; truth: EyeOcclusion }> = [];
  for (const f of renderFrames(anim, rig)) {
    const covering = poseAt(anim, f.t).occluders;
    out.push({
      t: f.t,
      // Unmirrored: the model's "right eye" is the patient's right eye.
      seen: det.check(f.rgb, rig.width, rig.height, animatorLandmarks(f)),
      truth: {
        right: covering.some((o) => o.side === 'right'),
        left: covering.some((o) => o.side === 'left'),
      },
    });
  }
  return out;
}

describe('EyeOcclusionDetector on the animator', () => {
  it('flags the covered eye, and only it, while a hand or a glasses frame is in front of it', () => {
    const frames = run({
      durationS: 7,
      noise: 3,
      seed: 5,
      actions: [
        // The smallest hand of the bench's scenarios (a third of the eye's width), then a glasses frame.
        { kind: 'occlusion', occluder: 'hand', side: 'right', startS: 1, durationS: 2, coverage: 0.3 },
        { kind: 'occlusion', occluder: 'glasses', side: 'left', startS: 4, durationS: 2 },
      ],
      head: [{ t: 0 }, { t: 7, dx: 10, roll: 5, scale: 1.04 }],
    });
    const covered = frames.filter((f) => f.truth.right || f.truth.left);
    expect(covered.length).toBeGreaterThan(20);
    for (const f of frames) expect(f.seen, `t = ${f.t.toFixed(2)} s`).toEqual(f.truth);
  });

  it('never flags blinks, a squeeze of both eyes, a one-sided tonic spasm, head motion ±15° or a light ramp', () => {
    const frames = run({
      durationS: 9,
      noise: 4,
      seed: 6,
      actions: [
        { kind: 'blink', startS: 0.8, durationS: 0.35 },
        { kind: 'bilateral_closure', startS: 1.6, durationS: 1.5 },
        {
          kind: 'spasm',
          side: 'right',
          form: 'tonic',
          startS: 3.5,
          durationS: 1.5,
          eye: 1,
          lowerLid: 1,
          cheek: 1,
          mouth: 1,
          brow: 1,
        },
        { kind: 'spasm', side: 'left', form: 'clonic', startS: 5.5, durationS: 0.4, eye: 1 },
      ],
      head: [
        { t: 0 },
        { t: 3, roll: 15, yaw: -15, dx: 30, scale: 1.1 },
        { t: 7, roll: -15, yaw: 15, dx: -30, dy: 15, scale: 0.9 },
      ],
      light: [{ t: 0 }, { t: 4, gain: 0.6, gradient: 0.35 }, { t: 9, gain: 1.25, gradient: -0.35 }],
    });
    for (const f of frames) expect(f.seen, `t = ${f.t.toFixed(2)} s`).toEqual({ right: false, left: false });
  });
});

describe('a hand over one eye through the face-mesh model and the analysis', () => {
  let landmarker: Landmarker;
  beforeAll(async () => {
    landmarker = await createNodeLandmarker();
  }, 120_000);

  it('is reported as a covered eye, not as a spasm of that eye', async () => {
    const anim: FaceAnimation = {
      durationS: 6,
      fps: 10,
      noise: 3,
      seed: 8,
      actions: [
        { kind: 'occlusion', occluder: 'hand', side: 'left', startS: 2, durationS: 2.5, coverage: 0.6 },
        { kind: 'blink', startS: 0.8, durationS: 0.3 },
      ],
    };
    const det = new EyeOcclusionDetector();
    const flagged: SignalFrame[] = [];
    const plain: SignalFrame[] = [];
    for (const f of renderFrames(anim, rig)) {
      const landmarks = await landmarker.detect(f.rgb, rig.width, rig.height);
      const occlusion = det.check(f.rgb, rig.width, rig.height, landmarks);
      flagged.push({ t: f.t, ...signalsFromLandmarks(landmarks, { mirrored: false, occlusion }) });
      plain.push({ t: f.t, ...signalsFromLandmarks(landmarks, { mirrored: false }) });
    }
    // The model draws the covered eye's lids on the hand: that eye's aperture drops by a quarter or more,
    // the size of a closure, while the other eye's does not.
    const mean = (xs: SignalFrame[], from: number, to: number, k: 'eyeL' | 'eyeR') => {
      const v = xs.filter((f) => f.t >= from && f.t < to).map((f) => f[k]!);
      return v.reduce((a, b) => a + b, 0) / v.length;
    };
    expect(mean(plain, 2.2, 4.3, 'eyeL')).toBeLessThan(0.8 * mean(plain, 1.2, 1.9, 'eyeL'));
    expect(mean(plain, 2.2, 4.3, 'eyeR')).toBeGreaterThan(0.9 * mean(plain, 1.2, 1.9, 'eyeR'));
    // Flagged (the hand's 2.5 s, found from its first frame to its last), the analysis leaves those frames
    // out (with its margin) and says so; no spasm, and the blink before it stays a blink.
    expect(flagged.filter((f) => f.occludedL).map((f) => f.t)).toEqual(
      flagged.filter((f) => f.t >= 2 - 1e-9 && f.t <= 4.5 + 1e-9).map((f) => f.t),
    );
    expect(flagged.some((f) => f.occludedR)).toBe(false);
    const after = analyzeSignals({ fps: anim.fps, frames: flagged });
    expect(after.spasmCount).toBe(0);
    expect(after.occludedS!.left).toBeGreaterThan(2.5);
    expect(after.occludedS!.left).toBeLessThan(3.5);
    expect(after.occludedS!.right).toBe(0);
    expect(after.blinkCount).toBe(1);
  }, 240_000);
});
