/**
 * One measured pipeline run in its own process (so its peak RSS is its own): decode + landmarks + signals
 * (extractSignalsFromVideo) + events (analyzeSignals). Prints one JSON line.
 * Usage: node --import tsx bench/run-extract.ts <video> <workers>
 */
import { readFileSync } from 'node:fs';
import { analyzeSignals } from '@hemispasm/core';
import { extractSignalsFromVideo } from '../src/index';

const [video, workers] = process.argv.slice(2);
const rssSamples: number[] = [];
// Sample RSS while it runs, to see whether it grows with video length (not only the peak).
const sampler = setInterval(() => rssSamples.push(process.memoryUsage.rss()), 1000);
/** CPU seconds of this process (all threads) and of its reaped children (the ffmpeg decoders). */
function cpuSeconds(): number {
  const u = process.cpuUsage();
  // /proc/self/stat fields 16–17 (cutime, cstime), in clock ticks (100 per second on Linux).
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  const children = (Number(fields[13]) + Number(fields[14])) / 100;
  return (u.user + u.system) / 1e6 + children;
}
const cpu0 = cpuSeconds();
const t0 = performance.now();
const series = await extractSignalsFromVideo(video!, { workers: Number(workers) });
const t1 = performance.now();
const analysis = analyzeSignals(series);
const t2 = performance.now();
const cpuS = cpuSeconds() - cpu0;
clearInterval(sampler);
const half = rssSamples.slice(Math.floor(rssSamples.length / 2));
console.log(
  JSON.stringify({
    frames: series.frames.length,
    durationS: analysis.durationS,
    extractS: (t1 - t0) / 1000,
    eventsS: (t2 - t1) / 1000,
    cpuS,
    noFace: analysis.noFaceFrames,
    spasms: analysis.spasmCount,
    blinks: analysis.blinkCount,
    // maxRSS of the whole process (main + worker threads; ffmpeg children are separate processes).
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    rssFirstHalfMaxMB:
      Math.max(...rssSamples.slice(0, Math.max(1, Math.floor(rssSamples.length / 2)))) / 2 ** 20,
    rssSecondHalfMaxMB: Math.max(...half) / 2 ** 20,
  }),
);
