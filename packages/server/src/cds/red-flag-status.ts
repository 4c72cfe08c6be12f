/**
 * What the record lets us say about each red flag, given that some facts were assumed (pure). A raised
 * flag rests on an assumption when some other value of an assumed fact would not raise it (an MRI
 * assumed "not done" raises "imaging needed"; a recorded facial weakness raises "neurological deficit"
 * whatever the assumed hearing); a flag not raised was not checked when some other value of an assumed
 * fact would raise it. Found by running the core's engine again with each assumed fact set to each of
 * its other values — the rules are core's, not re-implemented here. Flags that read an essential field
 * the record lacks are never shown: only placeholders stood in for it.
 */
import {
  type Condition,
  type DecisionResult,
  OPTION_IDS,
  type PatientProfileInput,
  PatientProfileSchema,
  PRIOR_RESPONSES,
  RED_FLAG_RULES,
  type RedFlag,
  type RedFlagCode,
  recommend,
} from '@hemispasm/core';
import type { BuiltProfile } from './decision-profile';
import { OBSERVED_FIELDS, setField } from './profile-fields';
import { redFlagFields } from './rule-fields';

export interface RedFlagStatus {
  raised: { flag: RedFlag; assumed: string[] }[];
  notChecked: { code: RedFlagCode; fields: string[] }[];
}

/** The `monthsSince` bounds the red-flag rules name (with "unknown", the values they tell apart). */
function monthsBounds(c: Condition): number[] {
  if ('all' in c) return c.all.flatMap(monthsBounds);
  if ('any' in c) return c.any.flatMap(monthsBounds);
  if ('not' in c) return monthsBounds(c.not);
  if ('tried' in c && c.monthsSince) {
    return ['below' in c.monthsSince ? c.monthsSince.below : c.monthsSince.atLeast];
  }
  return [];
}
const MONTHS_SINCE = [undefined, ...new Set(RED_FLAG_RULES.flatMap((r) => monthsBounds(r.when)))];

/** The other values an assumed field could have had (those the schema allows and the rules tell apart). */
function alternatives(field: string, profile: PatientProfileInput): unknown[] {
  const f = OBSERVED_FIELDS.find((x) => x.field === field);
  if (f?.kind === 'boolean') return [true, false];
  if (f?.kind === 'code') return [...f.codes];
  if (f?.kind === 'integer') return Array.from({ length: f.max - f.min + 1 }, (_, i) => f.min + i);
  if (field === 'symptomDurationMonths') return [0, Math.floor(profile.age * 12)];
  if (field === 'priorTreatments') {
    return OPTION_IDS.flatMap((option) =>
      PRIOR_RESPONSES.flatMap((response) =>
        MONTHS_SINCE.map((m) => [{ option, response, ...(m === undefined ? {} : { monthsSince: m }) }]),
      ),
    );
  }
  return [];
}

function flagsWith(
  profile: PatientProfileInput,
  field: string,
  value: unknown,
): Set<RedFlagCode> | undefined {
  const p = structuredClone(profile) as Record<string, unknown>;
  setField(p, field, value);
  if (!PatientProfileSchema.safeParse(p).success) return undefined;
  return new Set(recommend(p).redFlags.map((f) => f.code));
}

export function redFlagStatus(built: BuiltProfile, result: DecisionResult): RedFlagStatus {
  const essential = new Set(built.essentialMissing);
  const assumed = new Set(
    built.missing
      .filter((m) => !m.essential && (m.assumed !== undefined || m.field === 'priorTreatments'))
      .map((m) => m.field),
  );
  const raisedNow = new Map(result.redFlags.map((f) => [f.code, f]));
  // For each assumed field some flag reads: the flags raised under each of its other values.
  const variants = new Map<string, Set<RedFlagCode>[]>();
  const deps = new Map(RED_FLAG_RULES.map((r) => [r.code, [...redFlagFields(r.code)]]));
  for (const field of new Set([...deps.values()].flat().filter((f) => assumed.has(f)))) {
    variants.set(
      field,
      alternatives(field, built.profile)
        .map((v) => flagsWith(built.profile, field, v))
        .filter((x): x is Set<RedFlagCode> => !!x),
    );
  }
  const out: RedFlagStatus = { raised: [], notChecked: [] };
  for (const rule of RED_FLAG_RULES) {
    const fields = deps.get(rule.code)!;
    const lackingEssential = fields.filter((f) => essential.has(f));
    const flag = raisedNow.get(rule.code);
    if (lackingEssential.length) {
      out.notChecked.push({
        code: rule.code,
        fields: [...lackingEssential, ...fields.filter((f) => assumed.has(f))],
      });
      continue;
    }
    const decisive = fields.filter(
      (f) => assumed.has(f) && (variants.get(f) ?? []).some((flags) => flags.has(rule.code) !== !!flag),
    );
    if (flag) out.raised.push({ flag, assumed: decisive });
    else if (decisive.length) out.notChecked.push({ code: rule.code, fields: decisive });
  }
  return out;
}
