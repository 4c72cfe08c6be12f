import { describe, expect, it } from 'vitest';
import { getInstrument, scoreInstrument } from '../../src/index';
import { issuesFor, paths } from './helpers';

const jrs = (severity: unknown, frequency: unknown) => ({ items: { severity, frequency } });

describe.each(['jankovic-blepharospasm', 'jankovic-hfs'])('%s', (id) => {
  it('totals severity + frequency over 0–8 and reports both subscores', () => {
    expect(scoreInstrument(id, jrs(0, 0)).total).toBe(0);
    const s = scoreInstrument(id, jrs(4, 4));
    expect(s.total).toBe(8);
    expect(s.range).toEqual({ min: 0, max: 8 });
    const mixed = scoreInstrument(id, jrs(3, 1));
    expect(mixed.total).toBe(4);
    expect(mixed.subscales).toEqual([
      { id: 'severity', label: 'Severity', total: 3, min: 0, max: 4 },
      { id: 'frequency', label: 'Frequency', total: 1, min: 0, max: 4 },
    ]);
  });

  it('gives no band, and says the evidence has none', () => {
    const s = scoreInstrument(id, jrs(2, 2));
    expect(s.band).toBeNull();
    expect(s.bandNote).toMatch(/no interpretation bands/);
  });

  it('warns that the two wordings must never be mixed', () => {
    expect(scoreInstrument(id, jrs(1, 1)).unverified.join(' ')).toMatch(/never mix/);
  });

  it('rejects a 5 and a missing subscore', () => {
    expect(issuesFor(id, jrs(5, 0))).toEqual([
      { path: 'items.severity', message: 'expected an integer 0–4, got 5' },
    ]);
    expect(paths(issuesFor(id, { items: { severity: 1 } }))).toEqual(['items.frequency']);
  });
});

describe('Jankovic wording variants', () => {
  const bsp = getInstrument('jankovic-blepharospasm');
  const hfs = getInstrument('jankovic-hfs');
  const wording = (def: typeof bsp, itemId: string, value: number) => {
    const item = def.items.find((i) => i.id === itemId);
    return item?.kind === 'option' ? item.options.find((o) => o.value === value)?.description : undefined;
  };

  it('keeps the two wordings distinct, as evidence.md gives them', () => {
    expect(bsp.version).not.toBe(hfs.version);
    expect(wording(bsp, 'frequency', 2)).toBe('Eyelid fluttering lasting < 1 s');
    expect(wording(hfs, 'frequency', 2)).toBe('Intermittent (> once per hour, not continuous)');
    expect(wording(bsp, 'severity', 4)).toBe('Severe: incapacitating spasm of lids ± other facial muscles');
    expect(wording(hfs, 'severity', 4)).toBe('Very severe, continuous disabling contractions');
  });

  it('marks the original wording verified and the HFS adaptation (a wiki) partly verified', () => {
    expect(scoreInstrument('jankovic-blepharospasm', jrs(1, 1)).verification).toBe('verified');
    const s = scoreInstrument('jankovic-hfs', jrs(1, 1));
    expect(s.verification).toBe('partial');
    expect(s.unverified.join(' ')).toMatch(/wiki/);
  });

  it('refuses to score blepharospasm-wording answers as the HFS variant, and the reverse', () => {
    const declaredBsp = { instrument: 'jankovic-blepharospasm', ...jrs(2, 2) };
    expect(scoreInstrument('jankovic-blepharospasm', declaredBsp).instrumentVersion).toBe(bsp.version);
    expect(issuesFor('jankovic-hfs', declaredBsp)[0]!.message).toMatch(
      /declare jankovic-blepharospasm, not jankovic-hfs/,
    );
    expect(paths(issuesFor('jankovic-blepharospasm', { version: hfs.version, ...jrs(2, 2) }))).toEqual([
      'version',
    ]);
  });
});
