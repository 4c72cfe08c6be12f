/**
 * Eye events and their classification: a closure of one eye that the other eye does not share is a
 * spasm; a closure both eyes make together (within a couple of frames, depths may differ) is a blink.
 */
import { robustSigma } from './baseline';
import { DETECTOR } from './params';
import { firstAtOrAfter, type PreparedSeries } from './series-prep';

export type EyeSide = 'left' | 'right';

export interface EyeEvent {
  side: EyeSide;
  /** First and last frame index (inclusive). */
  first: number;
  last: number;
  peak: number;
  /** Frames at or above half the peak (and the onset level): the event's core. */
  core: number[];
}

/** Does frame i (> 0) follow frame i − 1 one frame period later, with no dropped frame between? */
export function followsWithoutGap(p: PreparedSeries, i: number): boolean {
  return p.t[i]! - p.t[i - 1]! <= 1.5 * p.dtMedian;
}

/** Are frame i's two neighbours in its run, each one frame period away (no dropped frame between)? */
function seenBothSides(p: PreparedSeries, i: number): boolean {
  return (
    i > 0 &&
    i + 1 < p.n &&
    p.run[i - 1] === p.run[i] &&
    p.run[i + 1] === p.run[i] &&
    followsWithoutGap(p, i) &&
    followsWithoutGap(p, i + 1)
  );
}

/**
 * Below 20 fps (where the eyes are not median-filtered): the closure a lone frame needs to be an event on
 * its own, or +∞ when lone frames are not believed in this series. A 0.1-s twitch at 15 fps is often one
 * frame with both neighbours at rest, exactly what a one-frame landmark glitch looks like; what tells them
 * apart is the series itself. A landmark jump throws an eye's outline wide open as often as it collapses it,
 * while an eye cannot open far beyond its own reference for a single frame: so a lone frame is believed only
 * when, in the whole series, no eye has a lone frame that much MORE open than its reference (closure ≤ −level,
 * neighbours at rest). The level is `loneFrameClosure`, raised to `loneFrameNoiseK` σ of the noisier eye's
 * closure (robust σ): far outside that eye's own noise. Parameters and measurements: README, step 3.
 */
export function loneFrameLevel(p: PreparedSeries, left: Float64Array, right: Float64Array): number {
  if (!(p.dtMedian >= DETECTOR.unfilteredEyesMinDtS)) return Number.POSITIVE_INFINITY;
  const level = Math.max(
    DETECTOR.loneFrameClosure,
    DETECTOR.loneFrameNoiseK * Math.max(robustSigma(left), robustSigma(right)),
  );
  const rest = (v: number | undefined) => v !== undefined && Math.abs(v) < DETECTOR.extentClosure;
  for (const c of [left, right])
    for (let i = 1; i + 1 < p.n; i++)
      if (c[i]! <= -level && rest(c[i - 1]) && rest(c[i + 1]) && seenBothSides(p, i))
        return Number.POSITIVE_INFINITY;
  return level;
}

/**
 * Hysteresis per eye: an event starts at onClosure and spans the frames around it at ≥ extentClosure.
 * A lone frame is an event only at `loneLevel` or deeper with both neighbours seen (`loneFrameLevel`).
 */
export function findEyeEvents(
  p: PreparedSeries,
  closure: Float64Array,
  side: EyeSide,
  loneLevel = Number.POSITIVE_INFINITY,
): EyeEvent[] {
  const events: EyeEvent[] = [];
  let i = 0;
  while (i < p.n) {
    if (!(closure[i]! >= DETECTOR.onClosure)) {
      i++;
      continue;
    }
    let first = i;
    while (first > 0 && p.run[first - 1] === p.run[i] && closure[first - 1]! >= DETECTOR.extentClosure)
      first--;
    let last = i;
    while (last + 1 < p.n && p.run[last + 1] === p.run[i] && closure[last + 1]! >= DETECTOR.extentClosure)
      last++;
    const startS = p.t[first]!;
    const endS = p.t[last]! + p.dur[last]!;
    // ≥ 2 samples: a lone sample next to a dropped frame (which the median filter leaves alone) is
    // indistinguishable from a glitch; below 20 fps a lone frame may pass (loneFrameLevel).
    const several = last > first && endS - startS >= DETECTOR.minEventS;
    const lone = last === first && closure[i]! >= loneLevel && seenBothSides(p, i);
    if (several || lone) {
      let peak = 0;
      for (let k = first; k <= last; k++) peak = Math.max(peak, closure[k]!);
      const core: number[] = [];
      // Core: at least half the peak and at least the onset level, so a slow drift that widens the
      // extent does not dilute the comparison with the other eye.
      const coreLevel = Math.max(peak / 2, Math.min(peak, DETECTOR.onClosure));
      for (let k = first; k <= last; k++) if (closure[k]! >= coreLevel) core.push(k);
      events.push({ side, first, last, peak, core });
    }
    i = last + 1;
  }
  return events;
}

function meanAt(values: Float64Array, idx: number[], shift: number): number {
  let s = 0;
  let c = 0;
  for (const i of idx) {
    const v = values[i + shift];
    if (v !== undefined && !Number.isNaN(v)) {
      s += v;
      c++;
    }
  }
  return c > 0 ? s / c : Number.NaN;
}

function medianIn(p: PreparedSeries, values: Float64Array, fromS: number, toS: number): number {
  const buf: number[] = [];
  for (let i = firstAtOrAfter(p, fromS); i < p.n && p.t[i]! < toS; i++) {
    if (!Number.isNaN(values[i]!)) buf.push(values[i]!);
  }
  if (buf.length === 0) return Number.NaN;
  buf.sort((a, b) => a - b);
  return buf[buf.length >> 1]!;
}

/**
 * Does the other eye close together with this event? Either it is closed over the whole core (this
 * eye joins a closure already there), or its mean closure over the core, at the best shift within the
 * allowed lag and minus its own level on the flanks, is a real fraction of this eye's.
 */
export function otherEyeCloses(
  p: PreparedSeries,
  ev: EyeEvent,
  self: Float64Array,
  other: Float64Array,
): boolean {
  if (ev.core.every((i) => other[i]! >= DETECTOR.extentClosure)) return true;
  const lagFrames = Math.max(1, Math.round(DETECTOR.blinkLagS / (p.dtMedian || 1 / 30)));
  let best = Number.NEGATIVE_INFINITY;
  for (let k = -lagFrames; k <= lagFrames; k++) {
    const m = meanAt(other, ev.core, k);
    if (m > best) best = m;
  }
  const startS = p.t[ev.first]!;
  const endS = p.t[ev.last]! + p.dur[ev.last]!;
  const pre = medianIn(p, other, startS - DETECTOR.blinkLagS - DETECTOR.flankS, startS - DETECTOR.blinkLagS);
  const post = medianIn(p, other, endS + DETECTOR.blinkLagS, endS + DETECTOR.blinkLagS + DETECTOR.flankS);
  const levels = [pre, post].filter((v) => !Number.isNaN(v));
  const level = levels.length > 0 ? Math.max(0, Math.min(...levels)) : 0;
  const support = best - level;
  const own = meanAt(self, ev.core, 0);
  return support >= Math.max(DETECTOR.blinkSupportMin, DETECTOR.blinkSupportRatio * own);
}
