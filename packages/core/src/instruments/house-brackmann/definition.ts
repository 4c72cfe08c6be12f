import type { InstrumentDefinition } from '../types';

const GRADES = [
  { value: 1, label: 'I', name: 'Normal', description: 'Normal function everywhere' },
  {
    value: 2,
    label: 'II',
    name: 'Mild dysfunction',
    description:
      'Slight weakness only on close inspection; may have slight synkinesis; symmetric at rest; forehead moderate–good; eye closes fully with minimal effort; slight mouth asymmetry',
  },
  {
    value: 3,
    label: 'III',
    name: 'Moderate dysfunction',
    description:
      'Obvious but not disfiguring difference; noticeable (not severe) synkinesis/contracture/hemifacial spasm; symmetric at rest; forehead slight–moderate movement; eye closes fully with effort; mouth slightly weak at maximum effort',
  },
  {
    value: 4,
    label: 'IV',
    name: 'Moderately severe',
    description:
      'Obvious weakness and/or disfiguring asymmetry; normal tone at rest; no forehead movement; incomplete eye closure; mouth asymmetric at maximum effort',
  },
  {
    value: 5,
    label: 'V',
    name: 'Severe',
    description:
      'Barely perceptible motion; asymmetric at rest; no forehead movement; incomplete eye closure; slight mouth movement',
  },
  { value: 6, label: 'VI', name: 'Total paralysis', description: 'No movement' },
] as const;

/**
 * House–Brackmann facial nerve grade I–VI, evidence.md §1.7 ✅. Used here for facial WEAKNESS after MVD, RF or
 * toxin, recorded apart from spasm severity (SMC/JRS/Cohen): grades III–IV mention spasm in their criteria, so
 * grading residual spasm with HB would mislabel it as weakness.
 */
export const houseBrackmann: InstrumentDefinition = {
  id: 'house-brackmann',
  name: 'House–Brackmann facial nerve grade',
  version: 'house-brackmann-1985',
  versionLabel: 'House & Brackmann 1985 (features paraphrased)',
  raterType: 'clinician',
  measures: 'Facial weakness (e.g. after MVD, RF or toxin), recorded apart from spasm severity',
  source: ['house-brackmann1985'],
  verification: 'verified',
  unverified: [],
  wording: 'shipped',
  rangeLabel: 'I–VI',
  items: [
    {
      kind: 'option',
      id: 'grade',
      label: 'House–Brackmann grade',
      options: GRADES.map((g) => ({ value: g.value, label: g.label, description: g.description })),
    },
  ],
  scoring: { kind: 'single', item: 'grade' },
  bands: GRADES.map((g) => ({
    id: `grade-${g.label}`,
    label: `Grade ${g.label}: ${g.name}`,
    description: g.description,
    min: g.value,
    max: g.value,
  })),
  display: 'roman',
  notes: [
    {
      text: 'Grade weakness only: grades III–IV mention synkinesis/hemifacial spasm, so record spasm severity separately (SMC, JRS or Cohen).',
      source: ['house-brackmann1985'],
    },
  ],
};
