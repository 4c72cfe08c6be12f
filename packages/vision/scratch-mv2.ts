import { writeFileSync } from 'node:fs';
import { analyzeMovement } from '@hemispasm/core';
import { measureMovementAnimation } from './src/testing/movement-measure-run';
import { type MovementTestVideo, movementTruthPct } from './src/testing/movement-test-video';

const fps = Number(process.env.FPS ?? 5);
const cases: Record<string, MovementTestVideo> = {
  rotL: {
    affected: 'left',
    ratio: { brow_raise: 1, eye_closure_gentle: 0.75, eye_closure_tight: 0.5, smile: 0.25, pucker: 0 },
    fps,
    seed: 3,
  },
  rotR: {
    affected: 'right',
    ratio: { brow_raise: 0, eye_closure_gentle: 0.25, eye_closure_tight: 0.75, smile: 0.5, pucker: 1 },
    fps,
    seed: 4,
  },
  sym: { affected: 'left', ratio: 1, skip: ['pucker'], fps, seed: 5 },
};
for (const name of (process.env.CASES ?? 'rotL,rotR,sym').split(',')) {
  const o = cases[name]!;
  const t0 = performance.now();
  const series = await measureMovementAnimation(o);
  const ms = performance.now() - t0;
  writeFileSync(`/tmp/i11/series-${name}-${fps}.json`, JSON.stringify(series));
  const a = analyzeMovement(series);
  const truth = movementTruthPct(o);
  console.log(
    `== ${name} frames ${series.frames.length} in ${(ms / 1000).toFixed(1)} s; follows ${a.followsPrompts} weaker ${a.weakerSide}`,
  );
  for (const m of a.movements)
    console.log(
      m.movement.padEnd(20),
      m.status,
      'L',
      m.left?.toFixed(3),
      'R',
      m.right?.toFixed(3),
      'sym',
      m.symmetryPct,
      'truth',
      truth[m.movement as keyof typeof truth],
      m.weakerSide,
      m.ciPct,
    );
  for (const p of a.problems) console.log(' problem', p.message);
}
