/**
 * The shape of an instrument as data. Every instrument (SMC, JRS, HFS-7, …) is one value of
 * {@link InstrumentDefinition}, scored by the one engine in `engine.ts`: adding an instrument means adding
 * data a clinician can review, not code.
 */
import type { SourceCertainty, SourceId } from '../evidence/sources';

/** Who gives the answers (evidence.md §7: store the rater type with every score). */
export type RaterType = 'clinician' | 'patient';

/** One answer choice of an ordinal item. `value` is what is stored and summed. */
export interface AnswerOption {
  value: number;
  /** Short label, e.g. "II" or "Mild". */
  label: string;
  /** Longer wording (paraphrased as evidence.md gives it), when there is one. */
  description?: string;
}

/** An item answered by choosing one option (stored as its integer value). */
export interface OptionItem {
  kind: 'option';
  id: string;
  label: string;
  options: readonly AnswerOption[];
}

/** An item answered with a measured number (e.g. pure-tone average in dB). */
export interface NumberItem {
  kind: 'number';
  id: string;
  label: string;
  unit: string;
  /** Plausibility limits for input validation; they are not clinical cut-offs. */
  min: number;
  max: number;
}

export type InstrumentItem = OptionItem | NumberItem;

/** An interpretation band over the total (inclusive bounds), or a class reached by a classification rule. */
export interface Band {
  id: string;
  label: string;
  description?: string;
  min?: number;
  max?: number;
}

/** A second, independent way of banding the same total (e.g. the mild/severe SMC dichotomy). */
export interface BandScheme {
  id: string;
  label: string;
  source: readonly SourceId[];
  bands: readonly Band[];
}

export interface Subscale {
  id: string;
  label: string;
  itemIds: readonly string[];
}

/** Inclusive numeric condition on one number item. `gt`/`lt` are strict. */
export interface NumberCondition {
  item: string;
  min?: number;
  max?: number;
  gt?: number;
  lt?: number;
}

export interface ClassRule {
  band: string;
  /** All conditions must hold. */
  when: readonly NumberCondition[];
  source: readonly SourceId[];
  certainty: SourceCertainty;
}

export type ScoringRule =
  /** The total is the value of one item (single-grade scales: SMC, Cohen, House–Brackmann). */
  | { kind: 'single'; item: string }
  /**
   * The total is the sum of all items. Subscales, when known, are sums of their items. `subscaleNames`
   * lists subscales whose item allocation is not in our evidence: a licensed wording pack supplies it.
   */
  | { kind: 'sum'; subscales?: readonly Subscale[]; subscaleNames?: readonly { id: string; label: string }[] }
  /** No total: the first rule whose conditions all hold gives the class (hearing class from PTA and WRS). */
  | { kind: 'classify'; rules: readonly ClassRule[] };

/**
 * Whether the product ships the item wording:
 *  - `shipped`: wording (paraphrased) from evidence.md is part of the definition;
 *  - `licensed`: the wording is a licensed instrument not in our evidence; items carry neutral labels and a
 *    clinic loads its licensed wording with a wording pack (see `wording-pack.ts`).
 */
export type WordingAvailability = 'shipped' | 'licensed';

export interface InstrumentDefinition {
  id: string;
  name: string;
  /** The wording variant / version. Stored with every score; scores of different versions are never mixed. */
  version: string;
  versionLabel: string;
  raterType: RaterType;
  /** What the instrument measures, in one line. */
  measures: string;
  source: readonly SourceId[];
  /** The evidence reference's verification mark for this instrument as implemented (worst aspect). */
  verification: SourceCertainty;
  /** Human-readable notes on what is unverified or partly verified; shown with every score. */
  unverified: readonly string[];
  wording: WordingAvailability;
  /** How the range is written for people, e.g. "I–IV", "0–8", "A–D". */
  rangeLabel: string;
  items: readonly InstrumentItem[];
  scoring: ScoringRule;
  /** Primary interpretation bands. Empty when the evidence gives none (then `noBandsReason` says so). */
  bands: readonly Band[];
  noBandsReason?: string;
  bandSchemes?: readonly BandScheme[];
  /** How a total is displayed (roman numerals for grades). */
  display: 'number' | 'roman' | 'band';
  /** Notes that hold only while neutral labels are in use (no licensed wording pack applied). */
  withoutPack?: readonly string[];
  /** Set by `applyWordingPack`: the clinic's licensed wording this definition now carries. */
  appliedPack?: { name: string; licence: string };
  /** Facts worth showing next to a score (reliability, interpretation data), each with its source. */
  notes?: readonly { text: string; source: readonly SourceId[] }[];
}

export interface InstrumentSummary {
  id: string;
  name: string;
  version: string;
  versionLabel: string;
  raterType: RaterType;
  range: string;
  verification: SourceCertainty;
  wording: WordingAvailability;
  source: SourceId[];
}

export interface SubscaleScore {
  id: string;
  label: string;
  total: number;
  min: number;
  max: number;
}

export interface InstrumentScore {
  instrumentId: string;
  instrumentVersion: string;
  instrumentName: string;
  raterType: RaterType;
  /** Numeric result; `null` for classifications that have no total (the hearing class). */
  total: number | null;
  /** Theoretical range of the total; `null` when there is no total. */
  range: { min: number; max: number } | null;
  /** The result as people write it: "II", "5", "Class B". */
  display: string;
  /** The primary interpretation band; `null` when the evidence gives no bands or the answers fall in none. */
  band: { id: string; label: string; description?: string } | null;
  /** Why `band` is null, when it is. */
  bandNote?: string;
  /** Other band schemes the total falls in (e.g. SMC mild/severe). */
  otherBands: { scheme: string; id: string; label: string }[];
  subscales?: SubscaleScore[];
  /** The validated answers as scored (item id → value). */
  answers: Record<string, number>;
  verification: SourceCertainty;
  /** What is unverified or partly verified about this score; empty when nothing is. */
  unverified: string[];
  source: SourceId[];
  /** Whose wording the items used: the product's, neutral labels, or a clinic's licensed pack. */
  wording: { kind: 'shipped' | 'neutral' | 'licensed-pack'; packName?: string };
}
