/**
 * Which profile fields a rule of the decision engine reads — so a card can say when a red flag was
 * raised from an assumed value, which red flags could not be checked for lack of data, and whether
 * the ranking rests on assumptions. Read from core's rules (data), not restated: the only table here
 * maps each fact the rules use to the profile fields it is derived from (keyed by core's `FactName`; a
 * test fails when a rule reads a fact this table does not map, see `unmappedFacts`).
 */
import {
  type Condition,
  type FactName,
  RANKING_RULES,
  RED_FLAG_RULES,
  type RedFlagCode,
} from '@hemispasm/core';

const FACT_FIELDS: Partial<Record<FactName, readonly string[]>> = {
  age: ['age'],
  ageAtOnset: ['age', 'symptomDurationMonths'],
  symptomDurationMonths: ['symptomDurationMonths'],
  progression: ['progression'],
  affectedSide: ['affectedSide'],
  smcGrade: ['severity.smcGrade'],
  mri: ['imaging.mri'],
  asaClass: ['asaClass'],
  frailty: ['frailty'],
  diabetes: ['diabetes'],
  anticoagulated: ['anticoagulated'],
  pregnant: ['pregnant'],
  contralateralHearingLoss: ['contralateralHearingLoss'],
  bellsPalsy: ['history.bellsPalsy'],
  facialTrauma: ['history.facialTrauma'],
  facialWeakness: ['neurology.facialWeakness'],
  ipsilateralHearingLoss: ['neurology.ipsilateralHearingLoss'],
  otherCranialNerveSigns: ['neurology.otherCranialNerveSigns'],
  lowerFaceOnset: ['features.lowerFaceOnset'],
  painfulSpasmOrTrigeminalNeuralgia: ['features.painfulSpasmOrTrigeminalNeuralgia'],
  functionalFeatures: ['features.functionalFeatures'],
  parotidOrTemporalMass: ['features.parotidOrTemporalMass'],
  riskTolerance: ['preferences.riskTolerance'],
  avoidSurgery: ['preferences.avoidSurgery'],
  avoidGeneralAnesthesia: ['preferences.avoidGeneralAnesthesia'],
  wantsLongTermCure: ['preferences.wantsLongTermCure'],
};

const flagRule = (code: RedFlagCode) => RED_FLAG_RULES.find((r) => r.code === code);

/** The profile fields a condition reads (a red flag it names: that flag's fields). */
export function fieldsOf(c: Condition, seen: ReadonlySet<RedFlagCode> = new Set()): Set<string> {
  const out = new Set<string>();
  const add = (xs: Iterable<string>) => {
    for (const x of xs) out.add(x);
  };
  if ('all' in c) for (const x of c.all) add(fieldsOf(x, seen));
  else if ('any' in c) for (const x of c.any) add(fieldsOf(x, seen));
  else if ('not' in c) add(fieldsOf(c.not, seen));
  else if ('tried' in c) out.add('priorTreatments');
  else if ('redFlag' in c) {
    const rule = flagRule(c.redFlag);
    if (rule && !seen.has(c.redFlag)) add(fieldsOf(rule.when, new Set([...seen, c.redFlag])));
  } else if ('fact' in c) add(FACT_FIELDS[c.fact] ?? [c.fact]);
  return out;
}

/** Facts some rule reads that the table above does not map (the test keeps this empty). */
export function unmappedFacts(): string[] {
  const out = new Set<string>();
  const walk = (c: Condition): void => {
    if ('all' in c) c.all.forEach(walk);
    else if ('any' in c) c.any.forEach(walk);
    else if ('not' in c) walk(c.not);
    else if ('fact' in c && !FACT_FIELDS[c.fact]) out.add(c.fact);
  };
  for (const r of [...RED_FLAG_RULES.map((f) => f.when), ...RANKING_RULES.map((r) => r.when)]) walk(r);
  return [...out];
}

/** The fields a red flag's rule reads. */
export const redFlagFields = (code: RedFlagCode): Set<string> => {
  const rule = flagRule(code);
  return rule ? fieldsOf(rule.when) : new Set();
};

/** Every field any rule reads (ranking and red flags): what the ranking rests on. */
export function rankingFields(): Set<string> {
  const out = new Set<string>();
  for (const r of [...RED_FLAG_RULES.map((f) => f.when), ...RANKING_RULES.map((r) => r.when)]) {
    for (const f of fieldsOf(r)) out.add(f);
  }
  return out;
}

/**
 * Red flags the engine treats as stopping every treatment until specialist review — a ranking rule
 * triggered by the flag caps even botulinum toxin, the first-line option — are `critical`; the others
 * `warning`.
 */
export function redFlagIndicator(code: RedFlagCode): 'critical' | 'warning' {
  const capsFirstLine = RANKING_RULES.some(
    (r) =>
      flagsIn(r.when).has(code) && r.effects.some((e) => e.option === 'botulinum_toxin' && 'atMost' in e),
  );
  return capsFirstLine ? 'critical' : 'warning';
}

/** True when some ranking rule holds options only until the flag is reviewed (`reviewed: false`). */
export function liftsOnReview(code: RedFlagCode): boolean {
  const unreviewed = (c: Condition): boolean => {
    if ('all' in c) return c.all.some(unreviewed);
    if ('any' in c) return c.any.some(unreviewed);
    if ('not' in c) return false; // a rule that applies once the flag is reviewed
    return 'redFlag' in c && c.redFlag === code && c.reviewed === false;
  };
  return RANKING_RULES.some((r) => unreviewed(r.when));
}

function flagsIn(c: Condition): Set<RedFlagCode> {
  if ('all' in c) return new Set(c.all.flatMap((x) => [...flagsIn(x)]));
  if ('any' in c) return new Set(c.any.flatMap((x) => [...flagsIn(x)]));
  if ('not' in c) return new Set(); // a flag that lifts a rule when absent does not make it urgent
  if ('redFlag' in c) return new Set([c.redFlag]);
  return new Set();
}
