/** What `recommend` returns. Every figure and reason carries its source, citation and certainty. */
import type { SourceCertainty, SourceId } from '../evidence/sources';
import type { RedFlagCode } from './conditions';
import type { EvidenceCertainty, OutcomeFigureData } from './option-catalogue';
import type { OptionId, Recommendation } from './option-ids';
import type { ReasonEffect } from './ranking-rules';

/** One source as shown with a statement. */
export interface Citation {
  source: SourceId;
  citation: string;
  /** The verification mark of the source: partial or unverified figures must say so where shown. */
  certainty: SourceCertainty;
  /** Present when the source is not fully verified: what that means for the reader. */
  caveat?: string;
}

export interface Cited extends Citation {
  /** Further sources, present when the statement's figures come from more than one. */
  seeAlso?: Citation[];
}

export interface Reason extends Cited {
  text: string;
  /** The ranking rule that gave this reason (README rules table). */
  rule: string;
  /** `for`: raised the option; `against`: lowered it or set a ceiling; `info`: changed nothing. */
  effect: ReasonEffect;
}

export type OutcomeFigure = Omit<OutcomeFigureData, 'seeAlso'> & Cited;

export interface OptionResult {
  id: OptionId;
  label: string;
  /** 1 = first choice; ranks are unique, 1..5. */
  rank: number;
  /** 0–100: an ordering aid, not a probability. */
  score: number;
  recommendation: Recommendation;
  reasons: Reason[];
  benefits: OutcomeFigure[];
  risks: OutcomeFigure[];
  /** What the option cannot do or asks of the patient (recurrence, repeats), apart from its harms. */
  limits: OutcomeFigure[];
  evidence: { certainty: EvidenceCertainty; basis: string };
}

export interface RedFlag extends Cited {
  code: RedFlagCode;
  message: string;
  action: string;
  /** The action is a specialist review before any treatment: while not reviewed, no option is preferred. */
  reviewFirst: boolean;
  /** A clinician has recorded reviewing this flag (the profile's `redFlagsReviewed`). */
  reviewed: boolean;
}

/** One line of the explanation: a rule that fired and what it did. */
export interface TraceEntry {
  rule: string;
  when: string;
  option?: OptionId;
  /** e.g. `+20`, `at most not_advised`, `flag raised`, `clamped to 100`. */
  effect: string;
  because: string;
  source?: SourceId;
  /** The option's score after this step. */
  scoreAfter?: number;
}

export interface DecisionResult {
  options: OptionResult[];
  redFlags: RedFlag[];
  disclaimer: string;
  trace?: TraceEntry[];
}
