import { OPTION_CATALOGUE, OPTION_IDS, RECOMMENDATIONS } from '@hemispasm/core';
import { describe, expect, it } from 'vitest';
import en from '../src/i18n/en.json';
import zh from '../src/i18n/zh.json';
import { SURE_ITEMS, VALUES } from '../src/pages/patient/DecisionAidPage';

type Tree = { [k: string]: string | Tree };
const get = (tree: Tree, key: string): unknown =>
  key
    .split('.')
    .reduce<unknown>((node, k) => (node && typeof node === 'object' ? (node as Tree)[k] : undefined), tree);

/** Keys the code builds from values (option ids, sides, …): every value must have a string in both languages. */
const families: string[] = [
  ...OPTION_IDS.flatMap((o) => [`options.${o}.name`, `options.${o}.what`]),
  ...OPTION_IDS.flatMap((o) => ['anaesthesia', 'recovery', 'repeats'].map((r) => `involves.${o}.${r}`)),
  ...RECOMMENDATIONS.map((r) => `decision.recommendation.${r}`),
  ...[...new Set(Object.values(OPTION_CATALOGUE).map((o) => o.certainty))].map(
    (c) => `evidenceCertainty.${c}`,
  ),
  ...['left', 'right', 'none', 'bilateral', 'both'].map((s) => `sides.${s}`),
  ...['1w', '1m', '3m', '6m', '12m', 'later'].flatMap((tp) => [`timePoints.${tp}`, `timePointsShort.${tp}`]),
  ...VALUES.map((v) => `aid.values.${v}`),
  ...SURE_ITEMS.map((s) => `aid.sureItems.${s}`),
  ...[0, 1, 2, 3, 4].map((n) => `aid.scale.${n}`),
];

describe('value-built UI strings', () => {
  it.each([
    ['en', en],
    ['zh', zh],
  ])('%s has every option, recommendation, side, time point and decision-aid item', (_lang, tree) => {
    const missing = families.filter((k) => typeof get(tree as Tree, k) !== 'string');
    expect(missing).toEqual([]);
  });

  it('the SURE test has exactly its four items', () => {
    expect(SURE_ITEMS).toHaveLength(4);
  });
});
