/**
 * analyzeSignals: a facial-signal series → spasm events, blinks and a summary. Pure and deterministic;
 * works on any prefix of a series, so a live view can re-run it as frames arrive.
 * The algorithm and why each parameter has its value: packages/core/src/signals/README.md.
 */
import type { SpasmAnalysis, SpasmEvent } from './analysis-schema';
import { asymmetryNoise, eyeClosure, mouthPull } from './baseline';
import {
  type EyeEvent,
  type EyeSide,
  findEyeEvents,
  followsWithoutGap,
  loneFrameLevel,
  otherEyeCloses,
} from './detect';
import { headRoll, withoutRollArtefact } from './mouth-pose';
import { ANALYZER_VERSION, DETECTOR } from './params';
import { firstAtOrAfter, type PreparedSeries, prepareSeries } from './series-prep';
import { summarize } from './summary';
import type { SignalSeries } from './types';

interface Interval {
  startS: number;
  endS: number;
  peak: number;
}

const startOf = (p: PreparedSeries, e: EyeEvent) => p.t[e.first]!;
const endOf = (p: PreparedSeries, e: EyeEvent) => p.t[e.last]! + p.dur[e.last]!;

interface MouthRule {
  pull: Record<EyeSide, Float64Array>;
  /** Per corner: the fixed minimum, raised to mouthNoiseK σ of that corner's own jitter when it is large. */
  minPull: Record<EyeSide, number>;
  /** The same for the difference of the two corners (its σ combines both corners' jitter). */
  minAsym: number;
  /** The asymmetry a mouth-only pull with no same-side lower-lid narrowing must reach at its peak. */
  minAsymAlone: number;
}

/** The largest (pull of this side − |deviation of the other corner|) over frames a..b not in `skip` (NaN-safe). */
function peakAsymmetry(m: MouthRule, side: EyeSide, a: number, b: number, skip: Uint8Array): number {
  const other: EyeSide = side === 'left' ? 'right' : 'left';
  let peak = Number.NEGATIVE_INFINITY;
  for (let k = a; k <= b; k++) {
    if (skip[k]) continue;
    const o = m.pull[other][k]!;
    const d = m.pull[side][k]! - (Number.isNaN(o) ? 0 : Math.abs(o));
    if (d > peak) peak = d;
  }
  return peak;
}

/**
 * Frames where this side's mouth corner is pulled toward its eye and the other corner has not moved as far in
 * either direction (NaN-safe). Only a pull toward the eye counts (`mouthPullSign`, README step 5): the muscles
 * HFS contracts draw the corner up and out; a corner that moves away from its eye is speech, a jaw opening,
 * or a rest position disturbed by a nearby spasm or a head turn.
 */
function oneSidedMouth(m: MouthRule, side: EyeSide, i: number): boolean {
  const a = m.pull[side][i]!;
  const o = m.pull[side === 'left' ? 'right' : 'left'][i]!;
  const b = Number.isNaN(o) ? 0 : Math.abs(o);
  return a >= m.minPull[side] && a - b >= m.minAsym && b <= DETECTOR.mouthOtherMaxRatio * a;
}

function mouthDuring(p: PreparedSeries, m: MouthRule, side: EyeSide, startS: number, endS: number) {
  for (let i = firstAtOrAfter(p, startS - 0.1); i < p.n && p.t[i]! <= endS + 0.1; i++) {
    if (oneSidedMouth(m, side, i)) return true;
  }
  return false;
}

/** Merges overlapping (or nearly touching) intervals, keeping the deepest peak. */
function mergeIntervals(list: Interval[], gapS: number): Interval[] {
  const sorted = [...list].sort((a, b) => a.startS - b.startS);
  const out: Interval[] = [];
  for (const iv of sorted) {
    const last = out[out.length - 1];
    if (last && iv.startS <= last.endS + gapS) {
      last.endS = Math.max(last.endS, iv.endS);
      last.peak = Math.max(last.peak, iv.peak);
    } else out.push({ ...iv });
  }
  return out;
}

export function analyzeSignals(series: SignalSeries): SpasmAnalysis {
  const p = prepareSeries(series);
  const closure = { left: eyeClosure(p, p.eyeL), right: eyeClosure(p, p.eyeR) };
  const lone = loneFrameLevel(p, closure.left, closure.right);
  const eyeEvents = {
    left: findEyeEvents(p, closure.left, 'left', lone),
    right: findEyeEvents(p, closure.right, 'right', lone),
  };

  // Mouth rest positions leave out every eye event (± 0.2 s): a tonic spasm pulls the corner for seconds.
  const busy = new Uint8Array(p.n);
  for (const e of [...eyeEvents.left, ...eyeEvents.right]) {
    const s = startOf(p, e) - 0.2;
    const en = endOf(p, e) + 0.2;
    for (let i = firstAtOrAfter(p, s); i < p.n && p.t[i]! <= en; i++) busy[i] = 1;
  }
  // Each corner without its head-roll artefact (mouth-pose.ts), then its pull from its own rest position.
  const roll = headRoll(p);
  const left = mouthPull(p, withoutRollArtefact(p, p.mouthL, busy, roll), busy);
  const right = mouthPull(p, withoutRollArtefact(p, p.mouthR, busy, roll), busy);
  const floor = (noise: number) => Math.max(DETECTOR.mouthPull, DETECTOR.mouthNoiseK * noise);
  const asymNoise = asymmetryNoise(left.deviation, right.deviation);
  // The asymmetry floor, with the series' asymmetry noise taken `k` times.
  const asymFloor = (k: number) =>
    Math.max(DETECTOR.mouthAsym, DETECTOR.mouthNoiseK * Math.hypot(left.noise, right.noise), k * asymNoise);
  const mouth: MouthRule = {
    pull: { left: left.pull, right: right.pull },
    minPull: { left: floor(left.noise), right: floor(right.noise) },
    minAsym: asymFloor(DETECTOR.mouthNoiseK),
    minAsymAlone: asymFloor(DETECTOR.mouthAloneNoiseK),
  };

  const events: SpasmEvent[] = [];
  const blinks: Interval[] = [];
  for (const side of ['left', 'right'] as const satisfies EyeSide[]) {
    const other: EyeSide = side === 'left' ? 'right' : 'left';
    for (const e of eyeEvents[side]) {
      const startS = startOf(p, e);
      const endS = endOf(p, e);
      // With the other eye covered, a closure cannot be told from a blink: not measurable, not a spasm.
      if (coveredDuring(p, other, startS - DETECTOR.blinkLagS, endS + DETECTOR.blinkLagS)) continue;
      // A closure the other eye shares is a blink. (A one-sided mouth pull does not overrule that: on the
      // benchmark it turned more blinks into false spasms than it found spasms.)
      if (otherEyeCloses(p, e, closure[side], closure[other])) {
        blinks.push({ startS, endS, peak: e.peak });
        continue;
      }
      // A lone frame (below 20 fps) is a spasm only if the other eye stayed open around it: at that rate a
      // blink's other eye, a few frames late, can fall outside the blink test's lag.
      if (
        e.first === e.last &&
        !staysOpen(p, closure[other], startS - DETECTOR.loneQuietS, endS + DETECTOR.loneQuietS)
      )
        continue;
      const withMouth = mouthDuring(p, mouth, side, startS, endS);
      events.push({
        startS,
        endS,
        side,
        kind: 'spasm',
        regions: withMouth ? ['eye', 'mouth'] : ['eye'],
        peakClosure: e.peak,
      });
    }
  }
  for (const b of mergeIntervals(blinks, DETECTOR.blinkLagS)) {
    const held =
      sharedClosureS(p, closure.left, closure.right, b.startS, b.endS) > DETECTOR.bilateralClosureS;
    events.push({
      startS: b.startS,
      endS: b.endS,
      side: 'both',
      kind: held ? 'bilateral_closure' : 'blink',
      regions: ['eye'],
      peakClosure: b.peak,
    });
  }
  events.push(...mouthOnlyEvents(p, mouth, events, closure));
  return summarize(p, events, ANALYZER_VERSION);
}

/** Is this eye covered (SignalFrame.occludedL/R, widened) in any frame of [startS, endS]? */
function coveredDuring(p: PreparedSeries, side: EyeSide, startS: number, endS: number): boolean {
  const occ = side === 'left' ? p.occL : p.occR;
  for (let i = firstAtOrAfter(p, startS); i < p.n && p.t[i]! <= endS; i++) if (occ[i]) return true;
  return false;
}

/** Is this eye seen open (closure < extentClosure) in every frame of [startS, endS], with no frame dropped? */
function staysOpen(p: PreparedSeries, closure: Float64Array, startS: number, endS: number): boolean {
  const from = firstAtOrAfter(p, startS);
  for (let i = from; i < p.n && p.t[i]! <= endS; i++) {
    if (!(closure[i]! < DETECTOR.extentClosure)) return false;
    if (i > from && !followsWithoutGap(p, i)) return false;
  }
  return true;
}

/** Seconds within [startS, endS) during which both eyes are closed at least at the onset level. */
function sharedClosureS(
  p: PreparedSeries,
  left: Float64Array,
  right: Float64Array,
  startS: number,
  endS: number,
) {
  let s = 0;
  for (let i = firstAtOrAfter(p, startS); i < p.n && p.t[i]! < endS; i++)
    if (left[i]! >= DETECTOR.onClosure && right[i]! >= DETECTOR.onClosure) s += p.dur[i]!;
  return s;
}

/**
 * One-sided mouth-corner pulls with no eye spasm on that side: spasms of the lower face. When the same-side
 * eye narrows a little from below during it (closure ≥ cheekClosure, too little for an eye event), the
 * cheek took part too: the landmark model does not follow the cheek's smooth skin, but the lower lid the
 * cheek pushes up, it does.
 */
function mouthOnlyEvents(
  p: PreparedSeries,
  mouth: MouthRule,
  eyeEvents: SpasmEvent[],
  closure: Record<EyeSide, Float64Array>,
): SpasmEvent[] {
  const out: SpasmEvent[] = [];
  // In a blink the eye-corner landmarks the mouth signal is measured from move with the lids: those frames
  // are no mouth measurement (README step 6).
  const blinking = new Uint8Array(p.n);
  for (const e of eyeEvents)
    if (e.side === 'both')
      for (let k = firstAtOrAfter(p, e.startS); k < p.n && p.t[k]! < e.endS; k++) blinking[k] = 1;
  const pulled = (side: EyeSide, k: number) => !blinking[k] && oneSidedMouth(mouth, side, k);
  for (const side of ['left', 'right'] as const) {
    // Runs of one-sided frames at least minMouthEventS long, as frame ranges.
    const runs: { i: number; j: number }[] = [];
    let i = 0;
    while (i < p.n) {
      if (!(p.face[i] && pulled(side, i))) {
        i++;
        continue;
      }
      let j = i;
      while (j + 1 < p.n && p.run[j + 1] === p.run[i] && pulled(side, j + 1)) j++;
      if (p.t[j]! + p.dur[j]! - p.t[i]! >= DETECTOR.minMouthEventS) runs.push({ i, j });
      i = j + 1;
    }
    // A pull that dips under the thresholds for a moment is one movement, not several spasms
    // (mouthJoinS, README step 6); only runs that passed on their own are joined, so no new frames count.
    const joined: { i: number; j: number }[] = [];
    for (const r of runs) {
      const last = joined[joined.length - 1];
      if (
        last &&
        p.run[r.i] === p.run[last.j] &&
        p.t[r.i]! - (p.t[last.j]! + p.dur[last.j]!) <= DETECTOR.mouthJoinS
      )
        last.j = r.j;
      else joined.push({ ...r });
    }
    for (const { i: a, j: b } of joined) {
      const startS = p.t[a]!;
      const endS = p.t[b]! + p.dur[b]!;
      const covered = eyeEvents.some(
        (e) => e.side === side && startS < e.endS + 0.1 && endS > e.startS - 0.1,
      );
      if (covered) continue;
      let narrowing = 0;
      // The lower lid's narrowing, outside blinks (a blink closes the eye, it does not push the lid up).
      for (let k = a; k <= b; k++) if (!blinking[k]) narrowing = Math.max(narrowing, closure[side][k] ?? 0);
      const cheek = narrowing >= DETECTOR.cheekClosure;
      // Without the lower lid's confirmation the mouth is the only witness: it must stand further out of
      // the series' own asymmetry noise (mouthAloneNoiseK, README step 6).
      if (!cheek && !(peakAsymmetry(mouth, side, a, b, blinking) >= mouth.minAsymAlone)) continue;
      out.push({
        startS,
        endS,
        side,
        kind: 'spasm',
        regions: cheek ? ['cheek', 'mouth'] : ['mouth'],
        peakClosure: 0,
      });
    }
  }
  return out;
}
