import { describe, expect, it } from 'vitest';
import { analyzeSignals } from '../../src/signals/analyze';
import { addCounts, emptyCounts, metrics, scoreScenario } from '../../src/signals/score';
import { standardScenarios } from '../../src/signals/synthetic';

// Detection quality on every benchmark condition at a fixed seed (one variant each, 60 s). Not timed:
// speed is measured by the benchmark. Thresholds are the floor the benchmark's targets must stay above.
describe('detection quality', () => {
  it('meets F1 ≥ 0.95 and blink false positives ≤ 3 % across all conditions', () => {
    let total = emptyCounts();
    for (const s of standardScenarios(7, 1, 60))
      total = addCounts(total, scoreScenario(analyzeSignals(s.series), s.truth));
    const m = metrics(total);
    expect(total.truthSpasms).toBeGreaterThan(150);
    expect(total.truthBlinks).toBeGreaterThan(150);
    expect(m.f1).toBeGreaterThanOrEqual(0.95);
    expect(m.blinkFpRate).toBeLessThanOrEqual(0.03);
    expect(m.sideAccuracy).toBeGreaterThanOrEqual(0.9);
    // A generous limit: the machine is shared; this is a correctness test, not a timing one.
  }, 120_000);
});
