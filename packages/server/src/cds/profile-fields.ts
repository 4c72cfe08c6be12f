/**
 * Where each field of the decision engine's patient profile (core's PatientProfileSchema) comes from
 * in an EHR's FHIR data, and what is assumed when the record does not say.
 *
 * From standard resources: age (Patient.birthDate), sex (Patient.gender), the side and onset (the
 * hemifacial spasm Condition: ICD-10 G51.3 / ICD-10-CM G51.3x), the SMC grade and the JRS (instrument
 * Observations, as hemispasm exports them), and prior treatments (Procedures and MedicationStatements).
 * The other facts have no code in our verified evidence, so an EHR records them as Observations coded
 * with hemispasm's `decision-profile` code system, the code being the profile field (table below).
 *
 * One field is never read from FHIR (`NOT_FROM_FHIR`: the red flags a clinician has reviewed).
 *
 * Assumptions are the clinician's decision form defaults, chosen so that a missing fact raises no red
 * flag the data does not support (an absent MRI is taken as not done, which asks for one). Three fields
 * are essential: without the age, the side or the SMC grade the options are not ranked at all.
 */
import { PatientProfileSchema } from '@hemispasm/core';
import { PRIOR_TREATMENT_SOURCES } from './prior-treatments';

const S = PatientProfileSchema.shape;

export type ProfileFieldValue = string | number | boolean;

export type ObservedField =
  | { field: string; kind: 'boolean'; assumed: boolean }
  | { field: string; kind: 'integer'; min: number; max: number; assumed: number }
  | { field: string; kind: 'code'; codes: readonly string[]; assumed: string };

const bool = (field: string): ObservedField => ({ field, kind: 'boolean', assumed: false });

/** Facts recorded as `decision-profile` Observations (value[x] by kind), with the value assumed when absent. */
export const OBSERVED_FIELDS: readonly ObservedField[] = [
  { field: 'progression', kind: 'code', codes: S.progression.options, assumed: 'stable' },
  { field: 'imaging.mri', kind: 'code', codes: S.imaging.shape.mri.options, assumed: 'not_done' },
  {
    field: 'asaClass',
    kind: 'integer',
    min: S.asaClass.minValue ?? 1,
    max: S.asaClass.maxValue ?? 5,
    assumed: 1,
  },
  bool('anticoagulated'),
  bool('pregnant'),
  bool('contralateralHearingLoss'),
  bool('frailty'),
  bool('diabetes'),
  bool('history.bellsPalsy'),
  bool('history.facialTrauma'),
  bool('neurology.facialWeakness'),
  bool('neurology.ipsilateralHearingLoss'),
  bool('neurology.otherCranialNerveSigns'),
  // Atypical features (red flags of their own): no code for them is verified in our evidence.
  bool('features.lowerFaceOnset'),
  bool('features.painfulSpasmOrTrigeminalNeuralgia'),
  bool('features.functionalFeatures'),
  bool('features.parotidOrTemporalMass'),
  {
    field: 'preferences.riskTolerance',
    kind: 'code',
    codes: S.preferences.shape.riskTolerance.options,
    assumed: 'moderate',
  },
  bool('preferences.avoidSurgery'),
  bool('preferences.avoidGeneralAnesthesia'),
  bool('preferences.wantsLongTermCure'),
];

/** Where each element of a prior treatment comes from (prior-treatments.ts reads them). */
const PRIOR_FROM = Object.entries(PRIOR_TREATMENT_SOURCES)
  .map(([element, from]) => `${element}: ${from}`)
  .join('; ');

/** Fields read from standard resources, with what is assumed when absent (`undefined`: essential). */
export const STANDARD_FIELDS: Readonly<
  Record<string, { from: string; assumed: ProfileFieldValue | undefined }>
> = {
  age: { from: 'Patient.birthDate (completed years)', assumed: undefined },
  sex: { from: 'Patient.gender (female, male, other)', assumed: 'other' },
  affectedSide: {
    from: 'the hemifacial spasm Condition: hemispasm laterality body site, or ICD-10-CM G51.31/G51.32/G51.33',
    assumed: undefined,
  },
  symptomDurationMonths: { from: 'the Condition onsetDateTime or onsetPeriod.start', assumed: 0 },
  'severity.smcGrade': {
    from: 'the latest SMC grade Observation (hemispasm instrument smc)',
    assumed: undefined,
  },
  'severity.jankovic': {
    from: 'the latest JRS Observation, HFS wording (hemispasm instrument jankovic-hfs)',
    assumed: undefined,
  },
  priorTreatments: {
    from: `Procedures and MedicationStatements of the hemifacial spasm — ${PRIOR_FROM}`,
    assumed: undefined,
  },
};

/**
 * Profile fields the service never reads from the EHR, with the value it always uses and why.
 * `redFlagsReviewed`: a review lifts a red flag's safety hold, so it must be an attributable act tied to
 * the findings reviewed. The hook's prefetch carries no standard resource for "a clinician reviewed
 * hemispasm's red flag X" (an EHR does not know these codes), and the cards exist to prompt exactly that
 * review; so every raised flag is taken as not yet reviewed — the engine's own default, the cautious
 * reading. The review is recorded in hemispasm's decision form, where it lifts the hold.
 */
export const NOT_FROM_FHIR: Readonly<Record<string, { value: unknown; why: string }>> = {
  redFlagsReviewed: {
    value: [],
    why: 'a review lifts a safety hold: recorded in hemispasm, not read from the EHR (every flag is taken as not reviewed)',
  },
};

/** Without these the options are not ranked (their placeholders only let the red-flag rules run). */
export const ESSENTIAL_FIELDS = ['age', 'affectedSide', 'severity.smcGrade'] as const;
export const PLACEHOLDERS: Record<(typeof ESSENTIAL_FIELDS)[number], ProfileFieldValue> = {
  // Chosen to raise no red flag: a red flag that depends on a missing field is reported as not checked.
  age: 60,
  affectedSide: 'left',
  'severity.smcGrade': 1,
};

/** Sets `a.b.c` in a nested object. */
export function setField(target: Record<string, unknown>, field: string, value: unknown): void {
  const parts = field.split('.');
  let node = target;
  for (const p of parts.slice(0, -1)) {
    if (!node[p] || typeof node[p] !== 'object') node[p] = {};
    node = node[p] as Record<string, unknown>;
  }
  node[parts.at(-1)!] = value;
}
