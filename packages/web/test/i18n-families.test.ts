import {
  AFFECTED_SIDES,
  FOLLOW_UP_TIME_POINTS,
  OFFENDING_VESSELS,
  OPTION_CATALOGUE,
  OPTION_IDS,
  RECOMMENDATIONS,
  SEXES,
  SPASM_STATUSES,
  TREATED_SIDES,
} from '@hemispasm/core';
import { describe, expect, it } from 'vitest';
import { MOVEMENT_COLUMNS } from '../src/components/MovementResult';
import en from '../src/i18n/en.json';
import zh from '../src/i18n/zh.json';
import { TREND_COLUMNS } from '../src/pages/clinician/MovementTrend';
import { PATIENT_COLUMNS } from '../src/pages/clinician/PatientListPage';
import { LEARN_SECTIONS } from '../src/pages/LearnPage';
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
  // Record sides, and the analysis' `none` (no spasm) and `both` (a blink).
  ...[...new Set([...AFFECTED_SIDES, ...TREATED_SIDES, 'none', 'both'])].map((s) => `sides.${s}`),
  ...SEXES.map((s) => `sexes.${s}`),
  ...FOLLOW_UP_TIME_POINTS.flatMap((tp) => [`timePoints.${tp}`, `timePointsShort.${tp}`]),
  ...SPASM_STATUSES.map((s) => `spasmStatus.${s}`),
  ...OFFENDING_VESSELS.map((v) => `episode.vessel.${v}`),
  ...VALUES.map((v) => `aid.values.${v}`),
  ...SURE_ITEMS.map((s) => `aid.sureItems.${s}`),
  ...[0, 1, 2, 3, 4].map((n) => `aid.scale.${n}`),
  ...LEARN_SECTIONS.flatMap((s) => [`learn.${s.id}.h`, ...s.paragraphs.map(([p]) => `learn.${s.id}.${p}`)]),
  // Table columns named from a list.
  ...PATIENT_COLUMNS.map((c) => `patients.${c}`),
  ...MOVEMENT_COLUMNS.map((c) => `movementTest.${c}`),
  ...TREND_COLUMNS.map((c) => `movementTrend.${c}`),
];

describe('value-built UI strings', () => {
  it.each([
    ['en', en],
    ['zh', zh],
  ])(
    '%s has every option, recommendation, side, sex, time point, status, vessel, decision-aid item, learning paragraph and column',
    (_lang, tree) => {
      const missing = families.filter((k) => typeof get(tree as Tree, k) !== 'string');
      expect(missing).toEqual([]);
    },
  );

  it('the SURE test has exactly its four items', () => {
    expect(SURE_ITEMS).toHaveLength(4);
  });
});
