/**
 * Red flags (evidence reference §3.1): features of atypical or possibly secondary HFS. Any positive flag means
 * MRI and specialist review before treatment (§7 note 6). Each rule is data a clinician can review:
 * when → code, message, action, source. How a flag changes the options is in ranking-rules.ts.
 */
import type { SourceId } from '../evidence/sources';
import type { Condition, RedFlagCode } from './conditions';

export interface RedFlagRule {
  code: RedFlagCode;
  when: Condition;
  message: string;
  action: string;
  source: SourceId;
}

const REVIEW = 'Specialist review before any treatment.';

export const RED_FLAG_RULES: readonly RedFlagRule[] = [
  {
    code: 'structural_lesion',
    when: { fact: 'mri', is: 'lesion' },
    message:
      'MRI shows a lesion: the spasm may be secondary (tumour, vascular malformation, demyelination), ' +
      'which is found in about 0.5 % of large series.',
    action: `Neurosurgical or neurological review of the lesion; treat the cause. ${REVIEW}`,
    source: 'unusual-hfs-1642',
  },
  {
    code: 'bilateral_symptoms',
    when: { fact: 'affectedSide', is: 'both' },
    message:
      'Spasm on both sides is rare in HFS (0.4 % of 1,642 cases). Bilateral synchronous closure points to ' +
      'blepharospasm/Meige; bilateral asynchronous spasm can suggest a functional disorder.',
    action: `Neurologist (movement disorders) review to confirm the diagnosis; MRI. ${REVIEW}`,
    source: 'unusual-hfs-1642',
  },
  {
    code: 'imaging_needed',
    when: { fact: 'mri', is: 'not_done' },
    message: 'No MRI yet: MRI rules out secondary causes and maps the vessel before any procedure.',
    action: 'MRI with heavily T2-weighted 3D sequences (CISS/FIESTA) ± TOF angiography.',
    source: 'kemp-reich2004',
  },
  {
    code: 'post_paralytic_synkinesis',
    when: { any: [{ fact: 'bellsPalsy' }, { fact: 'facialTrauma' }] },
    message:
      "A history of Bell's palsy or facial-nerve injury suggests post-paralytic synkinesis or secondary " +
      'HFS, whose management and toxin response differ from primary HFS.',
    action: `Confirm the diagnosis with a neurologist; one toxin protocol uses lower doses per site. ${REVIEW}`,
    source: 'yaltho2011',
  },
  {
    code: 'young_onset',
    when: { fact: 'ageAtOnset', below: 40 },
    message:
      'Onset before age 40 is unusual for idiopathic HFS and may herald multiple sclerosis or another ' +
      'neurological disease.',
    action: `MRI and neurological examination for another cause. ${REVIEW}`,
    source: 'medscape-gulevich2019',
  },
  {
    code: 'neurological_deficit',
    when: {
      any: [
        { fact: 'facialWeakness' },
        { fact: 'ipsilateralHearingLoss' },
        { fact: 'otherCranialNerveSigns' },
      ],
    },
    message:
      'Signs beyond the spasm (facial weakness, hearing loss/tinnitus/imbalance, facial numbness or other ' +
      'cranial-nerve signs) suggest a structural cause such as a cerebellopontine-angle tumour or demyelination.',
    action: `MRI (CISS/FIESTA ± TOF) and neurological/neurosurgical review. ${REVIEW}`,
    source: 'tan2002-qjm',
  },
  {
    code: 'persisting_after_mvd',
    when: { tried: 'mvd', response: ['partial', 'none'] },
    message:
      'Spasm persisting or recurring after MVD: a missed offending vessel (often distal or venous) or a ' +
      'Teflon granuloma are the usual causes.',
    action: 'Repeat MRI and neurosurgical review; redo MVD can be effective.',
    source: 'liu2021-redo',
  },
];
