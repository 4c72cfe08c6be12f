import { describe, expect, it } from 'vitest';
import { scoreInstrument } from '../../src/index';
import { issuesFor } from './helpers';

const grade = (g: unknown) => ({ items: { grade: g } });

describe('SMC grade', () => {
  it('reaches every grade band I–IV with its definition, and the mild/severe dichotomy', () => {
    const seen = [1, 2, 3, 4].map((g) => scoreInstrument('smc', grade(g)));
    expect(seen.map((s) => s.display)).toEqual(['I', 'II', 'III', 'IV']);
    expect(seen.map((s) => s.band?.id)).toEqual(['grade-I', 'grade-II', 'grade-III', 'grade-IV']);
    expect(seen[0]!.band?.description).toMatch(/around the eye/);
    expect(seen[3]!.band?.description).toMatch(/Disfiguring asymmetry/);
    expect(seen.map((s) => s.otherBands[0]?.id)).toEqual(['mild', 'mild', 'severe', 'severe']);
  });

  it('is verified and clinician-rated, with no unverified notes', () => {
    const s = scoreInstrument('smc', grade(3));
    expect(s).toMatchObject({ verification: 'verified', raterType: 'clinician', unverified: [], total: 3 });
    expect(s.range).toEqual({ min: 1, max: 4 });
  });

  it('rejects grade 0: the original scale has no "no spasm" grade', () => {
    const [issue] = issuesFor('smc', grade(0));
    expect(issue).toEqual({ path: 'items.grade', message: 'expected an integer 1–4 (grade I–IV), got 0' });
  });

  it('rejects a roman numeral string: grades are stored as integers', () => {
    expect(issuesFor('smc', grade('II'))[0]!.message).toContain('got "II"');
  });
});
