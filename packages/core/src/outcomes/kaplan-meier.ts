/**
 * Kaplan–Meier product-limit estimate of a survival function S(t) = P(T > t) from right-censored
 * observations, with Greenwood's variance and a 95 % confidence interval. Generic: "event" is whatever
 * the caller counts (here: a recurrence after treatment), "censored" is an observation that ended without
 * the event (last follow-up so far). Pure: observations in, steps out.
 *
 * At each distinct time t_j with n_j observations still at risk (time ≥ t_j) and d_j events:
 *   S(t_j)   = Π_{i≤j} (1 − d_i / n_i)
 *   Var̂ S    = S(t_j)² · Σ_{i≤j} d_i / (n_i (n_i − d_i))                        (Greenwood 1926)
 * Events are counted before censorings at the same time (the usual convention: someone censored at t
 * was still at risk at t).
 *
 * Confidence interval: the **log-log** ("complementary log-log", Kalbfleisch & Prentice) transform, not
 * the plain S ± 1.96·SE, because it stays inside [0, 1] and behaves better in small samples:
 *   se = √(Σ d_i / (n_i (n_i − d_i))) / |ln S|
 *   CI = [ S^exp(+1.96·se), S^exp(−1.96·se) ]
 * It is undefined where S = 1 (no event yet) or S = 0, and then reported as null. These are the values
 * R's `survfit(..., conf.type = "log-log")` and Stata's `sts list` print.
 */
import { InputError } from '../validation';

export interface SurvivalObservation {
  /** Time from the origin (e.g. months since treatment), finite and ≥ 0. */
  time: number;
  /** True: the event happened at `time`. False: followed up to `time` without the event (censored). */
  event: boolean;
}

export interface KaplanMeierStep {
  /** 0 for the origin row, then every distinct observed time in increasing order. */
  time: number;
  /** Observations still at risk just before `time` (time ≥ this step's time). */
  atRisk: number;
  /** Events at exactly `time`. */
  events: number;
  /** Observations censored at exactly `time`. */
  censored: number;
  /** Estimated probability of being event-free after `time`, in [0, 1]; never rises. */
  survival: number;
  /** Lower bound of the pointwise 95 % log-log interval; null where undefined (survival 1 or 0). */
  ci95Low: number | null;
  /** Upper bound of the pointwise 95 % log-log interval; null where undefined (survival 1 or 0). */
  ci95High: number | null;
}

/** Two-sided 95 % standard-normal quantile. */
const Z95 = 1.959963984540054;

/**
 * The Kaplan–Meier curve of `observations`. The first step is the origin (time 0, everyone at risk,
 * survival 1); then one step per distinct observed time — including times with only censorings, which
 * leave survival unchanged but shrink the risk set. An observation at time 0 gets its own step after the
 * origin. No observations: no steps.
 */
export function kaplanMeier(observations: readonly SurvivalObservation[]): KaplanMeierStep[] {
  const issues = observations.flatMap((o, i) =>
    Number.isFinite(o.time) && o.time >= 0
      ? []
      : [{ path: `${i}.time`, message: `must be a finite number ≥ 0 (got ${o.time})` }],
  );
  if (issues.length > 0) throw new InputError(issues, 'kaplanMeier');
  if (observations.length === 0) return [];

  const sorted = [...observations].sort((a, b) => a.time - b.time);
  const steps: KaplanMeierStep[] = [
    {
      time: 0,
      atRisk: sorted.length,
      events: 0,
      censored: 0,
      survival: 1,
      ci95Low: null,
      ci95High: null,
    },
  ];
  let atRisk = sorted.length;
  let survival = 1;
  let greenwood = 0; // Σ d / (n (n − d))
  for (let i = 0; i < sorted.length; ) {
    const time = sorted[i]!.time;
    let events = 0;
    let censored = 0;
    for (; i < sorted.length && sorted[i]!.time === time; i++) {
      if (sorted[i]!.event) events++;
      else censored++;
    }
    if (events > 0) {
      survival *= 1 - events / atRisk;
      // d = n makes the term infinite, but then survival is 0 and the interval is undefined anyway.
      greenwood += events === atRisk ? Number.POSITIVE_INFINITY : events / (atRisk * (atRisk - events));
    }
    steps.push({ time, atRisk, events, censored, survival, ...logLogInterval(survival, greenwood) });
    atRisk -= events + censored;
  }
  return steps;
}

function logLogInterval(
  survival: number,
  greenwood: number,
): { ci95Low: number | null; ci95High: number | null } {
  if (!(survival > 0 && survival < 1) || !Number.isFinite(greenwood))
    return { ci95Low: null, ci95High: null };
  const se = Math.sqrt(greenwood) / Math.abs(Math.log(survival));
  return { ci95Low: survival ** Math.exp(Z95 * se), ci95High: survival ** Math.exp(-Z95 * se) };
}
