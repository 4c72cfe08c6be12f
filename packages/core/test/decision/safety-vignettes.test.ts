/**
 * The specialist's examples of issue 8, one vignette each (and the reviewed counterpart where a review
 * changes the answer): what the engine printed before that a neurologist or neurosurgeon would reject, and
 * what it must say now. Plus the new profile fields (atypical features, a pregnant man refused).
 */
import { describe, expect, it } from 'vitest';
import { recommend } from '../../src/decision/engine';
import { OPTION_CATALOGUE } from '../../src/decision/option-catalogue';
import type { OptionId } from '../../src/decision/option-ids';
import type { PatientProfileInput } from '../../src/decision/profile';
import { RED_FLAG_CODES } from '../../src/decision/red-flag-codes';
import type { DecisionResult } from '../../src/decision/result';
import { InputError } from '../../src/validation';
import { expectJudged, type Judged, profile } from './profiles';
import { VIGNETTES } from './vignettes';

interface SafetyVignette {
  name: string;
  story: string;
  profile: PatientProfileInput;
  redFlags: string[];
  /** Codes expected with `reviewed: true`. */
  reviewed?: string[];
  first?: OptionId;
  /** No option may be preferred. */
  nonePreferred?: true;
  judged?: Judged;
  /** Extra checks on the result. */
  check?: (r: DecisionResult) => void;
}

const NOT_PREFERRED = ['reasonable', 'not_advised', 'contraindicated'] as const;
const NOT_BETTER_THAN_NOT_ADVISED = ['not_advised', 'contraindicated'] as const;

const option = (r: DecisionResult, id: OptionId) => r.options.find((o) => o.id === id)!;
const rules = (r: DecisionResult, id: OptionId) => option(r, id).reasons.map((x) => x.rule);

const child = (age: number, months: number) =>
  profile({
    age,
    symptomDurationMonths: months,
    imaging: { mri: 'neurovascular_conflict' },
    severity: { smcGrade: 3 },
    preferences: { wantsLongTermCure: true },
  });

const AFTER_PALSY_TOXIN_FAILED = profile({
  age: 63,
  history: { bellsPalsy: true },
  priorTreatments: [{ option: 'botulinum_toxin', response: 'none', cycles: 2 }],
  preferences: { wantsLongTermCure: true },
});

export const SAFETY_VIGNETTES: SafetyVignette[] = [
  {
    name: 'S1 a 9-year-old with a vessel on MRI',
    story:
      'Was: young_onset raised, yet MVD 90 "preferred". Now: paediatric review first, no procedure preferred.',
    profile: child(9, 12),
    redFlags: ['pediatric', 'young_onset'],
    nonePreferred: true,
    first: 'botulinum_toxin',
    judged: { mvd: NOT_PREFERRED, rf_neurotomy: NOT_PREFERRED },
    check: (r) => {
      expect(rules(r, 'mvd')).not.toContain('under-30');
      expect(r.redFlags.find((f) => f.code === 'pediatric')!.action).toMatch(/paediatric neurology.*MRI/);
    },
  },
  {
    name: 'S1b the same 9-year-old with every red flag reviewed',
    story:
      'A paediatric neurologist has reviewed both flags: still no procedure is preferred on adult evidence.',
    profile: { ...child(9, 12), redFlagsReviewed: ['pediatric', 'young_onset'] },
    redFlags: ['pediatric', 'young_onset'],
    reviewed: ['pediatric', 'young_onset'],
    judged: { mvd: NOT_PREFERRED, rf_neurotomy: NOT_PREFERRED },
    check: (r) => expect(rules(r, 'mvd')).toContain('pediatric-no-procedure'),
  },
  {
    name: 'S2 a 1-year-old with a vessel on MRI',
    story: 'Was: MVD "preferred". Now: paediatric review, nothing preferred.',
    profile: child(1, 6),
    redFlags: ['pediatric', 'young_onset'],
    nonePreferred: true,
    judged: { mvd: NOT_PREFERRED, rf_neurotomy: NOT_PREFERRED },
  },
  {
    name: "S3 Bell's palsy before, toxin did nothing",
    story:
      'Was: post_paralytic_synkinesis raised, yet MVD "preferred" while its own reason says MVD does not treat ' +
      'synkinesis. Now: MVD and RF not advised, the toxin non-response flagged.',
    profile: AFTER_PALSY_TOXIN_FAILED,
    redFlags: ['post_paralytic_synkinesis', 'toxin_non_response'],
    nonePreferred: true,
    judged: { mvd: NOT_BETTER_THAN_NOT_ADVISED, rf_neurotomy: NOT_BETTER_THAN_NOT_ADVISED },
  },
  {
    name: "S3b Bell's palsy, both flags reviewed",
    story: 'Post-paralytic spasm keeps MVD and RF not advised even after review.',
    profile: {
      ...AFTER_PALSY_TOXIN_FAILED,
      redFlagsReviewed: ['post_paralytic_synkinesis', 'toxin_non_response'],
    },
    redFlags: ['post_paralytic_synkinesis', 'toxin_non_response'],
    reviewed: ['post_paralytic_synkinesis', 'toxin_non_response'],
    judged: { mvd: 'not_advised', rf_neurotomy: 'not_advised' },
  },
  {
    name: 'S4 age 26, no MRI, rapid progression',
    story:
      'Was: the under-30 rule added +10 to MVD although imaging_needed and young_onset were open. Now: no ' +
      'age bonus without an MRI conflict and a reviewed young onset.',
    profile: profile({
      age: 26,
      symptomDurationMonths: 10,
      progression: 'rapid',
      imaging: { mri: 'not_done' },
    }),
    redFlags: ['imaging_needed', 'young_onset'],
    nonePreferred: true,
    first: 'botulinum_toxin',
    check: (r) => expect(rules(r, 'mvd')).not.toContain('under-30'),
  },
  {
    name: 'S4b age 26, MRI conflict, young onset reviewed',
    story: 'Only now does the under-30 series count for MVD.',
    profile: profile({
      age: 26,
      symptomDurationMonths: 10,
      progression: 'rapid',
      redFlagsReviewed: ['young_onset'],
    }),
    redFlags: ['young_onset'],
    reviewed: ['young_onset'],
    check: (r) => expect(rules(r, 'mvd')).toContain('under-30'),
  },
  {
    name: 'S5 MVD two months ago, still spasming',
    story:
      'Was: redo MVD "preferred" (and the profile could not say when the MVD was). Now: delayed relief is ' +
      'expected, redo MVD at most reasonable, waiting and toxin favoured.',
    profile: profile({ age: 58, priorTreatments: [{ option: 'mvd', response: 'none', monthsSince: 2 }] }),
    redFlags: ['mvd_recent'],
    first: 'botulinum_toxin',
    judged: { mvd: 'reasonable', botulinum_toxin: 'preferred' },
    check: (r) => {
      const mvd = option(r, 'mvd').reasons.find((x) => x.rule === 'mvd-recent')!;
      expect(mvd).toMatchObject({ effect: 'against', source: 'mvd-delayed2022' });
      expect(mvd.text).toMatch(/delayed/);
      expect(option(r, 'observation').reasons.find((x) => x.rule === 'mvd-recent')?.effect).toBe('for');
      expect(option(r, 'botulinum_toxin').reasons.find((x) => x.rule === 'mvd-recent')?.effect).toBe('for');
      expect(option(r, 'rf_neurotomy').reasons.map((x) => x.rule)).not.toContain('mvd-failed');
    },
  },
  {
    name: 'S5b MVD at an unrecorded time, still spasming',
    story: 'An MVD without a date counts as recent: the flag asks for the date.',
    profile: profile({ age: 58, priorTreatments: [{ option: 'mvd', response: 'partial' }] }),
    redFlags: ['mvd_recent'],
    judged: { mvd: NOT_PREFERRED },
    check: (r) => expect(r.redFlags[0]!.action).toMatch(/Record when the MVD was/),
  },
  {
    name: 'S5c MVD 18 months ago, still spasming',
    story: 'Past the 12-month window the spasm is persisting: repeat MRI and review before a redo MVD.',
    profile: profile({ age: 58, priorTreatments: [{ option: 'mvd', response: 'none', monthsSince: 18 }] }),
    redFlags: ['persisting_after_mvd'],
    judged: { mvd: NOT_PREFERRED },
    check: (r) => expect(rules(r, 'mvd')).toContain('redo-mvd-review-first'),
  },
  {
    name: 'S6 toxin gave no relief at all',
    story:
      'Was: MVD "preferred" with no red flag, though 85–95 % respond to toxin and about 18 % of referred ' +
      '"HFS" are mimics. Now: toxin_non_response, MVD not preferred, nothing preferred until reviewed.',
    profile: profile({
      priorTreatments: [{ option: 'botulinum_toxin', response: 'none', cycles: 1, monthsSince: 1 }],
      preferences: { wantsLongTermCure: true },
    }),
    redFlags: ['toxin_non_response'],
    nonePreferred: true,
    judged: { mvd: NOT_PREFERRED },
    check: (r) => {
      const flag = r.redFlags[0]!;
      expect(flag.message).toMatch(/85–95 %.*18 %/);
      expect(flag.action).toMatch(/diagnosis.*dose.*sites.*product/);
      expect(flag.seeAlso?.map((s) => s.source)).toEqual(['rosenstengel2012']);
      expect(rules(r, 'botulinum_toxin')).toContain('toxin-single-cycle');
    },
  },
  {
    name: 'S6b toxin failed over four cycles, reviewed by a specialist',
    story: 'Diagnosis, dose and sites checked: MVD may now be preferred.',
    profile: profile({
      priorTreatments: [{ option: 'botulinum_toxin', response: 'none', cycles: 4 }],
      preferences: { wantsLongTermCure: true },
      redFlagsReviewed: ['toxin_non_response'],
    }),
    redFlags: ['toxin_non_response'],
    reviewed: ['toxin_non_response'],
    first: 'mvd',
    judged: { mvd: 'preferred' },
    check: (r) => {
      expect(rules(r, 'mvd')).toContain('toxin-failed-after-review');
      expect(rules(r, 'botulinum_toxin')).not.toContain('toxin-single-cycle');
    },
  },
  {
    name: 'S7 recurrence after a good MVD',
    story:
      'Was: no such response. Now: `recurred` raises recurrence_after_mvd; redo MVD held until reviewed.',
    profile: profile({
      age: 60,
      priorTreatments: [{ option: 'mvd', response: 'recurred', monthsSince: 30 }],
      preferences: { wantsLongTermCure: true },
    }),
    redFlags: ['recurrence_after_mvd'],
    judged: { mvd: NOT_PREFERRED },
    check: (r) => {
      expect(r.redFlags[0]!.action).toMatch(/Repeat MRI/);
      expect(rules(r, 'mvd')).toContain('redo-mvd-review-first');
      expect(rules(r, 'rf_neurotomy')).toContain('mvd-failed');
    },
  },
  {
    name: 'S8 anticoagulated 74-year-old who wants a cure',
    story: 'Was: MVD "reasonable" with no action about the anticoagulant. Now: the action says what to plan.',
    profile: profile({
      age: 74,
      symptomDurationMonths: 60,
      anticoagulated: true,
      severity: { smcGrade: 3 },
      preferences: { wantsLongTermCure: true },
    }),
    redFlags: ['anticoagulation'],
    judged: { mvd: 'reasonable', rf_neurotomy: NOT_PREFERRED },
    check: (r) => {
      expect(r.redFlags[0]!.action).toBe('Plan stopping or bridging with the prescriber before MVD or RF.');
      expect(option(r, 'mvd').reasons.find((x) => /bridging/.test(x.text))?.effect).toBe('against');
    },
  },
  {
    name: 'S9 MVD permanent complications are about 3 %',
    story: 'Was: "about 1–2 %". Now: the evidence adds up to about 3 % (§2.2).',
    profile: profile({ preferences: { riskTolerance: 'high' } }),
    redFlags: [],
    check: (r) => {
      const text = option(r, 'mvd')
        .reasons.map((x) => x.text)
        .join(' ');
      expect(text).toContain('about 3 % permanent complications');
      expect(text).not.toMatch(/1–2 %/);
      expect(option(r, 'mvd').risks.map((f) => f.figure)).toContain('about 3 %');
    },
  },
  {
    name: 'S9b RF facial weakness in most patients, not all',
    story: 'Was: "all patients". Now: "in most patients (60–91 %)", with every series cited.',
    profile: profile({ preferences: { riskTolerance: 'low' } }),
    redFlags: [],
    check: (r) => {
      const rf = option(r, 'rf_neurotomy');
      expect(rf.reasons.map((x) => x.text).join(' ')).toContain('in most patients (60–91 %)');
      const weakness = rf.risks.find((f) => /Facial weakness/.test(f.what))!;
      expect(weakness.figure).toBe('in most patients (60–91 %)');
      expect(weakness.seeAlso?.map((s) => s.source)).toEqual([
        'huang2021-rf',
        'lin2022-rf',
        'palomaki2024-rf',
      ]);
      expect(JSON.stringify(rf)).not.toMatch(/all patients/);
    },
  },
  {
    name: 'S10 a reason that lowers an option is shown against it',
    story:
      'Was: the pregnant profile\'s observation listed the −30 reason under its "Why". Now: effect against.',
    profile: profile({ age: 41, symptomDurationMonths: 12, pregnant: true, severity: { smcGrade: 3 } }),
    redFlags: [],
    check: (r) => {
      const obs = option(r, 'observation').reasons;
      expect(obs.find((x) => x.rule === 'severe')?.effect).toBe('against');
      expect(obs.find((x) => x.rule === 'pregnancy')?.effect).toBe('for');
      expect(obs.filter((x) => x.effect === 'for').every((x) => !/SMC III–IV/.test(x.text))).toBe(true);
    },
  },
  {
    name: 'S11 what the clinician form now sends: one toxin cycle, follow-up "no change"',
    story:
      'Was: the form never sent prior treatments, so no history rule fired from the app. Now the episode and ' +
      'its follow-up become a prior treatment, and the history counts.',
    profile: profile({
      age: 64,
      severity: { smcGrade: 3 },
      priorTreatments: [{ option: 'botulinum_toxin', response: 'none', monthsSince: 1, cycles: 1 }],
    }),
    redFlags: ['toxin_non_response'],
    nonePreferred: true,
    first: 'botulinum_toxin',
    judged: { mvd: NOT_PREFERRED },
  },
  {
    name: 'S12 spasm that began in the lower face',
    story: 'Atypical spread or functional spasm: MRI and a movement-disorders review first.',
    profile: profile({ features: { lowerFaceOnset: true } }),
    redFlags: ['lower_face_onset'],
    nonePreferred: true,
    check: (r) => expect(r.redFlags[0]!.source).toBe('baizabal2017-functional'),
  },
  {
    name: 'S13 painful spasm with trigeminal neuralgia',
    story: 'Tic convulsif: rare, its cause is looked for first.',
    profile: profile({ features: { painfulSpasmOrTrigeminalNeuralgia: true } }),
    redFlags: ['painful_spasm_or_trigeminal_neuralgia'],
    nonePreferred: true,
  },
  {
    name: 'S14 features of functional spasm',
    story: 'No procedure on the nerve before the diagnosis is confirmed.',
    profile: profile({ features: { functionalFeatures: true }, preferences: { wantsLongTermCure: true } }),
    redFlags: ['functional_features'],
    nonePreferred: true,
    judged: { mvd: 'not_advised', rf_neurotomy: 'not_advised' },
  },
  {
    name: 'S15 parotid mass on the spasm side',
    story: 'A distal cause: managed first, MVD and RF not advised until reviewed.',
    profile: profile({ features: { parotidOrTemporalMass: true } }),
    redFlags: ['parotid_or_temporal_mass'],
    nonePreferred: true,
    judged: { mvd: 'not_advised', rf_neurotomy: 'not_advised' },
  },
];

describe("issue 8's specialist examples", () => {
  for (const v of SAFETY_VIGNETTES) {
    it(`${v.name}: ${v.story}`, () => {
      const r = recommend(v.profile);
      expect(r.redFlags.map((f) => f.code).sort()).toEqual([...v.redFlags].sort());
      expect(
        r.redFlags
          .filter((f) => f.reviewed)
          .map((f) => f.code)
          .sort(),
      ).toEqual([...(v.reviewed ?? [])].sort());
      if (v.first) expect(r.options[0]!.id).toBe(v.first);
      if (v.nonePreferred) expect(r.options.map((o) => o.recommendation)).not.toContain('preferred');
      expectJudged(r, v.judged);
      v.check?.(r);
    });
  }

  it('are at least twelve, and with the clinical vignettes raise every red flag the engine has', () => {
    expect(SAFETY_VIGNETTES.length).toBeGreaterThanOrEqual(12);
    const raised = new Set([...VIGNETTES, ...SAFETY_VIGNETTES].flatMap((v) => v.redFlags));
    expect(RED_FLAG_CODES.filter((code) => !raised.has(code))).toEqual([]);
  });

  it('refuses a pregnant man, naming the field', () => {
    expect(() => recommend(profile({ sex: 'male', pregnant: true }))).toThrowError(InputError);
    try {
      recommend(profile({ sex: 'male', pregnant: true }));
    } catch (e) {
      expect((e as InputError).issues).toEqual([
        { path: 'pregnant', message: 'must be false when sex is male' },
      ]);
    }
  });
});

describe('figures shown as the evidence allows (option catalogue)', () => {
  it('observation: 41 % remission is text with the highly-selected-cohort caveat; spread is not its harm', () => {
    const obs = OPTION_CATALOGUE.observation;
    const remission = obs.benefits.find((f) => f.figure.startsWith('41.3 %'))!;
    expect(remission.perHundred).toBeUndefined();
    expect(remission.note).toMatch(/highly selected cohort/i);
    expect(obs.risks.some((f) => /Spread/.test(f.what))).toBe(false);
  });

  it("RF's headline is how long relief lasts, not the 91 % beside MVD's 91 %", () => {
    const headline = OPTION_CATALOGUE.rf_neurotomy.benefits.find((f) => f.headline)!;
    expect(headline.figure).toMatch(/95\.2 % \/ 76\.0 % \/ 49\.7 %/);
    expect(headline.timePoint).toBe('at 3 / 6 / 9 months');
  });

  it('recurrence is a limit of MVD, not a benefit', () => {
    expect(OPTION_CATALOGUE.mvd.benefits.some((f) => /ecurrence/.test(f.what))).toBe(false);
    expect(OPTION_CATALOGUE.mvd.limits.some((f) => f.what === 'Recurrence')).toBe(true);
  });

  it('toxin ptosis "12 % of treatments" counts treatments and is never pictured as people', () => {
    const ptosis = OPTION_CATALOGUE.botulinum_toxin.risks.find((f) => f.figure === '12 % of treatments')!;
    expect(ptosis).toMatchObject({ counts: 'treatments' });
    expect(ptosis.perHundred).toBeUndefined();
  });
});
