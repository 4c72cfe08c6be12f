/**
 * The lists of values a patient's record is made of, each defined once. The server's request and
 * response schemas and database column types, the FHIR mapping, the demo seed and the web forms take
 * them from here; the CHECK constraints in packages/server/migrations repeat them in SQL, and
 * packages/server/test/schema-drift.test.ts fails when the two disagree.
 *
 * The order of each list is the order forms and tables show it in. Left and right are always the
 * patient's anatomical side, never the image's.
 */
export { toRoman } from '../instruments/roman';

/** Administrative sex as recorded (the values of FHIR's AdministrativeGender). */
export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

/** The side(s) of the face with spasm. */
export const AFFECTED_SIDES = ['left', 'right', 'bilateral'] as const;
export type AffectedSide = (typeof AFFECTED_SIDES)[number];

/** The side a treatment acted on: an injection session or a procedure treats one side. */
export const TREATED_SIDES = ['left', 'right'] as const;
export type TreatedSide = (typeof TREATED_SIDES)[number];

/** Treatments a clinic records as episodes: every decision option except observation, in its order. */
export const TREATMENT_KINDS = ['oral_medication', 'botulinum_toxin', 'mvd', 'rf_neurotomy'] as const;
export type TreatmentKind = (typeof TREATMENT_KINDS)[number];

/**
 * Follow-up time points after a treatment: 1 week; 1, 3, 6 and 12 months; later. Outcomes are only
 * comparable at a stated time point (evidence.md §1.8), so every follow-up names one.
 */
export const FOLLOW_UP_TIME_POINTS = ['1w', '1m', '3m', '6m', '12m', 'later'] as const;
export type FollowUpTimePoint = (typeof FOLLOW_UP_TIME_POINTS)[number];

/** The spasm at a follow-up, compared with before the treatment. */
export const SPASM_STATUSES = ['resolved', 'improved', 'unchanged', 'worse'] as const;
export type SpasmStatus = (typeof SPASM_STATUSES)[number];

/** House–Brackmann facial nerve grades I–VI, stored as 1–6 (shown with {@link toRoman}). */
export const HOUSE_BRACKMANN_GRADES = [1, 2, 3, 4, 5, 6] as const;
export type HouseBrackmannGrade = (typeof HOUSE_BRACKMANN_GRADES)[number];

/** AAO-HNS (1995) hearing classes; the instrument `hearing-aao-hns` derives one from audiometry. */
export const HEARING_CLASSES = ['A', 'B', 'C', 'D'] as const;
export type HearingClass = (typeof HEARING_CLASSES)[number];

/** Vessels an MVD found compressing the facial nerve (`none_found`: explored, no conflict seen). */
export const OFFENDING_VESSELS = [
  'AICA',
  'PICA',
  'vertebral_artery',
  'vein',
  'other_artery',
  'none_found',
] as const;
export type OffendingVessel = (typeof OFFENDING_VESSELS)[number];

/** Who signs in: an admin manages a clinic's users, a clinician its patients, a patient their own record. */
export const USER_ROLES = ['admin', 'clinician', 'patient'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/**
 * SURE test items (Légaré et al.): Sure of myself, Understand information, Risk–benefit ratio,
 * Encouragement; each answered yes or no. The wording lives with the web app's decision aid.
 */
export const SURE_ITEMS = ['sure', 'understand', 'riskBenefit', 'encouragement'] as const;
export type SureItem = (typeof SURE_ITEMS)[number];
export type SureAnswers = Record<SureItem, boolean>;

/** Whether `value` is one of `list`, narrowing it to the list's type (for values read from outside). */
export function isOneOf<const T extends string | number>(list: readonly T[], value: unknown): value is T {
  return (list as readonly unknown[]).includes(value);
}
