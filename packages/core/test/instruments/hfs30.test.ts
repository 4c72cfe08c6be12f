import { describe, expect, it } from 'vitest';
import { getInstrument, HFS30_SUBSCALES, scoreInstrument } from '../../src/index';
import { allItems, issuesFor } from './helpers';

describe('HFS-30', () => {
  it('has 30 neutrally labelled items and the 7 named subscales', () => {
    const def = getInstrument('hfs30');
    expect(def.items).toHaveLength(30);
    expect(def.items[29]!.label).toBe('HFS-30 item 30');
    expect(HFS30_SUBSCALES.map((s) => s.label)).toEqual([
      'Mobility',
      'Activities of daily living',
      'Emotional well-being',
      'Stigma',
      'Social support',
      'Cognition',
      'Communication',
    ]);
  });

  it('sums 30 items 0–4 into 0–120', () => {
    expect(scoreInstrument('hfs30', allItems('hfs30', 0)).total).toBe(0);
    const max = scoreInstrument('hfs30', allItems('hfs30', 4));
    expect(max.total).toBe(120);
    expect(max.range).toEqual({ min: 0, max: 120 });
  });

  it('computes no subscales without a wording pack, and says why', () => {
    const s = scoreInstrument('hfs30', allItems('hfs30', 1));
    expect(s.subscales).toBeUndefined();
    expect(s.unverified.join(' ')).toMatch(/allocation of items to the 7 subscales was not retrieved/);
    expect(s.band).toBeNull();
  });

  it('rejects a 31st item and a missing 30th', () => {
    const answers = allItems('hfs30', 1);
    const items = answers.items as Record<string, number>;
    delete items.q30;
    items.q31 = 1;
    expect(
      issuesFor('hfs30', answers)
        .map((i) => i.path)
        .sort(),
    ).toEqual(['items.q30', 'items.q31']);
  });
});
