import type uPlot from 'uplot';

const DAY_S = 86_400;

/** A vertical line on the canvas: x, then top and bottom y, in canvas pixels. */
export type VerticalLine = readonly [x: number, y0: number, y1: number];

/** Strokes vertical lines in one style (colour, optional width and dash), leaving the canvas state as it was. */
export function strokeVerticals(
  u: uPlot,
  style: { color: string; width?: number; dash?: number[] },
  lines: Iterable<VerticalLine>,
): void {
  const ctx = u.ctx;
  ctx.save();
  ctx.strokeStyle = style.color;
  if (style.width !== undefined) ctx.lineWidth = style.width;
  if (style.dash) ctx.setLineDash(style.dash);
  for (const [x, y0, y1] of lines) {
    ctx.beginPath();
    ctx.moveTo(x, y0);
    ctx.lineTo(x, y1);
    ctx.stroke();
  }
  ctx.restore();
}

/** Dashed full-height lines at the x values `xs` (e.g. treatment dates, in seconds), in `color`. */
export function drawMarks(u: uPlot, xs: readonly number[], color: string, width?: number): void {
  const { top, height } = u.bbox;
  const lines = xs.map((x): VerticalLine => [u.valToPos(x, 'x', true), top, top + height]);
  strokeVerticals(u, { color, dash: [4, 4], ...(width === undefined ? {} : { width }) }, lines);
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
