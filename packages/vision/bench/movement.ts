/**
 * The facial-movement test's benchmark (`npm run bench vision -- --movement [--quick]`), on this machine:
 *  - accuracy: animated videos of the real test face following the default 31 s script with head motion
 *    and a lighting change; the affected side's amplitude set per movement so that five videos per side
 *    put every movement at 100 / 75 / 50 / 25 / 0 % once, on the left and on the right (10 videos), plus a
 *    symmetric face; measured frame by frame in process (testing/movement-measure-run.ts) at 10 fps
 *    (--quick: 5). Table: symmetry index found against the set ratio, per movement and ratio, both sides;
 *    the largest error, how many within ±10 and which not; the symmetric face's lowest index; whether the
 *    weaker side was found. `--accuracy` stops here.
 *  - speed: the whole CLI pipeline (decode + face mesh + movement tracker in worker threads, then the
 *    analysis) on the same kind of video written as a 30 fps MP4, with 1 and 2 workers: real-time factor
 *    (recording seconds per second of processing) and CPU time per frame, median of the runs.
 */
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ACTIVE_MOVEMENTS,
  type ActiveMovementId,
  analyzeMovement,
  type MovementAnalysis,
  type PatientSide,
} from '@hemispasm/core';
import { extractMovementFromVideo } from '../src/index';
import { movementTestAnimation, writeAnimatedVideo } from '../src/testing/index';
import { measureMovementAnimation } from '../src/testing/movement-measure-run';
import { type MovementTestVideo, movementTruthPct } from '../src/testing/movement-test-video';
import { median, table } from './table';

const quick = process.argv.includes('--quick');
const FPS = quick ? 5 : 10;
const RATIOS = [1, 0.75, 0.5, 0.25, 0] as const;
const cacheDir = fileURLToPath(new URL('../../../node_modules/.cache/hemispasm-bench/', import.meta.url));
mkdirSync(cacheDir, { recursive: true });

console.log('hemispasm vision benchmark — facial-movement test');
console.log(
  `machine: ${cpus()[0]?.model ?? 'unknown cpu'}, ${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, load avg at start ${loadavg()[0]!.toFixed(2)}`,
);
console.log(
  `accuracy input: the default script (31 s), 640×360, ${FPS} fps, head motion and lighting change, measured in process\n`,
);

// 1. Accuracy: rotation k gives movement i the ratio RATIOS[(i + k) % 5].
const found = new Map<string, number | null>();
const sideOk = new Map<string, boolean>();
let worstErr = 0;
let worstAt = '';
const errors: number[] = [];
const outside: string[] = [];
for (const affected of ['left', 'right'] as PatientSide[]) {
  for (let k = 0; k < RATIOS.length; k++) {
    const ratio = Object.fromEntries(
      ACTIVE_MOVEMENTS.map((m, i) => [m, RATIOS[(i + k) % RATIOS.length]!]),
    ) as Record<ActiveMovementId, number>;
    const o: MovementTestVideo = {
      affected,
      ratio,
      fps: FPS,
      seed: 100 + k + (affected === 'left' ? 0 : 50),
    };
    const a: MovementAnalysis = analyzeMovement(await measureMovementAnimation(o));
    const truth = movementTruthPct(o);
    for (const r of a.movements) {
      const key = `${affected}|${r.movement}|${truth[r.movement]}`;
      found.set(key, r.symmetryPct);
      if (truth[r.movement]! <= 75) sideOk.set(key, r.weakerSide === affected);
      const err =
        r.symmetryPct === null ? Number.POSITIVE_INFINITY : Math.abs(r.symmetryPct - truth[r.movement]!);
      errors.push(err);
      if (err > 10)
        outside.push(
          `${r.movement} ${truth[r.movement]} % ${affected} weaker: ${r.symmetryPct === null ? 'n/m' : `${r.symmetryPct.toFixed(1)} %`}`,
        );
      if (err > worstErr) {
        worstErr = err;
        worstAt = `${r.movement} at ${truth[r.movement]} %, ${affected} weaker: ${r.symmetryPct} %`;
      }
    }
    process.stderr.write(`  ${affected} rotation ${k + 1}/5 done\n`);
  }
}
const symmetric = analyzeMovement(
  await measureMovementAnimation({ affected: 'left', ratio: 1, fps: FPS, seed: 7 }),
);

const cell = (affected: PatientSide, m: ActiveMovementId, pct: number) => {
  const v = found.get(`${affected}|${m}|${pct}`);
  if (v === undefined || v === null) return 'n/m';
  const side = sideOk.get(`${affected}|${m}|${pct}`) === false ? ' (side!)' : '';
  return `${Math.round(v)}${side}`;
};
for (const affected of ['left', 'right'] as PatientSide[]) {
  console.log(`symmetry index found (%), ${affected} side weaker; rows: set ratio`);
  console.log(
    table(
      ['set ratio', ...ACTIVE_MOVEMENTS],
      RATIOS.map((r) => [`${100 * r} %`, ...ACTIVE_MOVEMENTS.map((m) => cell(affected, m, 100 * r))]),
    ),
  );
  console.log();
}
const sideMisses = [...sideOk.values()].filter((ok) => !ok).length;
console.log(`largest error: ${worstErr.toFixed(1)} points (${worstAt}); target ±10`);
console.log(
  `${errors.filter((e) => e <= 10).length} of ${errors.length} within ±10 (median error ${median(errors).toFixed(1)} points); outside: ${outside.join('; ') || 'none'}`,
);
console.log(
  `weaker side found: ${sideOk.size - sideMisses} of ${sideOk.size} cases with a ratio of 75 % or less`,
);
console.log(
  `symmetric face: lowest index ${Math.min(...symmetric.movements.map((r) => r.symmetryPct ?? 0)).toFixed(1)} % (target ≥ 90), band ${symmetric.band?.grade ?? '—'}\n`,
);

// --accuracy: the table only (the speed runs take minutes on a busy machine).
if (process.argv.includes('--accuracy')) process.exit(0);

// 2. Speed of the CLI pipeline on a 30 fps MP4 (cached between runs).
const file = join(cacheDir, 'movement-31s-640x360-30fps.mp4');
if (!existsSync(file)) {
  const tmp = `${file}.tmp.mp4`;
  await writeAnimatedVideo(tmp, movementTestAnimation({ affected: 'left', ratio: 0.5, fps: 30, seed: 9 }));
  renameSync(tmp, file);
}
const rows: string[][] = [];
for (const workers of [1, 2]) {
  const wall: number[] = [];
  const cpu: number[] = [];
  let frames = 0;
  let durationS = 0;
  let weaker = '';
  for (let rep = 0; rep < (quick ? 1 : 2); rep++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const series = await extractMovementFromVideo(file, { workers });
    const a = analyzeMovement(series);
    wall.push((performance.now() - t0) / 1000);
    const c = process.cpuUsage(c0);
    // Worker threads count in this process's CPU time.
    cpu.push((c.user + c.system) / 1000);
    frames = series.frames.length;
    durationS = a.durationS;
    weaker = a.weakerSide;
  }
  const w = median(wall);
  rows.push([
    `31 s video, ${workers} worker${workers > 1 ? 's' : ''}`,
    String(frames),
    w.toFixed(1),
    (durationS / w).toFixed(2),
    (median(cpu) / frames).toFixed(1),
    weaker,
  ]);
}
console.log(
  table(
    ['CLI pipeline (640×360, 30 fps)', 'frames', 'wall s', 'real-time ×', 'CPU ms/frame', 'weaker side'],
    rows,
  ),
);
console.log(
  `\nload avg at end ${loadavg()[0]!.toFixed(2)} (machines are noisy: compare ratios within one run)`,
);
