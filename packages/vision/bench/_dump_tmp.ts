import { writeFileSync } from 'node:fs';
import { analyzeMovement } from '@hemispasm/core';
import { measureMovementAnimation } from '../src/testing/movement-measure-run';
const RATIOS = [1, 0.75, 0.5, 0.25, 0];
const M = ['brow_raise','eye_closure_gentle','eye_closure_tight','smile','pucker'];
const vid = (affected: 'left'|'right', k: number) => ({ affected, ratio: Object.fromEntries(M.map((m, i) => [m, RATIOS[(i + k) % 5]])), fps: 5, seed: 100 + k + (affected === 'left' ? 0 : 50) });
const order: Array<['left'|'right', number]> = [['right',0],['left',0],['left',1],['left',2],['left',3],['left',4],['right',0]];
let n = 0;
for (const [a, k] of order) {
  const s = await measureMovementAnimation(vid(a, k) as never);
  if (a === 'right' && k === 0) {
    writeFileSync(`/tmp/i11/seq-${n++}.json`, JSON.stringify({ s }));
    const r = analyzeMovement(s);
    console.log(r.movements.map((x) => `${x.movement} ${x.left} ${x.right} ${x.symmetryPct}`).join('\n'));
  }
}
