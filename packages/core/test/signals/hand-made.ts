import type { SignalFrame } from '../../src/signals/types';

export interface Closure {
  side: 'left' | 'right' | 'both';
  /** Seconds. */
  from: number;
  to: number;
  /** 1 = shut. */
  depth: number;
  /** A one-sided mouth-corner pull during the closure. */
  mouth?: number;
}

/**
 * A hand-made facial-signal series for the analyzer's tests: both eyes open at 0.3, with closures given
 * per side as time intervals, and a small deterministic wobble (amplitude `wobble`) so it is not flat.
 */
export function handMade(fps: number, durationS: number, closures: Closure[], wobble = 0.005): SignalFrame[] {
  const frames: SignalFrame[] = [];
  for (let i = 0; i * (1 / fps) < durationS; i++) {
    const t = i / fps;
    let l = 0;
    let r = 0;
    let ml = 0;
    let mr = 0;
    for (const c of closures) {
      if (t < c.from || t >= c.to) continue;
      if (c.side !== 'right') l = Math.max(l, c.depth);
      if (c.side !== 'left') r = Math.max(r, c.depth);
      // A pull shortens the corner-to-eye distance (the mouth signal).
      if (c.mouth && c.side === 'left') ml = -c.mouth;
      if (c.mouth && c.side === 'right') mr = -c.mouth;
    }
    const w = wobble * Math.sin(i * 1.7);
    frames.push({
      t,
      eyeL: 0.3 * (1 - 0.85 * l) + w,
      eyeR: 0.3 * (1 - 0.85 * r) - w,
      mouthL: ml + w / 5,
      mouthR: mr - w / 5,
    });
  }
  return frames;
}
