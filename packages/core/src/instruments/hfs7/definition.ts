import { neutralItems } from '../neutral-items';
import type { InstrumentDefinition } from '../types';

/**
 * HFS-7 (Tan et al. 2005), evidence.md §1.4: 7 patient-rated items ✅; 0–4 per item and a 0–28 summary index
 * (higher = worse QoL) ⚠️; item wording ❓ not retrieved and licensed, so items carry neutral labels.
 */
export const hfs7: InstrumentDefinition = {
  id: 'hfs7',
  name: 'HFS-7 quality of life scale',
  version: 'tan-2005',
  versionLabel: 'Tan et al. 2005 (7 items)',
  raterType: 'patient',
  measures: 'Patient-reported, disease-specific quality of life (higher = worse)',
  source: ['tan2005-hfs7'],
  verification: 'partial',
  unverified: [
    'Partly verified: the 0–4 response format and 0–28 range are inferred from the parent HFS-30 (the SMC paper reports HFS-7 values of 0–25, which fits).',
    'Minimal important change values were not retrieved: no change threshold is applied.',
  ],
  withoutPack: [
    'Item wording is not shipped (licensed instrument, not in our evidence): items are labelled neutrally unless a clinic loads its licensed wording pack.',
  ],
  wording: 'licensed',
  rangeLabel: '0–28',
  items: neutralItems('HFS-7', 7),
  scoring: { kind: 'sum' },
  bands: [],
  noBandsReason:
    'The evidence gives no interpretation bands for HFS-7 (only that higher means worse quality of life); the total is reported as it is.',
  display: 'number',
  notes: [
    {
      text: 'SMC validation cohort: median HFS-7 was 9 / 12 / 16 / 17 for SMC grades I–IV (context, not bands).',
      source: ['lee2011-smc'],
    },
    {
      text: 'Patient-reported QoL and observed severity measure different things: track both.',
      source: ['tan2005-hfs7'],
    },
  ],
};
