/**
 * `hemispasm signals <video> [-o out.csv] [--mirrored] [--workers n]`: measures the facial signals of a face
 * video (per frame and per patient side: eye aperture, mouth-corner excursion, head yaw and roll) and writes the
 * facial-signal CSV that `hemispasm analyze` reads. Also exports the TTY progress bar `analyze` uses.
 */
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { formatSignalCsv, type SignalSeries } from '@hemispasm/core';
import { extractSignalsFromVideo } from '@hemispasm/vision';
import { defineCommand } from '../command';
import { UsageError } from '../errors';
import type { Output } from '../output';

export interface VideoFlags {
  mirrored?: boolean;
  workers?: string;
}

/** Checks the video flags shared with `analyze`. */
export function videoOptions(flags: VideoFlags): { mirrored: boolean; workers?: number } {
  let workers: number | undefined;
  if (flags.workers !== undefined) {
    workers = Number(flags.workers);
    if (!/^\d+$/.test(flags.workers) || workers < 1 || workers > 16)
      throw new UsageError(`--workers: expected a whole number from 1 to 16, got "${flags.workers}"`);
  }
  return { mirrored: flags.mirrored === true, workers };
}

/**
 * A one-line progress bar on stderr, only when the output is a terminal (never in files, pipes or tests).
 * Returns the callback for `extractSignalsFromVideo` and a function that clears the line.
 */
export function videoProgress(output: Output): {
  onProgress?: (done: number, total: number) => void;
  end(): void;
} {
  if (!output.isTTY || !process.stderr.isTTY) return { end() {} };
  const started = Date.now();
  let lastDraw = 0;
  return {
    onProgress(done, total) {
      const now = Date.now();
      if (now - lastDraw < 100 && done < total) return;
      lastDraw = now;
      const width = 30;
      const frac = total > 0 ? Math.min(1, done / total) : 0;
      const bar = '█'.repeat(Math.round(frac * width)).padEnd(width, '░');
      const fps = done / Math.max(0.001, (now - started) / 1000);
      process.stderr.write(
        `\r measuring face ${bar} ${Math.round(frac * 100)}%  ${done}/${total} frames  ${fps.toFixed(0)} fps `,
      );
    },
    end() {
      process.stderr.write('\r\x1b[2K');
    },
  };
}

/** Measures a video with the progress bar on a TTY. */
export async function measureVideo(
  path: string,
  output: Output,
  options: { mirrored?: boolean; workers?: number } = {},
): Promise<SignalSeries> {
  const progress = videoProgress(output);
  try {
    return await extractSignalsFromVideo(path, { ...options, onProgress: progress.onProgress });
  } finally {
    progress.end();
  }
}

/** Writes next to the target and renames, so a failed run never leaves a half-written CSV. */
async function writeAtomically(path: string, text: string): Promise<void> {
  const tmp = join(dirname(path), `.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, text, { flag: 'wx' });
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`${path}: cannot write (${code ?? (e as Error).message})`);
  }
}

export const signalsCommand = defineCommand(
  'signals',
  'measure a face video: per-frame eye aperture and mouth-corner excursion of each patient side, as the facial-signal CSV (t,eye_l,eye_r,mouth_l,mouth_r,yaw,roll,occluded_l,occluded_r)',
  (command, output) =>
    command
      .argument('<video>', 'a video file of the face (any format ffmpeg reads)')
      .option('-o, --output <file.csv>', 'write the CSV to this file (default: standard output)')
      .option(
        '--mirrored',
        'the video is mirrored (a selfie recording): swap image sides back to patient sides',
      )
      .option('--workers <n>', 'worker threads (default: one per core, at most 2)')
      .action(async (video: string, flags: VideoFlags & { output?: string }) => {
        const series = await measureVideo(video, output, videoOptions(flags));
        const csv = formatSignalCsv(series);
        if (flags.output) {
          await writeAtomically(flags.output, csv);
          const noFace = series.frames.filter((f) => f.eyeL === null).length;
          output.err(
            `${flags.output}: ${series.frames.length} frames at ${series.fps} fps` +
              (noFace ? `, no face in ${noFace}` : ''),
          );
        } else output.out(csv);
      }),
);
