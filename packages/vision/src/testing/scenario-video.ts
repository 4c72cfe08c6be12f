import { signalsFromLandmarks } from '../landmarks/face-signals';
import { createNodeLandmarker } from '../node/human-node';
import { eyeShapes, paintEyeClosure } from './paint-eyes';
import { loadImageRgb, writeVideo } from './raw-video';
import { ASTRONAUT_CROP, testFacePhoto } from './test-face';

/** A painted eye closure with known truth: patient side(s), time span and how far the lid comes down. */
export interface PaintedClosure {
  side: 'left' | 'right' | 'both';
  startS: number;
  endS: number;
  /** 1 = fully shut, 0.6 = partial closure. */
  closure: number;
}

export interface Scenario {
  durationS: number;
  fps: number;
  width?: number;
  height?: number;
  closures: PaintedClosure[];
  /** Slow zoom (±3 %) and shift (±6 px) as a head moving a little. */
  headMotion?: boolean;
  /** Flip every frame left-right, as a selfie recording. */
  mirror?: boolean;
}

/** Closure of each PATIENT eye at time t, with 2-frame ramps so closures look like lids moving. */
export function closureAt(s: Scenario, t: number): { left: number; right: number } {
  const out = { left: 0, right: 0 };
  const ramp = 1.5 / s.fps;
  for (const c of s.closures) {
    if (t < c.startS - ramp || t > c.endS + ramp) continue;
    const k = t < c.startS ? 1 - (c.startS - t) / ramp : t > c.endS ? 1 - (t - c.endS) / ramp : 1;
    const v = c.closure * Math.max(0, Math.min(1, k));
    if (c.side !== 'left') out.right = Math.max(out.right, v);
    if (c.side !== 'right') out.left = Math.max(out.left, v);
  }
  return out;
}

function transform(
  src: Uint8Array,
  dst: Uint8Array,
  w: number,
  h: number,
  scale: number,
  dx: number,
  dy: number,
) {
  const cx = w / 2;
  const cy = h / 2;
  for (let y = 0; y < h; y++) {
    const sy = (y - cy - dy) / scale + cy;
    const y0 = Math.max(0, Math.min(h - 2, Math.floor(sy)));
    const fy = Math.max(0, Math.min(1, sy - y0));
    for (let x = 0; x < w; x++) {
      const sx = (x - cx - dx) / scale + cx;
      const x0 = Math.max(0, Math.min(w - 2, Math.floor(sx)));
      const fx = Math.max(0, Math.min(1, sx - x0));
      const a = (y0 * w + x0) * 3;
      const b = a + w * 3;
      const o = (y * w + x) * 3;
      for (let c = 0; c < 3; c++) {
        const top = src[a + c]! * (1 - fx) + src[a + 3 + c]! * fx;
        const bottom = src[b + c]! * (1 - fx) + src[b + 3 + c]! * fx;
        dst[o + c] = top * (1 - fy) + bottom * fy;
      }
    }
  }
}

function flip(buf: Uint8Array, w: number, h: number) {
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w / 2; x++) {
      const a = (y * w + x) * 3;
      const b = (y * w + (w - 1 - x)) * 3;
      for (let c = 0; c < 3; c++) {
        const t = buf[a + c]!;
        buf[a + c] = buf[b + c]!;
        buf[b + c] = t;
      }
    }
}

/**
 * Writes a video of the real astronaut photo with the patient's eyes painted shut at the scenario's times,
 * and returns the eye apertures the model measures on the unpainted photo (for sanity checks).
 * Eye positions come from the model's landmarks on the unpainted photo.
 */
export async function writeScenarioVideo(
  file: string,
  s: Scenario,
): Promise<{ openEyeL: number; openEyeR: number }> {
  const width = s.width ?? 640;
  const height = s.height ?? 360;
  const base = await loadImageRgb(testFacePhoto(), width, height, ASTRONAUT_CROP);
  const landmarker = await createNodeLandmarker();
  const landmarks = await landmarker.detect(base, width, height);
  if (!landmarks) throw new Error('test face not found on the photo');
  const open = signalsFromLandmarks(landmarks, { mirrored: false });
  const eyes = eyeShapes(landmarks, base, width);
  const frameCount = Math.round(s.durationS * s.fps);
  const painted = new Uint8Array(base.length);
  const out = new Uint8Array(base.length);
  async function* frames() {
    for (let i = 0; i < frameCount; i++) {
      const t = i / s.fps;
      painted.set(base);
      const c = closureAt(s, t);
      paintEyeClosure(painted, width, eyes.right, c.right);
      paintEyeClosure(painted, width, eyes.left, c.left);
      if (s.headMotion) {
        const phase = (2 * Math.PI * t) / Math.max(4, s.durationS);
        transform(
          painted,
          out,
          width,
          height,
          1 + 0.03 * Math.sin(phase),
          6 * Math.sin(1.3 * phase),
          4 * Math.cos(phase),
        );
      } else out.set(painted);
      if (s.mirror) flip(out, width, height);
      yield out;
    }
  }
  await writeVideo(file, { width, height, fps: s.fps }, frames());
  return { openEyeL: open.eyeL!, openEyeR: open.eyeR! };
}
