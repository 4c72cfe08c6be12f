import { signalsFromLandmarks } from '../landmarks/face-signals';
import { writeAnimatedVideo } from './animated-video';
import type { FaceAction, FaceAnimation, HeadKey } from './face-animation';
import { loadFaceRig } from './face-rig';

/** An eye closure with known truth: patient side(s), time span and how far the lid comes down. */
export interface PaintedClosure {
  side: 'left' | 'right' | 'both';
  startS: number;
  endS: number;
  /** 1 = fully shut, 0.6 = partial closure. */
  closure: number;
}

/** The simple scenario of the first vision tests: eye closures held over spans, optional slow head motion. */
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

/** The scenario as a face animation: each closure is a held lid closure (2-frame ramps) on its side(s). */
export function scenarioAnimation(s: Scenario): FaceAnimation {
  const ramp = 1.5 / s.fps;
  const actions: FaceAction[] = s.closures.flatMap((c) =>
    (c.side === 'both' ? (['left', 'right'] as const) : [c.side]).map(
      (side): FaceAction => ({
        kind: 'spasm',
        form: 'tonic',
        side,
        startS: c.startS - ramp,
        durationS: c.endS - c.startS + 2 * ramp,
        eye: c.closure,
      }),
    ),
  );
  const head: HeadKey[] = [];
  if (s.headMotion) {
    for (let t = 0; t <= s.durationS + 0.5; t += 0.5) {
      const phase = (2 * Math.PI * t) / Math.max(4, s.durationS);
      head.push({
        t,
        scale: 1 + 0.03 * Math.sin(phase),
        dx: 6 * Math.sin(1.3 * phase),
        dy: 4 * Math.cos(phase),
      });
    }
  }
  return {
    durationS: s.durationS,
    fps: s.fps,
    width: s.width,
    height: s.height,
    actions,
    head,
    mirror: s.mirror,
  };
}

/**
 * Writes a video of the real astronaut photo with the patient's eyes closed at the scenario's times (by the
 * face animator's mesh warp), and returns the eye apertures the model measures on the unmoved photo.
 */
export async function writeScenarioVideo(
  file: string,
  s: Scenario,
): Promise<{ openEyeL: number; openEyeR: number }> {
  await writeAnimatedVideo(file, scenarioAnimation(s));
  const rig = await loadFaceRig({ width: s.width ?? 640, height: s.height ?? 360 });
  const open = signalsFromLandmarks(rig.vertices, { mirrored: false });
  return { openEyeL: open.eyeL!, openEyeR: open.eyeR! };
}
