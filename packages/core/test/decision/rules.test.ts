/** Rule data integrity, engine mechanics on small hand-made rule sets, and the README tables staying in step. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, decide, type RuleSet, recommend } from '../../src/decision/engine';
import { PatientProfileSchema } from '../../src/decision/profile';
import { RANKING_RULES } from '../../src/decision/ranking-rules';
import { RED_FLAG_RULES } from '../../src/decision/red-flag-rules';
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
  it('has unique rule ids and one rule per red-flag code, including the six required ones', () => {
    const ids = RANKING_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const codes = RED_FLAG_RULES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of [
      'structural_lesion',
      'bilateral_symptoms',
      'imaging_needed',
      'post_paralytic_synkinesis',
      'young_onset',
      'neurological_deficit',
    ]) {
      expect(codes).toContain(c);
    }
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
