/** The clinical vignettes (vignettes.ts): each one's first option, red flags and judged options. */
import { describe, expect, it } from 'vitest';
import { recommend } from '../../src/decision/engine';
import type { OptionId } from '../../src/decision/option-ids';
import type { DecisionResult } from '../../src/decision/result';
import { expectJudged, profile } from './profiles';
import { VIGNETTES } from './vignettes';

function judge(r: DecisionResult, id: OptionId) {
  const o = r.options.find((x) => x.id === id);
  if (!o) throw new Error(`option ${id} missing`);
  return o;
}

describe('clinical vignettes', () => {
  for (const v of VIGNETTES) {
    it(`${v.name}: ${v.story}`, () => {
      const r = recommend(v.profile);
      expect(r.options[0]?.id).toBe(v.first);
      expect(r.redFlags.map((f) => f.code).sort()).toEqual([...v.redFlags].sort());
      expectJudged(r, v.judged);
    });
  }

  it('cover every option ranked first', () => {
    expect(new Set(VIGNETTES.map((v) => v.first))).toEqual(
      new Set(['observation', 'oral_medication', 'botulinum_toxin', 'mvd', 'rf_neurotomy']),
    );
  });
});

describe('age versus ASA class', () => {
  const old = recommend(VIGNETTES[2]!.profile);
  const sick = recommend(VIGNETTES[3]!.profile);

  it('ranks MVD higher for an 80-year-old ASA II than for a 50-year-old ASA IV', () => {
    expect(judge(old, 'mvd').score).toBeGreaterThan(judge(sick, 'mvd').score);
    expect(judge(old, 'mvd').rank).toBeLessThan(judge(sick, 'mvd').rank);
  });

  it('says age alone does not predict complications, and ASA IV does', () => {
    expect(judge(old, 'mvd').reasons.map((r) => r.source)).toContain('nsqip-mvd');
    expect(judge(old, 'mvd').reasons.some((r) => /Age alone/.test(r.text))).toBe(true);
    expect(judge(sick, 'mvd').reasons.some((r) => /ASA IV/.test(r.text))).toBe(true);
  });

  it('changing only the age from 40 to 90 never makes MVD not advised', () => {
    for (let age = 40; age <= 90; age += 5) {
      const r = recommend(profile({ age, symptomDurationMonths: 12 }));
      expect(['preferred', 'reasonable'], `age ${age}`).toContain(judge(r, 'mvd').recommendation);
    }
  });
});

describe('single-factor effects a clinician would check', () => {
  it("Bell's palsy lowers MVD by 30 points and gives the lower toxin dose note", () => {
    const without = recommend(profile({ age: 63 }));
    const withPalsy = recommend(profile({ age: 63, history: { bellsPalsy: true } }));
    expect(judge(without, 'mvd').score - judge(withPalsy, 'mvd').score).toBe(30);
    expect(judge(withPalsy, 'botulinum_toxin').reasons.map((r) => r.source)).toContain('choe-kim2016-bont');
  });

  it('anticoagulation lowers MVD and says the rule is unverified', () => {
    const base = recommend(profile());
    const ac = recommend(profile({ anticoagulated: true }));
    expect(judge(ac, 'mvd').score).toBeLessThan(judge(base, 'mvd').score);
    const reason = judge(ac, 'mvd').reasons.find((r) => /Anticoagulation/.test(r.text));
    expect(reason?.certainty).toBe('unverified');
  });

  it('a spasm persisting 12 months or more after MVD raises RF', () => {
    const base = recommend(profile());
    const after = recommend(
      profile({ priorTreatments: [{ option: 'mvd', response: 'partial', monthsSince: 14 }] }),
    );
    expect(judge(after, 'rf_neurotomy').score).toBeGreaterThan(judge(base, 'rf_neurotomy').score);
  });
});
