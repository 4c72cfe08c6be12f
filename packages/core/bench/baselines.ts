/**
 * Comparison detectors for the benchmark, both the simple rules a reader might try first.
 * They read the raw per-frame apertures (no filtering) and are summarised exactly like our detector.
 *
 * - EAR threshold (Soukupová & Čech, "Real-time eye blink detection using facial landmarks", CVWW 2016):
 *   a fixed threshold on each eye's aperture ratio; an event while an eye stays below it for ≥ N frames.
 *   As a spasm detector: an event where only one eye went below is a spasm of that eye, otherwise a blink.
 * - Asymmetry rule: a spasm while one eye is below 0.45 × the other for ≥ 60 ms.
 */
import type { SignalFrame, SignalSeries, SpasmAnalysis, SpasmEvent } from '../src/index';
import { prepareSeries } from '../src/signals/series-prep';
import { summarize } from '../src/signals/summary';

/** The paper's threshold for its EAR definition, which our aperture ratio follows (open ≈ 0.25–0.35). */
export const EAR_THRESHOLD = 0.2;
export const EAR_MIN_FRAMES = 2;
export const ASYMMETRY_RATIO = 0.45;
export const ASYMMETRY_MIN_S = 0.06;

type FrameState = 'left' | 'right' | 'both' | null;

/** Turns a per-frame state into events: runs of equal non-null kind (sides merged for the EAR rule). */
function runs(
  frames: SignalFrame[],
  state: (f: SignalFrame) => FrameState,
  keep: (first: number, last: number) => boolean,
): { first: number; last: number; states: Set<FrameState> }[] {
  const out: { first: number; last: number; states: Set<FrameState> }[] = [];
  let cur: { first: number; last: number; states: Set<FrameState> } | null = null;
  frames.forEach((f, i) => {
    const s = state(f);
    if (s === null) {
      if (cur && keep(cur.first, cur.last)) out.push(cur);
      cur = null;
      return;
    }
    if (!cur) cur = { first: i, last: i, states: new Set() };
    cur.last = i;
    cur.states.add(s);
  });
  if (cur && keep((cur as { first: number }).first, (cur as { last: number }).last)) out.push(cur);
  return out;
}

function endOf(frames: SignalFrame[], last: number, dt: number): number {
  return last + 1 < frames.length ? frames[last + 1]!.t : frames[last]!.t + dt;
}

export function earThresholdDetector(series: SignalSeries): SpasmAnalysis {
  const p = prepareSeries(series);
  const frames = series.frames;
  const state = (f: SignalFrame): FrameState => {
    if (f.eyeL === null || f.eyeR === null) return null;
    const l = f.eyeL < EAR_THRESHOLD;
    const r = f.eyeR < EAR_THRESHOLD;
    return l && r ? 'both' : l ? 'left' : r ? 'right' : null;
  };
  const events: SpasmEvent[] = runs(frames, state, (a, b) => b - a + 1 >= EAR_MIN_FRAMES).map((r) => {
    const startS = frames[r.first]!.t;
    const endS = endOf(frames, r.last, p.dtMedian);
    const oneEye = !r.states.has('both') && r.states.size === 1;
    const side = oneEye ? ([...r.states][0] as 'left' | 'right') : 'both';
    return {
      startS,
      endS,
      side,
      kind: oneEye ? 'spasm' : 'blink',
      regions: ['eye'],
      peakClosure: 1,
    } satisfies SpasmEvent;
  });
  return summarize(p, events, 'baseline-ear-threshold');
}

export function asymmetryRuleDetector(series: SignalSeries): SpasmAnalysis {
  const p = prepareSeries(series);
  const frames = series.frames;
  const state = (f: SignalFrame): FrameState => {
    if (f.eyeL === null || f.eyeR === null) return null;
    if (f.eyeL < ASYMMETRY_RATIO * f.eyeR) return 'left';
    if (f.eyeR < ASYMMETRY_RATIO * f.eyeL) return 'right';
    return null;
  };
  const events: SpasmEvent[] = [];
  for (const side of ['left', 'right'] as const) {
    const found = runs(
      frames,
      (f) => (state(f) === side ? side : null),
      (a, b) => endOf(frames, b, p.dtMedian) - frames[a]!.t >= ASYMMETRY_MIN_S,
    );
    for (const r of found) {
      events.push({
        startS: frames[r.first]!.t,
        endS: endOf(frames, r.last, p.dtMedian),
        side,
        kind: 'spasm',
        regions: ['eye'],
        peakClosure: 1,
      });
    }
  }
  return summarize(p, events, 'baseline-asymmetry-rule');
}
