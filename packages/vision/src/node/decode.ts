import { spawn } from 'node:child_process';
import { InputError } from '@hemispasm/core';
import type { VideoInfo } from './probe';

export interface DecodeRange {
  /** First frame index (at the probed fps) and how many frames to decode; default: the whole video. */
  startFrame?: number;
  frameCount?: number;
}

/** One decoded frame; `rgb` is reused for the next frame, so copy it if you keep it. */
export interface DecodedFrame {
  index: number;
  rgb: Uint8Array;
}

/**
 * Streams RGB frames from Debian's ffmpeg (`-f rawvideo -pix_fmt rgb24` on a pipe), scaled to `info`'s
 * size, at a constant `info.fps` (variable-rate phone videos become constant-rate so t = index / fps).
 * Memory stays flat: the pipe is read only as fast as the consumer takes frames (async-iterator
 * backpressure), and one frame buffer is reused.
 */
export async function* decodeFrames(
  path: string,
  info: VideoInfo,
  range: DecodeRange = {},
): AsyncGenerator<DecodedFrame> {
  const start = range.startFrame ?? 0;
  const args = ['-v', 'error', '-nostdin', '-threads', '1'];
  // Seek half a frame early: frame `start` (pts start/fps) is the first one at or after that time.
  if (start > 0) args.push('-ss', ((start - 0.5) / info.fps).toFixed(6));
  args.push('-i', path);
  if (range.frameCount !== undefined) args.push('-frames:v', String(range.frameCount));
  args.push(
    '-an',
    '-sn',
    '-vf',
    // Restart timestamps at the seek point so the constant-rate output neither drops nor repeats a frame there.
    `setpts=PTS-STARTPTS,scale=${info.width}:${info.height}:flags=bilinear`,
    '-fps_mode',
    'cfr',
    '-r',
    String(info.fps),
    '-f',
    'rawvideo',
    '-pix_fmt',
    'rgb24',
    'pipe:1',
  );
  const child = spawn('ffmpeg', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    if (stderr.length < 4000) stderr += d.toString();
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'ENOENT' ? new Error('ffmpeg not found: install ffmpeg (Debian package "ffmpeg")') : e,
      ),
    );
    child.on('close', (code) => resolve(code));
  });
  exited.catch(() => {});
  const frameBytes = info.width * info.height * 3;
  const frame = new Uint8Array(frameBytes);
  let filled = 0;
  let index = start;
  let completed = false;
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      let offset = 0;
      while (offset < chunk.length) {
        const n = Math.min(frameBytes - filled, chunk.length - offset);
        frame.set(chunk.subarray(offset, offset + n), filled);
        filled += n;
        offset += n;
        if (filled === frameBytes) {
          yield { index, rgb: frame };
          index++;
          filled = 0;
        }
      }
    }
    const code = await exited;
    if (code !== 0)
      throw new InputError([
        {
          path,
          message: `cannot decode video (ffmpeg: ${stderr.trim().split('\n').pop() ?? `exit ${code}`})`,
        },
      ]);
    completed = true;
  } finally {
    // The consumer stopped early (or failed): do not leave ffmpeg running.
    if (!completed && child.exitCode === null) child.kill('SIGKILL');
  }
}
