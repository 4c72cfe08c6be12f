/**
 * Every red-flag code the engine can raise. A profile may name them in `redFlagsReviewed` (a clinician has
 * reviewed the flag); an unknown code there is refused with the path of the entry at fault.
 */
export const RED_FLAG_CODES = [
  'structural_lesion',
  'parotid_or_temporal_mass',
  'bilateral_symptoms',
  'imaging_needed',
  'post_paralytic_synkinesis',
  'pediatric',
  'young_onset',
  'neurological_deficit',
  'lower_face_onset',
  'painful_spasm_or_trigeminal_neuralgia',
  'functional_features',
  'mvd_recent',
  'persisting_after_mvd',
  'recurrence_after_mvd',
  'toxin_non_response',
  'anticoagulation',
] as const;
export type RedFlagCode = (typeof RED_FLAG_CODES)[number];
