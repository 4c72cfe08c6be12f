/** Builds valid patient profiles for tests: a typical adult with primary HFS, changed only where a test says. */
import { expect } from 'vitest';
import { EXAMPLE_PROFILE } from '../../src/decision/example-profile';
import type { OptionId, Recommendation } from '../../src/decision/option-ids';
import type { PatientProfileInput } from '../../src/decision/profile';
import type { DecisionResult } from '../../src/decision/result';

type Patch = {
  [K in keyof PatientProfileInput]?: PatientProfileInput[K] extends readonly unknown[]
    ? PatientProfileInput[K]
    : PatientProfileInput[K] extends object | undefined
      ? Partial<NonNullable<PatientProfileInput[K]>>
      : PatientProfileInput[K];
};

/** The example profile, older (56), ASA 2 and not asking for a long-term cure. */
export const TYPICAL: PatientProfileInput = {
  ...EXAMPLE_PROFILE,
  age: 56,
  asaClass: 2,
  preferences: { ...EXAMPLE_PROFILE.preferences, wantsLongTermCure: false },
};

/** One level deep merge: nested objects (severity, preferences, …) are merged, arrays replaced. */
export function profile(patch: Patch = {}): PatientProfileInput {
  const out: Record<string, unknown> = structuredClone(TYPICAL) as Record<string, unknown>;
  for (const [k, v] of Object.entries(patch)) {
    const cur = out[k];
    out[k] =
      v && typeof v === 'object' && !Array.isArray(v) && cur && typeof cur === 'object'
        ? { ...(cur as object), ...v }
        : v;
  }
  return out as PatientProfileInput;
}

/** What a vignette expects of some options: one recommendation, or any of several. */
export type Judged = Partial<Record<OptionId, Recommendation | readonly Recommendation[]>>;

/** Checks each judged option's recommendation in a result. */
export function expectJudged(r: DecisionResult, judged: Judged = {}): void {
  for (const [id, want] of Object.entries(judged)) {
    const got = r.options.find((o) => o.id === id)?.recommendation;
    if (typeof want === 'string') expect(got, id).toBe(want);
    else expect(want, id).toContain(got);
  }
}
