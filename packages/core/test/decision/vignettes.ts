/**
 * Clinical vignettes: each is a short story, a profile and what a clinician reading the evidence reference
 * would expect the aid to say (first option, red flags raised, how particular options are judged). Checked
 * by vignettes.test.ts; their red flags with the safety vignettes' by safety-vignettes.test.ts.
 */
import type { OptionId } from '../../src/decision/option-ids';
import type { PatientProfileInput } from '../../src/decision/profile';
import { type Judged, profile } from './profiles';

export interface Vignette {
  name: string;
  story: string;
  profile: PatientProfileInput;
  first: OptionId;
  redFlags: string[];
  judged?: Judged;
}

const NOT_PREFERRED = ['reasonable', 'not_advised', 'contraindicated'] as const;

export const VIGNETTES: Vignette[] = [
  {
    name: 'V1 typical primary HFS',
    story: '56-year-old woman, left SMC II spasm for 2.5 years, MRI conflict, ASA II, no preferences.',
    profile: profile(),
    first: 'botulinum_toxin',
    redFlags: [],
    judged: { botulinum_toxin: 'preferred', mvd: 'reasonable', rf_neurotomy: 'not_advised' },
  },
  {
    name: 'V2 young, severe, wants a cure (young onset reviewed)',
    story:
      '34-year-old man, SMC III for 2 years (onset 32), MRI conflict, ASA I, toxin only partly helped; a ' +
      'neurologist has reviewed the young onset.',
    profile: profile({
      redFlagsReviewed: ['young_onset'],
      age: 34,
      sex: 'male',
      affectedSide: 'right',
      symptomDurationMonths: 24,
      severity: { smcGrade: 3 },
      asaClass: 1,
      priorTreatments: [{ option: 'botulinum_toxin', response: 'partial' }],
      preferences: { wantsLongTermCure: true },
    }),
    first: 'mvd',
    redFlags: ['young_onset'],
    judged: { mvd: 'preferred', botulinum_toxin: 'reasonable', observation: 'not_advised' },
  },
  {
    name: 'V3 80-year-old, ASA II, wants a cure (age alone is no contraindication)',
    story:
      '80-year-old man, SMC III for 5 years, MRI conflict, ASA II, not frail, no diabetes, wants a cure.',
    profile: profile({
      age: 80,
      sex: 'male',
      symptomDurationMonths: 60,
      severity: { smcGrade: 3 },
      preferences: { wantsLongTermCure: true },
    }),
    first: 'mvd',
    redFlags: [],
    judged: { mvd: 'preferred', botulinum_toxin: 'reasonable' },
  },
  {
    name: 'V4 50-year-old, ASA IV, wants a cure',
    story: '50-year-old woman, SMC III for 5 years, MRI conflict, ASA IV, wants a cure.',
    profile: profile({
      age: 50,
      symptomDurationMonths: 60,
      severity: { smcGrade: 3 },
      asaClass: 4,
      preferences: { wantsLongTermCure: true },
    }),
    first: 'botulinum_toxin',
    redFlags: [],
    judged: { mvd: 'not_advised', botulinum_toxin: 'preferred' },
  },
  {
    name: 'V5 ASA V',
    story: '67-year-old, ASA V (moribund), SMC II.',
    profile: profile({ age: 67, asaClass: 5 }),
    first: 'botulinum_toxin',
    redFlags: [],
    judged: { mvd: 'contraindicated', rf_neurotomy: 'not_advised' },
  },
  {
    name: 'V6 pregnancy',
    story: '41-year-old, 20 weeks pregnant, SMC II for a year (onset 40), MRI conflict.',
    profile: profile({ age: 41, symptomDurationMonths: 12, pregnant: true }),
    first: 'observation',
    redFlags: [],
    judged: {
      observation: 'preferred',
      botulinum_toxin: 'not_advised',
      oral_medication: 'not_advised',
      mvd: 'not_advised',
      rf_neurotomy: 'not_advised',
    },
  },
  {
    name: 'V7 oral drug worked, toxin not tolerated, avoids surgery',
    story:
      '62-year-old man, SMC II, gabapentin helped, toxin caused weakness, avoids surgery and general ' +
      'anaesthesia, low risk tolerance, MRI normal.',
    profile: profile({
      age: 62,
      sex: 'male',
      imaging: { mri: 'normal' },
      priorTreatments: [
        { option: 'botulinum_toxin', response: 'not_tolerated' },
        { option: 'oral_medication', response: 'good' },
      ],
      preferences: { riskTolerance: 'low', avoidSurgery: true, avoidGeneralAnesthesia: true },
    }),
    first: 'oral_medication',
    redFlags: [],
    judged: { mvd: 'not_advised' },
  },
  {
    name: 'V8 failed MVD and toxin, ASA III, avoids general anaesthesia',
    story:
      '72-year-old woman, SMC III, spasm persisted after MVD, no response to toxin, ASA III, avoids general ' +
      'anaesthesia.',
    profile: profile({
      age: 72,
      symptomDurationMonths: 120,
      severity: { smcGrade: 3 },
      asaClass: 3,
      priorTreatments: [
        { option: 'mvd', response: 'none', monthsSince: 40 },
        { option: 'botulinum_toxin', response: 'none', cycles: 4 },
      ],
      preferences: { avoidGeneralAnesthesia: true },
      redFlagsReviewed: ['toxin_non_response'],
    }),
    first: 'rf_neurotomy',
    redFlags: ['persisting_after_mvd', 'toxin_non_response'],
    judged: { rf_neurotomy: NOT_PREFERRED, mvd: 'not_advised' },
  },
  {
    name: 'V9 bilateral spasm',
    story: '58-year-old woman with spasm on both sides, SMC II, MRI normal.',
    profile: profile({ age: 58, affectedSide: 'both', imaging: { mri: 'normal' } }),
    first: 'botulinum_toxin',
    redFlags: ['bilateral_symptoms'],
    judged: { botulinum_toxin: 'reasonable', mvd: 'not_advised', rf_neurotomy: 'not_advised' },
  },
  {
    name: 'V10 no MRI yet',
    story: '50-year-old, typical left SMC II spasm, MRI not done, wants a cure.',
    profile: profile({ age: 50, imaging: { mri: 'not_done' }, preferences: { wantsLongTermCure: true } }),
    first: 'botulinum_toxin',
    redFlags: ['imaging_needed'],
    judged: { botulinum_toxin: 'preferred', mvd: 'reasonable' },
  },
  {
    name: "V11 after Bell's palsy",
    story: "63-year-old, right-sided twitching after Bell's palsy 3 years ago, SMC II, MRI normal.",
    profile: profile({
      age: 63,
      affectedSide: 'right',
      imaging: { mri: 'normal' },
      history: { bellsPalsy: true },
    }),
    first: 'botulinum_toxin',
    redFlags: ['post_paralytic_synkinesis'],
    judged: { mvd: 'not_advised' },
  },
  {
    name: 'V12 after facial trauma',
    story: '45-year-old after a facial-nerve injury, SMC II for 2 years, MRI conflict.',
    profile: profile({ age: 45, symptomDurationMonths: 24, history: { facialTrauma: true } }),
    first: 'botulinum_toxin',
    redFlags: ['post_paralytic_synkinesis'],
    judged: { mvd: 'not_advised' },
  },
  {
    name: 'V13 facial numbness (other cranial-nerve sign)',
    story: '59-year-old with spasm and facial numbness, MRI normal.',
    profile: profile({ age: 59, imaging: { mri: 'normal' }, neurology: { otherCranialNerveSigns: true } }),
    first: 'botulinum_toxin',
    redFlags: ['neurological_deficit'],
    judged: { botulinum_toxin: 'reasonable', mvd: NOT_PREFERRED },
  },
  {
    name: 'V14 hearing loss on the spasm side',
    story: '61-year-old with spasm, tinnitus and hearing loss on the same side, MRI conflict.',
    profile: profile({ age: 61, neurology: { ipsilateralHearingLoss: true } }),
    first: 'botulinum_toxin',
    redFlags: ['neurological_deficit'],
    judged: { botulinum_toxin: 'reasonable' },
  },
  {
    name: 'V15 facial weakness before any treatment',
    story: '55-year-old with mild facial weakness on the spasm side before any treatment, MRI normal.',
    profile: profile({ age: 55, imaging: { mri: 'normal' }, neurology: { facialWeakness: true } }),
    first: 'botulinum_toxin',
    redFlags: ['neurological_deficit'],
    judged: { rf_neurotomy: 'not_advised' },
  },
  {
    name: 'V16 lesion on MRI',
    story: '47-year-old, rapidly progressing spasm, MRI shows a cerebellopontine-angle lesion.',
    profile: profile({ age: 47, symptomDurationMonths: 8, progression: 'rapid', imaging: { mri: 'lesion' } }),
    first: 'botulinum_toxin',
    redFlags: ['structural_lesion'],
    judged: { botulinum_toxin: 'reasonable', mvd: 'not_advised', rf_neurotomy: 'not_advised' },
  },
  {
    name: 'V17 only hearing ear',
    story: '45-year-old, deaf on the other side, SMC III, MRI conflict, wants a cure.',
    profile: profile({
      age: 45,
      severity: { smcGrade: 3 },
      contralateralHearingLoss: true,
      preferences: { wantsLongTermCure: true },
    }),
    first: 'botulinum_toxin',
    redFlags: [],
    judged: { mvd: 'reasonable' },
  },
  {
    name: 'V18 mild, eye only, stable',
    story: '66-year-old with twitching confined to the eye (SMC I), stable for a year.',
    profile: profile({
      age: 66,
      symptomDurationMonths: 12,
      progression: 'stable',
      severity: { smcGrade: 1 },
    }),
    first: 'botulinum_toxin',
    redFlags: [],
    judged: { observation: 'reasonable' },
  },
  {
    name: 'V19 toxin works, frail and diabetic',
    story: '76-year-old, frail, diabetic, ASA III, toxin has worked well for years.',
    profile: profile({
      age: 76,
      symptomDurationMonths: 96,
      asaClass: 3,
      frailty: true,
      diabetes: true,
      priorTreatments: [{ option: 'botulinum_toxin', response: 'good' }],
    }),
    first: 'botulinum_toxin',
    redFlags: [],
    judged: { botulinum_toxin: 'preferred', mvd: 'not_advised' },
  },
  {
    name: 'V20 young onset found from the duration',
    story: '45-year-old whose spasm started 8 years ago (onset at 37).',
    profile: profile({ age: 45, symptomDurationMonths: 96 }),
    first: 'botulinum_toxin',
    redFlags: ['young_onset'],
  },
];
