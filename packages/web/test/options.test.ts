import { NATURAL_COURSE, OPTION_CATALOGUE, OPTION_IDS, SOURCES } from '@hemispasm/core';
import { describe, expect, it } from 'vitest';
import { headline, perHundred } from '../src/lib/options';

const all = [
  ...NATURAL_COURSE,
  ...Object.values(OPTION_CATALOGUE).flatMap((o) => [...o.benefits, ...o.risks, ...o.limits]),
];
const find = (figure: string) => all.find((f) => f.figure === figure)!;

describe('perHundred: which figures an icon array of 100 people may picture', () => {
  it('pictures verified figures that count people', () => {
    expect(perHundred(find('91.1 %'))).toEqual({ low: 91.1, high: 91.1 });
    expect(perHundred(find('85–95 %'))).toEqual({ low: 85, high: 95 });
    expect(perHundred(find('17.9 % (151 patients)'))).toEqual({ low: 17.9, high: 17.9 });
    expect(perHundred(find('93.4 % (178 patients)'))).toEqual({ low: 93.4, high: 93.4 });
  });

  it('keeps as text: partly verified figures, per-treatment rates, pooled ranges, lists and non-rates', () => {
    expect(perHundred(find('41.3 % remission (104 patients)'))).toBeNull(); // highly selected cohort, ⚠️
    expect(perHundred(find('91 % (48 of 53)'))).toBeNull(); // RF, excerpt truncated, ⚠️
    expect(perHundred(find('12 % of treatments'))).toBeNull(); // counts treatments, not people
    expect(perHundred(find('in most patients (60–91 %)'))).toBeNull(); // across several series
    expect(
      perHundred(find('hearing loss 2.3 %; facial palsy 0.9 %; stroke <0.1 %; death <0.1 %')),
    ).toBeNull();
    expect(perHundred(find('no rates established'))).toBeNull();
    for (const f of all.filter((x) => perHundred(x)))
      expect(SOURCES[f.source].certainty, f.what).toBe('verified');
  });
});

describe('headline: the figure options are compared by', () => {
  it("is RF's durability, not its 91 % beside MVD's 91 %", () => {
    expect(headline('rf_neurotomy').timePoint).toBe('at 3 / 6 / 9 months');
    expect(headline('mvd').figure).toBe('91.1 %');
    for (const id of OPTION_IDS) expect(headline(id).what.length).toBeGreaterThan(0);
  });
});
