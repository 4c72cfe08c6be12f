/**
 * The mouth-corner signals' head-roll artefact, measured in the series and taken out (README step 5).
 * The corner-to-eye distance does not change when a face turns in the image plane, but the landmarks that
 * give it do not all turn by the same angle: on the vision bench the model's eye corners follow ≈ 0.7 of a
 * head roll while the mouth corners are re-found on the skin, and one corner's signal then moves with the
 * roll (≈ −0.007 inter-ocular distances per degree, the other ≈ −0.001) — a one-sided wander that a 3-s
 * rolling rest lags behind when the head rolls within a few seconds. Its slope is a property of the
 * landmark source, so it is fitted per series and per corner, and only when the head really rolls.
 */
import { medianStat, robustSigma, rollingOnGrid } from './baseline';
import { DETECTOR } from './params';
import { median, type PreparedSeries } from './series-prep';

/**
 * Least-squares slope of corner on roll over frames `use` accepts; one refit without the frames whose
 * residual is over 3 robust σ (a spasm's pull, a glitch), so the movements the analysis looks for do not
 * set the slope.
 */
function rollSlope(corner: Float64Array, roll: Float64Array, frames: number[]): number {
  let keep = frames;
  let slope = 0;
  for (let pass = 0; pass < 2 && keep.length >= 3; pass++) {
    let mx = 0;
    let my = 0;
    for (const i of keep) {
      mx += roll[i]!;
      my += corner[i]!;
    }
    mx /= keep.length;
    my /= keep.length;
    let sxy = 0;
    let sxx = 0;
    for (const i of keep) {
      sxy += (roll[i]! - mx) * (corner[i]! - my);
      sxx += (roll[i]! - mx) ** 2;
    }
    if (!(sxx > 0)) return 0;
    slope = sxy / sxx;
    const residual = frames.map((i) => corner[i]! - my - slope * (roll[i]! - mx));
    const centre = median(residual);
    const sigma = robustSigma(residual.map((r) => r - centre));
    keep = frames.filter((_, k) => Math.abs(residual[k]! - centre) <= 3 * sigma);
  }
  return slope;
}

/**
 * The corner signal with its roll-proportional part removed: corner − slope · (roll − median roll), the slope
 * fitted on the face frames `exclude` leaves (eye events). Unchanged when the series has no roll, or when the
 * head barely rolls (standard deviation of roll under `mouthRollMinSdDeg`): there the slope is not determined,
 * and a spasm's own small tilt of the landmarks would set it.
 */
export function withoutRollArtefact(
  p: PreparedSeries,
  corner: Float64Array,
  exclude: Uint8Array,
  roll: Float64Array = headRoll(p),
): Float64Array {
  const frames: number[] = [];
  for (let i = 0; i < p.n; i++)
    if (p.face[i] && !exclude[i] && !Number.isNaN(corner[i]!) && !Number.isNaN(roll[i]!)) frames.push(i);
  if (frames.length < 3) return corner;
  const rolls = frames.map((i) => roll[i]!);
  const centre = median(rolls);
  // The plain standard deviation, not a robust one: a head that rolls for a few seconds of a minute is
  // exactly the case to correct, and a robust σ would ignore it.
  const mean = rolls.reduce((a, r) => a + r, 0) / rolls.length;
  const sd = Math.sqrt(rolls.reduce((a, r) => a + (r - mean) ** 2, 0) / rolls.length);
  if (sd < DETECTOR.mouthRollMinSdDeg) return corner;
  const slope = rollSlope(corner, roll, frames);
  return corner.map((c, i) => (Number.isNaN(roll[i]!) ? c : c - slope * (roll[i]! - centre)));
}

/**
 * The head's roll: the series' roll under a rolling median over ±`mouthRollSmoothS`. A head turns over
 * seconds, while the eye-corner landmarks that give the roll also move in a blink (≈ 2° for 2–3 frames on the
 * vision bench); taken for roll, that moved one corner by 0.015 IOD during a blink and made a false spasm.
 */
export function headRoll(p: PreparedSeries): Float64Array {
  if (p.roll.every(Number.isNaN)) return p.roll;
  const minCount = Math.max(3, Math.round(DETECTOR.mouthRollSmoothS * (p.fps || 30)));
  return rollingOnGrid(p, p.roll, p.face, DETECTOR.mouthRollSmoothS, medianStat, minCount);
}
