import type { InstrumentDefinition } from '../types';
import { jankovicVariant, opts } from './structure';

/** The HFS-adapted JRS wording ⚠️ (a wiki, not a primary source), as paraphrased in evidence.md §1.3. */
export const jankovicHfs: InstrumentDefinition = jankovicVariant({
  id: 'jankovic-hfs',
  version: 'neurosurgerywiki-hfs',
  versionLabel: 'HFS adaptation',
  source: ['neurosurgerywiki-jrs-hfs'],
  verification: 'partial',
  unverified: [
    'Partly verified: this HFS-adapted wording comes from a wiki (neurosurgerywiki.com), not a primary source. Verify before relying on it.',
  ],
  severity: opts([
    ['No spasm', 'No spasm'],
    ['Mild', 'Mild, noticeable, not disabling'],
    ['Moderate', 'Moderate, affects facial expression, not daily activities'],
    ['Severe', 'Severe, clearly limits daily activities'],
    ['Very severe', 'Very severe, continuous disabling contractions'],
  ]),
  frequency: opts([
    ['No spasm', 'No spasm'],
    ['Occasional', 'Occasional (< once per hour)'],
    ['Intermittent', 'Intermittent (> once per hour, not continuous)'],
    ['Frequent', 'Frequent (near-continuous with breaks)'],
    ['Continuous', 'Continuous'],
  ]),
});
