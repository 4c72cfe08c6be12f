/**
 * Detection-quality benchmark (`npm run bench core`): our spasm detector next to two simple baselines,
 * on the same seeded synthetic scenarios (every condition of packages/core/src/signals/synthetic.ts),
 * scored by packages/core/src/signals/score.ts; then each detector's throughput (median of runs).
 * Options: --seed N (default 20261125), --variants N per condition (default 3), --seconds N (default 60).
 */
import { cpus } from 'node:os';
import type { SignalSeries, SpasmAnalysis } from '../src/index';
import { analyzeSignals } from '../src/signals/analyze';
import {
  addCounts,
  emptyCounts,
  MATCH_MIN_OVERLAP,
  metrics,
  type ScoreCounts,
  scoreScenario,
} from '../src/signals/score';
import { DEFAULT_SCENARIO, generateScenario, standardScenarios } from '../src/signals/synthetic';
import { asymmetryRuleDetector, earThresholdDetector } from './baselines';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v <= 0) {
    console.error(`bench: --${name} must be a positive number`);
    process.exit(2);
  }
  return v;
}

const seed = arg('seed', 20261125);
const variants = arg('variants', 3);
const seconds = arg('seconds', 60);

const detectors: { name: string; run: (s: SignalSeries) => SpasmAnalysis }[] = [
  { name: 'hemispasm', run: analyzeSignals },
  { name: 'EAR threshold', run: earThresholdDetector },
  { name: 'asymmetry 0.45', run: asymmetryRuleDetector },
];

const scenarios = standardScenarios(seed, variants, seconds);
const conditions = [...new Set(scenarios.map((s) => s.condition))];
const counts = new Map<string, ScoreCounts>();
const key = (d: string, c: string) => `${d}\u0000${c}`;
for (const s of scenarios) {
  for (const d of detectors) {
    const c = scoreScenario(d.run(s.series), s.truth);
    counts.set(key(d.name, s.condition), addCounts(counts.get(key(d.name, s.condition)) ?? emptyCounts(), c));
    counts.set(key(d.name, 'ALL'), addCounts(counts.get(key(d.name, 'ALL')) ?? emptyCounts(), c));
  }
}

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

const totalS = scenarios.reduce((s, sc) => s + (sc.series.frames.at(-1)?.t ?? 0), 0);
const truth = [...counts.entries()].find(([k]) => k === key('hemispasm', 'ALL'))![1];
console.log(`machine: ${cpus()[0]?.model ?? 'unknown cpu'}, ${cpus().length} cores, node ${process.version}`);
console.log(
  `inputs: ${scenarios.length} seeded synthetic scenarios (${conditions.length} conditions × ${variants}), ` +
    `${(totalS / 60).toFixed(1)} min of signal, ${truth.truthSpasms} true spasms, ${truth.truthBlinks} true blinks, seed ${seed}`,
);
console.log(
  `scoring: a detection matches a true spasm of the same side when they overlap by ≥ ${MATCH_MIN_OVERLAP * 100}% of the shorter; ` +
    'blink FP = true blinks overlapped by an unmatched detected spasm; side = overall side per scenario; STF err = mean |Δ spasm-time fraction|\n',
);

const rows: string[][] = [];
for (const c of ['ALL', ...conditions]) {
  for (const d of detectors) {
    const m = metrics(counts.get(key(d.name, c))!);
    rows.push([
      d === detectors[0] ? (c === 'ALL' ? 'ALL SCENARIOS' : c) : '',
      d.name,
      m.recall.toFixed(3),
      m.precision.toFixed(3),
      m.f1.toFixed(3),
      pct(m.blinkFpRate),
      pct(m.sideAccuracy),
      (100 * m.stfError).toFixed(2),
      pct(m.mouthRegionAccuracy),
      `${counts.get(key(d.name, c))!.matchedBilateral}/${counts.get(key(d.name, c))!.truthBilateral} (${counts.get(key(d.name, c))!.detectedBilateral})`,
    ]);
  }
}
console.log(
  table(
    [
      'condition',
      'detector',
      'recall',
      'precision',
      'F1',
      'blink FP',
      'side acc',
      'STF err (pp)',
      'mouth region',
      'bilat. closures found (det.)',
    ],
    rows,
  ),
);

// Throughput: each detector on the same 2-minute 30 fps series, median of runs, side by side.
const long = generateScenario({ ...DEFAULT_SCENARIO, durationS: 120, seed }, 'throughput').series;
const runs = 7;
const tp = detectors.map((d) => {
  d.run(long); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    d.run(long);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { name: d.name, ms: ms[runs >> 1]! };
});
const ours = tp[0]!.ms;
console.log(`\nthroughput: ${long.frames.length} frames (120 s at 30 fps), median of ${runs} runs`);
console.log(
  table(
    ['detector', 'median ms', 'frames/s', '× real time', 'time vs hemispasm'],
    tp.map((t) => [
      t.name,
      t.ms.toFixed(1),
      Math.round(long.frames.length / (t.ms / 1000)).toLocaleString('en'),
      `${Math.round(120 / (t.ms / 1000)).toLocaleString('en')}×`,
      `${(t.ms / ours).toFixed(2)}×`,
    ]),
  ),
);
