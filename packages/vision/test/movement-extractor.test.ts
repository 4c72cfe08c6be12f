/**
 * The movement test's extraction is deterministic per recording: the same video gives the same series
 * whatever was measured before it in the process. The face model carries its face box from frame to frame
 * (and across recordings, per thread); before createMovementExtractor restarted it, the same video's gentle
 * closure read 73 % alone and up to 90 % after other videos.
 */
import type { MovementScript } from '@hemispasm/core';
import { describe, expect, it } from 'vitest';
import { measureMovementAnimation } from '../src/testing/movement-measure-run';
import type { MovementTestVideo } from '../src/testing/movement-test-video';

/** Rest, then a gentle closure: a few seconds, enough to measure the lids against the reference. */
const SHORT: MovementScript = {
  segments: [
    { movement: 'rest', startS: 0.5, endS: 2 },
    { movement: 'eye_closure_gentle', startS: 3, endS: 4.5 },
  ],
  durationS: 5.5,
};
const video: MovementTestVideo = { affected: 'right', ratio: 0.5, script: SHORT, fps: 5, seed: 21 };
/** Another recording: mirrored, the other side weaker, so the model ends it on a different face box. */
const other: MovementTestVideo = { ...video, affected: 'left', mirror: true, seed: 22 };

describe('movement extraction', () => {
  it('gives the same series for the same video, first or after another video', async () => {
    const first = await measureMovementAnimation(video);
    await measureMovementAnimation(other);
    const again = await measureMovementAnimation(video);
    expect(first.frames.filter((f) => f.lidL !== null).length).toBeGreaterThan(20);
    expect(again).toEqual(first);
  }, 600_000);
});
