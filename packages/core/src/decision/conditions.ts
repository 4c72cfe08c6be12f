/**
 * The small condition language the rules are written in, and its evaluator plus a printer that renders a
 * condition the way the rules table in README.md shows it (e.g. `asaClass ≥ 3 and not frailty`).
 */
import type { FactContext, FactName, FactValue } from './facts';
import type { OptionId } from './option-ids';
import type { PriorResponse } from './profile';

export type RedFlagCode =
  | 'structural_lesion'
  | 'bilateral_symptoms'
  | 'imaging_needed'
  | 'post_paralytic_synkinesis'
  | 'young_onset'
  | 'neurological_deficit'
  | 'persisting_after_mvd';

export type Condition =
  | { always: true }
  | { all: readonly Condition[] }
  | { any: readonly Condition[] }
  | { not: Condition }
  /** A boolean fact is true. */
  | { fact: FactName }
  | { fact: FactName; is: FactValue }
  | { fact: FactName; in: readonly FactValue[] }
  | { fact: FactName; atLeast: number }
  | { fact: FactName; below: number }
  /** The option was tried before with one of these responses. */
  | { tried: OptionId; response: readonly PriorResponse[] }
  | { redFlag: RedFlagCode };

export interface ConditionContext extends FactContext {
  redFlags: ReadonlySet<RedFlagCode>;
}

export function evaluate(c: Condition, ctx: ConditionContext): boolean {
  if ('always' in c) return true;
  if ('all' in c) return c.all.every((x) => evaluate(x, ctx));
  if ('any' in c) return c.any.some((x) => evaluate(x, ctx));
  if ('not' in c) return !evaluate(c.not, ctx);
  if ('tried' in c) return ctx.prior[c.tried].some((r) => c.response.includes(r));
  if ('redFlag' in c) return ctx.redFlags.has(c.redFlag);
  const value = ctx.facts[c.fact];
  if ('is' in c) return value === c.is;
  if ('in' in c) return c.in.includes(value);
  if ('atLeast' in c) return typeof value === 'number' && value >= c.atLeast;
  if ('below' in c) return typeof value === 'number' && value < c.below;
  return value === true;
}

/** Human-readable form used by `--explain` and the README rules table. */
export function describe(c: Condition): string {
  if ('always' in c) return 'always';
  if ('all' in c) return c.all.map((x) => wrap(x)).join(' and ');
  if ('any' in c) return c.any.map((x) => wrap(x)).join(' or ');
  if ('not' in c) return `not ${wrap(c.not)}`;
  if ('tried' in c) return `prior ${c.tried} response ∈ {${c.response.join(', ')}}`;
  if ('redFlag' in c) return `red flag ${c.redFlag}`;
  if ('is' in c) return `${c.fact} = ${String(c.is)}`;
  if ('in' in c) return `${c.fact} ∈ {${c.in.map(String).join(', ')}}`;
  if ('atLeast' in c) return `${c.fact} ≥ ${c.atLeast}`;
  if ('below' in c) return `${c.fact} < ${c.below}`;
  return c.fact;
}

function wrap(c: Condition): string {
  return 'all' in c || 'any' in c ? `(${describe(c)})` : describe(c);
}
