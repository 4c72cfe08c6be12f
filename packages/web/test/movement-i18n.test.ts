import { MOVEMENT_BAND_LABEL, MOVEMENTS, MovementProblemSchema, MovementResultSchema } from '@hemispasm/core';
import { describe, expect, it } from 'vitest';
import en from '../src/i18n/en.json';
import zh from '../src/i18n/zh.json';

type Tree = { [k: string]: string | Tree };
const get = (tree: Tree, key: string): unknown =>
  key
    .split('.')
    .reduce<unknown>((node, k) => (node && typeof node === 'object' ? (node as Tree)[k] : undefined), tree);

/** Keys the movement-test pages build from the core's values. */
const keys = [
  ...MOVEMENTS.flatMap((m) => [`movements.${m}.name`, `movements.${m}.prompt`]),
  ...MovementProblemSchema.shape.kind.options.map((k) => `movementTest.problems.${k}`),
  ...MovementResultSchema.shape.status.options.map((s) => `movementTest.status.${s}`),
];

describe('movement-test strings', () => {
  it.each([
    ['en', en],
    ['zh', zh],
  ])('%s names every movement, prompt, problem and status', (_lang, tree) => {
    expect(keys.filter((k) => typeof get(tree as Tree, k) !== 'string')).toEqual([]);
  });

  it('the band is labelled as measured symmetry, not a clinician grade, in both languages', () => {
    expect(en.movementTest.bandLabel.toLowerCase()).toContain(MOVEMENT_BAND_LABEL.toLowerCase());
    expect(zh.movementTest.bandLabel).toContain('不是医生评定的House–Brackmann分级');
  });
});
