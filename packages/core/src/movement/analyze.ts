/**
 * The facial-movement test's analysis (pure, deterministic): a landmark-measure series and the prompt
 * segments in, per-movement per-side amplitudes, symmetry indices, the face at rest, the weakest movement
 * and a House–Brackmann-like band out. Method and parameters: README.md. It supports, and does not
 * replace, a clinician's assessment.
 */
import { InputError } from '../validation';
import {
  type Amplitude,
  amplitudeOf,
  combine,
  globalLevels,
  type Interval,
  projectSmile,
  sideStats,
  type WindowStats,
  windowStats,
} from './amplitude';
import type {
  MovementAnalysis,
  MovementBand,
  MovementProblem,
  MovementResult,
  RestSymmetry,
} from './analysis-schema';
import { gradeOfFunction, MOVEMENT_BAND_LABEL } from './band';
import { MOVEMENT_ANALYZER_VERSION, MOVEMENT_UNITS, MOVEMENT_PARAMS as P } from './params';
import { type PreparedMovement, prepareMovement, type SideMeasures } from './prepare';
import { DEFAULT_SCRIPT, parseMovementScript } from './script';
import type {
  ActiveMovementId,
  MovementId,
  MovementScript,
  MovementSeries,
  PatientSide,
  PromptSegment,
} from './types';

/** What people read for each movement (CLI, messages); interfaces translate from the id. */
export const MOVEMENT_NAMES: Record<MovementId, string> = {
  rest: 'face at rest',
  brow_raise: 'raise the eyebrows',
  eye_closure_gentle: 'close the eyes gently',
  eye_closure_tight: 'close the eyes tightly',
  smile: 'smile showing the teeth',
  pucker: 'pucker the lips',
};

const r1 = (x: number) => Math.round(x * 10) / 10;
const r3 = (x: number) => Math.round(x * 1000) / 1000;
const r4 = (x: number) => Math.round(x * 10000) / 10000;
const clampPct = (x: number) => Math.max(0, Math.min(100, x));
const s1 = (x: number) => x.toFixed(1);

/** Movements measured on the same landmarks: one made during the other's prompt is not "out of window". */
const SAME_MEASURE: Partial<Record<ActiveMovementId, ActiveMovementId>> = {
  eye_closure_gentle: 'eye_closure_tight',
  eye_closure_tight: 'eye_closure_gentle',
};

interface Windows {
  plateau: Interval;
  refs: Interval[];
}

/** The plateau of a prompt and the relaxed windows before and after it. */
function windowsOf(script: MovementScript, index: number): Windows {
  const seg = script.segments[index]!;
  // The face is relaxed from the end of the previous movement's return (rest prompts are relaxed too).
  let relaxedFrom = 0;
  for (let j = index - 1; j >= 0; j--) {
    const prev = script.segments[j]!;
    if (prev.movement !== 'rest') {
      relaxedFrom = prev.endS + P.returnS;
      break;
    }
  }
  const next = script.segments[index + 1];
  const relaxedUntil = next && next.movement !== 'rest' ? next.startS : script.durationS;
  const pre = { a: Math.max(relaxedFrom, seg.startS - P.referenceMaxS), b: seg.startS };
  const postStart = seg.endS + P.returnS;
  const post = { a: postStart, b: Math.min(relaxedUntil, postStart + P.referenceMaxS) };
  return {
    plateau: { a: seg.startS + P.reactionS, b: seg.endS },
    refs: [pre, post].filter((w) => w.b - w.a >= 0.3),
  };
}

const level = (s: WindowStats) => ({ value: s.median, se: s.se });

interface SideResult {
  amp: Amplitude;
}

/** One side's amplitude over a plateau against its references; null when there are not enough frames. */
function measureSide(
  p: PreparedMovement,
  m: ActiveMovementId,
  side: SideMeasures,
  w: Windows,
): SideResult | null {
  const moved = sideStats(p, m, side, w.plateau);
  if (moved.some((s) => !s || s.coverage < P.minFaceFraction)) return null;
  const refs = w.refs.map((r) => sideStats(p, m, side, r));
  const rest: Array<{ value: number; se: number }> = [];
  for (let k = 0; k < moved.length; k++) {
    const usable = refs
      .map((r) => r[k]!)
      .filter((s): s is WindowStats => !!s && s.coverage >= P.minFaceFraction);
    const c = combine(usable);
    if (!c) return null;
    rest.push(c);
  }
  return { amp: amplitudeOf(m, (moved as WindowStats[]).map(level), rest) };
}

/** Looks for the movement outside its own prompt, against the whole recording's median. */
function seenElsewhere(
  p: PreparedMovement,
  m: ActiveMovementId,
  script: MovementScript,
  minAmp: number,
): number | null {
  const excluded = script.segments
    .filter((s) => s.movement === m || s.movement === SAME_MEASURE[m])
    .map((s) => ({ a: s.startS - 0.5, b: s.endS + P.returnS }));
  const levels = { left: globalLevels(p, m, p.left), right: globalLevels(p, m, p.right) };
  const end = p.n ? p.t[p.n - 1]! : 0;
  let best: { at: number; amp: number } | null = null;
  for (let a = p.n ? p.t[0]! : 0; a + P.scanWindowS <= end + 1e-9; a += P.scanStepS) {
    const w = { a, b: a + P.scanWindowS };
    if (excluded.some((x) => w.a < x.b && w.b > x.a)) continue;
    for (const side of ['left', 'right'] as const) {
      const stats = sideStats(p, m, p[side], w);
      if (stats.some((s) => !s || s.coverage < P.minFaceFraction)) continue;
      const { amp } = amplitudeOf(m, (stats as WindowStats[]).map(level), levels[side]);
      if (amp >= minAmp && (!best || amp > best.amp)) best = { at: a, amp };
    }
  }
  return best ? best.at : null;
}

const lastT = (p: PreparedMovement) => (p.n ? p.t[p.n - 1]! : 0);

function measureMovement(
  p: PreparedMovement,
  script: MovementScript,
  index: number,
  problems: MovementProblem[],
): MovementResult {
  const seg = script.segments[index]! as PromptSegment & { movement: ActiveMovementId };
  const m = seg.movement;
  const base: MovementResult = {
    movement: m,
    status: 'measured',
    unit: MOVEMENT_UNITS[m],
    left: null,
    right: null,
    symmetryPct: null,
    ciPct: null,
    weakerSide: null,
    startS: seg.startS,
    endS: seg.endS,
  };
  const name = MOVEMENT_NAMES[m];
  const when = `${s1(seg.startS)}–${s1(seg.endS)} s`;
  const frameS = p.fps > 0 ? 1 / p.fps : 0;
  if (p.n === 0 || lastT(p) + frameS < seg.endS - 0.25 || p.t[0]! > seg.startS + P.reactionS) {
    problems.push({
      movement: m,
      kind: 'not_recorded',
      message: `${name}: its prompt (${when}) is not in the recording (${s1(p.n ? p.t[0]! : 0)}–${s1(lastT(p) + frameS)} s)`,
    });
    return { ...base, status: 'not_recorded' };
  }
  const w = windowsOf(script, index);
  const L0 = measureSide(p, m, p.left, w);
  const R0 = measureSide(p, m, p.right, w);
  if (!L0 || !R0) {
    problems.push({
      movement: m,
      kind: 'no_face',
      message: `${name}: the face was not seen well enough, or too few frames were analysed, during its prompt (${when}) or the pauses around it`,
    });
    return { ...base, status: 'no_face' };
  }
  // Smile amplitudes are projected onto the shared smile direction; other movements are used as measured.
  const [ampL, ampR] = m === 'smile' ? projectSmile(L0.amp, R0.amp) : [L0.amp, R0.amp];
  const aL = Math.max(0, ampL.amp);
  const aR = Math.max(0, ampR.amp);
  const strong = aL >= aR ? ampL : ampR;
  const weak = aL >= aR ? ampR : ampL;
  const aS = Math.max(aL, aR);
  const aW = Math.min(aL, aR);
  const measured = { ...base, left: r4(aL), right: r4(aR) };
  const minAmp = P.minAmplitude[m];
  if (aS < minAmp || aS < P.minAmplitudeSe * strong.se) {
    const at = seenElsewhere(p, m, script, minAmp);
    problems.push(
      at === null
        ? {
            movement: m,
            kind: 'missing',
            message: `${name}: no movement during its prompt (${when})`,
          }
        : {
            movement: m,
            kind: 'out_of_window',
            message: `${name}: not made during its prompt (${when}), but a movement like it was seen at ${s1(at)}–${s1(at + P.scanWindowS)} s: the video does not follow the prompts`,
            seenAtS: r3(at),
          },
    );
    return { ...measured, status: 'missing' };
  }
  const ratio = aW / aS;
  const seRatio = Math.hypot(weak.se, ratio * strong.se) / aS;
  const half = Math.hypot(P.z95 * 100 * seRatio, P.modelErrorPct);
  const pct = 100 * ratio;
  const ci: [number, number] = [r1(clampPct(pct - half)), r1(clampPct(pct + half))];
  return {
    ...measured,
    symmetryPct: r1(pct),
    ciPct: ci,
    // Within the interval of full symmetry neither side is named weaker.
    weakerSide: ci[1] >= 100 ? null : aL < aR ? 'left' : 'right',
  };
}

/** Palpebral fissure and mouth-corner height at rest, over the rest prompt. */
function restSymmetry(p: PreparedMovement, seg: PromptSegment | undefined): RestSymmetry | null {
  if (!seg) return null;
  const w = { a: seg.startS, b: seg.endS };
  const get = (arr: Float64Array) => {
    const s = windowStats(p, arr, w);
    return s && s.coverage >= P.minFaceFraction ? s.median : null;
  };
  const oL = get(p.left.open);
  const oR = get(p.right.open);
  const dL = get(p.left.down);
  const dR = get(p.right.down);
  if (oL === null || oR === null || dL === null || dR === null || !(Math.max(oL, oR) > 0)) return null;
  return {
    palpebralSymmetryPct: r1((100 * Math.min(oL, oR)) / Math.max(oL, oR)),
    narrowerEye: oL < oR ? 'left' : 'right',
    mouthCornerHeightDiffPct: r1(100 * Math.abs(dL - dR)),
    lowerCorner: dL > dR ? 'left' : 'right',
  };
}

/** A side's amplitude relative to the other side's, in % capped at 100. */
function relativeTo(r: MovementResult, side: PatientSide): number {
  const mine = (side === 'left' ? r.left : r.right) ?? 0;
  const other = (side === 'left' ? r.right : r.left) ?? 0;
  return other > 0 ? Math.min(100, (100 * mine) / other) : 100;
}

/** Half-width of a result's 95 % interval, in percentage points. */
const halfWidth = (r: MovementResult) => (r.ciPct ? (r.ciPct[1] - r.ciPct[0]) / 2 : 0);

function bandOf(measured: MovementResult[], side: PatientSide | 'none'): MovementBand | null {
  const brow = measured.find((r) => r.movement === 'brow_raise');
  const smile = measured.find((r) => r.movement === 'smile');
  if (!brow || !smile || side === 'none') return null;
  const f = (relativeTo(brow, side) + relativeTo(smile, side)) / 2;
  // Each index's interval already holds the model-error allowance; the mean's is half their quadrature sum,
  // but never narrower than the allowance itself (the two share one landmark model).
  const half = Math.max(P.modelErrorPct, Math.hypot(halfWidth(brow), halfWidth(smile)) / 2);
  const lo = clampPct(f - half);
  const hi = clampPct(f + half);
  return {
    side,
    functionPct: r1(f),
    ciPct: [r1(lo), r1(hi)],
    grade: gradeOfFunction(f),
    gradeRange: [gradeOfFunction(hi), gradeOfFunction(lo)],
    label: MOVEMENT_BAND_LABEL,
  };
}

/** The side that moves less over the measured movements (mean of its amplitudes relative to the other's). */
function weakerSideOf(measured: MovementResult[]): PatientSide | 'none' {
  if (measured.length === 0) return 'none';
  const mean = (side: PatientSide) => measured.reduce((a, r) => a + relativeTo(r, side), 0) / measured.length;
  const l = mean('left');
  const r = mean('right');
  return l < r ? 'left' : r < l ? 'right' : 'none';
}

export interface MovementAnalysisOptions {
  /** The prompt timing; default DEFAULT_SCRIPT (what the web app shows). */
  script?: MovementScript;
}

/** Analyses one recording of the guided facial-movement test. Throws InputError for a malformed series or script. */
export function analyzeMovement(
  series: MovementSeries,
  options: MovementAnalysisOptions = {},
): MovementAnalysis {
  if (!series || !Array.isArray(series.frames))
    throw new InputError([{ path: 'frames', message: 'expected an array of frames' }]);
  const script = parseMovementScript(options.script ?? DEFAULT_SCRIPT);
  const p = prepareMovement(series);
  const problems: MovementProblem[] = [];
  const movements: MovementResult[] = [];
  script.segments.forEach((seg, i) => {
    if (seg.movement !== 'rest') movements.push(measureMovement(p, script, i, problems));
  });
  const restSeg = script.segments.find((s) => s.movement === 'rest');
  const rest = restSymmetry(p, restSeg);
  if (restSeg && !rest) {
    const recorded = p.n > 0 && lastT(p) >= restSeg.endS - 0.25;
    problems.push({
      movement: 'rest',
      kind: recorded ? 'no_face' : 'not_recorded',
      message: recorded
        ? 'face at rest: the face was not seen well enough during its prompt'
        : `face at rest: its prompt (${s1(restSeg.startS)}–${s1(restSeg.endS)} s) is not in the recording`,
    });
  }
  const measured = movements.filter((r) => r.status === 'measured');
  const weakest = measured.reduce<MovementResult | null>(
    (w, r) => (!w || r.symmetryPct! < w.symmetryPct! ? r : w),
    null,
  );
  const weakerSide = weakerSideOf(measured);
  const durationS = p.n ? lastT(p) - p.t[0]! + (p.fps > 0 ? 1 / p.fps : 0) : 0;
  return {
    durationS: r3(durationS),
    fps: Math.round(p.fps * 100) / 100,
    script,
    followsPrompts: problems.length === 0,
    problems,
    movements,
    rest,
    weakestMovement: weakest?.movement ?? null,
    weakerSide,
    band: bandOf(measured, weakerSide),
    noFaceFrames: p.noFaceFrames,
    analyzerVersion: MOVEMENT_ANALYZER_VERSION,
  };
}
