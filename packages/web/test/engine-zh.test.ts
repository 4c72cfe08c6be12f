/**
 * Every text the decision engine can put in a result has a reviewed Chinese version (i18n/engine-zh.ts, or
 * catalogue-zh.ts for the option catalogue), with the same numbers as the English. The engine is run over
 * the example profiles, one profile per prior treatment and response, and a fixed sample of generated
 * profiles, until every red flag and every ranking rule has fired; the rule tables themselves are checked
 * too, so a rule added to core without a translation fails here even before a profile reaches it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type DecisionResult,
  DISCLAIMER,
  OPTION_IDS,
  type PatientProfileInput,
  PRIOR_RESPONSES,
  RANKING_RULES,
  RED_FLAG_CODES,
  RED_FLAG_RULES,
  recommend,
} from '@hemispasm/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOGUE_ZH } from '../src/i18n/catalogue-zh';
import { ENGINE_ZH, engineText } from '../src/i18n/engine-zh';

const EXAMPLES = join(import.meta.dirname, '../../../examples');
const examples = readdirSync(EXAMPLES)
  .filter((f) => /^profile-.*\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(join(EXAMPLES, f), 'utf8')) as PatientProfileInput);

/** The bundled typical profile, the base for one profile per prior treatment and response. */
const TYPICAL = JSON.parse(
  readFileSync(join(EXAMPLES, 'profile-typical.json'), 'utf8'),
) as PatientProfileInput;

/**
 * One profile per prior treatment and response (recent and long ago; toxin after one cycle and after four;
 * with its flags open and reviewed), so every rule on a prior response fires.
 */
const priors = OPTION_IDS.flatMap((option) =>
  PRIOR_RESPONSES.flatMap((response) =>
    [2, 24].flatMap((monthsSince) =>
      [false, true].map((reviewed) => ({
        ...TYPICAL,
        priorTreatments: [
          {
            option,
            response,
            monthsSince,
            ...(option === 'botulinum_toxin' ? { cycles: reviewed ? 4 : 1 } : {}),
          },
        ],
        redFlagsReviewed: reviewed ? [...RED_FLAG_CODES] : [],
      })),
    ),
  ),
);

const bool = fc.boolean();
/** Valid profiles over every enum value and flag (ages 0–120, onset within the life lived so far). */
const generated = fc.sample(
  fc
    .record({
      age: fc.integer({ min: 0, max: 120 }),
      onsetFraction: fc.double({ min: 0, max: 1, noNaN: true }),
      sex: fc.constantFrom('female', 'male', 'other'),
      affectedSide: fc.constantFrom('left', 'right', 'both'),
      progression: fc.constantFrom('stable', 'slow', 'rapid'),
      smcGrade: fc.integer({ min: 1, max: 4 }),
      mri: fc.constantFrom('not_done', 'normal', 'neurovascular_conflict', 'lesion'),
      asaClass: fc.integer({ min: 1, max: 5 }),
      anticoagulated: bool,
      pregnant: bool,
      contralateralHearingLoss: bool,
      frailty: bool,
      diabetes: bool,
      bellsPalsy: bool,
      facialTrauma: bool,
      facialWeakness: bool,
      ipsilateralHearingLoss: bool,
      otherCranialNerveSigns: bool,
      lowerFaceOnset: bool,
      painfulSpasmOrTrigeminalNeuralgia: bool,
      functionalFeatures: bool,
      parotidOrTemporalMass: bool,
      priorTreatments: fc.array(
        fc.record({ option: fc.constantFrom(...OPTION_IDS), response: fc.constantFrom(...PRIOR_RESPONSES) }),
        { maxLength: 4 },
      ),
      redFlagsReviewed: fc.subarray([...RED_FLAG_CODES]),
      riskTolerance: fc.constantFrom('low', 'moderate', 'high'),
      avoidSurgery: bool,
      avoidGeneralAnesthesia: bool,
      wantsLongTermCure: bool,
    })
    .map(
      (g) =>
        ({
          age: g.age,
          sex: g.sex,
          affectedSide: g.affectedSide,
          symptomDurationMonths: Math.min(1200, Math.floor(g.age * 12 * g.onsetFraction)),
          progression: g.progression,
          severity: { smcGrade: g.smcGrade },
          imaging: { mri: g.mri },
          asaClass: g.asaClass,
          anticoagulated: g.anticoagulated,
          pregnant: g.pregnant && g.sex !== 'male',
          contralateralHearingLoss: g.contralateralHearingLoss,
          frailty: g.frailty,
          diabetes: g.diabetes,
          history: { bellsPalsy: g.bellsPalsy, facialTrauma: g.facialTrauma },
          neurology: {
            facialWeakness: g.facialWeakness,
            ipsilateralHearingLoss: g.ipsilateralHearingLoss,
            otherCranialNerveSigns: g.otherCranialNerveSigns,
          },
          features: {
            lowerFaceOnset: g.lowerFaceOnset,
            painfulSpasmOrTrigeminalNeuralgia: g.painfulSpasmOrTrigeminalNeuralgia,
            functionalFeatures: g.functionalFeatures,
            parotidOrTemporalMass: g.parotidOrTemporalMass,
          },
          priorTreatments: g.priorTreatments,
          redFlagsReviewed: g.redFlagsReviewed,
          preferences: {
            riskTolerance: g.riskTolerance,
            avoidSurgery: g.avoidSurgery,
            avoidGeneralAnesthesia: g.avoidGeneralAnesthesia,
            wantsLongTermCure: g.wantsLongTermCure,
          },
        }) as PatientProfileInput,
    ),
  { seed: 20261130, numRuns: 400 },
);

const results: DecisionResult[] = [...examples, ...priors, ...generated].map((p) =>
  recommend(p, { explain: true }),
);

/** Every English text in a result that the UI can show. */
function texts(r: DecisionResult): string[] {
  const cited = (c: { caveat?: string; seeAlso?: { caveat?: string }[] }) =>
    [c, ...(c.seeAlso ?? [])].flatMap((x) => (x.caveat ? [x.caveat] : []));
  return [
    r.disclaimer,
    ...r.redFlags.flatMap((f) => [f.message, f.action, ...cited(f)]),
    ...r.options.flatMap((o) => [
      o.label,
      o.evidence.basis,
      ...o.reasons.flatMap((x) => [x.text, ...cited(x)]),
      ...[...o.benefits, ...o.risks, ...o.limits].flatMap((f) => [
        f.what,
        f.figure,
        f.timePoint,
        ...(f.note ? [f.note] : []),
        ...cited(f),
      ]),
    ]),
  ];
}
const emitted = [...new Set(results.flatMap(texts))];
/** What core's rule tables can emit, whether or not a profile above reached it. */
const tables = [
  ...new Set([
    DISCLAIMER,
    ...RED_FLAG_RULES.flatMap((f) => [f.message, f.action]),
    ...RANKING_RULES.flatMap((r) => r.effects.map((e) => e.because)),
  ]),
];

const numbers = (s: string) => (s.match(/\d+(?:[.,]\d+)*/g) ?? []).map((n) => n.replace(/,/g, '')).sort();

describe("Chinese translation of the decision engine's output", () => {
  it('runs profiles that raise every red flag and fire every ranking rule', () => {
    const fired = new Set(results.flatMap((r) => (r.trace ?? []).map((t) => t.rule)));
    const missing = [
      ...RED_FLAG_RULES.map((f) => `red-flag:${f.code}`),
      ...RANKING_RULES.map((r) => r.id),
    ].filter((id) => !fired.has(id));
    expect(missing).toEqual([]);
    // Both caveats (partly verified, unverified) appear among the emitted texts.
    expect(emitted.filter((s) => /^(Partly verified|Unverified):/.test(s))).toHaveLength(2);
  });

  it('translates every text the engine emitted (a new or changed string in core must be translated)', () => {
    expect(emitted.filter((s) => !(s in ENGINE_ZH) && !(s in CATALOGUE_ZH))).toEqual([]);
  });

  it("translates every reason, red flag and the disclaimer in core's rule tables", () => {
    expect(tables.filter((s) => !(s in ENGINE_ZH))).toEqual([]);
  });

  it('keeps every number of the English, so a translation cannot drift', () => {
    const drift = Object.entries(ENGINE_ZH)
      .filter(([en, zh]) => numbers(en).join(' ') !== numbers(zh).join(' '))
      .map(([en, zh]) => `${en} → ${zh}`);
    expect(drift).toEqual([]);
  });

  it('holds no stale strings, and every translation is Chinese', () => {
    const current = new Set([...tables, ...emitted]);
    expect(Object.keys(ENGINE_ZH).filter((s) => !current.has(s))).toEqual([]);
    expect(Object.values(ENGINE_ZH).filter((zh) => !/\p{Script=Han}/u.test(zh))).toEqual([]);
  });

  it('shows Chinese in the zh UI, and English marked lang="en" only when a string has no translation', () => {
    const reason = results[0]!.options[0]!.reasons[0]!.text;
    expect(engineText(reason, 'en')).toEqual({ text: reason });
    expect(engineText(reason, 'zh')).toEqual({ text: ENGINE_ZH[reason] });
    expect(engineText(DISCLAIMER, 'zh').lang).toBeUndefined();
    expect(engineText('Observation (no treatment for now)', 'zh')).toEqual({ text: '观察（暂不治疗）' });
    expect(engineText('A reason from an older engine.', 'zh')).toEqual({
      text: 'A reason from an older engine.',
      lang: 'en',
    });
  });
});
