/**
 * Property tests: whatever valid profile comes in, the output keeps its promises; whatever invalid profile
 * comes in, it is rejected with the path of the field at fault.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { recommend } from '../../src/decision/engine';
import { OPTION_IDS } from '../../src/decision/option-ids';
import { type PatientProfileInput, PRIOR_RESPONSES } from '../../src/decision/profile';
import { RED_FLAG_CODES } from '../../src/decision/red-flag-codes';
import { RED_FLAG_RULES } from '../../src/decision/red-flag-rules';
import { SOURCES } from '../../src/evidence/sources';
import { InputError } from '../../src/validation';
import { profile } from './profiles';

// Hundreds of engine runs per property: on a busy 2-core machine that takes far longer than the default 5 s.
vi.setConfig({ testTimeout: 120_000 });

const bool = fc.boolean();

/** An earlier treatment: any option and response, months since it (or not), cycles for toxin only. */
const priorTreatment = fc
  .record(
    {
      option: fc.constantFrom(...OPTION_IDS),
      response: fc.constantFrom(...PRIOR_RESPONSES),
      monthsSince: fc.oneof(fc.integer({ min: 0, max: 30 }), fc.double({ min: 0, max: 30, noNaN: true })),
      cycles: fc.integer({ min: 1, max: 40 }),
    },
    { requiredKeys: ['option', 'response'] },
  )
  .map(({ cycles, ...t }) => (t.option === 'botulinum_toxin' && cycles !== undefined ? { ...t, cycles } : t));

/** Every valid profile: all enum values, bounds included, optional fields present or left out. */
export const validProfile: fc.Arbitrary<PatientProfileInput> = fc
  .record(
    {
      age: fc.double({ min: 0, max: 120, noNaN: true }),
      sex: fc.constantFrom('female', 'male', 'other'),
      affectedSide: fc.constantFrom('left', 'right', 'both'),
      // A fraction of the life lived so far, scaled to months below.
      symptomDurationMonths: fc.double({ min: 0, max: 1, noNaN: true }),
      progression: fc.constantFrom('stable', 'slow', 'rapid'),
      severity: fc.record(
        {
          smcGrade: fc.integer({ min: 1, max: 4 }),
          jankovic: fc.record({
            severity: fc.integer({ min: 0, max: 4 }),
            frequency: fc.integer({ min: 0, max: 4 }),
          }),
        },
        { requiredKeys: ['smcGrade'] },
      ),
      imaging: fc.record({ mri: fc.constantFrom('not_done', 'normal', 'neurovascular_conflict', 'lesion') }),
      asaClass: fc.integer({ min: 1, max: 5 }),
      anticoagulated: bool,
      pregnant: bool,
      contralateralHearingLoss: bool,
      frailty: bool,
      diabetes: bool,
      history: fc.record({ bellsPalsy: bool, facialTrauma: bool }),
      neurology: fc.record(
        { facialWeakness: bool, ipsilateralHearingLoss: bool, otherCranialNerveSigns: bool },
        { requiredKeys: [] },
      ),
      features: fc.record(
        {
          lowerFaceOnset: bool,
          painfulSpasmOrTrigeminalNeuralgia: bool,
          functionalFeatures: bool,
          parotidOrTemporalMass: bool,
        },
        { requiredKeys: [] },
      ),
      priorTreatments: fc.array(priorTreatment, { maxLength: 6 }),
      redFlagsReviewed: fc.subarray([...RED_FLAG_CODES]),
      preferences: fc.record({
        riskTolerance: fc.constantFrom('low', 'moderate', 'high'),
        avoidSurgery: bool,
        avoidGeneralAnesthesia: bool,
        wantsLongTermCure: bool,
      }),
    },
    {
      requiredKeys: [
        'age',
        'sex',
        'affectedSide',
        'symptomDurationMonths',
        'progression',
        'severity',
        'imaging',
        'asaClass',
        'anticoagulated',
        'pregnant',
        'contralateralHearingLoss',
        'history',
        'preferences',
      ],
    },
  )
  .map((p) => ({
    ...p,
    symptomDurationMonths: Math.min(1200, p.age * 12 * p.symptomDurationMonths),
    // A man cannot be pregnant (refused, see below); an earlier treatment cannot predate birth.
    pregnant: p.pregnant && p.sex !== 'male',
    priorTreatments: p.priorTreatments?.map((t) =>
      t.monthsSince === undefined ? t : { ...t, monthsSince: Math.min(t.monthsSince, p.age * 12) },
    ),
  }))
  .map((p) => p as PatientProfileInput);

/** Profiles in which a clinician has reviewed every red flag there is. */
const fullyReviewed = validProfile.map((p) => ({ ...p, redFlagsReviewed: [...RED_FLAG_CODES] }));

const REVIEW_FIRST = new Set(RED_FLAG_RULES.filter((r) => r.reviewFirst).map((r) => r.code));
const PROCEDURES = ['mvd', 'rf_neurotomy'] as const;
const NOT_BETTER_THAN_NOT_ADVISED = ['not_advised', 'contraindicated'];

const RUNS = { numRuns: 200 };

describe('any valid profile', () => {
  it('gives the five options with unique ranks 1..5, scores 0–100, a resolvable source on every reason', () => {
    fc.assert(
      fc.property(validProfile, (p) => {
        const r = recommend(p, { explain: true });
        expect(r.options.map((o) => o.id).sort()).toEqual([...OPTION_IDS].sort());
        expect(r.options.map((o) => o.rank)).toEqual([1, 2, 3, 4, 5]);
        for (const o of r.options) {
          expect(Number.isInteger(o.score)).toBe(true);
          expect(o.score).toBeGreaterThanOrEqual(0);
          expect(o.score).toBeLessThanOrEqual(100);
          expect(o.reasons.length).toBeGreaterThan(0);
          for (const c of [...o.reasons, ...o.benefits, ...o.risks]) {
            expect(SOURCES[c.source]?.citation).toBe(c.citation);
            expect(SOURCES[c.source]?.certainty).toBe(c.certainty);
            expect(c.caveat === undefined).toBe(c.certainty === 'verified');
          }
          for (const f of [...o.benefits, ...o.risks]) {
            expect(f.figure.length).toBeGreaterThan(0);
            expect(f.timePoint.length).toBeGreaterThan(0);
          }
        }
        for (const f of r.redFlags) expect(SOURCES[f.source]?.citation).toBe(f.citation);
        for (const t of r.trace ?? [])
          if (t.scoreAfter !== undefined) expect(Number.isFinite(t.scoreAfter)).toBe(true);
        expect(r.disclaimer).toMatch(/does not replace/);
        expect(JSON.stringify(r)).not.toMatch(/NaN|null/);
      }),
      RUNS,
    );
  });

  it('orders options by score, keeps "preferred" for rank 1 and "contraindicated" at the bottom', () => {
    fc.assert(
      fc.property(validProfile, (p) => {
        const { options } = recommend(p);
        const live = options.filter((o) => o.recommendation !== 'contraindicated');
        for (let i = 1; i < live.length; i++)
          expect(live[i - 1]!.score).toBeGreaterThanOrEqual(live[i]!.score);
        expect(options.slice(live.length).every((o) => o.recommendation === 'contraindicated')).toBe(true);
        for (const o of options) {
          if (o.recommendation === 'preferred') expect(o.rank).toBe(1);
          if (o.recommendation === 'not_advised') expect(o.score).toBeLessThan(40);
          if (o.recommendation === 'contraindicated') expect(o.score).toBe(0);
        }
      }),
      RUNS,
    );
  });

  it('raises each red flag exactly when its finding is present', () => {
    fc.assert(
      fc.property(validProfile, (p) => {
        const codes = new Set(recommend(p).redFlags.map((f) => f.code));
        const n = p.neurology ?? {};
        expect(codes.has('structural_lesion')).toBe(p.imaging.mri === 'lesion');
        expect(codes.has('imaging_needed')).toBe(p.imaging.mri === 'not_done');
        expect(codes.has('bilateral_symptoms')).toBe(p.affectedSide === 'both');
        expect(codes.has('post_paralytic_synkinesis')).toBe(p.history.bellsPalsy || p.history.facialTrauma);
        expect(codes.has('young_onset')).toBe(p.age - p.symptomDurationMonths / 12 < 40);
        expect(codes.has('neurological_deficit')).toBe(
          Boolean(n.facialWeakness || n.ipsilateralHearingLoss || n.otherCranialNerveSigns),
        );
        const f = p.features ?? {};
        expect(codes.has('lower_face_onset')).toBe(Boolean(f.lowerFaceOnset));
        expect(codes.has('painful_spasm_or_trigeminal_neuralgia')).toBe(
          Boolean(f.painfulSpasmOrTrigeminalNeuralgia),
        );
        expect(codes.has('functional_features')).toBe(Boolean(f.functionalFeatures));
        expect(codes.has('parotid_or_temporal_mass')).toBe(Boolean(f.parotidOrTemporalMass));
        expect(codes.has('pediatric')).toBe(p.age < 18);
        expect(codes.has('anticoagulation')).toBe(p.anticoagulated);
        const prior = p.priorTreatments ?? [];
        const mvd = prior.filter((t) => t.option === 'mvd');
        const stillSpasm = mvd.filter((t) => t.response === 'partial' || t.response === 'none');
        expect(codes.has('mvd_recent')).toBe(
          stillSpasm.some((t) => t.monthsSince === undefined || t.monthsSince < 12),
        );
        expect(codes.has('persisting_after_mvd')).toBe(
          stillSpasm.some((t) => t.monthsSince !== undefined && t.monthsSince >= 12),
        );
        expect(codes.has('recurrence_after_mvd')).toBe(mvd.some((t) => t.response === 'recurred'));
        expect(codes.has('toxin_non_response')).toBe(
          prior.some((t) => t.option === 'botulinum_toxin' && t.response === 'none'),
        );
      }),
      RUNS,
    );
  });

  it('keeps reviewed flags in the list, marked reviewed: true, and the others reviewed: false', () => {
    fc.assert(
      fc.property(validProfile, (p) => {
        const reviewed = new Set(p.redFlagsReviewed ?? []);
        const { redFlags } = recommend(p);
        const unreviewed = recommend({ ...p, redFlagsReviewed: [] }).redFlags;
        expect(redFlags.map((f) => f.code)).toEqual(unreviewed.map((f) => f.code));
        for (const f of redFlags) {
          expect(f.reviewed).toBe(reviewed.has(f.code));
          expect(f.reviewFirst).toBe(REVIEW_FIRST.has(f.code));
        }
      }),
      RUNS,
    );
  });

  it('marks each reason for, against or info as its rule moved the option', () => {
    fc.assert(
      fc.property(validProfile, (p) => {
        const r = recommend(p, { explain: true });
        for (const o of r.options) {
          const steps = r.trace!.filter((t) => t.option === o.id && t.rule !== 'engine');
          expect(o.reasons.map((x) => x.rule)).toEqual(steps.map((t) => t.rule));
          o.reasons.forEach((reason, i) => {
            const effect = steps[i]!.effect;
            const want =
              effect.startsWith('at most') || effect.startsWith('-')
                ? 'against'
                : effect === '+0'
                  ? 'info'
                  : 'for';
            expect(reason.effect, `${o.id} ${reason.rule} ${effect}`).toBe(want);
          });
        }
      }),
      RUNS,
    );
  });
});

/** The safety properties of issue 8: red flags hold, children get no procedure preferred. */
describe('safety', () => {
  it('no option is preferred while a review-first red flag is open (not reviewed)', () => {
    fc.assert(
      fc.property(validProfile, (p) => {
        const r = recommend(p);
        if (r.redFlags.some((f) => f.reviewFirst && !f.reviewed))
          expect(r.options.map((o) => o.recommendation)).not.toContain('preferred');
      }),
      { numRuns: 400 },
    );
  });

  it('after facial palsy or injury, or with a lesion on MRI, MVD and RF are never better than not advised, reviewed or not', () => {
    for (const arb of [validProfile, fullyReviewed]) {
      fc.assert(
        fc.property(arb, (p) => {
          if (!(p.history.bellsPalsy || p.history.facialTrauma || p.imaging.mri === 'lesion')) return;
          const r = recommend(p);
          for (const id of PROCEDURES)
            expect(NOT_BETTER_THAN_NOT_ADVISED, id).toContain(
              r.options.find((o) => o.id === id)!.recommendation,
            );
        }),
        { numRuns: 300 },
      );
    }
  });

  it('under 18 no procedure is preferred, even with every red flag reviewed', () => {
    const child = (arb: fc.Arbitrary<PatientProfileInput>) =>
      fc.tuple(arb, fc.double({ min: 0, max: 17.99, noNaN: true })).map(([p, age]) => ({
        ...p,
        age,
        symptomDurationMonths: Math.min(p.symptomDurationMonths, age * 12),
        priorTreatments: p.priorTreatments?.map((t) =>
          t.monthsSince === undefined ? t : { ...t, monthsSince: Math.min(t.monthsSince, age * 12) },
        ),
      }));
    for (const arb of [child(validProfile), child(fullyReviewed)]) {
      fc.assert(
        fc.property(arb, (p) => {
          const r = recommend(p);
          expect(r.redFlags.map((f) => f.code)).toContain('pediatric');
          for (const id of PROCEDURES)
            expect(r.options.find((o) => o.id === id)!.recommendation, id).not.toBe('preferred');
        }),
        { numRuns: 300 },
      );
    }
  });

  it('no response to toxin, not yet reviewed: MVD is not preferred', () => {
    const toxinNone = fc.tuple(validProfile, fc.integer({ min: 1, max: 12 })).map(([p, cycles]) => ({
      ...p,
      priorTreatments: [
        ...(p.priorTreatments ?? []),
        { option: 'botulinum_toxin' as const, response: 'none' as const, cycles },
      ],
      redFlagsReviewed: (p.redFlagsReviewed ?? []).filter((c) => c !== 'toxin_non_response'),
    }));
    fc.assert(
      fc.property(toxinNone, (p) => {
        const r = recommend(p);
        expect(r.options.find((o) => o.id === 'mvd')!.recommendation).not.toBe('preferred');
      }),
      { numRuns: 300 },
    );
  });
});

describe('any valid profile: monotony and determinism', () => {
  it('never ranks MVD higher when only the ASA class gets worse', () => {
    fc.assert(
      fc.property(validProfile, fc.integer({ min: 1, max: 4 }), (p, asa) => {
        const mvd = (a: number) =>
          recommend({ ...p, asaClass: a }).options.find((o) => o.id === 'mvd')!.score;
        expect(mvd(asa + 1)).toBeLessThanOrEqual(mvd(asa));
      }),
      { numRuns: 150 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(validProfile, (p) => {
        expect(recommend(p, { explain: true })).toEqual(recommend(structuredClone(p), { explain: true }));
      }),
      { numRuns: 100 },
    );
  });
});

/** One corruption of a valid profile and the path the error must name. */
type Corruption = { path: string; apply: (p: Record<string, unknown>) => void };

/** The object a dotted path (`a.b`) ends in, and its last key. */
function parentOf(p: Record<string, unknown>, path: string): [Record<string, unknown>, string] {
  const keys = path.split('.');
  const last = keys.pop() as string;
  return [keys.reduce((o, k) => o[k] as Record<string, unknown>, p), last];
}
/** Sets `key` (a dotted path) to `value`; the error must name `path` (by default the same). */
const set = (key: string, value: unknown, path = key): Corruption => ({
  path,
  apply: (p) => {
    const [o, k] = parentOf(p, key);
    o[k] = value;
  },
});
/** Removes `path`; the error must name it. */
const unset = (path: string): Corruption => ({
  path,
  apply: (p) => {
    const [o, k] = parentOf(p, path);
    delete o[k];
  },
});
/** Replaces the prior treatments with this one; the error must name `path`. */
const treatment = (path: string, prior: Record<string, unknown>): Corruption =>
  set('priorTreatments', [prior], path);

const CORRUPTIONS: Corruption[] = [
  set('imaging.mri', 'ct'),
  set('affectedSide', 'middle'),
  set('severity.smcGrade', 0),
  set('severity.smcGrade', 2.5),
  set('asaClass', 6),
  set('age', -1),
  set('age', '56'),
  unset('age'),
  set('pregnant', 'no'),
  unset('history.bellsPalsy'),
  set('preferences.riskTolerance', 'extreme'),
  treatment('priorTreatments[0].response', { option: 'mvd', response: 'ok' }),
  treatment('priorTreatments[0].option', { option: 'acupuncture', response: 'good' }),
  {
    path: 'symptomDurationMonths',
    apply: (p) => {
      p.symptomDurationMonths = (p.age as number) * 12 + 1;
    },
  },
  set('smoker', true),
  set('neurology', { numbness: true }, 'neurology.numbness'),
  set('redFlagsReviewed', ['young_onset', 'young_onset_reviewed'], 'redFlagsReviewed[1]'),
  set('redFlagsReviewed', 'young_onset'),
  {
    path: 'pregnant',
    apply: (p) => {
      p.sex = 'male';
      p.pregnant = true;
    },
  },
  set('features', { tics: true }, 'features.tics'),
  treatment('priorTreatments[0].monthsSince', { option: 'mvd', response: 'none', monthsSince: -1 }),
  treatment('priorTreatments[0].cycles', { option: 'mvd', response: 'none', cycles: 2 }),
  treatment('priorTreatments[0].cycles', { option: 'botulinum_toxin', response: 'none', cycles: 0 }),
  {
    path: 'priorTreatments[0].monthsSince',
    apply: (p) => {
      p.priorTreatments = [{ option: 'mvd', response: 'recurred', monthsSince: (p.age as number) * 12 + 1 }];
    },
  },
];

describe('invalid profiles', () => {
  it('are rejected with an issue naming the field path', () => {
    fc.assert(
      fc.property(validProfile, fc.constantFrom(...CORRUPTIONS), (p, c) => {
        const bad = structuredClone(p) as unknown as Record<string, unknown>;
        c.apply(bad);
        let error: unknown;
        try {
          recommend(bad);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(InputError);
        expect((error as InputError).issues.map((i) => i.path)).toContain(c.path);
      }),
      RUNS,
    );
  });

  it('rejects an unknown MRI value with the agreed message', () => {
    const bad = { ...profile(), imaging: { mri: 'ct' } };
    expect(() => recommend(bad)).toThrowError(InputError);
    try {
      recommend(bad);
    } catch (e) {
      expect((e as InputError).issues).toEqual([
        { path: 'imaging.mri', message: 'expected one of not_done, normal, neurovascular_conflict, lesion' },
      ]);
    }
  });

  it('says what was given for a wrong type, and "required" only for a missing field', () => {
    const bad = { ...profile(), age: '56', severity: { smcGrade: 2.5 } } as Record<string, unknown>;
    delete bad.pregnant;
    try {
      recommend(bad);
      expect.unreachable();
    } catch (e) {
      expect((e as InputError).issues).toEqual([
        { path: 'age', message: 'expected number, got "56"' },
        { path: 'severity.smcGrade', message: 'expected int, got number 2.5' },
        { path: 'pregnant', message: 'required (expected boolean)' },
      ]);
    }
  });

  it('refuses a pregnant man naming pregnant, and an unknown reviewed flag naming its entry, in one answer', () => {
    const bad = { ...profile(), sex: 'male', pregnant: true, redFlagsReviewed: ['young_onset', 'nope'] };
    try {
      recommend(bad);
      expect.unreachable();
    } catch (e) {
      const issues = (e as InputError).issues;
      expect(issues.map((i) => i.path)).toEqual(['redFlagsReviewed[1]', 'pregnant']);
      expect(issues[0]!.message).toMatch(/^expected one of structural_lesion, .*toxin_non_response/);
      expect(issues[1]!.message).toBe('must be false when sex is male');
    }
  });

  it('rejects things that are not profiles at all', () => {
    for (const x of [null, undefined, 42, 'profile', [], {}])
      expect(() => recommend(x)).toThrowError(InputError);
  });
});
