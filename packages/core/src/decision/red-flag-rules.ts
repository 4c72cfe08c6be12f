/**
 * Red flags (evidence reference §3.1): features of atypical or possibly secondary HFS, and findings in the
 * treatment history or general health that must be dealt with before treatment. Each rule is data a clinician
 * can review: when → code, message, action, source.
 *
 * `reviewFirst`: the action is a specialist review before any treatment (§7 note 6). While such a flag is
 * open (not named in the profile's `redFlagsReviewed`), no option is `preferred` (the `review-first` ranking
 * rule). The other flags hold only what their own ranking rules say (e.g. `toxin_non_response` holds MVD).
 * How each flag changes the options is in ranking-rules.ts.
 */
import type { SourceId } from '../evidence/sources';
import type { Condition } from './conditions';
import type { RedFlagCode } from './red-flag-codes';

export interface RedFlagRule {
  code: RedFlagCode;
  when: Condition;
  /** True when the action is a specialist review before any treatment: every option is held until reviewed. */
  reviewFirst: boolean;
  message: string;
  action: string;
  source: SourceId;
  /** Further sources for figures in the message that the main source does not give. */
  seeAlso?: readonly SourceId[];
}

const REVIEW = 'Specialist review before any treatment.';

export const RED_FLAG_RULES: readonly RedFlagRule[] = [
  {
    code: 'structural_lesion',
    when: { fact: 'mri', is: 'lesion' },
    reviewFirst: true,
    message:
      'MRI shows a lesion: the spasm may be secondary (tumour, vascular malformation, demyelination), ' +
      'which is found in about 0.5 % of large series.',
    action: `Neurosurgical or neurological review of the lesion; treat the cause. ${REVIEW}`,
    source: 'unusual-hfs-1642',
  },
  {
    code: 'parotid_or_temporal_mass',
    when: { fact: 'parotidOrTemporalMass' },
    reviewFirst: true,
    message:
      'A parotid mass or a temporal-bone lesion can cause the spasm by involving the facial nerve outside the ' +
      'skull or in the temporal bone (a distal cause).',
    action: `Imaging of the mass or lesion and specialist review; treat the cause. ${REVIEW}`,
    source: 'galvez-jimenez2001',
  },
  {
    code: 'bilateral_symptoms',
    when: { fact: 'affectedSide', is: 'both' },
    reviewFirst: true,
    message:
      'Spasm on both sides is rare in HFS (0.4 % of 1,642 cases). Bilateral synchronous closure points to ' +
      'blepharospasm/Meige; bilateral asynchronous spasm can suggest a functional disorder.',
    action: `Neurologist (movement disorders) review to confirm the diagnosis; MRI. ${REVIEW}`,
    source: 'unusual-hfs-1642',
  },
  {
    code: 'imaging_needed',
    when: { fact: 'mri', is: 'not_done' },
    reviewFirst: false,
    message: 'No MRI yet: MRI rules out secondary causes and maps the vessel before any procedure.',
    action: 'MRI with heavily T2-weighted 3D sequences (CISS/FIESTA) ± TOF angiography.',
    source: 'kemp-reich2004',
  },
  {
    code: 'post_paralytic_synkinesis',
    when: { any: [{ fact: 'bellsPalsy' }, { fact: 'facialTrauma' }] },
    reviewFirst: true,
    message:
      "A history of Bell's palsy or facial-nerve injury suggests post-paralytic synkinesis or secondary " +
      'HFS, whose management and toxin response differ from primary HFS.',
    action: `Confirm the diagnosis with a neurologist; one toxin protocol uses lower doses per site. ${REVIEW}`,
    source: 'yaltho2011',
  },
  {
    code: 'pediatric',
    when: { fact: 'age', below: 18 },
    reviewFirst: true,
    message:
      'Under 18: HFS is rare at this age (onset ranged from 15 to 87 years in one series) and may have another ' +
      'cause; the figures behind this ranking come from adults.',
    action:
      `Specialist paediatric neurology review and MRI (CISS/FIESTA ± TOF); no procedure is preferred on ` +
      `adult evidence. ${REVIEW}`,
    source: 'wang-jankovic1998',
    seeAlso: ['kemp-reich2004'],
  },
  {
    code: 'young_onset',
    when: { fact: 'ageAtOnset', below: 40 },
    reviewFirst: true,
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
    reviewFirst: true,
    message:
      'Signs beyond the spasm (facial weakness, hearing loss/tinnitus/imbalance, facial numbness or other ' +
      'cranial-nerve signs) suggest a structural cause such as a cerebellopontine-angle tumour or demyelination.',
    action: `MRI (CISS/FIESTA ± TOF) and neurological/neurosurgical review. ${REVIEW}`,
    source: 'tan2002-qjm',
  },
  {
    code: 'lower_face_onset',
    when: { fact: 'lowerFaceOnset' },
    reviewFirst: true,
    message:
      'Spasm that began in the lower face and spread up towards the eye is atypical for HFS, and spasm of ' +
      'the lower face alone is a feature of functional facial spasm.',
    action: `MRI and neurologist (movement disorders) review to confirm the diagnosis. ${REVIEW}`,
    source: 'baizabal2017-functional',
  },
  {
    code: 'painful_spasm_or_trigeminal_neuralgia',
    when: { fact: 'painfulSpasmOrTrigeminalNeuralgia' },
    reviewFirst: true,
    message:
      'Painful spasm with trigeminal neuralgia on the same side (tic convulsif) is rare (0.37 % of a large ' +
      'series) and needs its cause found.',
    action: `MRI (CISS/FIESTA ± TOF) and neurological/neurosurgical review. ${REVIEW}`,
    source: 'unusual-hfs-1642',
  },
  {
    code: 'functional_features',
    when: { fact: 'functionalFeatures' },
    reviewFirst: true,
    message:
      'Tonic contractions without the "other Babinski sign", the mouth angle pulled downward, or spasm that ' +
      'is distractible or suggestible are features of functional (psychogenic) facial spasm.',
    action: `Neurologist (movement disorders) review to confirm the diagnosis. ${REVIEW}`,
    source: 'baizabal2017-functional',
  },
  {
    code: 'mvd_recent',
    when: { tried: 'mvd', response: ['partial', 'none'], monthsSince: { below: 12 } },
    reviewFirst: false,
    message:
      'Spasm continuing within a year of MVD (or at an unrecorded time since it) is not yet a failure: relief ' +
      'is often delayed (median 30 days; 10 % at 6–12 months, 3 % after 12 months).',
    action:
      'Wait and re-assess up to 12 months after the operation; control the spasm with toxin meanwhile if ' +
      'needed. Record when the MVD was.',
    source: 'mvd-delayed2022',
  },
  {
    code: 'persisting_after_mvd',
    when: { tried: 'mvd', response: ['partial', 'none'], monthsSince: { atLeast: 12 } },
    reviewFirst: false,
    message:
      'Spasm persisting 12 months or more after MVD: a missed offending vessel (often distal or venous) or a ' +
      'Teflon granuloma are the usual causes.',
    action: 'Repeat MRI and neurosurgical review; redo MVD can be effective.',
    source: 'liu2021-redo',
  },
  {
    code: 'recurrence_after_mvd',
    when: { tried: 'mvd', response: ['recurred'] },
    reviewFirst: false,
    message:
      'The spasm came back after good relief from MVD: missed compression zones (71.5 % of recurrent cases ' +
      'in one series), a Teflon granuloma or adhesions are the usual causes.',
    action: 'Repeat MRI and neurosurgical review before a redo MVD; redo MVD can be effective.',
    source: 'liu2021-redo',
  },
  {
    code: 'toxin_non_response',
    when: { tried: 'botulinum_toxin', response: ['none'] },
    reviewFirst: true,
    message:
      'No relief at all from botulinum toxin, although 85–95 % respond: about 18 % of patients referred as ' +
      'HFS had another condition (a mimic), and the dose, sites or product may be at fault.',
    action:
      'Check the diagnosis (mimics such as functional spasm, tics, dystonia, myoclonus or hemimasticatory ' +
      'spasm), the dose, the injection sites and the product. Specialist review before any treatment.',
    source: 'yaltho2011',
    seeAlso: ['rosenstengel2012'],
  },
  {
    code: 'anticoagulation',
    when: { fact: 'anticoagulated' },
    reviewFirst: false,
    message: 'On anticoagulants: the bleeding risk must be managed before MVD or RF.',
    action: 'Plan stopping or bridging with the prescriber before MVD or RF.',
    source: 'general-knowledge',
  },
];
