/**
 * The small condition language the rules are written in, and its evaluator plus a printer that renders a
 * condition the way the rules table in README.md shows it (e.g. `asaClass ≥ 3 and not frailty`).
 */
import type { FactContext, FactName, FactValue, PriorEntry } from './facts';
import type { OptionId } from './option-ids';
import type { PriorResponse } from './profile';
import type { RedFlagCode } from './red-flag-codes';

export type { RedFlagCode } from './red-flag-codes';

/**
 * A bound on a number a prior treatment may carry (`monthsSince`, `cycles`). `below` also matches an entry
 * that does not give the number: an MVD of unknown date counts as recent, a toxin trial of unknown length as
 * short, which is the cautious reading in both rules that use them.
 */
export type Bound = { below: number } | { atLeast: number };

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
  /** The option was tried before with one of these responses (and, if given, within these bounds). */
  | { tried: OptionId; response: readonly PriorResponse[]; monthsSince?: Bound; cycles?: Bound }
  /** The flag was raised; with `reviewed`, only if a clinician has (true) or has not (false) reviewed it. */
  | { redFlag: RedFlagCode; reviewed?: boolean };

export interface ConditionContext extends FactContext {
  /** Flags raised for this profile. */
  redFlags: ReadonlySet<RedFlagCode>;
  /** Flags the profile says a clinician has reviewed (`redFlagsReviewed`). */
  reviewed: ReadonlySet<RedFlagCode>;
}

function within(value: number | undefined, b: Bound | undefined): boolean {
  if (!b) return true;
  if ('below' in b) return value === undefined || value < b.below;
  return value !== undefined && value >= b.atLeast;
}

function matches(e: PriorEntry, c: Extract<Condition, { tried: OptionId }>): boolean {
  return (
    c.response.includes(e.response) && within(e.monthsSince, c.monthsSince) && within(e.cycles, c.cycles)
  );
}

export function evaluate(c: Condition, ctx: ConditionContext): boolean {
  if ('always' in c) return true;
  if ('all' in c) return c.all.every((x) => evaluate(x, ctx));
  if ('any' in c) return c.any.some((x) => evaluate(x, ctx));
  if ('not' in c) return !evaluate(c.not, ctx);
  if ('tried' in c) return ctx.prior[c.tried].some((e) => matches(e, c));
  if ('redFlag' in c) {
    if (!ctx.redFlags.has(c.redFlag)) return false;
    return c.reviewed === undefined || c.reviewed === ctx.reviewed.has(c.redFlag);
  }
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
  if ('tried' in c) {
    const bounds = [describeBound('monthsSince', c.monthsSince), describeBound('cycles', c.cycles)];
    return [`prior ${c.tried} response ∈ {${c.response.join(', ')}}`, ...bounds.filter(Boolean)].join(', ');
  }
  if ('redFlag' in c) {
    if (c.reviewed === undefined) return `red flag ${c.redFlag}`;
    return `red flag ${c.redFlag} ${c.reviewed ? 'reviewed' : 'not reviewed'}`;
  }
  if ('is' in c) return `${c.fact} = ${String(c.is)}`;
  if ('in' in c) return `${c.fact} ∈ {${c.in.map(String).join(', ')}}`;
  if ('atLeast' in c) return `${c.fact} ≥ ${c.atLeast}`;
  if ('below' in c) return `${c.fact} < ${c.below}`;
  return c.fact;
}

function describeBound(name: string, b: Bound | undefined): string {
  if (!b) return '';
  return 'below' in b ? `${name} < ${b.below} or unknown` : `${name} ≥ ${b.atLeast}`;
}

function wrap(c: Condition): string {
  return 'all' in c || 'any' in c ? `(${describe(c)})` : describe(c);
}
