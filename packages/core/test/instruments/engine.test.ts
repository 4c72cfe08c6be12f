/**
 * Properties every instrument must have, checked over the whole registry so a new instrument gets them for
 * free: bounds, bands that tile the range, and rejection of each kind of bad answer.
 */
import { describe, expect, it } from 'vitest';
import {
  getInstrument,
  INSTRUMENT_IDS,
  INSTRUMENTS,
  InputError,
  listInstruments,
  SOURCES,
  scoreInstrument,
  totalRange,
} from '../../src/index';
import { allItems, issuesFor, paths } from './helpers';

const ordinal = INSTRUMENTS.filter((d) => d.scoring.kind !== 'classify');

describe('instrument registry', () => {
  it('holds exactly the agreed ids', () => {
    expect([...INSTRUMENT_IDS].sort()).toEqual(
      [
        'smc',
        'jankovic-blepharospasm',
        'jankovic-hfs',
        'cohen-albert',
        'hfs7',
        'hfs30',
        'house-brackmann',
        'hearing-aao-hns',
      ].sort(),
    );
    expect(listInstruments().map((s) => s.id)).toEqual([...INSTRUMENT_IDS]);
  });

  it('gives every instrument a distinct version and only sources from the catalogue', () => {
    for (const d of INSTRUMENTS) {
      expect(d.source.length, d.id).toBeGreaterThan(0);
      for (const s of d.source) expect(SOURCES[s], `${d.id} cites ${s}`).toBeDefined();
      for (const scheme of d.bandSchemes ?? [])
        for (const s of scheme.source) expect(SOURCES[s]).toBeDefined();
    }
    expect(new Set(INSTRUMENTS.map((d) => d.version)).size).toBe(INSTRUMENTS.length);
  });

  it('hands out definitions no caller can change', () => {
    const smc = getInstrument('smc') as unknown as { version: string; items: unknown[] };
    expect(() => {
      smc.version = 'edited';
    }).toThrow(TypeError);
    expect(() => smc.items.push({})).toThrow(TypeError);
    expect(getInstrument('smc').version).toBe('lee-2011');
  });

  it('rejects an unknown instrument, listing the known ids', () => {
    expect(() => getInstrument('smc-2')).toThrow(InputError);
    const issues = issuesFor('nope', { items: {} });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe('instrument');
    for (const id of INSTRUMENT_IDS) expect(issues[0]!.message).toContain(id);
  });

  it('says why when an instrument has no bands, and never has bands that gap or overlap', () => {
    for (const d of ordinal) {
      if (d.bands.length === 0) {
        expect(d.noBandsReason, d.id).toMatch(/evidence gives no interpretation bands/);
        continue;
      }
      const range = totalRange(d)!;
      for (let t = range.min; t <= range.max; t++) {
        const covering = d.bands.filter((b) => t >= b.min! && t <= b.max!);
        expect(covering, `${d.id} total ${t}`).toHaveLength(1);
      }
    }
  });
});

describe.each(ordinal.map((d) => [d.id, d] as const))('%s (generic)', (id, def) => {
  const options = def.items[0]!.kind === 'option' ? def.items[0]!.options.map((o) => o.value) : [];
  const lo = Math.min(...options);
  const hi = Math.max(...options);

  it('scores the lowest and highest answers at the ends of the range, carrying id and version', () => {
    const min = scoreInstrument(id, allItems(id, lo));
    const max = scoreInstrument(id, allItems(id, hi));
    expect(min.total).toBe(min.range!.min);
    expect(max.total).toBe(max.range!.max);
    expect(max.total).toBe(def.items.length * hi);
    for (const s of [min, max]) {
      expect(s.instrumentId).toBe(id);
      expect(s.instrumentVersion).toBe(def.version);
    }
  });

  it('rejects a missing item, naming it', () => {
    const answers = allItems(id, lo);
    const last = def.items.at(-1)!.id;
    delete (answers.items as Record<string, number>)[last];
    const issues = issuesFor(id, answers);
    expect(paths(issues)).toEqual([`items.${last}`]);
    expect(issues[0]!.message).toMatch(/^required/);
  });

  it('rejects out-of-range values, fractions and wrong types, one line per field', () => {
    const bad = allItems(id, (_, i) => [hi + 1, lo - 1, 1.5, '2', null, true][i % 6]!);
    const issues = issuesFor(id, bad);
    expect(paths(issues)).toEqual(def.items.map((i) => `items.${i.id}`));
    for (const issue of issues) expect(issue.message).toContain(`expected an integer ${lo}–${hi}`);
  });

  it('rejects an unknown item and unknown top-level fields', () => {
    const answers = { ...allItems(id, lo), patient: 'x' };
    (answers.items as Record<string, number>).q99 = 1;
    expect(paths(issuesFor(id, answers)).sort()).toEqual(['items.q99', 'patient']);
  });

  it('rejects answers that declare another instrument or another wording version', () => {
    const other = INSTRUMENT_IDS.find((x) => x !== id)!;
    const wrongInstrument = issuesFor(id, { ...allItems(id, lo), instrument: other });
    expect(paths(wrongInstrument)).toEqual(['instrument']);
    expect(wrongInstrument[0]!.message).toContain('never mixed');
    const wrongVersion = issuesFor(id, { ...allItems(id, lo), instrument: id, version: `${def.version}-x` });
    expect(paths(wrongVersion)).toEqual(['version']);
  });

  it('rejects input that is not an answers object', () => {
    for (const input of [null, [], 'smc', 3]) expect(paths(issuesFor(id, input))).toEqual(['(root)']);
    expect(paths(issuesFor(id, {}))).toEqual(['items']);
  });
});
