/** The record vocabularies agree with the instruments and options they stand for. */
import { describe, expect, it } from 'vitest';
import {
  getInstrument,
  HEARING_CLASSES,
  HOUSE_BRACKMANN_GRADES,
  OPTION_IDS,
  TREATMENT_KINDS,
  toRoman,
} from '../src/index';

describe('record vocabularies', () => {
  it('treatment kinds are the decision options a clinic can record, observation aside, in their order', () => {
    expect(TREATMENT_KINDS).toEqual(OPTION_IDS.filter((o) => o !== 'observation'));
  });

  it('House–Brackmann grades are the grades the instrument scores, shown as its labels', () => {
    const def = getInstrument('house-brackmann');
    const item = def.items[0];
    expect(item?.kind).toBe('option');
    const options = item?.kind === 'option' ? item.options : [];
    expect(options.map((o) => o.value)).toEqual([...HOUSE_BRACKMANN_GRADES]);
    expect(HOUSE_BRACKMANN_GRADES.map(toRoman)).toEqual(options.map((o) => o.label));
  });

  it('hearing classes are the bands the AAO-HNS instrument derives', () => {
    expect(getInstrument('hearing-aao-hns').bands.map((b) => b.id)).toEqual([...HEARING_CLASSES]);
  });
});
