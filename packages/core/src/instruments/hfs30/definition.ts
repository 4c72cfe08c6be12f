import { neutralItems } from '../neutral-items';
import type { InstrumentDefinition } from '../types';

/** The seven HFS-30 subscales as named in evidence.md §1.5 ✅; which items belong to each is not (❓). */
export const HFS30_SUBSCALES = [
  { id: 'mobility', label: 'Mobility' },
  { id: 'activities-of-daily-living', label: 'Activities of daily living' },
  { id: 'emotional-well-being', label: 'Emotional well-being' },
  { id: 'stigma', label: 'Stigma' },
  { id: 'social-support', label: 'Social support' },
  { id: 'cognition', label: 'Cognition' },
  { id: 'communication', label: 'Communication' },
] as const;

/**
 * HFS-30 (Tan et al. 2004), evidence.md §1.5 ✅: 30 patient-rated items, 0 = never … 4 = always, total 0–120
 * (higher = worse), 7 subscales. Wording is licensed: neutral labels here. Subscale totals need the
 * item-to-subscale allocation, which a clinic's licensed wording pack supplies.
 */
export const hfs30: InstrumentDefinition = {
  id: 'hfs30',
  name: 'HFS-30 quality of life questionnaire',
  version: 'tan-2004',
  versionLabel: 'Tan et al. 2004 (30 items; not HFS-36)',
  raterType: 'patient',
  measures: 'Patient-reported, disease-specific quality of life (higher = worse)',
  source: ['tan2004-hfs30'],
  verification: 'verified',
  unverified: [],
  withoutPack: [
    'Item wording is not shipped (licensed instrument, not in our evidence): items are labelled neutrally unless a clinic loads its licensed wording pack.',
    'The allocation of items to the 7 subscales was not retrieved: subscale scores are only computed when a licensed wording pack supplies it.',
  ],
  wording: 'licensed',
  rangeLabel: '0–120',
  items: neutralItems('HFS-30', 30),
  scoring: { kind: 'sum', subscaleNames: HFS30_SUBSCALES },
  bands: [],
  noBandsReason:
    'The evidence gives no interpretation bands for HFS-30 (only that higher means worse quality of life); the total is reported as it is.',
  display: 'number',
  notes: [
    { text: 'Sensitive to change: improves 6–8 weeks after botulinum toxin.', source: ['tan2004-hfs30'] },
  ],
};
