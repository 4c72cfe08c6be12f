import type { Landmark } from '../landmarks/face-signals';
import { type EyeIndices, PATIENT_LEFT_EYE, PATIENT_RIGHT_EYE } from '../landmarks/mesh-indices';

/** Where an eye is on an unpainted photo, from its landmarks: upper and lower lid lines and a skin colour. */
export interface EyeShape {
  /** Lid polylines from outer to inner corner, in image pixels. */
  upper: Array<[number, number]>;
  lower: Array<[number, number]>;
  skin: [number, number, number];
  lid: [number, number, number];
}

function meanColour(
  rgb: Uint8Array,
  width: number,
  cx: number,
  cy: number,
  r: number,
): [number, number, number] {
  const sum = [0, 0, 0];
  let n = 0;
  for (let y = Math.round(cy - r); y <= cy + r; y++)
    for (let x = Math.round(cx - r); x <= cx + r; x++) {
      const i = (y * width + x) * 3;
      sum[0] += rgb[i]!;
      sum[1] += rgb[i + 1]!;
      sum[2] += rgb[i + 2]!;
      n++;
    }
  return [sum[0]! / n, sum[1]! / n, sum[2]! / n];
}

/** Eye shapes of the patient's right and left eye on an UNMIRRORED photo. */
export function eyeShapes(
  landmarks: ReadonlyArray<Landmark>,
  rgb: Uint8Array,
  width: number,
): { right: EyeShape; left: EyeShape } {
  const shape = (idx: EyeIndices): EyeShape => {
    const p = (i: number): [number, number] => [landmarks[i]![0]!, landmarks[i]![1]!];
    const c = idx.contour;
    const innerAt = c.indexOf(idx.inner);
    const upper = c.slice(0, innerAt + 1).map(p);
    const lower = [...c.slice(innerAt), c[0]!].map(p).reverse();
    const eyeWidth = Math.hypot(upper[0]![0] - upper.at(-1)![0], upper[0]![1] - upper.at(-1)![1]);
    const mid = lower[Math.floor(lower.length / 2)]!;
    // Cheek skin just below the lower lid: the colour a closed upper lid roughly has.
    const skin = meanColour(rgb, width, mid[0], mid[1] + 0.45 * eyeWidth, Math.max(1, eyeWidth * 0.08));
    const lid: [number, number, number] = [skin[0] * 0.45, skin[1] * 0.4, skin[2] * 0.4];
    return { upper, lower, skin, lid };
  };
  return { right: shape(PATIENT_RIGHT_EYE), left: shape(PATIENT_LEFT_EYE) };
}

function pixel(rgb: Uint8Array, width: number, x: number, y: number): [number, number, number] {
  const i = (y * width + x) * 3;
  return [rgb[i]!, rgb[i + 1]!, rgb[i + 2]!];
}

/** y of a polyline (sorted or not by x) at column x, by linear interpolation; null outside it. */
function yAt(line: Array<[number, number]>, x: number): number | null {
  for (let i = 0; i + 1 < line.length; i++) {
    const [x0, y0] = line[i]!;
    const [x1, y1] = line[i + 1]!;
    if ((x >= x0 && x <= x1) || (x >= x1 && x <= x0))
      return x1 === x0 ? y0 : y0 + ((x - x0) * (y1 - y0)) / (x1 - x0);
  }
  return null;
}

/**
 * Paints an eye closed by `closure` (0 open … 1 shut) in place: skin-coloured fill from just above the
 * upper lid down to the lid's new edge, and a darker lid line there — a crude but effective closed eye.
 */
export function paintEyeClosure(rgb: Uint8Array, width: number, eye: EyeShape, closure: number): void {
  if (closure <= 0) return;
  const xs = [...eye.upper, ...eye.lower].map((p) => p[0]);
  const x0 = Math.ceil(Math.min(...xs));
  const x1 = Math.floor(Math.max(...xs));
  const eyeWidth = x1 - x0;
  // Cover the upper-lid crease and lashes too: left visible, the model takes them for an open lid.
  const pad = Math.max(1, eyeWidth * 0.25);
  const lineHalf = Math.max(0.8, eyeWidth * 0.035);
  for (let x = x0 - 1; x <= x1 + 1; x++) {
    const up = yAt(eye.upper, Math.min(x1, Math.max(x0, x)));
    const lo = yAt(eye.lower, Math.min(x1, Math.max(x0, x)));
    if (up === null || lo === null) continue;
    const edge = up + closure * (lo - up);
    const yTop = Math.floor(up - pad);
    // Blend each column from the skin just above the lid to the skin just below the eye, so the fill has
    // no hard edge of its own that the model could take for a lid.
    const above = pixel(rgb, width, x, yTop - 1);
    const below = pixel(rgb, width, x, Math.ceil(lo + pad + 1));
    const span = Math.max(1, Math.ceil(lo + pad + 1) - (yTop - 1));
    for (let y = yTop; y <= Math.ceil(edge + lineHalf); y++) {
      const i = (y * width + x) * 3;
      const k = (y - (yTop - 1)) / span;
      const onLine = Math.abs(y - edge) <= lineHalf;
      for (let ch = 0; ch < 3; ch++) {
        const skin = (above[ch]! * (1 - k) + below[ch]! * k) * 0.7 + eye.skin[ch]! * 0.3;
        rgb[i + ch] = onLine ? eye.lid[ch]! : skin;
      }
    }
  }
}
