import { describe, expect, it } from 'vitest';
import { scoreInstrument } from '../../src/index';
import { issuesFor } from './helpers';

describe('House–Brackmann grade', () => {
  it('reaches every grade I–VI with its label', () => {
    const scores = [1, 2, 3, 4, 5, 6].map((g) => scoreInstrument('house-brackmann', { items: { grade: g } }));
    expect(scores.map((s) => s.display)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI']);
    expect(scores.map((s) => s.band?.label)).toEqual([
      'Grade I: Normal',
      'Grade II: Mild dysfunction',
      'Grade III: Moderate dysfunction',
      'Grade IV: Moderately severe',
      'Grade V: Severe',
      'Grade VI: Total paralysis',
    ]);
    expect(scores[3]!.band?.description).toMatch(/incomplete eye closure/);
  });

  it('is a separate instrument from spasm severity', () => {
    const s = scoreInstrument('house-brackmann', { items: { grade: 3 } });
    expect(s.instrumentId).toBe('house-brackmann');
    expect(s.verification).toBe('verified');
  });

  it('rejects grade 0 and grade 7', () => {
    for (const g of [0, 7]) {
      expect(issuesFor('house-brackmann', { items: { grade: g } })[0]!.message).toBe(
        `expected an integer 1–6 (grade I–VI), got ${g}`,
      );
    }
  });
});
