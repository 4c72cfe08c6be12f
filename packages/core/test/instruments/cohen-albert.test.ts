import { describe, expect, it } from 'vitest';
import { scoreInstrument } from '../../src/index';
import { issuesFor } from './helpers';

describe('Cohen & Albert grade', () => {
  it('reaches every grade 0–4 with its commonly cited definition', () => {
    const scores = [0, 1, 2, 3, 4].map((g) => scoreInstrument('cohen-albert', { items: { grade: g } }));
    expect(scores.map((s) => s.band?.id)).toEqual(['grade-0', 'grade-1', 'grade-2', 'grade-3', 'grade-4']);
    expect(scores[0]!.band?.description).toBe('No spasm');
    expect(scores[4]!.band?.description).toBe('Severely incapacitating (cannot drive, read, etc.)');
    expect(scores[4]!.range).toEqual({ min: 0, max: 4 });
  });

  it('says on every score that the wording is unverified', () => {
    const s = scoreInstrument('cohen-albert', { items: { grade: 2 } });
    expect(s.verification).toBe('unverified');
    expect(s.unverified.join(' ')).toMatch(/^Wording unverified/);
  });

  it('rejects grade 5 and a negative grade', () => {
    expect(issuesFor('cohen-albert', { items: { grade: 5 } })[0]!.path).toBe('items.grade');
    expect(issuesFor('cohen-albert', { items: { grade: -1 } })[0]!.message).toContain('0–4');
  });
});
