/** Rule data integrity, engine mechanics on small hand-made rule sets, and the README tables staying in step. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, decide, type RuleSet, recommend } from '../../src/decision/engine';
import { NATURAL_COURSE, OPTION_CATALOGUE } from '../../src/decision/option-catalogue';
import { OPTION_IDS } from '../../src/decision/option-ids';
import { PatientProfileSchema } from '../../src/decision/profile';
import { RANKING_RULES } from '../../src/decision/ranking-rules';
import { RED_FLAG_CODES } from '../../src/decision/red-flag-codes';
import { RED_FLAG_RULES } from '../../src/decision/red-flag-rules';
import { getSource } from '../../src/evidence/sources';
import { profile } from './profiles';
import { README_PATH, withTables } from './update-readme';

const typical = PatientProfileSchema.parse(profile());

/** The formatter pads Markdown table cells; compare tables cell by cell, ignoring the padding. */
function normalizeTables(md: string): string {
  return md
    .split('\n')
    .map((line) =>
      line.startsWith('|')
        ? line
            .split(/(?<!\\)\|/)
            .map((c) => (/^\s*-+\s*$/.test(c) ? '---' : c.trim()))
            .join('|')
        : line,
    )
    .join('\n');
}

describe('rule data', () => {
  it('has unique rule ids and exactly one rule per red-flag code', () => {
    const ids = RANKING_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(RED_FLAG_RULES.map((r) => r.code)).toEqual([...RED_FLAG_CODES]);
  });

  it('holds every option while any review-first flag is open, and only those flags', () => {
    const rule = RANKING_RULES.find((r) => r.id === 'review-first')!;
    expect(rule.when).toEqual({
      any: RED_FLAG_RULES.filter((f) => f.reviewFirst).map((f) => ({ redFlag: f.code, reviewed: false })),
    });
    expect(rule.effects.map((e) => [e.option, 'atMost' in e && e.atMost])).toEqual(
      OPTION_IDS.map((id) => [id, 'reasonable']),
    );
    // Every flag whose action says "Specialist review before any treatment" is review-first, and back.
    for (const f of RED_FLAG_RULES)
      expect(f.action.includes('Specialist review before any treatment'), f.code).toBe(f.reviewFirst);
  });

  it('pictures a figure as 100 people only when its source is verified and it counts people', () => {
    const all = [
      ...NATURAL_COURSE,
      ...Object.values(OPTION_CATALOGUE).flatMap((o) => [...o.benefits, ...o.risks, ...o.limits]),
    ];
    const pictured = all.filter((f) => f.perHundred);
    expect(pictured.length).toBeGreaterThan(3);
    for (const f of pictured) {
      expect(getSource(f.source).certainty, f.what).toBe('verified');
      expect(f.counts, f.what).toBe('people');
      expect(f.seeAlso, f.what).toBeUndefined();
      const { low, high } = f.perHundred!;
      expect(0 <= low && low <= high && high <= 100, f.what).toBe(true);
      // The picture shows the figure's own number(s).
      expect(f.figure, f.what).toContain(low === high ? `${low} %` : `${low}–${high} %`);
    }
    // Exactly one headline benefit per option.
    for (const [id, o] of Object.entries(OPTION_CATALOGUE))
      expect(o.benefits.filter((b) => b.headline).length, id).toBe(1);
  });

  it('README.md shows exactly the rules the engine runs (regenerate: npx tsx packages/core/test/decision/update-readme.ts, then biome format)', () => {
    const readme = readFileSync(README_PATH, 'utf8');
    expect(normalizeTables(withTables(readme))).toBe(normalizeTables(readme));
    for (const r of RANKING_RULES) expect(readme).toContain(`\`${r.id}\``);
  });

  it('never says RF repairs myelin, and says it injures the nerve', () => {
    const rf = recommend(profile()).options.find((o) => o.id === 'rf_neurotomy')!;
    const text = [...rf.reasons.map((r) => r.text), ...rf.benefits.map((b) => b.what)].join(' ');
    expect(text).toMatch(/thermal injury/);
    expect(text).toMatch(/does not repair myelin/);
    expect(text.replaceAll('does not repair myelin', '').replaceAll('not a repair', '')).not.toMatch(
      /repair/i,
    );
  });
});

describe('engine mechanics', () => {
  const base = (adds: Partial<Record<string, number>>): RuleSet => ({
    redFlags: [],
    ranking: Object.entries(adds).map(([option, add]) => ({
      id: `base-${option}`,
      when: { always: true },
      effects: [{ option: option as never, add: add ?? 0, because: 'test', source: 'baldauf2019' }],
    })),
  });

  it('breaks exact ties towards the less invasive option', () => {
    const r = decide(
      typical,
      base({ mvd: 50, botulinum_toxin: 50, observation: 50, oral_medication: 50, rf_neurotomy: 50 }),
    );
    expect(r.options.map((o) => o.id)).toEqual([
      'botulinum_toxin',
      'observation',
      'oral_medication',
      'rf_neurotomy',
      'mvd',
    ]);
    expect(r.options.map((o) => o.recommendation)).toEqual([
      'reasonable',
      'reasonable',
      'reasonable',
      'reasonable',
      'reasonable',
    ]);
  });

  it('clamps scores to 0–100 and records the clamp in the trace', () => {
    const r = decide(typical, base({ mvd: 150, observation: -20 }), { explain: true });
    expect(r.options.find((o) => o.id === 'mvd')!.score).toBe(100);
    expect(r.options.find((o) => o.id === 'observation')!.score).toBe(0);
    expect(
      r
        .trace!.filter((t) => t.effect.startsWith('clamped'))
        .map((t) => t.option)
        .sort(),
    ).toEqual(['mvd', 'observation']);
  });

  it('applies the strictest ceiling, lowers the score to fit, and puts contraindicated last', () => {
    const rules = base({ mvd: 90, observation: 0 });
    const ranking = [
      ...rules.ranking,
      {
        id: 'cap',
        when: { always: true } as const,
        effects: [
          {
            option: 'mvd' as const,
            atMost: 'reasonable' as const,
            because: 'a',
            source: 'baldauf2019' as const,
          },
          {
            option: 'mvd' as const,
            atMost: 'contraindicated' as const,
            because: 'b',
            source: 'baldauf2019' as const,
          },
          {
            option: 'botulinum_toxin' as const,
            atMost: 'reasonable' as const,
            because: 'c',
            source: 'baldauf2019' as const,
          },
        ],
      },
    ];
    const r = decide(typical, { redFlags: [], ranking }, { explain: true });
    const mvd = r.options.find((o) => o.id === 'mvd')!;
    expect(mvd).toMatchObject({ rank: 5, score: 0, recommendation: 'contraindicated' });
    expect(r.trace!.some((t) => t.option === 'mvd' && t.effect === 'lowered to 0')).toBe(true);
  });

  it('only traces when asked, and the trace names every rule that fired', () => {
    expect(recommend(profile()).trace).toBeUndefined();
    const r = recommend(profile({ imaging: { mri: 'not_done' } }), { explain: true });
    const rules = new Set(r.trace!.map((t) => t.rule));
    expect(rules).toContain('red-flag:imaging_needed');
    expect(rules).toContain('mri-before-procedure');
    expect(rules).toContain('base-toxin');
    expect(rules).not.toContain('mri-conflict');
    for (const o of r.options) {
      const last = r.trace!.filter((t) => t.option === o.id && t.scoreAfter !== undefined).at(-1);
      expect(last?.scoreAfter, o.id).toBe(o.score);
    }
  });

  it('runs on the default rule set exported for review', () => {
    expect(decide(typical, DEFAULT_RULES)).toEqual(recommend(profile()));
  });
});
