/**
 * The code systems and codes the FHIR exchange uses, each with its source and the verification mark
 * of the project's clinical evidence reference (evidence.md §5 "Codes"):
 *   verified (✅) seen in the source given; partial (⚠️) verify before relying on it;
 *   unverified (❓) never hard-coded here.
 *
 * Codes considered and deliberately NOT exported:
 *  - SNOMED CT 13753008 "Hemifacial spasm" — ⚠️ in the evidence (seen on VisualDx only; active status and
 *    FSN not confirmed). A receiving system files a coding as a fact whatever extension marks it, so an
 *    unconfirmed concept is left out; the verified ICD-10 and ICD-10-CM codes identify the condition.
 *  - SNOMED CT laterality qualifiers — not in the evidence reference, and sources disagree on which
 *    concepts are active; laterality travels in the ICD-10-CM sub-code and in our own laterality code.
 *  - A CPT code for RF neurotomy at the stylomastoid foramen — evidence: "no specific code found" (❓).
 *  - HCPCS J0585 (onabotulinumtoxinA) and ICD-11 — ❓ in the evidence.
 */
import type { AffectedSide } from '@hemispasm/core';
import type { Coding } from 'fhir/r4';

export type CodeVerification = 'verified' | 'partial';

/** FHIR system URIs (FHIR R4 terminology pages: "Using codes", sid/icd-10, US Core terminology list). */
export const SYSTEM = {
  icd10: 'http://hl7.org/fhir/sid/icd-10',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  cpt: 'http://www.ama-assn.org/go/cpt',
  ucum: 'http://unitsofmeasure.org',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  dataAbsentReason: 'http://terminology.hl7.org/CodeSystem/data-absent-reason',
} as const;

/** Extensions defined by FHIR R4 itself (hl7.org/fhir/R4/extensibility-registry), as SDC uses them. */
export const FHIR_EXTENSION = {
  /** On an answer option: its numeric value (R4 `ordinalValue`, valueDecimal). */
  ordinalValue: 'http://hl7.org/fhir/StructureDefinition/ordinalValue',
  /** On a numeric question: its unit (valueCoding, UCUM). */
  questionnaireUnit: 'http://hl7.org/fhir/StructureDefinition/questionnaire-unit',
  minValue: 'http://hl7.org/fhir/StructureDefinition/minValue',
  maxValue: 'http://hl7.org/fhir/StructureDefinition/maxValue',
} as const;

/** hemispasm's own code systems and extensions (defined by this product; the README lists their codes). */
const HS = 'https://hemispasm.org/fhir';
export const HS_SYSTEM = {
  /** Instrument ids of @hemispasm/core (smc, jankovic-hfs, hfs7, house-brackmann, …). */
  instrument: `${HS}/CodeSystem/instrument`,
  /** One item of an instrument: `<instrument id>/<item id>`, e.g. `smc/grade`. */
  instrumentItem: `${HS}/CodeSystem/instrument-item`,
  /** An interpretation band of an instrument: `<instrument id>/<band id>`, e.g. `hearing-aao-hns/B`. */
  instrumentBand: `${HS}/CodeSystem/instrument-band`,
  /** One answer option of an instrument item: `<instrument id>/<item id>/<value>`, e.g. `smc/grade/2`. */
  instrumentAnswer: `${HS}/CodeSystem/instrument-answer`,
  /** Observations and components that are not instruments: follow-up, video measurement and their parts. */
  observation: `${HS}/CodeSystem/observation`,
  /** The patient's anatomical side: left, right, bilateral (and none, for a video measurement). */
  laterality: `${HS}/CodeSystem/laterality`,
  followUpTimePoint: `${HS}/CodeSystem/follow-up-time-point`,
  spasmStatus: `${HS}/CodeSystem/spasm-status`,
  hearingClass: `${HS}/CodeSystem/hearing-class`,
  treatmentKind: `${HS}/CodeSystem/treatment-kind`,
  /** Facial-movement test: the House–Brackmann-like band I–VI of measured movement symmetry (not an HB grade). */
  movementBand: `${HS}/CodeSystem/movement-band`,
  /**
   * A fact of the decision engine's patient profile that FHIR has no verified code for (ASA class, MRI
   * finding, history, neurological signs, preferences, …): the code is the profile field, e.g.
   * `imaging.mri`, `history.bellsPalsy` (CDS Hooks reads these Observations; see src/cds/).
   */
  decisionProfile: `${HS}/CodeSystem/decision-profile`,
  /** The coded answers of those facts and of a treatment response: `neurovascular_conflict`, `partial`, … */
  decisionProfileAnswer: `${HS}/CodeSystem/decision-profile-answer`,
} as const;

export const HS_EXTENSION = {
  /** valueString: the wording variant / version of the instrument the answers were given to. */
  instrumentVersion: `${HS}/StructureDefinition/instrument-version`,
  /** valueCode verified | partial | unverified: the evidence mark of the instrument as scored. */
  scoreVerification: `${HS}/StructureDefinition/score-verification`,
  /** Complex: the kind-specific fields of a treatment episode (sub-extensions named after the fields). */
  treatmentDetails: `${HS}/StructureDefinition/treatment-details`,
  /** valueCode verified | partial | unverified: the evidence mark of an instrument (on its Questionnaire). */
  instrumentVerification: `${HS}/StructureDefinition/instrument-verification`,
} as const;

/** Canonical URL of an instrument's Questionnaire (`GET /api/fhir/Questionnaire/:instrumentId` serves it). */
export const questionnaireUrl = (instrumentId: string) => `${HS}/Questionnaire/${instrumentId}`;

export interface DocumentedCode {
  system: string;
  code: string;
  display: string;
  verification: CodeVerification;
  /** Where the evidence reference saw it. */
  source: string;
}

/** ICD-10 (WHO): G51.3 Clonic hemifacial spasm. ✅ evidence §5 (multiple coding sites; a FHIR value set lists G51.x). */
export const ICD10_HFS: DocumentedCode = {
  system: SYSTEM.icd10,
  code: 'G51.3',
  display: 'Clonic hemifacial spasm',
  verification: 'verified',
  source: 'evidence.md §5 Codes: ICD-10 (WHO) G51.3 — multiple coding sites; an FHIR value set lists G51.x',
};

/**
 * ICD-10-CM laterality sub-codes (G51.3 itself is a non-billable header in ICD-10-CM). ✅ evidence §5:
 * G51.31 (med.report, diseasedb), G51.32 (codelle), G51.33 (genhealth, sprypt).
 */
export const ICD10CM_HFS_BY_SIDE: Record<AffectedSide, DocumentedCode> = {
  right: {
    system: SYSTEM.icd10cm,
    code: 'G51.31',
    display: 'Clonic hemifacial spasm, right',
    verification: 'verified',
    source: 'evidence.md §5 Codes: ICD-10-CM G51.31 — med.report, diseasedb',
  },
  left: {
    system: SYSTEM.icd10cm,
    code: 'G51.32',
    display: 'Clonic hemifacial spasm, left',
    verification: 'verified',
    source: 'evidence.md §5 Codes: ICD-10-CM G51.32 — codelle',
  },
  bilateral: {
    system: SYSTEM.icd10cm,
    code: 'G51.33',
    display: 'Clonic hemifacial spasm, bilateral',
    verification: 'verified',
    source: 'evidence.md §5 Codes: ICD-10-CM G51.33 — genhealth, sprypt',
  },
};

/** ICD-10-CM G51.39: clonic hemifacial spasm, unspecified side. ✅ evidence §5 (sprypt, VisualDx). Read, never written. */
export const ICD10CM_HFS_UNSPECIFIED: DocumentedCode = {
  system: SYSTEM.icd10cm,
  code: 'G51.39',
  display: 'Clonic hemifacial spasm, unspecified',
  verification: 'verified',
  source: 'evidence.md §5 Codes: ICD-10-CM G51.39 — sprypt, VisualDx',
};

/** CPT 61458: suboccipital craniectomy for exploration or decompression of cranial nerves (MVD). ✅ evidence §5. */
export const CPT_MVD: DocumentedCode = {
  system: SYSTEM.cpt,
  code: '61458',
  display: 'Craniectomy, suboccipital; for exploration or decompression of cranial nerves',
  verification: 'verified',
  source: 'evidence.md §5 Codes: CPT 61458 — codingahead; Arnone 2017 (NSQIP)',
};

/** CPT 64612: chemodenervation of muscles innervated by the facial nerve, unilateral. ✅ evidence §5. */
export const CPT_TOXIN: DocumentedCode = {
  system: SYSTEM.cpt,
  code: '64612',
  display:
    'Chemodenervation of muscle(s); muscle(s) innervated by facial nerve, unilateral (eg, blepharospasm, hemifacial spasm)',
  verification: 'verified',
  source: 'evidence.md §5 Codes: CPT 64612 — codingahead, genhealth, AAPC',
};

/** RF neurotomy has no verified CPT code (evidence §5: "no specific code found", ❓): text only. */
export const RF_NEUROTOMY_TEXT =
  'Percutaneous radiofrequency neurotomy of the facial nerve at the stylomastoid foramen';

export const coding = (c: DocumentedCode): Coding => ({ system: c.system, code: c.code, display: c.display });

/** A UCUM quantity (value, human unit, UCUM code). */
export const quantity = (value: number, unit: string, code: string) => ({
  value,
  unit,
  system: SYSTEM.ucum,
  code,
});

/** `<hemispasm observation code>` → display, for the follow-up and video-measurement observations. */
export const HS_OBSERVATION = {
  followUp: 'Follow-up after a treatment episode',
  timePoint: 'Time point after the start of the treatment episode',
  spasmStatus: 'Spasm status compared with before the treatment',
  recurrence: 'Spasm came back after having resolved',
  complication: 'Complication',
  treatmentResponse: 'Response to a treatment episode (good, partial, none, not tolerated)',
  videoMeasurement: 'Spasm measurement from a face video',
  spasmsPerMinute: 'Spasms per minute of time with a face in view',
  spasmTimeFraction: 'Fraction of the time with a face in view spent in a spasm',
  spasmSide: "Side with spasms (patient's anatomical side)",
  spasmCount: 'Number of spasms',
  durationS: 'Length of the recording analysed',
  blinksPerMinute: 'Blinks per minute',
  longestSpasmS: 'Longest spasm',
  movementTest: 'Facial movement test from a face video (measured movement symmetry)',
  brow_raise: 'Symmetry of raising the eyebrows (weaker side / stronger side)',
  eye_closure_gentle: 'Symmetry of closing the eyes gently (weaker side / stronger side)',
  eye_closure_tight: 'Symmetry of closing the eyes tightly (weaker side / stronger side)',
  smile: 'Symmetry of smiling showing the teeth (weaker side / stronger side)',
  pucker: 'Symmetry of puckering the lips (weaker side / stronger side)',
  restPalpebralSymmetry: 'Palpebral fissure symmetry at rest (narrower / wider)',
  restMouthCornerHeightDiff: 'Mouth-corner height difference at rest, % of the inter-ocular distance',
  movementWeakerSide: "Side that moves less (patient's anatomical side)",
  movementFunction: "Weaker side's brow raise and smile relative to the other side",
  movementBand:
    "House–Brackmann-like band of measured movement symmetry (not a clinician's House–Brackmann grade)",
  movementFollowsPrompts: 'The recording followed the prompts',
} as const;
export type HsObservationCode = keyof typeof HS_OBSERVATION;

/** Codes (hemispasm observation system) written in kebab case on the wire. */
export const HS_OBSERVATION_CODE: Record<HsObservationCode, string> = {
  followUp: 'treatment-follow-up',
  timePoint: 'time-point',
  spasmStatus: 'spasm-status',
  recurrence: 'recurrence',
  complication: 'complication',
  treatmentResponse: 'treatment-response',
  videoMeasurement: 'video-spasm-measurement',
  spasmsPerMinute: 'spasms-per-minute',
  spasmTimeFraction: 'spasm-time-fraction',
  spasmSide: 'spasm-side',
  spasmCount: 'spasm-count',
  durationS: 'duration',
  blinksPerMinute: 'blinks-per-minute',
  longestSpasmS: 'longest-spasm',
  movementTest: 'video-movement-test',
  brow_raise: 'movement-brow-raise',
  eye_closure_gentle: 'movement-eye-closure-gentle',
  eye_closure_tight: 'movement-eye-closure-tight',
  smile: 'movement-smile',
  pucker: 'movement-pucker',
  restPalpebralSymmetry: 'rest-palpebral-symmetry',
  restMouthCornerHeightDiff: 'rest-mouth-corner-height-difference',
  movementWeakerSide: 'movement-weaker-side',
  movementFunction: 'movement-function',
  movementBand: 'movement-band',
  movementFollowsPrompts: 'movement-follows-prompts',
};

export const hsObservation = (c: HsObservationCode): Coding => ({
  system: HS_SYSTEM.observation,
  code: HS_OBSERVATION_CODE[c],
  display: HS_OBSERVATION[c],
});

export const SIDE_TEXT: Record<string, string> = {
  left: "Face, left side (patient's anatomical side)",
  right: "Face, right side (patient's anatomical side)",
  bilateral: 'Face, both sides',
  none: 'No side',
};
