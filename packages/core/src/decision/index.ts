/** Decision engine: rank the five HFS options for a patient profile, with reasons, sources and red flags. */
export type { Bound, Condition, RedFlagCode } from './conditions';
export { describe as describeCondition } from './conditions';
export { DISCLAIMER } from './disclaimer';
export { DEFAULT_RULES, decide, type RuleSet, recommend, TIE_ORDER } from './engine';
export { EXAMPLE_PROFILE } from './example-profile';
export type { FactName, Facts } from './facts';
export {
  type EvidenceCertainty,
  NATURAL_COURSE,
  OPTION_CATALOGUE,
  type OptionData,
  type OutcomeFigureData,
} from './option-catalogue';
export { OPTION_IDS, type OptionId, RECOMMENDATIONS, type Recommendation } from './option-ids';
export {
  type CourseFollowUp,
  type PriorTreatmentReading,
  RESPONSE_OF_STATUS,
  readPriorTreatments,
  type TreatmentCourse,
} from './prior-treatments';
export {
  type PatientProfile,
  type PatientProfileInput,
  PatientProfileSchema,
  PRIOR_RESPONSES,
  type PriorResponse,
} from './profile';
export {
  type Ceiling,
  type Effect,
  effectOf,
  RANKING_RULES,
  type RankingRule,
  type ReasonEffect,
} from './ranking-rules';
export { RED_FLAG_CODES } from './red-flag-codes';
export { RED_FLAG_RULES, type RedFlagRule } from './red-flag-rules';
export type {
  Citation,
  Cited,
  DecisionResult,
  OptionResult,
  OutcomeFigure,
  Reason,
  RedFlag,
  TraceEntry,
} from './result';
