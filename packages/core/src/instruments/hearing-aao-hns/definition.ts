import type { ClassRule, InstrumentDefinition } from '../types';

/** A class whose cut-offs are general knowledge, not confirmed against the AAO-HNS 1995 source (❓). */
const generalKnowledge = (band: string, ...when: ClassRule['when']): ClassRule => ({
  band,
  when,
  source: ['aao-hns1995-hearing'],
  certainty: 'unverified',
});

/**
 * AAO-HNS (1995) hearing class A–D, derived in code from raw audiometry (evidence.md §1.9: store PTA and WRS,
 * derive the class). Only class A is verified ✅; the B–D cut-offs are general knowledge ❓ and every score
 * says so. The cut-offs are exactly the table's; note that it leaves PTA ≤ 30 dB with WRS 50–69 % in no
 * class, and we do not invent one.
 */
export const hearingAaoHns: InstrumentDefinition = {
  id: 'hearing-aao-hns',
  name: 'Hearing class (AAO-HNS 1995)',
  version: 'aao-hns-1995',
  versionLabel: 'AAO-HNS 1995 Committee on Hearing and Equilibrium',
  raterType: 'clinician',
  measures: 'Hearing of one ear from pure-tone average and word recognition (e.g. before and after MVD)',
  source: ['jlo-aao-hns-class-a', 'aao-hns1995-hearing'],
  verification: 'unverified',
  unverified: [
    'Class A (PTA ≤ 30 dB, WRS ≥ 70 %) is verified; the cut-offs for classes B, C and D are general knowledge, not confirmed against the primary AAO-HNS 1995 source.',
  ],
  wording: 'shipped',
  rangeLabel: 'A–D',
  items: [
    // Plausibility limits only (audiometer output range, whole percent): they reject typos, not patients.
    { kind: 'number', id: 'ptaDb', label: 'Pure-tone average', unit: 'dB', min: -20, max: 140 },
    { kind: 'number', id: 'wrsPercent', label: 'Word recognition score', unit: '%', min: 0, max: 100 },
  ],
  scoring: {
    kind: 'classify',
    rules: [
      // D first: "any PTA, WRS < 50 %" overrides the PTA-based classes.
      generalKnowledge('D', { item: 'wrsPercent', lt: 50 }),
      {
        band: 'A',
        when: [
          { item: 'ptaDb', max: 30 },
          { item: 'wrsPercent', min: 70 },
        ],
        source: ['jlo-aao-hns-class-a'],
        certainty: 'verified',
      },
      generalKnowledge('B', { item: 'ptaDb', gt: 30, max: 50 }, { item: 'wrsPercent', min: 50 }),
      generalKnowledge('C', { item: 'ptaDb', gt: 50 }, { item: 'wrsPercent', min: 50 }),
    ],
  },
  bands: [
    { id: 'A', label: 'Class A', description: 'PTA ≤ 30 dB and WRS ≥ 70 %' },
    { id: 'B', label: 'Class B', description: 'PTA > 30 to ≤ 50 dB and WRS ≥ 50 % (cut-offs unverified)' },
    { id: 'C', label: 'Class C', description: 'PTA > 50 dB and WRS ≥ 50 % (cut-offs unverified)' },
    { id: 'D', label: 'Class D', description: 'Any PTA with WRS < 50 % (cut-off unverified)' },
  ],
  display: 'band',
  notes: [
    {
      text: 'Class A boundaries follow the evidence table (PTA ≤ 30 dB, WRS ≥ 70 %); the verified excerpt says "under 30 dB" and "exceeding 70%", so exactly 30 dB or 70 % should be checked against the primary source.',
      source: ['jlo-aao-hns-class-a'],
    },
    {
      text: 'Store the raw audiometry (PTA in dB, WRS in %) with the class; Gardner–Robertson thresholds were not retrieved and are not implemented.',
      source: ['jlo-aao-hns-class-a'],
    },
  ],
};
