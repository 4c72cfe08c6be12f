/** What `recommend` returns. Every figure and reason carries its source, citation and certainty. */
import type { SourceCertainty, SourceId } from '../evidence/sources';
import type { RedFlagCode } from './conditions';
import type { EvidenceCertainty, OutcomeFigureData } from './option-catalogue';
import type { OptionId, Recommendation } from './option-ids';

export interface Cited {
  source: SourceId;
  citation: string;
  /** The verification mark of the source: partial or unverified figures must say so where shown. */
  certainty: SourceCertainty;
  /** Present when the source is not fully verified: what that means for the reader. */
  caveat?: string;
}

export interface Reason extends Cited {
  text: string;
}

export type OutcomeFigure = OutcomeFigureData & Cited;

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
  evidence: { certainty: EvidenceCertainty; basis: string };
}

export interface RedFlag extends Cited {
  code: RedFlagCode;
  message: string;
  action: string;
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
