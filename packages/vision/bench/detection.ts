/**
 * Detection quality on moving faces (`npm run bench vision -- --detection [--quick]`): the scenario set of
 * bench/scenarios.ts rendered by the face animator, measured by the whole pipeline (ffmpeg decode, face mesh,
 * signals, events — the same functions as `hemispasm analyze`, one process per video instead of one worker
 * thread per half video), scored against the animator's ground truth with the core's scorer, per condition.
 * Videos and their landmarks are cached in node_modules/.cache/hemispasm-bench/scenarios-<seconds>s
 * (delete it after changing the animator or the model set-up; signal and event code changes need no rerun).
 * A last row scores the 30-fps videos again at 15 fps (every other frame, both phases).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  addCounts,
  analyzeSignals,
  DETECTOR,
  emptyCounts,
  type GroundTruth,
  metrics,
  type ScoreCounts,
  type SignalSeries,
  scoreScenario,
} from '@hemispasm/core';
import { signalsFromLandmarks } from '../src/index';
import { occlusionOf } from '../src/landmarks/eye-occlusion';
import type { AnimationTruth } from '../src/testing/index';
import { cornersPath, floats, landmarksPath, occlusionPath, readLandmarks } from './landmark-cache';
import { type BenchScenario, benchScenarios } from './scenarios';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v <= 0) {
    console.error(`bench: --${name} must be a positive whole number`);
    process.exit(2);
  }
  return v;
}

const quick = process.argv.includes('--quick');
const SEED = 20261201;
// The set: 2 seeds × 60 s per condition. --variants / --seconds run a smaller set of every
// condition (the same videos as --quick where they overlap); --quick a third of the conditions, 20 s.
const variants = arg('variants', quick ? 1 : 2);
const seconds = arg('seconds', quick ? 20 : 60);
const scenarios = benchScenarios(SEED, variants, seconds).filter((_, i) => !quick || i % 3 === 0 || i < 3);
const dir = fileURLToPath(
  new URL(`../../../node_modules/.cache/hemispasm-bench/scenarios-${seconds}s/`, import.meta.url),
);
mkdirSync(dir, { recursive: true });
const videoOf = (s: BenchScenario) => join(dir, `${s.name}.mp4`);

/** Renders and measures the scenarios not cached yet, two processes at a time (one per core). */
async function fillCache(): Promise<void> {
  // Every condition's first video first, so a partial run already covers every condition.
  const todo = scenarios
    .filter((s) => [landmarksPath, cornersPath, occlusionPath].some((path) => !existsSync(path(videoOf(s)))))
    .sort((a, b) => Number(a.name.split('-').at(-1)) - Number(b.name.split('-').at(-1)));
  const script = fileURLToPath(new URL('./scenario-landmarks.ts', import.meta.url));
  const one = (s: BenchScenario) =>
    new Promise<void>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', script, dir, String(SEED), String(variants), String(seconds), s.name],
        { stdio: ['ignore', 'inherit', 'inherit'] },
      );
      child.on('error', reject);
      child.on('exit', (code) => {
        process.stderr.write(`  measured ${s.name}\n`);
        if (code === 0) resolve();
        else reject(new Error(`${s.name}: exit code ${code}`));
      });
    });
  let next = 0;
  const lane = async () => {
    while (next < todo.length) await one(todo[next++]!);
  };
  if (todo.length) process.stderr.write(`rendering and measuring ${todo.length} videos…\n`);
  await Promise.all([lane(), lane()]);
}

/** The facial-signal series of a cached video: the landmarks through the pipeline's own signal function. */
export function seriesOf(video: string, fps: number): SignalSeries {
  const occ = floats(occlusionPath(video));
  return {
    fps,
    frames: readLandmarks(video).map((points, i) => ({
      t: i / fps,
      ...signalsFromLandmarks(points, {
        mirrored: false,
        occlusion: occlusionOf({ right: occ[2 * i] ?? Number.NaN, left: occ[2 * i + 1] ?? Number.NaN }),
      }),
    })),
  };
}

/**
 * True events while something covers an eye (the animator's own truth of its occluders, with the analysis'
 * margin) cannot be measured — a closure of either eye then cannot be told from a blink — so they are left
 * out of the score and counted apart; a spasm DETECTED there still counts against precision.
 */
function hiddenByOccluder(t: AnimationTruth, e: { startS: number; endS: number }): boolean {
  const m = DETECTOR.occlusionMarginS + DETECTOR.blinkLagS;
  return t.events.some((o) => o.kind === 'occlusion' && e.startS < o.endS + m && e.endS > o.startS - m);
}

function coreTruth(t: AnimationTruth): GroundTruth {
  const events = t.events
    .filter((e) => e.kind === 'spasm' || e.kind === 'blink' || e.kind === 'bilateral_closure')
    .filter((e) => !hiddenByOccluder(t, e))
    .map((e) => ({
      startS: e.startS,
      endS: e.endS,
      side: e.side,
      kind: e.kind as 'spasm' | 'blink' | 'bilateral_closure',
      form: (e.kind === 'blink'
        ? 'blink'
        : e.kind === 'bilateral_closure'
          ? 'bilateral'
          : e.form!) as GroundTruth['events'][number]['form'],
      peakClosure: e.peakClosure,
      mouth: e.regions.includes('mouth'),
    }));
  return { events, side: t.side, spasmTimeFraction: 0, noFaceFrames: 0 };
}

const counts = new Map<string, ScoreCounts>();
const HALVED = '30-fps videos at 15 fps (every 2nd frame)';
let totalS = 0;
let healthyS = 0;
let healthySpasms = 0;
let halvedHealthyS = 0;
let halvedHealthySpasms = 0;
let hiddenSpasms = 0;
const sideRows: string[] = [];
await fillCache();
for (const s of scenarios) {
  const video = videoOf(s);
  const truth = JSON.parse(readFileSync(join(dir, `${s.name}.truth.json`), 'utf8')) as AnimationTruth;
  const series = seriesOf(video, truth.fps);
  const analysis = analyzeSignals(series);
  const c = scoreScenario(analysis, coreTruth(truth));
  const healthy = !truth.events.some((e) => e.kind === 'spasm');
  // The 30-fps videos once more at 15 fps (every other frame, both phases): many more twitches at the
  // rate where one is a single frame than the one 15-fps video holds, from the same cached landmarks.
  if (s.animation.fps === 30)
    for (const phase of [0, 1]) {
      const half = analyzeSignals({ fps: 15, frames: series.frames.filter((_, i) => i % 2 === phase) });
      counts.set(
        HALVED,
        addCounts(counts.get(HALVED) ?? emptyCounts(), scoreScenario(half, coreTruth(truth))),
      );
      if (healthy) {
        halvedHealthyS += s.animation.durationS;
        halvedHealthySpasms += half.spasmCount;
      }
    }
  counts.set(s.condition, addCounts(counts.get(s.condition) ?? emptyCounts(), c));
  counts.set('ALL', addCounts(counts.get('ALL') ?? emptyCounts(), c));
  // The same videos by frame rate as well (the issue asks for 15 / 25 / 30 fps side by side).
  const byFps = `all at ${s.animation.fps} fps`;
  counts.set(byFps, addCounts(counts.get(byFps) ?? emptyCounts(), c));
  totalS += s.animation.durationS;
  const spasms = truth.events.filter((e) => e.kind === 'spasm').length;
  hiddenSpasms += truth.events.filter((e) => e.kind === 'spasm' && hiddenByOccluder(truth, e)).length;
  if (spasms === 0) {
    healthyS += s.animation.durationS;
    healthySpasms += analysis.spasmCount;
  }
  if (spasms >= 3) sideRows.push(`${s.name}: truth ${truth.side}, measured ${analysis.side}`);
  process.stderr.write(
    `${s.name}: ${analysis.spasmCount} spasms, ${analysis.blinkCount} blinks, ${analysis.bilateralClosureCount} bilateral\n`,
  );
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
console.log(
  `detection on animated faces — machine: ${cpus()[0]?.model}, ${cpus().length} cores, node ${process.version}`,
);
console.log(
  `inputs: ${scenarios.length} videos (${(totalS / 60).toFixed(1)} min) of the astronaut photo, seed ${SEED}, ${variants} per condition × ${seconds} s${quick ? ' (quick mode)' : ''}\n`,
);
const head = [
  'condition',
  'recall',
  'precision',
  'F1',
  'blink FP',
  'side acc',
  'mouth region',
  'bilat. closures',
];
const fpsRows = [...new Set(scenarios.map((s) => s.animation.fps))]
  .sort((a, b) => a - b)
  .map((f) => `all at ${f} fps`);
if (counts.has(HALVED)) fpsRows.push(HALVED);
const rows = ['ALL', ...new Set(scenarios.map((s) => s.condition)), ...fpsRows].map((c) => {
  const k = counts.get(c)!;
  const m = metrics(k);
  return [
    c,
    m.recall.toFixed(3),
    m.precision.toFixed(3),
    m.f1.toFixed(3),
    pct(m.blinkFpRate),
    pct(m.sideAccuracy),
    pct(m.mouthRegionAccuracy),
    `${k.matchedBilateral}/${k.truthBilateral} (${k.detectedBilateral})`,
  ];
});
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) =>
  `| ${cells.map((x, i) => (i === 0 ? x.padEnd(widths[i]!) : x.padStart(widths[i]!))).join(' | ')} |`;
console.log(
  [line(head), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n'),
);
console.log(
  `\nhealthy faces: ${healthySpasms} spasms in ${(healthyS / 60).toFixed(1)} min (${((10 * healthySpasms) / Math.max(healthyS / 60, 1e-9)).toFixed(2)} per 10 min; target ≤ 1)`,
);
if (halvedHealthyS > 0)
  console.log(
    `healthy faces at 15 fps (every 2nd frame, both phases): ${halvedHealthySpasms} spasms in ${(halvedHealthyS / 60).toFixed(1)} min`,
  );
console.log(
  `true spasms while an occluder covered an eye (not measurable, left out of the score): ${hiddenSpasms}`,
);
console.log(`side (scenarios with ≥ 3 true spasms):\n  ${sideRows.join('\n  ')}`);
