/**
 * One recording's movement-test measures from its frames (Node: the CLI's workers, the tests and the
 * benchmark): the face model and the movement tracker, started afresh for the recording so that its result
 * does not depend on what was measured before it.
 *
 * Why the care: the tracker places its eyelid regions from the reference frame's mesh, and the eyelid
 * measure is sensitive to where they sit by a single pixel (a region 1 px too high sits on the smooth lid
 * skin and barely follows a lid that closes by a quarter: 25 % read as 3 %). The mesh of a frame depends on
 * the face box the model starts from: the box its detector finds (the first frame, or a restart) gives a
 * mesh up to a pixel off the one it gives from a box fitted to the face's own previous mesh. The model
 * keeps that box from frame to frame, even across recordings (Human holds it per thread), so the same video
 * read 73 % or 90 % depending on what ran before it. Here every recording restarts the model (the detector
 * finds the face on its first frame) and the reference frame is measured twice, the second time from the
 * box fitted to its own first mesh — the same kind of box every later frame gets — so the regions come out
 * where steady tracking would put them, and the same frames always give the same result.
 */
import type { Landmark } from './face-signals';
import type { Landmarker } from './human-setup';
import type { MovementMeasures } from './movement-measures';
import { createMovementTracker } from './movement-tracker';

export interface MovementExtractor {
  /** Measures of one frame (RGB, width×height×3); the first frame with a face is the reference at rest. */
  measure(rgb: Uint8Array, width: number, height: number): Promise<MovementMeasures>;
  readonly hasReference: boolean;
}

/** `mirrored` as in signalsFromLandmarks: true for a selfie image. Restarts `landmarker`'s face box. */
export function createMovementExtractor(landmarker: Landmarker, mirrored: boolean): MovementExtractor {
  landmarker.restart();
  const tracker = createMovementTracker();
  return {
    get hasReference() {
      return tracker.hasReference;
    },
    async measure(rgb, width, height) {
      let landmarks: Landmark[] | null = await landmarker.detect(rgb, width, height);
      // The reference frame again, from the box of its own mesh (see above).
      if (landmarks && !tracker.hasReference) landmarks = await landmarker.detect(rgb, width, height);
      return tracker.measure(landmarks, { rgb, width, height }, { mirrored });
    },
  };
}
