/**
 * Scores detected events against synthetic ground truth.
 * Matching: a detected spasm matches a true spasm of the SAME side when their overlap covers at least
 * half of the shorter of the two (so a detection inside a true event, or a slightly trimmed one,
 * matches; one detection spanning two true twitches matches only one). Pairs are taken greedily by
 * overlap, one-to-one. A true blink counts as a blink false positive when an unmatched detected
 * spasm overlaps it by the same rule (a correct tonic spasm overlapping a blink is not counted).
 */
import type { SpasmAnalysis } from './analysis-schema';
import type { GroundTruth } from './synthetic';

export const MATCH_MIN_OVERLAP = 0.5;

export interface ScoreCounts {
  truthSpasms: number;
  detectedSpasms: number;
  matched: number;
  truthBlinks: number;
  blinkFalsePositives: number;
  scenarios: number;
  sideCorrect: number;
  /** Sum of |detected − true| spasm-time fraction over scenarios. */
  stfAbsErrorSum: number;
  /** Matched spasms whose `mouth` region agrees with the truth (pulled or not). */
  mouthRegionCorrect: number;
  /** Bilateral closures: true, detected, and true ones overlapped by a detected one. */
  truthBilateral: number;
  detectedBilateral: number;
  matchedBilateral: number;
}

export const emptyCounts = (): ScoreCounts => ({
  truthSpasms: 0,
  detectedSpasms: 0,
  matched: 0,
  truthBlinks: 0,
  blinkFalsePositives: 0,
  scenarios: 0,
  sideCorrect: 0,
  stfAbsErrorSum: 0,
  mouthRegionCorrect: 0,
  truthBilateral: 0,
  detectedBilateral: 0,
  matchedBilateral: 0,
});

const overlap = (a: { startS: number; endS: number }, b: { startS: number; endS: number }) =>
  Math.max(0, Math.min(a.endS, b.endS) - Math.max(a.startS, b.startS));

function matches(a: { startS: number; endS: number }, b: { startS: number; endS: number }): boolean {
  const shorter = Math.min(a.endS - a.startS, b.endS - b.startS);
  return shorter > 0 && overlap(a, b) >= MATCH_MIN_OVERLAP * shorter;
}

export function scoreScenario(analysis: SpasmAnalysis, truth: GroundTruth): ScoreCounts {
  const det = analysis.events.filter((e) => e.kind === 'spasm');
  const tru = truth.events.filter((e) => e.kind === 'spasm');
  const pairs: { d: number; t: number; o: number }[] = [];
  det.forEach((d, di) => {
    tru.forEach((t, ti) => {
      if (d.side === t.side && matches(d, t)) pairs.push({ d: di, t: ti, o: overlap(d, t) });
    });
  });
  pairs.sort((a, b) => b.o - a.o);
  const usedD = new Set<number>();
  const usedT = new Set<number>();
  let mouthRegionCorrect = 0;
  for (const pr of pairs) {
    if (usedD.has(pr.d) || usedT.has(pr.t)) continue;
    usedD.add(pr.d);
    usedT.add(pr.t);
    if (det[pr.d]!.regions.includes('mouth') === tru[pr.t]!.mouth) mouthRegionCorrect++;
  }
  const trueBilateral = truth.events.filter((e) => e.kind === 'bilateral_closure');
  const detBilateral = analysis.events.filter((e) => e.kind === 'bilateral_closure');
  const unmatched = det.filter((_, i) => !usedD.has(i));
  const blinks = truth.events.filter((e) => e.kind === 'blink');
  const blinkFp = blinks.filter((b) => unmatched.some((d) => matches(d, b))).length;
  return {
    truthSpasms: tru.length,
    detectedSpasms: det.length,
    matched: usedD.size,
    truthBlinks: blinks.length,
    blinkFalsePositives: blinkFp,
    scenarios: 1,
    sideCorrect: analysis.side === truth.side ? 1 : 0,
    stfAbsErrorSum: Math.abs(analysis.spasmTimeFraction - truth.spasmTimeFraction),
    mouthRegionCorrect,
    truthBilateral: trueBilateral.length,
    detectedBilateral: detBilateral.length,
    matchedBilateral: trueBilateral.filter((b) => detBilateral.some((d) => matches(d, b))).length,
  };
}

export function addCounts(a: ScoreCounts, b: ScoreCounts): ScoreCounts {
  return {
    truthSpasms: a.truthSpasms + b.truthSpasms,
    detectedSpasms: a.detectedSpasms + b.detectedSpasms,
    matched: a.matched + b.matched,
    truthBlinks: a.truthBlinks + b.truthBlinks,
    blinkFalsePositives: a.blinkFalsePositives + b.blinkFalsePositives,
    scenarios: a.scenarios + b.scenarios,
    sideCorrect: a.sideCorrect + b.sideCorrect,
    stfAbsErrorSum: a.stfAbsErrorSum + b.stfAbsErrorSum,
    mouthRegionCorrect: a.mouthRegionCorrect + b.mouthRegionCorrect,
    truthBilateral: a.truthBilateral + b.truthBilateral,
    detectedBilateral: a.detectedBilateral + b.detectedBilateral,
    matchedBilateral: a.matchedBilateral + b.matchedBilateral,
  };
}

export interface Metrics {
  recall: number;
  precision: number;
  f1: number;
  blinkFpRate: number;
  sideAccuracy: number;
  /** Mean absolute spasm-time-fraction error, in fraction units (0.01 = 1 percentage point). */
  stfError: number;
  /** Share of matched spasms whose mouth region is right (1 without matches). */
  mouthRegionAccuracy: number;
  /** Bilateral closures found (of the true ones; 1 without any) and detections that were true ones. */
  bilateralRecall: number;
  bilateralPrecision: number;
}

/** Pooled (micro) metrics. With no true spasms, recall is 1; with no detections, precision is 1. */
export function metrics(c: ScoreCounts): Metrics {
  const recall = c.truthSpasms > 0 ? c.matched / c.truthSpasms : 1;
  const precision = c.detectedSpasms > 0 ? c.matched / c.detectedSpasms : 1;
  return {
    recall,
    precision,
    f1: recall + precision > 0 ? (2 * recall * precision) / (recall + precision) : 0,
    blinkFpRate: c.truthBlinks > 0 ? c.blinkFalsePositives / c.truthBlinks : 0,
    sideAccuracy: c.scenarios > 0 ? c.sideCorrect / c.scenarios : 0,
    stfError: c.scenarios > 0 ? c.stfAbsErrorSum / c.scenarios : 0,
    mouthRegionAccuracy: c.matched > 0 ? c.mouthRegionCorrect / c.matched : 1,
    bilateralRecall: c.truthBilateral > 0 ? c.matchedBilateral / c.truthBilateral : 1,
    bilateralPrecision: c.detectedBilateral > 0 ? Math.min(1, c.matchedBilateral / c.detectedBilateral) : 1,
  };
}
