/**
 * Ground truth of a face animation, from the same data that drives it: every spasm, blink, shared
 * closure, movement, talking stretch and occlusion with its time span, side and regions. Written beside
 * the video as `<name>.truth.json`. A span is where the action's own envelope is at ≥ 10 % of its peak
 * (the visible part; a lid 10 % down is at the limit of what a landmark model resolves).
 */
import type { FaceAction, FaceAnimation, FaceMovement, FaceRegion } from './face-animation';
import { poseAt } from './face-animation';

export interface AnimationTruthEvent {
  kind: 'spasm' | 'blink' | 'bilateral_closure' | 'movement' | 'talk' | 'occlusion';
  side: 'left' | 'right' | 'both';
  startS: number;
  endS: number;
  /** Spasm form: clonic or tonic eye spasm, or lower-face (eye amplitude below EYE_REGION_MIN). */
  form?: 'clonic' | 'tonic' | 'lower_face';
  /** Regions moved by at least the *_REGION_MIN of their amplitude (spasms; all moved regions otherwise). */
  regions: FaceRegion[];
  /** Deepest eye closure asked for (0 … 1). */
  peakClosure: number;
  movement?: FaceMovement;
  amplitude?: { left: number; right: number };
  occluder?: 'hand' | 'glasses';
}

export interface AnimationTruth {
  format: 'hemispasm-face-animation/1';
  durationS: number;
  fps: number;
  width: number;
  height: number;
  mirror: boolean;
  /** Overall spasm side: one side, `bilateral` when both sides have spasms, `none` without. */
  side: 'left' | 'right' | 'none' | 'bilateral';
  events: AnimationTruthEvent[];
}

/** A spasm counts as involving the eye when its closure amplitude is at least this (a twitch of 0.3 is visible). */
export const EYE_REGION_MIN = 0.3;
/** … the cheek or mouth corner when their amplitude (fraction of EXPRESSION_MAX) is at least this. */
export const LOWER_REGION_MIN = 0.3;
const LEVEL = 0.1;

/** Span where an action's effect is ≥ 10 % of its peak, from its own pose (1 ms steps). */
function span(a: FaceAction, measure: (t: number) => number): [number, number] | null {
  let peak = 0;
  const values: Array<[number, number]> = [];
  for (let t = a.startS; t <= a.startS + a.durationS + 0.3; t += 0.001) {
    const v = measure(t);
    values.push([t, v]);
    peak = Math.max(peak, v);
  }
  if (peak <= 0) return null;
  const on = values.filter(([, v]) => v >= LEVEL * peak);
  return [on[0]![0], on.at(-1)![0]];
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;
/** An action held from its start for its duration (no envelope): both sides unless told, no closure. */
const heldSpan = (a: { startS: number; durationS: number }) =>
  ({ side: 'both', startS: a.startS, endS: r3(a.startS + a.durationS), peakClosure: 0 }) as const;

export function animationTruth(anim: FaceAnimation): AnimationTruth {
  const events: AnimationTruthEvent[] = [];
  for (const a of anim.actions) {
    const alone: FaceAnimation = { ...anim, actions: [a] };
    const face = (t: number) => poseAt(alone, t).expression;
    if (a.kind === 'spasm') {
      const s = span(a, (t) => {
        const e = face(t)[a.side];
        return Math.max(e.eyeClosure, e.lowerLid, e.cheek, e.mouthCorner, Math.abs(e.brow));
      });
      if (!s) continue;
      const regions: FaceRegion[] = [];
      if (a.eye >= EYE_REGION_MIN) regions.push('eye');
      if ((a.cheek ?? 0) >= LOWER_REGION_MIN) regions.push('cheek');
      if ((a.mouth ?? 0) >= LOWER_REGION_MIN) regions.push('mouth');
      if (Math.abs(a.brow ?? 0) >= LOWER_REGION_MIN) regions.push('brow');
      events.push({
        kind: 'spasm',
        side: a.side,
        startS: r3(s[0]),
        endS: r3(s[1]),
        form: a.eye >= EYE_REGION_MIN ? a.form : 'lower_face',
        regions,
        peakClosure: a.eye,
      });
    } else if (a.kind === 'blink' || a.kind === 'bilateral_closure') {
      const s = span(a, (t) => Math.max(face(t).left.eyeClosure, face(t).right.eyeClosure));
      if (!s) continue;
      events.push({
        kind: a.kind,
        side: 'both',
        startS: r3(s[0]),
        endS: r3(s[1]),
        regions: ['eye'],
        peakClosure: a.depth ?? 1,
      });
    } else if (a.kind === 'movement') {
      events.push({
        ...heldSpan(a),
        kind: 'movement',
        regions: [],
        movement: a.movement,
        amplitude: a.amplitude,
      });
    } else if (a.kind === 'talk') {
      events.push({ ...heldSpan(a), kind: 'talk', regions: ['mouth'] });
    } else {
      events.push({
        ...heldSpan(a),
        kind: 'occlusion',
        side: a.side,
        regions: ['eye'],
        occluder: a.occluder,
      });
    }
  }
  events.sort((x, y) => x.startS - y.startS);
  const spasmSides = new Set(events.filter((e) => e.kind === 'spasm').map((e) => e.side));
  const side =
    spasmSides.size === 0
      ? 'none'
      : spasmSides.size > 1
        ? 'bilateral'
        : ([...spasmSides][0] as 'left' | 'right');
  return {
    format: 'hemispasm-face-animation/1',
    durationS: anim.durationS,
    fps: anim.fps,
    width: anim.width ?? 640,
    height: anim.height ?? 360,
    mirror: anim.mirror ?? false,
    side,
    events,
  };
}
