/**
 * Seeded synthetic facial-signal series with ground truth, for tests and the detection benchmark.
 *
 * Model (per frame, per patient side s):
 *   eye_s   = open_s · motion_s(t) · (1 − 0.85 · closure_s(t)) · (1 + noise)
 *   mouth_s = rest_s + drift(t) − pull_s(t) + noise   (a pull draws the corner toward the eye: the
 *                                                   corner-to-eye distance shrinks, as in packages/vision)
 * open_s carries the person's eye size, a naturally narrower affected eye and the landmark model's
 * left/right bias; motion_s(t) is slow head motion (both eyes together) and yaw (the two eyes in
 * opposite directions). A fully closed eye keeps 15 % of its aperture, as landmark models do.
 * closure_s(t) is the max of every event's envelope on that side: blinks (both eyes, one possibly a
 * frame or two late and shallower), clonic twitches (0.1–0.6 s, in bursts, often partial) and tonic
 * spasms (1–5 s, sustained with tremor, often pulling the same-side mouth corner).
 * Then: single-frame glitches, stretches with no face (all cells null), and timestamp jitter with
 * dropped frames. Ground truth intervals are where the true closure is ≥ 0.1 (the visible part).
 */
import { unionLength } from './summary';
import type { SignalFrame, SignalSeries } from './types';

export type TruthSide = 'left' | 'right';
export interface TruthEvent {
  startS: number;
  endS: number;
  side: TruthSide | 'both';
  kind: 'spasm' | 'blink' | 'bilateral_closure';
  form: 'clonic' | 'tonic' | 'lower_face' | 'blink' | 'bilateral';
  peakClosure: number;
  mouth: boolean;
}

export interface GroundTruth {
  events: TruthEvent[];
  side: 'left' | 'right' | 'none' | 'bilateral';
  /** Fraction of the time with a face in view that lies inside a spasm. */
  spasmTimeFraction: number;
  noFaceFrames: number;
}

export interface ScenarioConfig {
  seed: number;
  durationS: number;
  fps: number;
  affected: 'left' | 'right' | 'none' | 'bilateral';
  /** Bursts of clonic twitches per minute on each affected side. */
  clonicBurstsPerMin: number;
  tonicPerMin: number;
  blinksPerMin: number;
  /** Lower-face spasms per minute on each affected side: the mouth corner pulled (0.05–0.12 IOD) for
   *  0.4–3 s with the eye narrowing only a little from below (closure 0.03–0.12). */
  lowerFacePerMin: number;
  /** Closures of both eyes held 0.7–3 s (blepharospasm-like), per minute. */
  bilateralClosuresPerMin: number;
  /** Fraction of blinks that are incomplete (peak closure 0.4–0.8). */
  partialBlinkFraction: number;
  /** One eye up to `blinkLagFrames` late and up to 40 % shallower in each blink. */
  asymmetricBlinks: boolean;
  /** Fraction of tonic spasms that a blink sets off (both eyes close, the affected one stays shut). */
  blinkTriggeredFraction: number;
  blinkLagFrames: number;
  /** Affected eye's open aperture relative to the other (e.g. 0.8 = naturally narrower). */
  affectedEyeScale: number;
  /** Model bias: left eye × (1 + bias/2), right × (1 − bias/2). */
  bias: number;
  /** Amplitude of yaw (opposite on the two eyes) and of pitch/distance (same on both), fractions. */
  yawAmplitude: number;
  pitchAmplitude: number;
  /** Single-frame landmark glitches per second. */
  glitchesPerS: number;
  /** Number of stretches with no face (0.5–3 s each). */
  noFaceStretches: number;
  /** Timestamp jitter as a fraction of the frame period, and probability of a dropped frame. */
  timeJitter: number;
  dropFrameProb: number;
  /** Relative noise of the eye aperture and absolute noise of the mouth (inter-ocular distances). */
  eyeNoise: number;
  mouthNoise: number;
}

export const DEFAULT_SCENARIO: Omit<ScenarioConfig, 'seed'> = {
  durationS: 60,
  fps: 30,
  affected: 'right',
  clonicBurstsPerMin: 6,
  tonicPerMin: 2,
  blinksPerMin: 17,
  lowerFacePerMin: 0,
  bilateralClosuresPerMin: 0,
  partialBlinkFraction: 0.3,
  asymmetricBlinks: true,
  blinkTriggeredFraction: 0,
  blinkLagFrames: 2,
  affectedEyeScale: 1,
  bias: 0,
  yawAmplitude: 0.04,
  pitchAmplitude: 0.03,
  glitchesPerS: 0,
  noFaceStretches: 0,
  timeJitter: 0,
  dropFrameProb: 0,
  eyeNoise: 0.03,
  mouthNoise: 0.015,
};

export interface SyntheticScenario {
  name: string;
  condition: string;
  config: ScenarioConfig;
  series: SignalSeries;
  truth: GroundTruth;
}

/** mulberry32: small, fast, seedable; good enough for test data. */
export function makeRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box–Muller) from a uniform generator. */
export function gaussian(rng: () => number): number {
  const u = Math.max(rng(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

const uniform = (rng: () => number, lo: number, hi: number) => lo + (hi - lo) * rng();

/** An event's closure over time: rise, hold, fall (smoothstep edges), optionally with tremor. */
interface Envelope {
  side: TruthSide;
  start: number;
  rise: number;
  hold: number;
  fall: number;
  peak: number;
  tremor: number;
  tremorHz: number;
  mouthPull: number;
}

const smooth = (x: number) => (x <= 0 ? 0 : x >= 1 ? 1 : x * x * (3 - 2 * x));

function envelopeAt(e: Envelope, t: number): number {
  const x = t - e.start;
  const total = e.rise + e.hold + e.fall;
  if (x <= 0 || x >= total) return 0;
  let level: number;
  if (x < e.rise) level = smooth(x / e.rise);
  else if (x < e.rise + e.hold) level = 1;
  else level = 1 - smooth((x - e.rise - e.hold) / e.fall);
  const tremor = e.tremor > 0 ? 1 - e.tremor * (0.5 + 0.5 * Math.sin(2 * Math.PI * e.tremorHz * x)) : 1;
  return e.peak * level * tremor;
}

/** The interval where the envelope is ≥ `level` (edges are monotone, so solve on each edge). */
function visibleInterval(e: Envelope, level: number): [number, number] {
  const frac = Math.min(1, level / e.peak);
  // smoothstep inverse by bisection: tiny and exact enough.
  const inv = (y: number) => {
    let lo = 0;
    let hi = 1;
    for (let i = 0; i < 30; i++) {
      const mid = (lo + hi) / 2;
      if (smooth(mid) < y) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  };
  const x = inv(frac);
  return [e.start + x * e.rise, e.start + e.rise + e.hold + (1 - x) * e.fall];
}

const TRUTH_LEVEL = 0.1;

interface Busy {
  start: number;
  end: number;
}
const overlaps = (list: Busy[], s: number, e: number, margin: number) =>
  list.some((b) => s < b.end + margin && e > b.start - margin);

export function generateScenario(
  config: ScenarioConfig,
  name = 'scenario',
  condition = name,
): SyntheticScenario {
  const rng = makeRng(config.seed);
  const c = config;
  const dtNominal = 1 / c.fps;
  const envelopes: Envelope[] = [];
  const truth: TruthEvent[] = [];
  const spasmBusy: Busy[] = [];
  const clonicBusy: Busy[] = [];
  const triggeredBlinks: number[] = [];
  const sides: TruthSide[] =
    c.affected === 'none' ? [] : c.affected === 'bilateral' ? ['left', 'right'] : [c.affected];
  const usable = c.durationS - 1;

  // Tonic spasms first (long), then clonic bursts in the remaining time, then blinks.
  for (const side of sides) {
    const nTonic = Math.round((c.tonicPerMin * c.durationS) / 60);
    for (let k = 0, tries = 0; k < nTonic && tries < 200; tries++) {
      const rise = uniform(rng, 0.08, 0.3);
      const hold = uniform(rng, 0.8, 4.4);
      const fall = uniform(rng, 0.15, 0.4);
      const start = uniform(rng, 0.5, usable - rise - hold - fall);
      if (start < 0.5 || overlaps(spasmBusy, start, start + rise + hold + fall, 0.8)) continue;
      const env: Envelope = {
        side,
        start,
        rise,
        hold,
        fall,
        peak: uniform(rng, 0.6, 1),
        tremor: uniform(rng, 0, 0.25),
        tremorHz: uniform(rng, 4, 9),
        mouthPull: rng() < 0.7 ? uniform(rng, 0.04, 0.12) : 0,
      };
      envelopes.push(env);
      if (c.blinkTriggeredFraction > 0 && rng() < c.blinkTriggeredFraction)
        triggeredBlinks.push(start - 0.03);
      const [s, e] = visibleInterval(env, TRUTH_LEVEL);
      truth.push({
        startS: s,
        endS: e,
        side,
        kind: 'spasm',
        form: 'tonic',
        peakClosure: env.peak,
        mouth: env.mouthPull > 0,
      });
      spasmBusy.push({ start: s, end: e });
      k++;
    }
    const nBursts = Math.round((c.clonicBurstsPerMin * c.durationS) / 60);
    for (let k = 0, tries = 0; k < nBursts && tries < 400; tries++) {
      const twitches = 1 + Math.floor(rng() * 5);
      let t = uniform(rng, 0.5, usable - 3);
      const burst: Envelope[] = [];
      for (let i = 0; i < twitches; i++) {
        const d = uniform(rng, 0.1, 0.6);
        const env: Envelope = {
          side,
          start: t,
          rise: d * 0.25,
          hold: d * 0.4,
          fall: d * 0.35,
          peak: rng() < 0.5 ? uniform(rng, 0.35, 0.75) : uniform(rng, 0.75, 1),
          tremor: 0,
          tremorHz: 0,
          mouthPull: rng() < 0.3 ? uniform(rng, 0.02, 0.06) : 0,
        };
        burst.push(env);
        t += d + uniform(rng, 0.12, 0.5);
      }
      const bs = burst[0]!.start;
      const be = t;
      if (be > usable || overlaps(spasmBusy, bs, be, 0.8)) continue;
      for (const env of burst) {
        envelopes.push(env);
        const [s, e] = visibleInterval(env, TRUTH_LEVEL);
        truth.push({
          startS: s,
          endS: e,
          side,
          kind: 'spasm',
          form: 'clonic',
          peakClosure: env.peak,
          mouth: env.mouthPull > 0,
        });
        clonicBusy.push({ start: s, end: e });
      }
      spasmBusy.push({ start: bs, end: be });
      k++;
    }
    const nLower = Math.round((c.lowerFacePerMin * c.durationS) / 60);
    for (let k = 0, tries = 0; k < nLower && tries < 200; tries++) {
      const hold = uniform(rng, 0.3, 2.6);
      const start = uniform(rng, 0.5, usable - hold - 0.4);
      if (overlaps(spasmBusy, start, start + hold + 0.4, 0.8)) continue;
      const env: Envelope = {
        side,
        start,
        rise: 0.1,
        hold,
        fall: 0.2,
        peak: uniform(rng, 0.03, 0.12),
        tremor: 0,
        tremorHz: 0,
        mouthPull: uniform(rng, 0.05, 0.12),
      };
      envelopes.push(env);
      // Truth span: where the mouth pull is ≥ 10 % of its peak (the eye hardly moves).
      const [s, e] = visibleInterval({ ...env, peak: 1 }, TRUTH_LEVEL);
      truth.push({
        startS: s,
        endS: e,
        side,
        kind: 'spasm',
        form: 'lower_face',
        peakClosure: env.peak,
        mouth: true,
      });
      spasmBusy.push({ start: s, end: e });
      k++;
    }
  }

  // Bilateral closures: both eyes shut and held together.
  const nBilateral = Math.round((c.bilateralClosuresPerMin * c.durationS) / 60);
  for (let k = 0, tries = 0; k < nBilateral && tries < 200; tries++) {
    const hold = uniform(rng, 0.6, 2.8);
    const start = uniform(rng, 0.5, usable - hold - 0.5);
    if (overlaps(spasmBusy, start, start + hold + 0.5, 0.8)) continue;
    const peak = uniform(rng, 0.85, 1);
    let bs = Number.POSITIVE_INFINITY;
    let be = 0;
    for (const side of ['left', 'right'] as const) {
      const env: Envelope = {
        side,
        start,
        rise: 0.12,
        hold,
        fall: 0.25,
        peak,
        tremor: 0.1,
        tremorHz: 5,
        mouthPull: 0,
      };
      envelopes.push(env);
      const [s, e] = visibleInterval(env, TRUTH_LEVEL);
      bs = Math.min(bs, s);
      be = Math.max(be, e);
    }
    truth.push({
      startS: bs,
      endS: be,
      side: 'both',
      kind: 'bilateral_closure',
      form: 'bilateral',
      peakClosure: peak,
      mouth: false,
    });
    spasmBusy.push({ start: bs, end: be });
    k++;
  }

  // Blinks: both eyes; may fall inside a tonic spasm (the closed eye stays closed), never across a
  // clonic twitch (a blink on top of a 0.2 s twitch cannot be told apart, even by a person).
  const nBlinks = Math.round((c.blinksPerMin * c.durationS) / 60);
  const blinkBusy: Busy[] = [];
  for (let k = 0, tries = 0; k < nBlinks + triggeredBlinks.length && tries < 1000; tries++) {
    const d = uniform(rng, 0.12, 0.4);
    const forced = k < triggeredBlinks.length;
    const start = forced ? triggeredBlinks[k]! : uniform(rng, 0.3, usable - d);
    if (
      !forced &&
      (overlaps(clonicBusy, start, start + d, 0.35) || overlaps(blinkBusy, start, start + d, 0.6))
    )
      continue;
    const peak = rng() < c.partialBlinkFraction ? uniform(rng, 0.4, 0.8) : uniform(rng, 0.85, 1);
    const lagSide: TruthSide = rng() < 0.5 ? 'left' : 'right';
    const lag = c.asymmetricBlinks ? Math.floor(rng() * (c.blinkLagFrames + 1)) * dtNominal : 0;
    const shallow = c.asymmetricBlinks ? uniform(rng, 0.6, 1) : 1;
    let bs = Number.POSITIVE_INFINITY;
    let be = 0;
    for (const side of ['left', 'right'] as const) {
      const env: Envelope = {
        side,
        start: start + (side === lagSide ? lag : 0),
        rise: d * 0.3,
        hold: d * 0.1,
        fall: d * 0.6,
        peak: peak * (side === lagSide ? shallow : 1),
        tremor: 0,
        tremorHz: 0,
        mouthPull: 0,
      };
      envelopes.push(env);
      const [s, e] = visibleInterval(env, TRUTH_LEVEL);
      bs = Math.min(bs, s);
      be = Math.max(be, e);
    }
    truth.push({
      startS: bs,
      endS: be,
      side: 'both',
      kind: 'blink',
      form: 'blink',
      peakClosure: peak,
      mouth: false,
    });
    blinkBusy.push({ start: bs, end: be });
    k++;
  }

  // No-face stretches, placed away from every event so the truth stays measurable.
  const noFace: Busy[] = [];
  const allBusy = truth.map((e) => ({ start: e.startS, end: e.endS }));
  for (let k = 0, tries = 0; k < c.noFaceStretches && tries < 500; tries++) {
    const d = uniform(rng, 0.5, 3);
    const s = uniform(rng, 1, usable - d);
    if (overlaps(allBusy, s, s + d, 0.3) || overlaps(noFace, s, s + d, 1)) continue;
    noFace.push({ start: s, end: s + d });
    k++;
  }

  // Timestamps.
  const times: number[] = [];
  for (let i = 0, last = -1; i * dtNominal < c.durationS; i++) {
    if (i > 0 && rng() < c.dropFrameProb) continue;
    let t = i * dtNominal + (i > 0 ? uniform(rng, -c.timeJitter, c.timeJitter) * dtNominal : 0);
    if (t <= last) t = last + dtNominal * 0.1;
    times.push(t);
    last = t;
  }

  const base = uniform(rng, 0.26, 0.34);
  const affectedScale = (side: TruthSide) =>
    c.affected === side || c.affected === 'bilateral' ? c.affectedEyeScale : 1;
  const open = {
    left: base * (1 + c.bias / 2) * affectedScale('left'),
    right: base * (1 - c.bias / 2) * affectedScale('right'),
  };
  const mouthRest = { left: uniform(rng, -0.02, 0.02), right: uniform(rng, -0.02, 0.02) };
  const yawP = uniform(rng, 6, 15);
  const yawPh = uniform(rng, 0, 2 * Math.PI);
  const pitchP = uniform(rng, 5, 12);
  const pitchPh = uniform(rng, 0, 2 * Math.PI);
  const driftPh = uniform(rng, 0, 2 * Math.PI);
  const bySide = {
    left: envelopes.filter((e) => e.side === 'left'),
    right: envelopes.filter((e) => e.side === 'right'),
  };

  const frames: SignalFrame[] = [];
  let noFaceFrames = 0;
  for (const t of times) {
    if (noFace.some((b) => t >= b.start && t < b.end)) {
      frames.push({ t, eyeL: null, eyeR: null, mouthL: null, mouthR: null });
      noFaceFrames++;
      continue;
    }
    const yaw = c.yawAmplitude * Math.sin((2 * Math.PI * t) / yawP + yawPh);
    const pitch = c.pitchAmplitude * Math.sin((2 * Math.PI * t) / pitchP + pitchPh);
    const drift = 0.008 * Math.sin((2 * Math.PI * t) / 20 + driftPh);
    const value = (side: TruthSide) => {
      let closure = 0;
      let pull = 0;
      for (const e of bySide[side]) {
        const v = envelopeAt(e, t);
        if (v > closure) closure = v;
        if (e.mouthPull > 0 && v > 0) pull = Math.max(pull, (e.mouthPull * v) / e.peak);
      }
      const motion = (1 + pitch) * (1 + (side === 'left' ? yaw : -yaw));
      const eye = open[side] * motion * (1 - 0.85 * closure) * (1 + c.eyeNoise * gaussian(rng));
      // A pull draws the corner toward the same-side eye: the signal (corner-to-eye distance) shrinks.
      const mouth = mouthRest[side] + drift - pull + c.mouthNoise * gaussian(rng);
      return { eye: Math.max(0, eye), mouth };
    };
    const l = value('left');
    const r = value('right');
    frames.push({ t, eyeL: l.eye, eyeR: r.eye, mouthL: l.mouth, mouthR: r.mouth });
  }

  // Single-frame glitches: a landmark jump on one or both eyes (wildly open or collapsed).
  // Isolated (≥ 3 frames apart): two glitches on adjacent frames are a 2-frame closure, which no
  // detector can tell from a real 60–80 ms twitch.
  const nGlitches = Math.round(c.glitchesPerS * c.durationS);
  const glitched = new Set<number>();
  for (let k = 0, tries = 0; k < nGlitches && tries < nGlitches * 20; tries++) {
    const i = 1 + Math.floor(rng() * (frames.length - 2));
    const f = frames[i]!;
    if (f.eyeL === null || f.eyeR === null) continue;
    if ([-2, -1, 0, 1, 2].some((d) => glitched.has(i + d))) continue;
    glitched.add(i);
    k++;
    const factor = rng() < 0.5 ? uniform(rng, 0.05, 0.4) : uniform(rng, 1.4, 2);
    const which = rng();
    if (which < 0.4) f.eyeL *= factor;
    else if (which < 0.8) f.eyeR *= factor;
    else {
      f.eyeL *= factor;
      f.eyeR *= factor;
    }
    if (rng() < 0.3 && f.mouthL !== null) f.mouthL += uniform(rng, -0.1, 0.1);
  }

  truth.sort((a, b) => a.startS - b.startS);
  const faceS = faceSeconds(frames);
  const spasmS = unionLength(truth.filter((e) => e.kind === 'spasm'));
  return {
    name,
    condition,
    config,
    series: { frames, fps: c.fps },
    truth: {
      events: truth,
      side: c.affected,
      spasmTimeFraction: faceS > 0 ? Math.min(1, spasmS / faceS) : 0,
      noFaceFrames,
    },
  };
}

function faceSeconds(frames: SignalFrame[]): number {
  let s = 0;
  for (let i = 0; i + 1 < frames.length; i++) {
    if (frames[i]!.eyeL !== null) s += frames[i + 1]!.t - frames[i]!.t;
  }
  return s;
}

/** One scenario per condition the detector must handle; `variants` seeds per condition. */
export const CONDITIONS: { condition: string; config: Partial<ScenarioConfig> }[] = [
  { condition: 'neutral (no spasm)', config: { affected: 'none' } },
  {
    condition: 'blinks only, asymmetric+partial',
    config: { affected: 'none', blinksPerMin: 30, partialBlinkFraction: 0.5 },
  },
  { condition: 'clonic bursts', config: { clonicBurstsPerMin: 10, tonicPerMin: 0 } },
  { condition: 'tonic + mouth', config: { clonicBurstsPerMin: 0, tonicPerMin: 4 } },
  { condition: 'mixed, left side', config: { affected: 'left' } },
  { condition: 'narrower affected eye', config: { affectedEyeScale: 0.78 } },
  { condition: 'head motion + yaw ±15%', config: { yawAmplitude: 0.15, pitchAmplitude: 0.08 } },
  { condition: 'glitches', config: { glitchesPerS: 1 } },
  { condition: 'no-face stretches', config: { noFaceStretches: 4 } },
  { condition: '15 fps', config: { fps: 15 } },
  { condition: '25 fps', config: { fps: 25 } },
  { condition: '60 fps', config: { fps: 60 } },
  { condition: 'irregular timestamps', config: { timeJitter: 0.3, dropFrameProb: 0.04, fps: 30 } },
  { condition: 'model bias +10%', config: { bias: 0.1 } },
  { condition: 'model bias −10%', config: { bias: -0.1, affected: 'left' } },
  {
    condition: 'blink-triggered tonic spasms',
    config: { clonicBurstsPerMin: 3, tonicPerMin: 4, blinkTriggeredFraction: 0.8 },
  },
  { condition: 'noisy landmarks (5 %)', config: { eyeNoise: 0.05, mouthNoise: 0.025 } },
  {
    condition: 'lower-face spasms',
    config: { clonicBurstsPerMin: 3, tonicPerMin: 1, lowerFacePerMin: 5 },
  },
  { condition: 'bilateral closures (not HFS)', config: { affected: 'none', bilateralClosuresPerMin: 8 } },
  { condition: 'bilateral HFS', config: { affected: 'bilateral', clonicBurstsPerMin: 5, tonicPerMin: 1 } },
  {
    condition: 'everything at once',
    config: {
      affected: 'left',
      affectedEyeScale: 0.8,
      bias: 0.1,
      yawAmplitude: 0.15,
      pitchAmplitude: 0.08,
      glitchesPerS: 0.5,
      noFaceStretches: 2,
      blinkTriggeredFraction: 0.3,
      eyeNoise: 0.04,
      fps: 25,
      timeJitter: 0.2,
      dropFrameProb: 0.02,
    },
  },
  // Last, so the seeds of the conditions above stay as they were: below 20 fps the eyes are not
  // median-filtered (params.ts unfilteredEyesMinDtS), so glitches reach the detector there.
  { condition: 'glitches at 15 fps', config: { glitchesPerS: 1, fps: 15 } },
];

/** The fixed scenario set: every condition × `variants` seeds derived from `seed`. */
export function standardScenarios(seed: number, variants = 3, durationS = 60): SyntheticScenario[] {
  const out: SyntheticScenario[] = [];
  CONDITIONS.forEach(({ condition, config }, ci) => {
    for (let v = 0; v < variants; v++) {
      const s = (seed * 1000003 + ci * 7919 + v * 104729) >>> 0;
      out.push(
        generateScenario(
          { ...DEFAULT_SCENARIO, durationS, ...config, seed: s },
          `${condition} #${v + 1}`,
          condition,
        ),
      );
    }
  });
  return out;
}
