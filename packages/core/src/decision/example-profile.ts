/**
 * A complete decision profile of a typical patient: a 52-year-old woman with primary hemifacial spasm on
 * the left for 30 months, SMC grade 2, a neurovascular conflict on MRI, fit for surgery (ASA 1), no red
 * flags, wanting a long-term cure. A starting point for the demo seed and for tests, each changing only
 * what its case needs — never a default the engine applies to a real patient.
 */
import type { PatientProfileInput } from './profile';

export const EXAMPLE_PROFILE = {
  age: 52,
  sex: 'female',
  affectedSide: 'left',
  symptomDurationMonths: 30,
  progression: 'slow',
  severity: { smcGrade: 2 },
  imaging: { mri: 'neurovascular_conflict' },
  asaClass: 1,
  anticoagulated: false,
  pregnant: false,
  contralateralHearingLoss: false,
  history: { bellsPalsy: false, facialTrauma: false },
  preferences: {
    riskTolerance: 'moderate',
    avoidSurgery: false,
    avoidGeneralAnesthesia: false,
    wantsLongTermCure: true,
  },
} as const satisfies PatientProfileInput;
