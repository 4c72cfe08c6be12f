/**
 * Licensed wording packs. The packs here are generated with placeholder text: the real wording is licensed and
 * not ours to ship (and the placeholder subscale allocation is only a test fixture, not the published one).
 */
import { describe, expect, it } from 'vitest';
import { getInstrumentWithWording, HFS30_SUBSCALES, InputError, scoreInstrument } from '../../src/index';
import { allItems, issuesFor, paths } from './helpers';

function packFor(id: 'hfs7' | 'hfs30', count: number) {
  return {
    instrumentId: id,
    instrumentVersion: id === 'hfs7' ? 'tan-2005' : 'tan-2004',
    name: 'Test clinic placeholder wording (en)',
    licence: 'Test fixture; no licensed text',
    items: Object.fromEntries(
      Array.from({ length: count }, (_, i) => [
        `q${i + 1}`,
        {
          text: `Placeholder wording ${i + 1}`,
          ...(id === 'hfs30' ? { subscale: HFS30_SUBSCALES[i % HFS30_SUBSCALES.length]!.id } : {}),
        },
      ]),
    ),
    options: { '0': 'P0', '1': 'P1', '2': 'P2', '3': 'P3', '4': 'P4' },
  };
}

function packIssues(id: string, pack: unknown) {
  try {
    getInstrumentWithWording(id, pack);
  } catch (e) {
    if (e instanceof InputError) return e.issues;
    throw e;
  }
  return expect.fail('pack was accepted');
}

describe('wording packs', () => {
  it('replaces the neutral labels and records the pack on the score', () => {
    const def = getInstrumentWithWording('hfs7', packFor('hfs7', 7));
    expect(def.items[2]!.label).toBe('Placeholder wording 3');
    expect(def.items[2]!.kind === 'option' && def.items[2]!.options[4]!.label).toBe('P4');
    const s = scoreInstrument('hfs7', allItems('hfs7', 2), { wordingPack: packFor('hfs7', 7) });
    expect(s.total).toBe(14);
    expect(s.wording).toEqual({ kind: 'licensed-pack', packName: 'Test clinic placeholder wording (en)' });
    expect(s.unverified.join(' ')).toMatch(/licensed pack/);
    expect(s.unverified.join(' ')).not.toMatch(/labelled neutrally/);
  });

  it('gives HFS-30 subscale totals from the pack allocation, summing to the total', () => {
    const s = scoreInstrument(
      'hfs30',
      allItems('hfs30', (_, i) => i % 5),
      { wordingPack: packFor('hfs30', 30) },
    );
    expect(s.subscales).toHaveLength(7);
    expect(s.subscales!.reduce((a, x) => a + x.total, 0)).toBe(s.total);
    // Placeholder allocation i % 7: mobility holds items 1, 8, 15, 22, 29 (values 0, 2, 4, 1, 3).
    expect(s.subscales![0]).toEqual({ id: 'mobility', label: 'Mobility', total: 10, min: 0, max: 20 });
  });

  it('rejects a pack for another instrument or version, or for an instrument whose wording we ship', () => {
    expect(paths(packIssues('hfs30', packFor('hfs7', 7)))).toContain('instrumentId');
    expect(paths(packIssues('hfs7', { ...packFor('hfs7', 7), instrumentVersion: 'tan-2004' }))).toEqual([
      'instrumentVersion',
    ]);
    expect(packIssues('smc', { ...packFor('hfs7', 7), instrumentId: 'smc' })[0]!.message).toMatch(
      /ships its own/,
    );
  });

  it('rejects missing, unknown and mis-allocated items, naming each', () => {
    const pack = packFor('hfs30', 30);
    delete pack.items.q4;
    pack.items.q31 = { text: 'extra' };
    (pack.items.q5 as { subscale?: string }).subscale = 'bodily-discomfort';
    delete (pack.items.q6 as { subscale?: string }).subscale;
    expect(paths(packIssues('hfs30', pack)).sort()).toEqual([
      'items.q31',
      'items.q31.subscale',
      'items.q4',
      'items.q5.subscale',
      'items.q6.subscale',
    ]);
  });

  it('rejects an allocation that leaves a subscale empty, and subscales on HFS-7', () => {
    const pack = packFor('hfs30', 30);
    for (const item of Object.values(pack.items)) (item as { subscale?: string }).subscale = 'mobility';
    expect(packIssues('hfs30', pack).map((i) => i.message)).toContain('subscale stigma has no items');
    const hfs7 = packFor('hfs7', 7);
    (hfs7.items.q1 as { subscale?: string }).subscale = 'mobility';
    expect(paths(packIssues('hfs7', hfs7))).toEqual(['items.q1.subscale']);
  });

  it('requires a licence, non-empty wording and a label for every answer value', () => {
    const pack = { ...packFor('hfs7', 7), licence: ' ', options: { '0': 'a', '5': 'b' } };
    (pack.items.q2 as { text: string }).text = '';
    const structural = paths(packIssues('hfs7', pack));
    expect(structural).toEqual(expect.arrayContaining(['licence', 'items.q2.text']));
    const options = paths(packIssues('hfs7', { ...packFor('hfs7', 7), options: { '0': 'a', '5': 'b' } }));
    expect(options.sort()).toEqual(['options.1', 'options.2', 'options.3', 'options.4', 'options.5']);
  });

  it('still validates the answers when a pack is applied', () => {
    expect(paths(issuesFor('hfs7', { items: {} }, { wordingPack: packFor('hfs7', 7) }))).toHaveLength(7);
  });
});
