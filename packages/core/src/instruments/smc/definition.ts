import type { InstrumentDefinition } from '../types';

const GRADES = [
  { value: 1, label: 'I', description: 'Spasm confined to the area around the eye' },
  {
    value: 2,
    label: 'II',
    description:
      'Spasm has spread to other muscles on the same side (e.g. orbicularis oris, zygomaticus, frontalis, platysma)',
  },
  { value: 3, label: 'III', description: 'Frequent tonic spasms that interfere with vision' },
  { value: 4, label: 'IV', description: 'Disfiguring asymmetry' },
] as const;

/**
 * Samsung Medical Center grade (Lee's scale), evidence.md §1.1 ✅. One clinician-rated ordinal grade I–IV,
 * stored as 1–4; there is no grade 0 ("no spasm") in the original, so 0 is rejected.
 */
export const smc: InstrumentDefinition = {
  id: 'smc',
  name: 'Samsung Medical Center (SMC) grade',
  version: 'lee-2011',
  versionLabel: 'Lee et al. 2011/12 (definitions paraphrased)',
  raterType: 'clinician',
  measures: 'Clinician-rated spasm severity (extent and functional impact)',
  source: ['lee2011-smc'],
  verification: 'verified',
  unverified: [],
  wording: 'shipped',
  rangeLabel: 'I–IV',
  items: [{ kind: 'option', id: 'grade', label: 'SMC grade', options: GRADES }],
  scoring: { kind: 'single', item: 'grade' },
  bands: GRADES.map((g) => ({
    id: `grade-${g.label}`,
    label: `Grade ${g.label}`,
    description: g.description,
    min: g.value,
    max: g.value,
  })),
  bandSchemes: [
    {
      id: 'mild-severe',
      label: 'mild (SMC 1–2) / severe (SMC 3–4) dichotomy used in later papers',
      source: ['na2018-severity'],
      bands: [
        { id: 'mild', label: 'Mild', min: 1, max: 2 },
        { id: 'severe', label: 'Severe', min: 3, max: 4 },
      ],
    },
  ],
  display: 'roman',
  notes: [
    {
      text: 'Validation cohort (n=118): median HFS-7 was 9 / 12 / 16 / 17 for grades I–IV.',
      source: ['lee2011-smc'],
    },
    {
      text: 'Inter-rater reliability on video was poor to moderate: ICC 0.47, 0.59 after consensus training.',
      source: ['pmc10480239-reliability'],
    },
  ],
};
