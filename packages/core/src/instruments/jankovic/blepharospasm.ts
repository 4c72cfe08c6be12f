import type { InstrumentDefinition } from '../types';
import { jankovicVariant, opts } from './structure';

/** The original JRS (Jankovic & Orman 1987), written for blepharospasm; wording ✅ as paraphrased in evidence.md §1.3. */
export const jankovicBlepharospasm: InstrumentDefinition = jankovicVariant({
  id: 'jankovic-blepharospasm',
  version: 'jankovic-orman-1987-bsp',
  versionLabel: 'original blepharospasm wording',
  source: ['jankovic-orman1987-jrs'],
  verification: 'verified',
  unverified: [],
  severity: opts([
    ['None', 'None'],
    ['Minimal', 'Minimal: more blinking only with external triggers (light, wind, reading, driving)'],
    [
      'Mild',
      'Mild: spontaneous eyelid fluttering without true spasm; noticeable, maybe embarrassing, not disabling',
    ],
    ['Moderate', 'Moderate: very noticeable spasm limited to the lids, mildly incapacitating'],
    ['Severe', 'Severe: incapacitating spasm of lids ± other facial muscles'],
  ]),
  frequency: opts([
    ['None', 'None'],
    ['1', 'Blink rate slightly increased'],
    ['2', 'Eyelid fluttering lasting < 1 s'],
    ['3', 'Spasms > 1 s, but eyes open > 50% of waking time'],
    ['4', 'Functionally "blind" (eyes closed) > 50% of waking time'],
  ]),
});
