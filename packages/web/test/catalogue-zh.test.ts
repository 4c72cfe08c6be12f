import { NATURAL_COURSE, OPTION_CATALOGUE } from '@hemispasm/core';
import { describe, expect, it } from 'vitest';
import { CATALOGUE_ZH } from '../src/i18n/catalogue-zh';

const figureStrings = (f: (typeof NATURAL_COURSE)[number]) => [
  f.what,
  f.figure,
  f.timePoint,
  ...(f.note ? [f.note] : []),
];
const strings = [
  ...new Set([
    ...Object.values(OPTION_CATALOGUE).flatMap((o) => [
      o.label,
      o.certaintyBasis,
      ...[...o.benefits, ...o.risks, ...o.limits].flatMap(figureStrings),
    ]),
    ...NATURAL_COURSE.flatMap(figureStrings),
  ]),
];
const numbers = (s: string) => (s.match(/\d+(?:[.,]\d+)*/g) ?? []).map((n) => n.replace(/,/g, '')).sort();

describe("Chinese translation of the decision engine's option catalogue", () => {
  it('covers every string of the catalogue (a change in core must be translated)', () => {
    expect(strings.filter((s) => !(s in CATALOGUE_ZH))).toEqual([]);
  });

  it('holds no stale strings', () => {
    expect(Object.keys(CATALOGUE_ZH).filter((s) => !strings.includes(s))).toEqual([]);
  });

  it('keeps every number of the English figure, so a translated figure cannot drift', () => {
    const drift = strings
      .filter((s) => s in CATALOGUE_ZH)
      .filter((s) => numbers(s).join(' ') !== numbers(CATALOGUE_ZH[s]!).join(' '))
      .map((s) => `${s} → ${CATALOGUE_ZH[s]}`);
    expect(drift).toEqual([]);
  });
});
