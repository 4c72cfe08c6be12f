/** The five options every recommendation ranks, always all of them. */
export const OPTION_IDS = [
  'observation',
  'oral_medication',
  'botulinum_toxin',
  'mvd',
  'rf_neurotomy',
] as const;
export type OptionId = (typeof OPTION_IDS)[number];

/** Recommendation levels from best to worst. */
export const RECOMMENDATIONS = ['preferred', 'reasonable', 'not_advised', 'contraindicated'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];
