import { describe, expect, it } from 'vitest';
import { getInstrument, scoreInstrument } from '../../src/index';
import { allItems, issuesFor, paths } from './helpers';

describe('HFS-7', () => {
  it('has 7 items with neutral labels, no shipped wording', () => {
    const def = getInstrument('hfs7');
    expect(def.items.map((i) => i.label)).toEqual(Array.from({ length: 7 }, (_, i) => `HFS-7 item ${i + 1}`));
    expect(def.wording).toBe('licensed');
  });

  it('sums 7 items 0–4 into 0–28', () => {
    expect(scoreInstrument('hfs7', allItems('hfs7', 0)).total).toBe(0);
    expect(scoreInstrument('hfs7', allItems('hfs7', 4)).total).toBe(28);
    expect(
      scoreInstrument(
        'hfs7',
        allItems('hfs7', (_, i) => i % 5),
      ).total,
    ).toBe(0 + 1 + 2 + 3 + 4 + 0 + 1);
  });

  it('has no bands, says so, and flags the inferred range and the neutral wording', () => {
    const s = scoreInstrument('hfs7', allItems('hfs7', 2));
    expect(s.band).toBeNull();
    expect(s.bandNote).toMatch(/no interpretation bands/);
    expect(s.verification).toBe('partial');
    expect(s.wording).toEqual({ kind: 'neutral' });
    expect(s.unverified.join(' ')).toMatch(/inferred from the parent HFS-30/);
    expect(s.unverified.join(' ')).toMatch(/labelled neutrally/);
  });

  it('names the item at fault: items.q3', () => {
    const answers = allItems('hfs7', 1);
    (answers.items as Record<string, unknown>).q3 = 7;
    expect(issuesFor('hfs7', answers)).toEqual([
      { path: 'items.q3', message: 'expected an integer 0–4, got 7' },
    ]);
    expect(paths(issuesFor('hfs7', { items: { ...allItems('hfs7', 1).items, q8: 1 } }))).toEqual([
      'items.q8',
    ]);
  });
});
