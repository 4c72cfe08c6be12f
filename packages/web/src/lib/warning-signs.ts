/**
 * The warning signs a patient can tick in the decision aid (the Learn page explains them), and where each
 * lands in the decision engine's profile, so the clinician sees them as profile fields to confirm: ticked
 * signs are saved with the patient's preference as `flag.<sign>: true`.
 */
import type { PatientProfileInput } from '@hemispasm/core';
import type { Preference } from '../api/types';

export const WARNING_SIGNS = [
  'weakness',
  'numbness',
  'hearing',
  'bilateral',
  'young',
  'lowerFirst',
  'pain',
  'lump',
] as const;
export type WarningSign = (typeof WARNING_SIGNS)[number];
export type SignAnswers = Partial<Record<WarningSign, boolean>>;

/** The profile field a sign sets, as shown to the clinician; `young` is derived from the onset date instead. */
export const SIGN_FIELD: Readonly<Record<WarningSign, string | null>> = {
  weakness: 'neurology.facialWeakness',
  numbness: 'neurology.otherCranialNerveSigns',
  hearing: 'neurology.ipsilateralHearingLoss',
  bilateral: 'affectedSide',
  young: null,
  lowerFirst: 'features.lowerFaceOnset',
  pain: 'features.painfulSpasmOrTrigeminalNeuralgia',
  lump: 'features.parotidOrTemporalMass',
};

/** The signs a saved preference reports (unknown keys from older or newer apps are ignored). */
export function reportedSigns(p: Preference | undefined): WarningSign[] {
  if (!p) return [];
  return WARNING_SIGNS.filter((s) => p.values[`flag.${s}`] === true);
}

/** The profile with every reported sign set on its field (the clinician can untick it again). */
export function withReportedSigns<
  P extends Pick<PatientProfileInput, 'affectedSide' | 'neurology' | 'features'>,
>(profile: P, signs: readonly WarningSign[]): P {
  const has = (s: WarningSign) => signs.includes(s);
  const neurology = { ...profile.neurology };
  const features = { ...profile.features };
  if (has('weakness')) neurology.facialWeakness = true;
  if (has('numbness')) neurology.otherCranialNerveSigns = true;
  if (has('hearing')) neurology.ipsilateralHearingLoss = true;
  if (has('lowerFirst')) features.lowerFaceOnset = true;
  if (has('pain')) features.painfulSpasmOrTrigeminalNeuralgia = true;
  if (has('lump')) features.parotidOrTemporalMass = true;
  return {
    ...profile,
    ...(has('bilateral') ? { affectedSide: 'both' as const } : {}),
    neurology,
    features,
  };
}
