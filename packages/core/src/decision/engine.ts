/**
 * The small rule engine: validates the profile, raises red flags, applies the ranking rules in order, and
 * turns scores and ceilings into ranks and recommendations. Every step that changes anything is traced.
 *
 * Turning scores into recommendations:
 *   - score = sum of `add` effects, clamped to 0–100;
 *   - a ceiling lowers the score to fit it: reasonable ≤ 59, not_advised ≤ 39, contraindicated = 0;
 *   - ranks: contraindicated last, then higher score first; ties go to the less invasive option (TIE_ORDER);
 *   - recommendation: contraindicated if a rule says so; below 40 not_advised; rank 1 with ≥ 60 preferred;
 *     otherwise reasonable. Only the first-ranked option can be preferred.
 */
import { getSource, type SourceCertainty, type SourceId } from '../evidence/sources';
import { parseInput } from '../validation';
import { type ConditionContext, describe, evaluate, type RedFlagCode } from './conditions';
import { DISCLAIMER } from './disclaimer';
import { factsFromProfile } from './facts';
import { OPTION_CATALOGUE, type OutcomeFigureData } from './option-catalogue';
import { OPTION_IDS, type OptionId, type Recommendation } from './option-ids';
import { type PatientProfile, PatientProfileSchema } from './profile';
import { type Ceiling, effectOf, RANKING_RULES, type RankingRule } from './ranking-rules';
import { RED_FLAG_RULES, type RedFlagRule } from './red-flag-rules';
import type { Citation, Cited, DecisionResult, OptionResult, Reason, RedFlag, TraceEntry } from './result';

/** Less invasive first: used only to break exact score ties. */
export const TIE_ORDER: readonly OptionId[] = [
  'botulinum_toxin',
  'observation',
  'oral_medication',
  'rf_neurotomy',
  'mvd',
];

export const PREFERRED_MIN_SCORE = 60;
export const REASONABLE_MIN_SCORE = 40;
const CEILING_MAX_SCORE: Record<Ceiling, number> = { reasonable: 59, not_advised: 39, contraindicated: 0 };
const CEILING_SEVERITY: Record<Ceiling, number> = { reasonable: 1, not_advised: 2, contraindicated: 3 };

export interface RuleSet {
  redFlags: readonly RedFlagRule[];
  ranking: readonly RankingRule[];
}

export const DEFAULT_RULES: RuleSet = { redFlags: RED_FLAG_RULES, ranking: RANKING_RULES };

const CAVEAT: Partial<Record<SourceCertainty, string>> = {
  partial: 'Partly verified: check against the primary source before relying on it.',
  unverified: 'Unverified: not found in the sources retrieved; a clinician must confirm it.',
};

function citation(source: SourceId): Citation {
  const s = getSource(source);
  const caveat = CAVEAT[s.certainty];
  return { source, citation: s.citation, certainty: s.certainty, ...(caveat ? { caveat } : {}) };
}

function cite(source: SourceId, seeAlso?: readonly SourceId[]): Cited {
  return { ...citation(source), ...(seeAlso?.length ? { seeAlso: seeAlso.map(citation) } : {}) };
}

function figure({ seeAlso, ...f }: OutcomeFigureData) {
  return { ...f, ...cite(f.source, seeAlso) };
}

interface Tally {
  score: number;
  ceiling?: Ceiling;
  reasons: Reason[];
}

/** Validates `profile` (throws InputError naming each bad field) and returns the ranked options. */
export function recommend(profile: unknown, opts: { explain?: boolean } = {}): DecisionResult {
  return decide(parseInput(PatientProfileSchema, profile, 'patient profile'), DEFAULT_RULES, opts);
}

/** The engine proper, on a validated profile and a given rule set (tests pass their own rule sets). */
export function decide(
  profile: PatientProfile,
  rules: RuleSet,
  opts: { explain?: boolean } = {},
): DecisionResult {
  const trace: TraceEntry[] = [];
  const base = factsFromProfile(profile);

  const redFlags: RedFlag[] = [];
  const raised = new Set<RedFlagCode>();
  const reviewed: ReadonlySet<RedFlagCode> = new Set(profile.redFlagsReviewed);
  const flagCtx: ConditionContext = { ...base, redFlags: raised, reviewed };
  for (const rule of rules.redFlags) {
    if (raised.has(rule.code) || !evaluate(rule.when, flagCtx)) continue;
    raised.add(rule.code);
    const isReviewed = reviewed.has(rule.code);
    redFlags.push({
      code: rule.code,
      message: rule.message,
      action: rule.action,
      reviewFirst: rule.reviewFirst,
      reviewed: isReviewed,
      ...cite(rule.source, rule.seeAlso),
    });
    trace.push({
      rule: `red-flag:${rule.code}`,
      when: describe(rule.when),
      effect: isReviewed ? 'flag raised (reviewed)' : 'flag raised',
      because: rule.message,
      source: rule.source,
    });
  }

  const tally = Object.fromEntries(
    OPTION_IDS.map((id) => [id, { score: 0, reasons: [] } as Tally]),
  ) as Record<OptionId, Tally>;
  const ctx: ConditionContext = { ...base, redFlags: raised, reviewed };
  for (const rule of rules.ranking) {
    if (!evaluate(rule.when, ctx)) continue;
    const when = describe(rule.when);
    for (const effect of rule.effects) {
      const t = tally[effect.option];
      let text: string;
      if ('add' in effect) {
        t.score += effect.add;
        text = effect.add >= 0 ? `+${effect.add}` : `${effect.add}`;
      } else {
        if (!t.ceiling || CEILING_SEVERITY[effect.atMost] > CEILING_SEVERITY[t.ceiling])
          t.ceiling = effect.atMost;
        text = `at most ${effect.atMost}`;
      }
      t.reasons.push({
        text: effect.because,
        rule: rule.id,
        effect: effectOf(effect),
        ...cite(effect.source, effect.seeAlso),
      });
      trace.push({
        rule: rule.id,
        when,
        option: effect.option,
        effect: text,
        because: effect.because,
        source: effect.source,
        scoreAfter: t.score,
      });
    }
  }

  for (const id of OPTION_IDS) {
    const t = tally[id];
    const clamped = Math.min(100, Math.max(0, t.score));
    if (clamped !== t.score) {
      trace.push({
        rule: 'engine',
        when: 'score outside 0–100',
        option: id,
        effect: `clamped to ${clamped}`,
        because: 'Scores are kept within 0–100.',
        scoreAfter: clamped,
      });
      t.score = clamped;
    }
    if (t.ceiling && t.score > CEILING_MAX_SCORE[t.ceiling]) {
      t.score = CEILING_MAX_SCORE[t.ceiling];
      trace.push({
        rule: 'engine',
        when: `ceiling ${t.ceiling}`,
        option: id,
        effect: `lowered to ${t.score}`,
        because: `The score is lowered to fit the ceiling ${t.ceiling}.`,
        scoreAfter: t.score,
      });
    }
  }

  const order = [...OPTION_IDS].sort((a, b) => {
    const ca = tally[a].ceiling === 'contraindicated' ? 1 : 0;
    const cb = tally[b].ceiling === 'contraindicated' ? 1 : 0;
    if (ca !== cb) return ca - cb;
    if (tally[a].score !== tally[b].score) return tally[b].score - tally[a].score;
    return TIE_ORDER.indexOf(a) - TIE_ORDER.indexOf(b);
  });

  const options: OptionResult[] = order.map((id, i) => {
    const t = tally[id];
    const rank = i + 1;
    const data = OPTION_CATALOGUE[id];
    return {
      id,
      label: data.label,
      rank,
      score: t.score,
      recommendation: recommendationFor(t, rank),
      reasons: t.reasons,
      benefits: data.benefits.map(figure),
      risks: data.risks.map(figure),
      limits: data.limits.map(figure),
      evidence: { certainty: data.certainty, basis: data.certaintyBasis },
    };
  });

  const result: DecisionResult = { options, redFlags, disclaimer: DISCLAIMER };
  if (opts.explain) result.trace = trace;
  return result;
}

function recommendationFor(t: Tally, rank: number): Recommendation {
  if (t.ceiling === 'contraindicated') return 'contraindicated';
  if (t.score < REASONABLE_MIN_SCORE) return 'not_advised';
  if (rank === 1 && t.score >= PREFERRED_MIN_SCORE && t.ceiling === undefined) return 'preferred';
  return 'reasonable';
}
