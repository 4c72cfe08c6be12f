/** `hemispasm recommend` end to end: the report, JSON, the trace, and every kind of bad input. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OPTION_IDS, RECOMMENDATIONS, RED_FLAG_CODES, SOURCES } from '@hemispasm/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runCli } from './run-cli';
import { scratchDir } from './scratch';

const examples = fileURLToPath(new URL('../../../examples/', import.meta.url));
const typical = join(examples, 'profile-typical.json');
const dir = scratchDir('recommend');

function writeProfile(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

describe('hemispasm recommend', () => {
  it('prints a ranking table, reasons with numbered sources, and the physician disclaimer', async () => {
    const r = await runCli(['recommend', typical]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/Rank\s*│\s*Option/);
    expect(r.stdout).toMatch(/│ 1\s+│ Botulinum toxin injections\s+│ 70\s+│ preferred/);
    expect(r.stdout).toContain('Red flags: none');
    expect(r.stdout).toMatch(/Complete resolution .*91\.1 % — median 2\.9 years after surgery \[\d+\]/);
    expect(r.stdout).toMatch(/\[\d+\] Safety and effectiveness of microvascular decompression/);
    expect(r.stdout).toContain('(partly verified)');
    expect(r.stdout).toContain('does not replace, the judgement of a physician');
    expect(r.stdout).not.toContain('How the ranking was reached');
  });

  it('--json prints the result object with five ranked options', async () => {
    const r = await runCli(['recommend', typical, '--json']);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as {
      options: { id: string; rank: number }[];
      redFlags: unknown[];
      disclaimer: string;
    };
    expect(result.options.map((o) => o.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(result.options[0]?.id).toBe('botulinum_toxin');
    expect(result.redFlags).toEqual([]);
    expect(result).not.toHaveProperty('trace');
  });

  it('shows reasons for and against apart, and red flags with their review state', async () => {
    const r = await runCli(['recommend', join(examples, 'profile-toxin-non-response.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'RED FLAGS (1): 1 open for specialist review before any treatment, so no option is preferred',
    );
    expect(r.stdout).toContain('! toxin_non_response [OPEN: review before any treatment]');
    expect(r.stdout).not.toMatch(/│ preferred/);
    // The observation block: the SMC III penalty is listed under Against, never under For.
    const obs = r.stdout.slice(r.stdout.indexOf('Observation (no treatment for now) —'));
    const block = obs.slice(0, obs.indexOf('\n\n'));
    const forPart = block.slice(block.indexOf('   For:'), block.indexOf('   Against:'));
    const againstPart = block.slice(block.indexOf('   Against:'), block.indexOf('   Expected benefits:'));
    expect(forPart).toContain('+ Remission without treatment is described as very rare');
    expect(forPart).not.toContain('SMC III–IV');
    expect(againstPart).toContain('- Frequent tonic spasms interfering with vision');
    expect(r.stdout).not.toContain('   Why:');

    const reviewed = await runCli(['recommend', join(examples, 'profile-young-wants-cure-reviewed.json')]);
    expect(reviewed.stdout).toContain('RED FLAGS (1)\n');
    expect(reviewed.stdout).toContain('! young_onset [reviewed]');
    expect(reviewed.stdout).toMatch(
      /│ 1\s+│ Microvascular decompression \(MVD\) surgery\s+│ \d+\s+│ preferred/,
    );
  });

  it('labels per-treatment figures, shows limits and notes, and cites every source of a figure', async () => {
    const r = await runCli(['recommend', typical]);
    expect(r.stdout).toContain('12 % of treatments (per treatment, not per person)');
    expect(r.stdout).toMatch(/Limits:\n\s+· Relief is often delayed \(not a failure\)/);
    expect(r.stdout).toMatch(
      /Permanent complications, all together: about 3 % — permanent \[\d+\]\[\d+\] Note: /,
    );
    expect(r.stdout).toContain('in most patients (60–91 %)');
    expect(r.stdout).not.toMatch(/1–2 %|all patients/);
    expect(r.stdout).toContain('Note: Highly selected cohort');
  });

  it('--explain prints the rules that fired, with their sources', async () => {
    const r = await runCli(['recommend', join(examples, 'profile-red-flag-lesion.json'), '--explain']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('RED FLAGS (2)');
    expect(r.stdout).toContain('structural_lesion');
    expect(r.stdout).toContain('How the ranking was reached');
    expect(r.stdout).toMatch(/lesion-first\s*│ red flag\s/);
    expect(r.stdout).toContain('(unusual-hfs-1642)');
    // Each step says whether it spoke for or against the option.
    expect(r.stdout).toContain('For/against');
    expect(r.stdout).toMatch(/base-mvd\s*│ always\s*│ mvd\s*│ \+50\s*│ for\s/);
    expect(r.stdout).toMatch(/lesion-first\s*│ red flag structural_lesion │ mvd\s*│ at most\s*│ against/);
  });

  it('--json keeps the documented contract (core decision README, "Output: a stable contract")', async () => {
    const cited = z.object({
      source: z.enum(Object.keys(SOURCES) as [string, ...string[]]),
      citation: z.string().min(1),
      certainty: z.enum(['verified', 'partial', 'unverified']),
      caveat: z.string().optional(),
    });
    const withAlso = cited.extend({ seeAlso: z.array(cited.strict()).min(1).optional() });
    const figure = withAlso
      .extend({
        what: z.string().min(1),
        figure: z.string().min(1),
        timePoint: z.string().min(1),
        counts: z.enum(['people', 'treatments']).optional(),
        perHundred: z.object({ low: z.number(), high: z.number() }).strict().optional(),
        headline: z.literal(true).optional(),
        note: z.string().optional(),
      })
      .strict();
    const contract = z
      .object({
        options: z
          .array(
            z
              .object({
                id: z.enum(OPTION_IDS),
                label: z.string(),
                rank: z.number().int().min(1).max(5),
                score: z.number().int().min(0).max(100),
                recommendation: z.enum(RECOMMENDATIONS),
                reasons: z.array(
                  withAlso
                    .extend({
                      text: z.string(),
                      rule: z.string(),
                      effect: z.enum(['for', 'against', 'info']),
                    })
                    .strict(),
                ),
                benefits: z.array(figure),
                risks: z.array(figure),
                limits: z.array(figure),
                evidence: z
                  .object({
                    certainty: z.enum(['moderate', 'low', 'very_low', 'not_graded']),
                    basis: z.string(),
                  })
                  .strict(),
              })
              .strict(),
          )
          .length(5),
        redFlags: z.array(
          withAlso
            .extend({
              code: z.enum(RED_FLAG_CODES),
              message: z.string(),
              action: z.string(),
              reviewFirst: z.boolean(),
              reviewed: z.boolean(),
            })
            .strict(),
        ),
        disclaimer: z.string(),
      })
      .strict();
    const profiles = readdirSync(examples).filter((f) => /^profile-.*\.json$/.test(f));
    for (const name of profiles) {
      const r = await runCli(['recommend', join(examples, name), '--json']);
      const parsed = contract.safeParse(JSON.parse(r.stdout));
      expect(parsed.error?.issues ?? [], name).toEqual([]);
    }
  });

  it('--json --explain includes the trace', async () => {
    const r = await runCli(['recommend', typical, '--json', '--explain']);
    const result = JSON.parse(r.stdout) as { trace: { rule: string }[] };
    expect(result.trace.map((t) => t.rule)).toContain('base-mvd');
  });

  it('runs every bundled example profile', async () => {
    const profiles = readdirSync(examples).filter((f) => /^profile-.*\.json$/.test(f));
    expect(profiles.length).toBeGreaterThanOrEqual(5);
    for (const name of profiles) {
      const r = await runCli(['recommend', join(examples, name), '--json']);
      expect(r.code, name).toBe(0);
    }
  });

  it('bad input: exit 2, one line per problem naming the field path', async () => {
    const bad = JSON.parse(readFileSync(typical, 'utf8')) as Record<string, unknown>;
    bad.imaging = { mri: 'ct' };
    bad.asaClass = 7;
    bad.smoker = true;
    const r = await runCli(['recommend', writeProfile('bad.json', bad)]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n').sort()).toEqual([
      'asaClass: must be ≤ 5',
      'imaging.mri: expected one of not_done, normal, neurovascular_conflict, lesion',
      'smoker: unknown field',
    ]);
  });

  it('an unknown reviewed red flag and a pregnant man: exit 2 naming the fields', async () => {
    const bad = JSON.parse(readFileSync(typical, 'utf8')) as Record<string, unknown>;
    bad.redFlagsReviewed = ['young_onset', 'no_such_flag'];
    bad.sex = 'male';
    bad.pregnant = true;
    const r = await runCli(['recommend', writeProfile('bad-review.json', bad)]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^redFlagsReviewed\[1\]: expected one of structural_lesion, /);
    expect(lines[1]).toBe('pregnant: must be false when sex is male');
  });

  it('missing file, invalid JSON and a missing argument get clear messages and exit 2', async () => {
    const missing = await runCli(['recommend', join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.json: file not found');
    const broken = await runCli(['recommend', writeProfile('broken.json', '{ "age": ')]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('broken.json: not valid JSON');
    const none = await runCli(['recommend']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/missing required argument/);
    for (const r of [missing, broken, none]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
