import { describe, expect, it } from 'vitest';
import { keepPaceSlot } from '../src/lib/selftest/runSelfTest';

describe('keepPaceSlot: the movement test keeps its frames at their prompts on a busy device', () => {
  it('takes the planned slot while the device keeps up', () => {
    expect(keepPaceSlot(30, 1.99, 15)).toEqual({ slot: 30, skipped: 0 });
    expect(keepPaceSlot(30, 2.0, 15)).toEqual({ slot: 30, skipped: 0 });
  });

  it('skips the slots whose time has passed instead of taking them late', () => {
    // At 2.5 s the slot due is 37 (2.47 s): slots 30–36 are skipped, not stamped earlier than taken.
    expect(keepPaceSlot(30, 2.5, 15)).toEqual({ slot: 37, skipped: 7 });
  });

  it('does not count the slots that passed while the camera started as skipped', () => {
    expect(keepPaceSlot(0, 0.4, 15)).toEqual({ slot: 6, skipped: 0 });
  });
});
