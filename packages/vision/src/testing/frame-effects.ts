/**
 * What happens to a frame after the face has moved: light (a gain ramp and a light coming from one side),
 * sensor noise, and something in front of one eye (a hand, or a glasses frame). Occluders are drawn — they
 * are not part of the face — at the eye's posed position, so they move with the head.
 */

import { makeRng } from '@hemispasm/core';
import { PATIENT_LEFT_EYE, PATIENT_RIGHT_EYE } from '../landmarks/mesh-indices';
import type { PatientSide } from './face-pose';
import type { Point3 } from './face-rig';

export interface Lighting {
  /** Overall brightness factor (1 = as on the photo). */
  gain: number;
  /** Side light: brightness rises by this fraction from the image's left edge to its right (−0.5 … 0.5). */
  gradient: number;
}
export const NEUTRAL_LIGHT: Lighting = Object.freeze({ gain: 1, gradient: 0 });

export interface Occluder {
  kind: 'hand' | 'glasses';
  /** The patient's eye it covers. */
  side: PatientSide;
  /** Hand: fraction of the eye's width covered, from the outer corner; glasses: ignored (the rim crosses the lid). */
  coverage: number;
}

/** Applies light and noise in place. `noise` is the σ of sensor noise in 8-bit levels. */
export function applyLightAndNoise(
  rgb: Uint8Array,
  width: number,
  light: Lighting,
  noise: number,
  table: Float32Array,
  rand: () => number,
): void {
  const neutral = light.gain === 1 && light.gradient === 0;
  if (neutral && noise <= 0) return;
  const n = table.length;
  let k = Math.floor(rand() * n);
  const step = 1 + Math.floor(rand() * 7) * 2; // odd steps through the table: a different pattern each frame
  for (let i = 0, px = 0; i < rgb.length; i += 3, px++) {
    const x = px % width;
    const g = light.gain * (1 + light.gradient * (x / width - 0.5) * 2);
    for (let c = 0; c < 3; c++) {
      let v = rgb[i + c]! * g;
      if (noise > 0) {
        v += noise * table[k]!;
        k += step;
        if (k >= n) k -= n;
      }
      rgb[i + c] = v < 0 ? 0 : v > 255 ? 255 : v + 0.5;
    }
  }
}

/** A table of standard normal values (Box–Muller), read at a random offset per frame: fast noise. */
export function gaussianTable(seed: number, size = 1 << 18): Float32Array {
  const r = makeRng(seed);
  const t = new Float32Array(size);
  for (let i = 0; i < size; i++) {
    const u = Math.max(r(), 1e-12);
    t[i] = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r());
  }
  return t;
}

function blend(rgb: Uint8Array, o: number, colour: readonly number[], alpha: number): void {
  for (let c = 0; c < 3; c++) rgb[o + c] = rgb[o + c]! * (1 - alpha) + colour[c]! * alpha;
}

/** Draws the occluder over the posed face. `iod` in pixels (posed). */
export function drawOccluder(
  rgb: Uint8Array,
  width: number,
  height: number,
  posed: readonly Point3[],
  occ: Occluder,
  iod: number,
): void {
  const eye = occ.side === 'right' ? PATIENT_RIGHT_EYE : PATIENT_LEFT_EYE;
  const outer = posed[eye.outer]!;
  const inner = posed[eye.inner]!;
  const ex = (outer[0] + inner[0]) / 2;
  const ey = (outer[1] + inner[1]) / 2;
  const eyeW = Math.hypot(outer[0] - inner[0], outer[1] - inner[1]);
  const dirX = outer[0] > inner[0] ? 1 : -1; // towards the ear on the image
  if (occ.kind === 'hand') {
    // Fingers held against the face from the ear side: a skin-coloured rounded band whose tip reaches
    // `coverage` of the eye's width in from the outer corner, with darker gaps between fingers.
    const tipX = outer[0] - dirX * occ.coverage * eyeW;
    const halfH = 0.42 * iod;
    const skin = [206, 158, 128];
    for (let y = Math.max(0, Math.floor(ey - halfH)); y <= Math.min(height - 1, Math.ceil(ey + halfH)); y++) {
      const v = (y - ey) / halfH;
      // Rounded fingertip outline: the tip recedes towards the top and bottom.
      const reach = tipX + dirX * 0.25 * iod * v * v;
      const fingerPhase = ((y - ey) / (0.17 * iod)) % 1;
      const gapShade = Math.abs(fingerPhase) < 0.08 ? 0.75 : 1;
      const x0 = dirX > 0 ? Math.floor(reach) : 0;
      const x1 = dirX > 0 ? width - 1 : Math.ceil(reach);
      const xEar = outer[0] + dirX * 0.9 * iod;
      for (let x = Math.max(0, x0); x <= Math.min(width - 1, x1); x++) {
        if ((dirX > 0 && x > xEar) || (dirX < 0 && x < xEar)) continue;
        const shade = gapShade * (0.85 + 0.15 * (1 - v * v));
        blend(
          rgb,
          (y * width + x) * 3,
          skin.map((c) => c * shade),
          0.97,
        );
      }
    }
  } else {
    // A glasses rim: a dark elliptical ring around the eye, its lower rim across the lower half of the eye
    // (glasses slipped down), plus the bridge towards the nose.
    const rx = 0.62 * eyeW + 0.1 * iod;
    const ry = 0.42 * eyeW + 0.06 * iod;
    const cy = ey - 0.1 * eyeW;
    const thick = Math.max(2, 0.05 * iod);
    const frame = [28, 24, 22];
    for (
      let y = Math.max(0, Math.floor(cy - ry - thick));
      y <= Math.min(height - 1, Math.ceil(cy + ry + thick));
      y++
    ) {
      for (
        let x = Math.max(0, Math.floor(ex - rx - thick));
        x <= Math.min(width - 1, Math.ceil(ex + rx + thick));
        x++
      ) {
        const r = Math.hypot((x - ex) / rx, (y - cy) / ry);
        const dist = Math.abs(r - 1) * Math.min(rx, ry);
        if (dist <= thick / 2) blend(rgb, (y * width + x) * 3, frame, 0.95);
      }
    }
    const bridgeX0 = ex - dirX * rx;
    for (
      let x = Math.floor(Math.min(bridgeX0, bridgeX0 - dirX * 0.25 * iod));
      x <= Math.max(bridgeX0, bridgeX0 - dirX * 0.25 * iod);
      x++
    )
      for (let y = Math.floor(cy - ry * 0.3 - thick / 2); y <= cy - ry * 0.3 + thick / 2; y++)
        if (x >= 0 && x < width && y >= 0 && y < height) blend(rgb, (y * width + x) * 3, frame, 0.95);
  }
}
