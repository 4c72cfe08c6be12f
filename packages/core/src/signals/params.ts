/**
 * Parameters of the spasm event detector. Each value's reason is in packages/core/src/signals/README.md;
 * they were set on the synthetic benchmark (packages/core/bench) and are not fitted to any one person.
 */
export const DETECTOR = {
  /** Rolling window (± seconds) of the long, coarse open-eye reference: the 90th percentile. */
  longWindowS: 5,
  longPercentile: 0.9,
  /** A frame below this fraction of the coarse reference is "maybe closed" and left out of the fine reference. */
  coarseOpenFraction: 0.6,
  /** Rolling window (± seconds) of the fine reference: the median of open frames; tracks yaw and head motion. */
  shortWindowS: 1.5,
  /** Near the ends the fine window shrinks to stay symmetric, but not below ± this (seconds): enough open
   *  frames to follow head motion without lag, few enough that a spasm at the very start is not averaged in. */
  minEdgeHalfS: 0.75,
  /** Open frames the fine reference needs (seconds' worth); otherwise it widens to the long window. */
  minOpenS: 0.4,
  /** Second pass: frames with a closure above this are left out of the fine reference. */
  refineClosure: 0.25,
  /** References are evaluated on a grid at least this fine (seconds; coarser for wide windows: window/15)
   *  and interpolated between: the same result for slow changes, far less work. */
  gridS: 0.1,
  /** Closure (1 − aperture/reference) that starts an eye event, and the level that bounds its extent. */
  onClosure: 0.25,
  extentClosure: 0.12,
  /** Shortest eye event (seconds) — clonic twitches start at 0.1 s; after the 3-frame median filter. */
  minEventS: 0.06,
  /** At a frame period of at least this (seconds: 20 fps and slower) the eye channels are not median-filtered:
   *  a 0.1-s twitch is one or two frames there, and the 3-frame median flattened a deep frame followed by a
   *  shallow one below the onset level (and, on the vision bench at 15 fps, 2 of 5 blinks). */
  unfilteredEyesMinDtS: 0.05,
  /** There, a lone frame (both neighbours at rest) is an event when its closure is at least this and
   *  `loneFrameNoiseK` σ of the eyes' own closure noise, unless the series shows one-frame landmark glitches
   *  (a lone frame that much more OPEN than the reference): then no lone frame is believed (detect.ts). */
  loneFrameClosure: 0.25,
  loneFrameNoiseK: 6,
  /** ... and only when the other eye stays open (closure < extentClosure) this long (seconds) either side of it. */
  loneQuietS: 0.25,
  /** How late the other eye may be and still make a blink (seconds); compared over shifted frames. */
  blinkLagS: 0.1,
  /** The other eye "closes with" this one when its mean closure over the event core (best shift, minus its
   *  level on the flanks) is at least this absolute level and this fraction of this eye's mean closure. */
  blinkSupportMin: 0.1,
  blinkSupportRatio: 0.3,
  /** Flanks (seconds before/after the event, skipping blinkLagS) that give the other eye's own level. */
  flankS: 0.3,
  /** Mouth: rolling median window (± s) of the rest position; a pull is one-sided when this side's corner
   *  moves at least `mouthPull` inter-ocular distances TOWARD its eye (the only direction HFS pulls it) and
   *  `mouthAsym` more than the other corner moves either way. */
  mouthWindowS: 3,
  mouthPull: 0.03,
  mouthAsym: 0.025,
  /** Mouth corners are averaged over ± this (seconds) before anything else: their landmark jitter is large. */
  mouthSmoothS: 0.05,
  /** Each corner's threshold rises to this many σ of that corner's own (smoothed) jitter, measured in the series. */
  mouthNoiseK: 4,
  /** A mouth-only pull whose same-side lower lid does not narrow (< cheekClosure) must, at its peak, exceed
   *  the other corner by this many σ of the corners' asymmetry noise (rather than mouthNoiseK): one witness,
   *  a wider margin. It removed the healthy, moving, talking face's false lower-face spasm (README step 6). */
  mouthAloneNoiseK: 5,
  /** ... and the other corner must have moved (either way) at most this fraction of the pull: a movement both
   *  corners share, with unequal gains (the two corners' landmarks follow a head turn or zoom differently),
   *  leaves an absolute difference over mouthAsym while being no one-sided pull (README step 5). */
  mouthOtherMaxRatio: 0.5,
  /** The mouth corners' head-roll artefact is taken out (mouth-pose.ts) only when the series' head roll has a
   *  standard deviation of at least this (degrees): a head that really rolls. On the vision bench still faces
   *  measure 0.14–0.28° (landmark jitter and a spasm's small tilt of the mesh), faces rolling ±15° 4.8–5.6°. */
  mouthRollMinSdDeg: 1,
  /** ... and the roll is first a rolling median over ± this (seconds): a head rolls over seconds, while a blink
   *  moves the eye-corner landmarks that give the roll for a few frames (mouth-pose.ts). */
  mouthRollSmoothS: 0.25,
  /** Shortest mouth-only event (seconds). */
  minMouthEventS: 0.1,
  /** Mouth-only runs of one side this close (seconds) are one event: a held lower-face pull whose size
   *  hovers at the thresholds passes them in pieces (README step 6). */
  mouthJoinS: 0.5,
  /** A lower-face (mouth) spasm is also a `cheek` spasm when the same-side eye narrows from below by at least
   *  this closure during it (the model does not follow the cheek's smooth skin; the lower lid it pushes up, it does). */
  cheekClosure: 0.08,
  /** Both eyes shut together (each ≥ onClosure) for longer than this (seconds) is a bilateral closure, not a
   *  blink: blinks last 0.1–0.4 s, and holding both eyes shut is a sign of blepharospasm, not of HFS. */
  bilateralClosureS: 0.5,
  /** Overall side: `bilateral` when the smaller side has at least this many spasms and this fraction of the larger. */
  bilateralMinCount: 3,
  bilateralMinRatio: 0.25,
  /** A covered eye (SignalFrame.occludedL/R) is left out this long (seconds) before and after the frames flagged:
   *  a hand arriving or leaving half covers the eye, and moves the whole mesh, before the check flags it. */
  occlusionMarginS: 0.3,
  /** Covered-eye flags are believed only in runs at least this long (seconds): a hand held to the eye stays for
   *  seconds, while a check that flickers for a few frames (expressions, hair) is not an occluder. */
  occlusionMinS: 0.25,
  /** A time gap longer than this (seconds) between frames splits events, as a no-face stretch does. */
  maxGapS: 0.5,
} as const;

export const ANALYZER_VERSION = 'hemispasm-events/2.5.0';
