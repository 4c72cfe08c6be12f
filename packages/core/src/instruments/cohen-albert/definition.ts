import type { InstrumentDefinition } from '../types';

const GRADES = [
  { value: 0, label: '0', description: 'No spasm' },
  { value: 1, label: '1', description: 'Increased blinking caused by external stimuli' },
  { value: 2, label: '2', description: 'Mild, noticeable fluttering, not incapacitating' },
  { value: 3, label: '3', description: 'Moderate, very noticeable spasm, mildly incapacitating' },
  { value: 4, label: '4', description: 'Severely incapacitating (cannot drive, read, etc.)' },
] as const;

/**
 * Cohen & Albert spasm intensity 0–4, evidence.md §1.2 ❓: the grade definitions could not be confirmed; the
 * commonly cited wording is shipped and every score says so. Not the same scale as Chen's grading: never merged.
 */
export const cohenAlbert: InstrumentDefinition = {
  id: 'cohen-albert',
  name: 'Cohen & Albert spasm intensity grade',
  version: 'commonly-cited',
  versionLabel: 'commonly cited wording (unverified)',
  raterType: 'clinician',
  measures: 'Clinician-rated spasm intensity; also used for post-operative relief',
  source: ['cohen1986-albert'],
  verification: 'unverified',
  unverified: [
    'Wording unverified: the grade definitions were not retrieved from a primary source; this is the commonly cited wording. Confirm before relying on it.',
  ],
  wording: 'shipped',
  rangeLabel: '0–4',
  items: [{ kind: 'option', id: 'grade', label: 'Cohen & Albert grade', options: GRADES }],
  scoring: { kind: 'single', item: 'grade' },
  bands: GRADES.map((g) => ({
    id: `grade-${g.label}`,
    label: `Grade ${g.label}`,
    description: g.description,
    min: g.value,
    max: g.value,
  })),
  display: 'number',
};
