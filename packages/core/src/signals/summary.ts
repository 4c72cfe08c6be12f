/**
 * From events to the SpasmAnalysis summary: rates per minute of time with a face in view, time in
 * spasm, longest spasm, overall side. Shared by the detector and the comparison baselines in the
 * benchmark, so all are summarised the same way.
 */
import type { SpasmAnalysis, SpasmEvent } from './analysis-schema';
import { DETECTOR } from './params';
import type { PreparedSeries } from './series-prep';

const round3 = (x: number) => Math.round(x * 1000) / 1000;

export function unionLength(intervals: { startS: number; endS: number }[]): number {
  const sorted = [...intervals].sort((a, b) => a.startS - b.startS);
  let total = 0;
  let s = Number.NEGATIVE_INFINITY;
  let e = Number.NEGATIVE_INFINITY;
  for (const iv of sorted) {
    if (iv.startS > e) {
      if (e > s) total += e - s;
      s = iv.startS;
      e = iv.endS;
    } else e = Math.max(e, iv.endS);
  }
  if (e > s) total += e - s;
  return total;
}

export function overallSide(events: SpasmEvent[]): SpasmAnalysis['side'] {
  const spasms = events.filter((e) => e.kind === 'spasm');
  const count = { left: 0, right: 0 };
  const time = { left: 0, right: 0 };
  for (const e of spasms) {
    if (e.side === 'both') continue;
    count[e.side]++;
    time[e.side] += e.endS - e.startS;
  }
  if (count.left + count.right === 0) return 'none';
  const minor = Math.min(count.left, count.right);
  const major = Math.max(count.left, count.right);
  if (minor >= DETECTOR.bilateralMinCount && minor >= DETECTOR.bilateralMinRatio * major) return 'bilateral';
  if (time.left !== time.right) return time.left > time.right ? 'left' : 'right';
  return count.left >= count.right ? 'left' : 'right';
}

export function summarize(p: PreparedSeries, events: SpasmEvent[], analyzerVersion: string): SpasmAnalysis {
  const sorted = [...events]
    .map((e) => ({
      ...e,
      startS: round3(e.startS),
      endS: round3(e.endS),
      peakClosure: round3(Math.max(0, Math.min(1, e.peakClosure))),
    }))
    .sort((a, b) => a.startS - b.startS || a.endS - b.endS);
  let noFaceFrames = 0;
  let noFaceS = 0;
  let faceS = 0;
  const occludedS = { left: 0, right: 0 };
  for (let i = 0; i < p.n; i++) {
    if (p.occL[i]) occludedS.left += p.dur[i]!;
    if (p.occR[i]) occludedS.right += p.dur[i]!;
    if (p.face[i]) faceS += p.dur[i]!;
    else {
      noFaceFrames++;
      noFaceS += p.dur[i]!;
    }
  }
  const durationS = p.n > 0 ? p.t[p.n - 1]! - p.t[0]! + p.dtMedian : 0;
  const minutes = faceS / 60;
  const spasms = sorted.filter((e) => e.kind === 'spasm');
  const blinks = sorted.filter((e) => e.kind === 'blink');
  const bilateralClosures = sorted.filter((e) => e.kind === 'bilateral_closure').length;
  const spasmS = unionLength(spasms);
  return {
    durationS: round3(durationS),
    fps: Math.round(p.fps * 100) / 100,
    side: overallSide(sorted),
    events: sorted,
    spasmCount: spasms.length,
    spasmsPerMinute: minutes > 0 ? round3(spasms.length / minutes) : 0,
    spasmTimeFraction: faceS > 0 ? round3(Math.min(1, spasmS / faceS)) : 0,
    longestSpasmS: round3(spasms.reduce((m, e) => Math.max(m, e.endS - e.startS), 0)),
    blinkCount: blinks.length,
    blinksPerMinute: minutes > 0 ? round3(blinks.length / minutes) : 0,
    bilateralClosureCount: bilateralClosures,
    redFlags: bilateralClosures > 0 ? ['bilateral_closure'] : [],
    noFaceFrames,
    noFaceS: round3(noFaceS),
    occludedS: { left: round3(occludedS.left), right: round3(occludedS.right) },
    analyzerVersion,
  };
}
