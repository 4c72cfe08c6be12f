import { writeFileSync } from 'node:fs';
import { ACTIVE_MOVEMENTS, analyzeMovement } from '@hemispasm/core';
import { measureMovementAnimation } from './src/testing/movement-measure-run';
import { movementTruthPct } from './src/testing/movement-test-video';

const fps = Number(process.env.FPS ?? 10);
const ratio = Number(process.env.RATIO ?? 0.5);
const affected = (process.env.SIDE ?? 'left') as 'left' | 'right';
const o = { affected, ratio, fps, seed: Number(process.env.SEED ?? 11) };
const t0 = performance.now();
const series = await measureMovementAnimation(o);
const ms = performance.now() - t0;
writeFileSync(`/tmp/i11/series-${affected}-${ratio}-${fps}.json`, JSON.stringify(series));
const a = analyzeMovement(series);
const truth = movementTruthPct(o);
console.log(
  `frames ${series.frames.length} in ${(ms / 1000).toFixed(1)} s (${(ms / series.frames.length).toFixed(0)} ms/frame); follows ${a.followsPrompts}`,
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
  );
for (const p of a.problems) console.log(' problem', p.message);
