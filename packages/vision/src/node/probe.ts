import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import { InputError } from '@hemispasm/core';

/** What we need to know about a video before decoding it. */
export interface VideoInfo {
  /** Size of the frames we decode (after auto-rotation and scaling to at most `maxWidth`). */
  width: number;
  height: number;
  fps: number;
  durationS: number;
  /** Frames at `fps` over `durationS` (what the constant-rate decode yields, ±1). */
  frameCount: number;
}

export const DEFAULT_MAX_WIDTH = 640;

const videoError = (path: string, message: string) => new InputError([{ path, message }]);

interface ProbeJson {
  streams?: Array<{
    codec_type?: string;
    width?: number;
    height?: number;
    avg_frame_rate?: string;
    r_frame_rate?: string;
    duration?: string;
    nb_frames?: string;
    tags?: { rotate?: string };
    side_data_list?: Array<{ rotation?: number }>;
  }>;
  format?: { duration?: string; format_name?: string };
}

function rate(text: string | undefined): number {
  if (!text) return Number.NaN;
  const [n, d] = text.split('/').map(Number);
  return d ? n! / d : Number(n);
}

const even = (x: number) => Math.max(2, 2 * Math.round(x / 2));

/** Reads size, frame rate and duration with ffprobe. A file that is not a video is an InputError naming it. */
export async function probeVideo(path: string, maxWidth = DEFAULT_MAX_WIDTH): Promise<VideoInfo> {
  try {
    const s = await stat(path);
    if (!s.isFile()) throw videoError(path, 'not a file');
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw videoError(path, 'file not found');
  }
  let json: ProbeJson;
  try {
    const { stdout } = await promisify(execFile)(
      'ffprobe',
      ['-v', 'error', '-select_streams', 'v:0', '-show_streams', '-show_format', '-of', 'json', path],
      { maxBuffer: 4 << 20 },
    );
    json = JSON.parse(stdout) as ProbeJson;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error('ffprobe not found: install ffmpeg (Debian package "ffmpeg")');
    throw videoError(path, 'not a readable video (ffprobe could not open it)');
  }
  const format = json.format?.format_name ?? '';
  if (/^image2|_pipe$|^gif$/.test(format)) throw videoError(path, `a still image (${format}), not a video`);
  const v = json.streams?.find((s) => s.codec_type === 'video');
  if (!v?.width || !v.height) throw videoError(path, 'not a video (no video stream)');
  let fps = rate(v.avg_frame_rate);
  if (!(fps > 0 && fps <= 240)) fps = rate(v.r_frame_rate);
  if (!(fps > 0 && fps <= 240)) throw videoError(path, 'video has no usable frame rate');
  const durationS = Number(v.duration ?? json.format?.duration);
  if (!(durationS > 0)) throw videoError(path, 'video has no duration (a still image?)');
  // Phone videos carry a rotation that ffmpeg applies when decoding: swap the sides for ±90°.
  const rotation = Number(
    v.side_data_list?.find((d) => d.rotation !== undefined)?.rotation ?? v.tags?.rotate ?? 0,
  );
  const [w0, h0] = Math.abs(rotation) % 180 === 90 ? [v.height, v.width] : [v.width, v.height];
  const width = even(Math.min(maxWidth, w0));
  const height = even((h0 * width) / w0);
  return { width, height, fps, durationS, frameCount: Math.max(1, Math.round(durationS * fps)) };
}
