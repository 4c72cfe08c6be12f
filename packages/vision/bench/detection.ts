/**
 * Detection quality on moving faces (`npm run bench vision -- --detection [--quick]`): the scenario set of
 * bench/scenarios.ts rendered by the face animator, measured by the whole pipeline (ffmpeg, face mesh,
 * signals, events), scored against the animator's ground truth with the core's scorer, per condition.
 * Videos and their signals are cached in node_modules/.cache/hemispasm-bench/scenarios (delete to redo).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  addCounts,
  analyzeSignals,
  emptyCounts,
  formatSignalCsv,
  type GroundTruth,
  metrics,
  parseSignalCsv,
  type ScoreCounts,
  scoreScenario,
} from '@hemispasm/core';
import { extractSignalsFromVideo } from '../src/index';
import { type AnimationTruth, writeAnimatedVideo } from '../src/testing/index';
import { benchScenarios } from './scenarios';

const quick = process.argv.includes('--quick');
const variants = quick ? 1 : 2;
const seconds = quick ? 20 : 60;
const scenarios = benchScenarios(20261201, variants, seconds).filter(
  (_, i) => !quick || i % 3 === 0 || i < 3,
);
const dir = fileURLToPath(
  new URL(`../../../node_modules/.cache/hemispasm-bench/scenarios-${seconds}s/`, import.meta.url),
);
mkdirSync(dir, { recursive: true });

function coreTruth(t: AnimationTruth): GroundTruth {
  const events = t.events
    .filter((e) => e.kind === 'spasm' || e.kind === 'blink' || e.kind === 'bilateral_closure')
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
let totalS = 0;
let healthyS = 0;
let healthySpasms = 0;
const sideRows: string[] = [];
for (const s of scenarios) {
  const video = join(dir, `${s.name}.mp4`);
  const csv = join(dir, `${s.name}.signals.csv`);
  const truth =
    existsSync(video) && existsSync(join(dir, `${s.name}.truth.json`))
      ? (JSON.parse(readFileSync(join(dir, `${s.name}.truth.json`), 'utf8')) as AnimationTruth)
      : await writeAnimatedVideo(video, s.animation);
  if (!existsSync(csv))
    writeFileSync(csv, formatSignalCsv(await extractSignalsFromVideo(video, { workers: 2 })));
  const analysis = analyzeSignals(parseSignalCsv(readFileSync(csv, 'utf8')));
  const c = scoreScenario(analysis, coreTruth(truth));
  counts.set(s.condition, addCounts(counts.get(s.condition) ?? emptyCounts(), c));
  counts.set('ALL', addCounts(counts.get('ALL') ?? emptyCounts(), c));
  totalS += s.animation.durationS;
  const spasms = truth.events.filter((e) => e.kind === 'spasm').length;
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
  `inputs: ${scenarios.length} videos (${(totalS / 60).toFixed(1)} min) of the astronaut photo, seed 20261201${quick ? ' (quick mode)' : ''}\n`,
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
const rows = ['ALL', ...new Set(scenarios.map((s) => s.condition))].map((c) => {
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
console.log(`side (scenarios with ≥ 3 true spasms):\n  ${sideRows.join('\n  ')}`);
