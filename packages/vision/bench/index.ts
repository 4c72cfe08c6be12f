/**
 * Throughput and memory benchmark of the video pipeline (`npm run bench vision`), on this machine, in one run:
 *  - bare model inference per frame (Human face mesh + iris, wasm, one thread, frames already in memory):
 *    the limit for this model;
 *  - ffmpeg decode alone;
 *  - the whole pipeline (decode + landmarks + signals + events) on a generated 640×360, 30 fps video of a
 *    real face with painted spasms and blinks, with 1 and 2 worker threads: real-time factor, overhead over
 *    bare inference, peak RSS;
 *  - peak RSS for a 1-minute and a 10-minute video (it must not grow with length).
 * Options: --quick (20 s and 2 min videos instead of 1 and 10 min); --detection (bench/detection.ts);
 * --held-out (face videos made outside the project through `hemispasm analyze`, bench/held-out.ts);
 * --movement (only the facial-movement test: accuracy table and real-time factor, bench/movement.ts, which
 * the default run ends with).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createNodeLandmarker, decodeFrames, probeVideo, signalsFromLandmarks } from '../src/index';
import { type PaintedClosure, writeScenarioVideo } from '../src/testing/index';

const quick = process.argv.includes('--quick');
if (process.argv.includes('--movement')) {
  // The facial-movement test's accuracy and speed instead (bench/movement.ts).
  await import('./movement');
  process.exit(0);
}
if (process.argv.includes('--held-out')) {
  // Face videos made outside the project through `hemispasm analyze` (bench/held-out.ts).
  await import('./held-out');
  process.exit(0);
}
if (process.argv.includes('--detection')) {
  // Detection quality on animated faces instead of throughput (bench/detection.ts).
  await import('./detection');
  process.exit(0);
}
const SHORT_S = quick ? 20 : 60;
const LONG_REPEAT = quick ? 6 : 10;
const cacheDir = fileURLToPath(new URL('../../../node_modules/.cache/hemispasm-bench/', import.meta.url));
mkdirSync(cacheDir, { recursive: true });

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Right-eye spasms every ~5 s and a blink every ~4 s, repeated over the video. */
function closures(durationS: number): PaintedClosure[] {
  const out: PaintedClosure[] = [];
  for (let t = 1; t + 2 < durationS; t += 10) {
    out.push({ side: 'right', startS: t, endS: t + 0.3, closure: 1 });
    out.push({ side: 'both', startS: t + 2, endS: t + 2.2, closure: 1 });
    out.push({ side: 'right', startS: t + 4, endS: t + 5.5, closure: 0.8 });
    out.push({ side: 'both', startS: t + 7, endS: t + 7.2, closure: 1 });
  }
  return out;
}

async function video(name: string, make: (file: string) => Promise<void> | void): Promise<string> {
  const file = join(cacheDir, name);
  if (!existsSync(file)) {
    const tmp = `${file}.tmp.mp4`;
    await make(tmp);
    renameSync(tmp, file);
  }
  return file;
}

console.log('hemispasm vision benchmark — video → facial signals → events');
console.log(
  `machine: ${cpus()[0]?.model ?? 'unknown cpu'}, ${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, load avg at start ${loadavg()[0]!.toFixed(2)}`,
);
const shortVideo = await video(`painted-${SHORT_S}s-640x360-30fps.mp4`, (f) =>
  writeScenarioVideo(f, { durationS: SHORT_S, fps: 30, headMotion: true, closures: closures(SHORT_S) }).then(
    () => {},
  ),
);
const longVideo = await video(`painted-${SHORT_S * LONG_REPEAT}s-640x360-30fps.mp4`, (f) => {
  // Cheap long video: the short one looped (stream copy, no re-encode).
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-stream_loop',
    String(LONG_REPEAT - 1),
    '-i',
    shortVideo,
    '-c',
    'copy',
    f,
  ]);
});
const info = await probeVideo(shortVideo);
console.log(
  `input: ${shortVideo} (${info.width}×${info.height}, ${info.fps} fps, ${info.durationS.toFixed(0)} s) and a ${((info.durationS * LONG_REPEAT) / 60).toFixed(0)}-min loop of it\n`,
);

// 1. Decode alone (frames are produced and dropped).
const t0 = performance.now();
let decoded = 0;
for await (const _ of decodeFrames(shortVideo, info)) decoded++;
const decodeMsPerFrame = (performance.now() - t0) / decoded;

// 2. Bare inference: 150 frames in memory, warmed up, one thread, timed frame by frame. Measured before
//    and after the pipeline runs: the two cores are shared, and the comparison is only fair under the
//    same load.
const frames: Uint8Array[] = [];
for await (const f of decodeFrames(shortVideo, info, { startFrame: 0, frameCount: 150 }))
  frames.push(f.rgb.slice());
const landmarker = await createNodeLandmarker();
for (let i = 0; i < 20; i++) await landmarker.detect(frames[i]!, info.width, info.height);
const signalMs: number[] = [];
const bareCpuMs: number[] = [];
async function bareInference(): Promise<number> {
  const inferMs: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let rep = 0; rep < 2; rep++)
    for (const f of frames) {
      const a = performance.now();
      const l = await landmarker.detect(f, info.width, info.height);
      const b = performance.now();
      signalsFromLandmarks(l, { mirrored: false });
      signalMs.push(performance.now() - b);
      inferMs.push(b - a);
    }
  const cpu = process.cpuUsage(cpu0);
  bareCpuMs.push((cpu.user + cpu.system) / 1000 / inferMs.length);
  return median(inferMs);
}
const bareBefore = await bareInference();

// 3. The pipeline, each run in its own process.
interface Run {
  frames: number;
  durationS: number;
  extractS: number;
  eventsS: number;
  cpuS: number;
  peakRssMB: number;
  rssFirstHalfMaxMB: number;
  rssSecondHalfMaxMB: number;
  spasms: number;
  blinks: number;
}
function run(file: string, workers: number): Run {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./run-extract.ts', import.meta.url)), file, String(workers)],
    {
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(`pipeline run failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Run;
}
const runs = [
  { label: `${SHORT_S} s, 1 worker`, r: run(shortVideo, 1), workers: 1 },
  { label: `${SHORT_S} s, 2 workers`, r: run(shortVideo, 2), workers: 2 },
  { label: `${(SHORT_S * LONG_REPEAT) / 60} min, 2 workers`, r: run(longVideo, 2), workers: 2 },
];

const bareAfter = await bareInference();
const bareMs = (bareBefore + bareAfter) / 2;
const frameMs = 1000 / info.fps;
// CPU time hardly depends on how busy the shared cores are; wall time does.
const bareCpu = bareCpuMs.reduce((a, b) => a + b, 0) / bareCpuMs.length;
console.log(
  table(
    ['stage (640×360, 30 fps)', 'ms/frame', 'real-time ×'],
    [
      ['ffmpeg decode alone', decodeMsPerFrame.toFixed(2), (frameMs / decodeMsPerFrame).toFixed(1)],
      ['bare inference, 1 thread, before runs', bareBefore.toFixed(1), (frameMs / bareBefore).toFixed(2)],
      ['bare inference, 1 thread, after runs', bareAfter.toFixed(1), (frameMs / bareAfter).toFixed(2)],
      ['bare inference (mean of the two)', bareMs.toFixed(1), (frameMs / bareMs).toFixed(2)],
      ['  → limit with 2 cores', (bareMs / 2).toFixed(1), ((2 * frameMs) / bareMs).toFixed(2)],
      ['signals from landmarks (median)', median(signalMs).toFixed(3), '—'],
      ['bare inference CPU time (mean)', bareCpu.toFixed(1), (frameMs / bareCpu).toFixed(2)],
    ],
  ),
);
console.log();
console.log(
  table(
    [
      'pipeline run',
      'frames',
      'wall s',
      'ms/frame',
      'real-time ×',
      'overhead vs bare',
      'CPU ms/frame',
      'CPU overhead',
      'events s',
      'peak RSS MB',
      'RSS 1st/2nd half MB',
      'spasms/blinks',
    ],
    runs.map(({ label, r, workers }) => {
      const perFrame = (1000 * r.extractS) / r.frames;
      // Overhead: pipeline time per frame per worker over bare inference time per frame.
      const overhead = (perFrame * workers) / bareMs - 1;
      return [
        label,
        String(r.frames),
        (r.extractS + r.eventsS).toFixed(1),
        perFrame.toFixed(1),
        (r.durationS / (r.extractS + r.eventsS)).toFixed(2),
        `${(100 * overhead).toFixed(1)} %`,
        ((1000 * r.cpuS) / r.frames).toFixed(1),
        `${(100 * ((1000 * r.cpuS) / r.frames / bareCpu - 1)).toFixed(1)} %`,
        r.eventsS.toFixed(3),
        r.peakRssMB.toFixed(0),
        `${r.rssFirstHalfMaxMB.toFixed(0)} / ${r.rssSecondHalfMaxMB.toFixed(0)}`,
        `${r.spasms}/${r.blinks}`,
      ];
    }),
  ),
);
const [one, two, long] = runs.map((x) => x.r);
console.log(
  `\n2 vs 1 worker: ${(one!.extractS / two!.extractS).toFixed(2)}× faster; ` +
    `peak RSS ${long!.durationS.toFixed(0)} s vs ${two!.durationS.toFixed(0)} s video: ${long!.peakRssMB.toFixed(0)} vs ${two!.peakRssMB.toFixed(0)} MB ` +
    `(${((long!.peakRssMB / two!.peakRssMB - 1) * 100).toFixed(1)} %; the signal series itself grows by ~100 bytes per frame).`,
);
console.log(
  `load average at the end: ${loadavg()[0]!.toFixed(2)} (2 cores; above 2 means other work shared them).`,
);
console.log(
  'Overhead = (pipeline ms/frame × workers) / bare inference ms/frame − 1: decoding, worker start and model load, ' +
    'tensor creation, messaging, all on the same 2 shared cores. CPU overhead = CPU time per frame of the whole ' +
    'pipeline (all threads + ffmpeg children) / CPU time per frame of bare inference − 1: the same comparison, ' +
    'much less sensitive to other load. ffmpeg child processes are not in the RSS.',
);

// The facial-movement test: its accuracy table and real-time factor (also alone: --movement).
console.log();
await import('./movement');
