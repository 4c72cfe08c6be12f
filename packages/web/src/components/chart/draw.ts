import type uPlot from 'uplot';

const DAY_S = 86_400;

/** A vertical line from `y0` to `y1` at `x` (canvas pixels) in the context's current stroke. */
export function verticalLine(ctx: CanvasRenderingContext2D, x: number, y0: number, y1: number): void {
  ctx.beginPath();
  ctx.moveTo(x, y0);
  ctx.lineTo(x, y1);
  ctx.stroke();
}

/** Dashed full-height lines at the x values `xs` (e.g. treatment dates, in seconds), in `color`. */
export function drawMarks(u: uPlot, xs: readonly number[], color: string, lineWidth?: number): void {
  const ctx = u.ctx;
  ctx.save();
  ctx.strokeStyle = color;
  if (lineWidth !== undefined) ctx.lineWidth = lineWidth;
  ctx.setLineDash([4, 4]);
  for (const x of xs) verticalLine(ctx, u.valToPos(x, 'x', true), u.bbox.top, u.bbox.top + u.bbox.height);
  ctx.restore();
}

/**
 * A time axis' range over [min, max]: a lone point (or one day) would otherwise stretch the axis over
 * years, so it gets a month around it; a longer span gets `pad` seconds either side.
 */
export function timeRange(min: number, max: number, pad = 0): [number, number] {
  return max - min < DAY_S ? [min - 15 * DAY_S, max + 15 * DAY_S] : [min - pad, max + pad];
}

/** Seconds since the epoch of an ISO date or date-time (uPlot's time scale). */
export const epochSeconds = (at: string): number => Date.parse(at) / 1000;
