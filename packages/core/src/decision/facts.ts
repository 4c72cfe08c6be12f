/**
 * The flat, named facts the rules read. Rules never reach into the profile directly, so a clinician reviewing
 * the rules sees one vocabulary, and derived facts (age at onset) are computed once, in one place.
 */
import type { OptionId } from './option-ids';
import type { PatientProfile, PriorResponse } from './profile';

export interface Facts {
  age: number;
  /** Age when symptoms began: age − symptomDurationMonths / 12. */
  ageAtOnset: number;
  symptomDurationMonths: number;
  progression: PatientProfile['progression'];
  affectedSide: PatientProfile['affectedSide'];
  smcGrade: number;
  mri: PatientProfile['imaging']['mri'];
  asaClass: number;
  frailty: boolean;
  diabetes: boolean;
  anticoagulated: boolean;
  pregnant: boolean;
  contralateralHearingLoss: boolean;
  bellsPalsy: boolean;
  facialTrauma: boolean;
  facialWeakness: boolean;
  ipsilateralHearingLoss: boolean;
  otherCranialNerveSigns: boolean;
  lowerFaceOnset: boolean;
  painfulSpasmOrTrigeminalNeuralgia: boolean;
  functionalFeatures: boolean;
  parotidOrTemporalMass: boolean;
  riskTolerance: PatientProfile['preferences']['riskTolerance'];
  avoidSurgery: boolean;
  avoidGeneralAnesthesia: boolean;
  wantsLongTermCure: boolean;
}

export type FactName = keyof Facts;
export type FactValue = Facts[FactName];

/** One earlier treatment as the rules see it. */
export interface PriorEntry {
  response: PriorResponse;
  /** Months since the treatment (or, for toxin, the latest cycle); undefined when not recorded. */
  monthsSince?: number;
  /** Toxin only: injection cycles given; undefined when not recorded. */
  cycles?: number;
}

export interface FactContext {
  facts: Facts;
  /** Every earlier treatment recorded, per option. */
  prior: Readonly<Record<OptionId, readonly PriorEntry[]>>;
}

export function factsFromProfile(p: PatientProfile): FactContext {
  const prior: Record<OptionId, PriorEntry[]> = {
    observation: [],
    oral_medication: [],
    botulinum_toxin: [],
    mvd: [],
    rf_neurotomy: [],
  };
  for (const t of p.priorTreatments) {
    prior[t.option].push({
      response: t.response,
      ...(t.monthsSince === undefined ? {} : { monthsSince: t.monthsSince }),
      ...(t.cycles === undefined ? {} : { cycles: t.cycles }),
    });
  }
  return {
    facts: {
      age: p.age,
      ageAtOnset: Math.max(0, p.age - p.symptomDurationMonths / 12),
      symptomDurationMonths: p.symptomDurationMonths,
      progression: p.progression,
      affectedSide: p.affectedSide,
      smcGrade: p.severity.smcGrade,
      mri: p.imaging.mri,
      asaClass: p.asaClass,
      frailty: p.frailty,
      diabetes: p.diabetes,
      anticoagulated: p.anticoagulated,
      pregnant: p.pregnant,
      contralateralHearingLoss: p.contralateralHearingLoss,
      bellsPalsy: p.history.bellsPalsy,
      facialTrauma: p.history.facialTrauma,
      facialWeakness: p.neurology.facialWeakness,
      ipsilateralHearingLoss: p.neurology.ipsilateralHearingLoss,
      otherCranialNerveSigns: p.neurology.otherCranialNerveSigns,
      lowerFaceOnset: p.features.lowerFaceOnset,
      painfulSpasmOrTrigeminalNeuralgia: p.features.painfulSpasmOrTrigeminalNeuralgia,
      functionalFeatures: p.features.functionalFeatures,
      parotidOrTemporalMass: p.features.parotidOrTemporalMass,
      riskTolerance: p.preferences.riskTolerance,
      avoidSurgery: p.preferences.avoidSurgery,
      avoidGeneralAnesthesia: p.preferences.avoidGeneralAnesthesia,
      wantsLongTermCure: p.preferences.wantsLongTermCure,
    },
    prior,
  };
}
