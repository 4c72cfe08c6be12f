import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';

/** Decodes a still image with ffmpeg, crops it and scales it to `width`×`height` raw RGB. */
export async function loadImageRgb(
  file: string,
  width: number,
  height: number,
  crop?: { x: number; y: number; width: number; height: number },
): Promise<Uint8Array> {
  const filters = [
    ...(crop ? [`crop=${crop.width}:${crop.height}:${crop.x}:${crop.y}`] : []),
    `scale=${width}:${height}:flags=bicubic`,
  ];
  const { stdout } = await promisify(execFile)(
    'ffmpeg',
    [
      '-v',
      'error',
      '-i',
      file,
      '-vf',
      filters.join(','),
      '-frames:v',
      '1',
      '-f',
      'rawvideo',
      '-pix_fmt',
      'rgb24',
      'pipe:1',
    ],
    { encoding: 'buffer', maxBuffer: width * height * 3 + 1024 },
  );
  return new Uint8Array(stdout.buffer, stdout.byteOffset, stdout.length);
}

/**
 * Encodes raw RGB frames into an H.264 MP4 with ffmpeg, frame by frame (waits for the pipe to drain, so
 * even a long generated video needs one frame of memory).
 */
export async function writeVideo(
  file: string,
  opts: { width: number; height: number; fps: number },
  frames: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): Promise<void> {
  const child = spawn(
    'ffmpeg',
    [
      '-v',
      'error',
      '-y',
      '-f',
      'rawvideo',
      '-pix_fmt',
      'rgb24',
      '-s',
      `${opts.width}x${opts.height}`,
      '-r',
      String(opts.fps),
      '-i',
      'pipe:0',
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      '-crf',
      '18',
      '-pix_fmt',
      'yuv420p',
      '-threads',
      '1',
      file,
    ],
    { stdio: ['pipe', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`ffmpeg failed: ${stderr.trim()}`)),
    );
  });
  for await (const frame of frames) {
    if (!child.stdin.write(frame)) await new Promise((r) => child.stdin.once('drain', r));
  }
  child.stdin.end();
  await done;
}
