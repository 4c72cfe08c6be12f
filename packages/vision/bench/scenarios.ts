/**
 * The vision bench's scenario set: seeded face animations (the face animator on a real photo) with ground
 * truth, one group per condition. 24 videos × 60 s = 24 min (quick mode: 8 videos × 20 s, for development).
 */
import { makeRng } from '@hemispasm/core';
import type { FaceAction, FaceAnimation, HeadKey, LightKey, PatientSide } from '../src/testing/index';

export interface BenchScenario {
  name: string;
  condition: string;
  animation: FaceAnimation;
}

interface Mix {
  side: PatientSide | 'none';
  clonicPerMin?: number;
  tonicPerMin?: number;
  lowerFacePerMin?: number;
  blinksPerMin?: number;
  halfBlinkShare?: number;
  talk?: boolean;
  bilateralPerMin?: number;
  head?: boolean;
  light?: boolean;
  occlusion?: boolean;
}

/** Places events one after another with gaps, so truth events never overlap (a person could not tell either). */
function animation(seed: number, durationS: number, fps: number, m: Mix): FaceAnimation {
  const r = makeRng(seed);
  const u = (lo: number, hi: number) => lo + (hi - lo) * r();
  const actions: FaceAction[] = [];
  const kinds: string[] = [];
  const per = (x = 0) => Math.round((x * durationS) / 60);
  if (m.side !== 'none') {
    for (let i = 0; i < per(m.clonicPerMin); i++) kinds.push('clonic');
    for (let i = 0; i < per(m.tonicPerMin); i++) kinds.push('tonic');
    for (let i = 0; i < per(m.lowerFacePerMin); i++) kinds.push('lower');
  }
  for (let i = 0; i < per(m.blinksPerMin ?? 15); i++) kinds.push('blink');
  for (let i = 0; i < per(m.bilateralPerMin); i++) kinds.push('bilateral');
  // Shuffle, then lay out in time.
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [kinds[i], kinds[j]] = [kinds[j]!, kinds[i]!];
  }
  const slot = (durationS - 2) / Math.max(1, kinds.length);
  kinds.forEach((kind, k) => {
    const start = 1 + k * slot + u(0, Math.max(0, slot - 2.6));
    const side = m.side as PatientSide;
    if (kind === 'clonic')
      actions.push({
        kind: 'spasm',
        side,
        form: 'clonic',
        startS: start,
        durationS: u(0.12, 0.5),
        eye: r() < 0.4 ? u(0.45, 0.75) : u(0.75, 1),
        mouth: r() < 0.3 ? u(0.3, 0.8) : 0,
      });
    else if (kind === 'tonic')
      actions.push({
        kind: 'spasm',
        side,
        form: 'tonic',
        startS: start,
        durationS: u(0.8, Math.min(2.4, slot - 0.3)),
        eye: u(0.6, 1),
        lowerLid: u(0.5, 1),
        cheek: u(0.5, 1),
        mouth: r() < 0.7 ? u(0.5, 1) : 0,
        tremor: u(0, 0.2),
        tremorHz: u(4, 8),
      });
    else if (kind === 'lower')
      actions.push({
        kind: 'spasm',
        side,
        form: 'tonic',
        startS: start,
        durationS: u(0.6, Math.min(2.2, slot - 0.3)),
        eye: u(0, 0.15),
        lowerLid: u(0.3, 0.7),
        cheek: u(0.6, 1),
        // Half to all of a full smile's excursion: 4.6–9.3 mm, a visible pull (face-pose.ts EXPRESSION_MAX).
        mouth: u(0.5, 1),
      });
    else if (kind === 'blink') {
      const half = r() < (m.halfBlinkShare ?? 0.3);
      actions.push({
        kind: 'blink',
        startS: start,
        durationS: u(0.12, 0.4),
        depth: half ? u(0.45, 0.75) : u(0.9, 1),
        lagSide: r() < 0.5 ? 'left' : 'right',
        lagS: Math.floor(r() * 3) / fps,
        lagDepth: u(0.7, 1),
      });
    } else
      actions.push({
        kind: 'bilateral_closure',
        startS: start,
        durationS: u(0.8, Math.min(2.5, slot - 0.4)),
      });
  });
  if (m.talk)
    for (let t = 3; t + 5 < durationS; t += 12)
      actions.push({ kind: 'talk', startS: t, durationS: u(3, 5), intensity: u(0.6, 1) });
  if (m.occlusion)
    for (let t = 6; t + 4 < durationS; t += 15)
      actions.push({
        kind: 'occlusion',
        occluder: r() < 0.5 ? 'hand' : 'glasses',
        side: r() < 0.5 ? 'left' : 'right',
        startS: t,
        durationS: u(2, 4),
        coverage: u(0.3, 0.6),
      });
  const head: HeadKey[] = [{ t: 0 }];
  if (m.head)
    for (let t = 3; t < durationS + 3; t += u(3, 6))
      head.push({ t, dx: u(-30, 30), dy: u(-15, 15), roll: u(-15, 15), yaw: u(-15, 15), scale: u(0.9, 1.1) });
  const light: LightKey[] = [{ t: 0 }];
  if (m.light)
    for (let t = 4; t < durationS + 4; t += u(4, 8))
      light.push({ t, gain: u(0.6, 1.25), gradient: u(-0.35, 0.35) });
  return { durationS, fps, actions, head, light, noise: m.light ? 4 : 2.5, seed };
}

const CONDITIONS: Array<{ condition: string; mix: Mix; fps?: number }> = [
  { condition: 'clonic eye twitches', mix: { side: 'right', clonicPerMin: 14 } },
  { condition: 'tonic spreading to cheek + mouth', mix: { side: 'left', tonicPerMin: 6, clonicPerMin: 4 } },
  { condition: 'lower-face only', mix: { side: 'right', lowerFacePerMin: 8 } },
  {
    condition: 'healthy: blinks and half-blinks',
    mix: { side: 'none', blinksPerMin: 24, halfBlinkShare: 0.5 },
  },
  { condition: 'talking', mix: { side: 'left', clonicPerMin: 8, talk: true } },
  { condition: 'head motion ±15°', mix: { side: 'right', clonicPerMin: 8, tonicPerMin: 3, head: true } },
  {
    condition: 'lighting change + noise',
    mix: { side: 'left', clonicPerMin: 8, tonicPerMin: 3, light: true },
  },
  {
    condition: 'occlusion (hand, glasses)',
    mix: { side: 'right', clonicPerMin: 8, tonicPerMin: 2, occlusion: true },
  },
  {
    condition: 'healthy: talking, head motion',
    mix: { side: 'none', blinksPerMin: 18, talk: true, head: true },
  },
  { condition: 'bilateral closures (not HFS)', mix: { side: 'none', blinksPerMin: 12, bilateralPerMin: 6 } },
  { condition: 'clonic at 15 fps', mix: { side: 'left', clonicPerMin: 12 }, fps: 15 },
  { condition: 'mixed at 25 fps', mix: { side: 'right', clonicPerMin: 8, tonicPerMin: 3 }, fps: 25 },
];

/** Every condition × `variants` seeds; each video `seconds` long at 30 fps unless the condition says. */
export function benchScenarios(seed: number, variants: number, seconds: number): BenchScenario[] {
  return CONDITIONS.flatMap(({ condition, mix, fps }, ci) =>
    Array.from({ length: variants }, (_, v) => ({
      name: `${condition.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}-${v + 1}`,
      condition,
      animation: animation((seed * 7919 + ci * 104729 + v * 15485863) >>> 0, seconds, fps ?? 30, mix),
    })),
  );
}
