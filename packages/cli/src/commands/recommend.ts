/**
 * `hemispasm recommend <profile.json> [--json] [--explain]`: ranks the five HFS options for a patient profile.
 * Default output is a readable report (red flags, ranking table, per-option reasons, benefits and risks with
 * time points, numbered sources); `--json` prints the engine's result as is; `--explain` adds the rule trace.
 */
import {
  type DecisionResult,
  type OptionResult,
  type OutcomeFigure,
  recommend,
  type SourceCertainty,
  type SourceId,
  type TraceEntry,
} from '@hemispasm/core';
import Table from 'cli-table3';
import type { Command } from 'commander';
import { readJsonFile } from '../io';
import { type Output, printJson } from '../output';
import type { CommandModule } from './index';

const RECOMMENDATION_LABEL: Record<OptionResult['recommendation'], string> = {
  preferred: 'preferred',
  reasonable: 'reasonable',
  not_advised: 'not advised',
  contraindicated: 'CONTRAINDICATED',
};

const CERTAINTY_LABEL: Record<OptionResult['evidence']['certainty'], string> = {
  moderate: 'moderate',
  low: 'low',
  very_low: 'very low',
  not_graded: 'not graded',
};

/** Figures whose source is not fully verified say so wherever they are shown. */
function mark(certainty: SourceCertainty): string {
  if (certainty === 'partial') return ' (partly verified)';
  if (certainty === 'unverified') return ' (unverified)';
  return '';
}

/** Numbers sources in order of first use, so the report can end with one list of citations. */
class SourceNotes {
  private readonly ids: SourceId[] = [];
  private readonly info = new Map<SourceId, { citation: string; certainty: SourceCertainty }>();
  ref(s: { source: SourceId; citation: string; certainty: SourceCertainty }): string {
    let n = this.ids.indexOf(s.source);
    if (n < 0) {
      this.ids.push(s.source);
      this.info.set(s.source, { citation: s.citation, certainty: s.certainty });
      n = this.ids.length - 1;
    }
    return `[${n + 1}]${mark(s.certainty)}`;
  }
  lines(): string[] {
    return this.ids.map((id, i) => {
      const s = this.info.get(id)!;
      return `[${i + 1}] ${s.citation} — ${id}, ${s.certainty}`;
    });
  }
}

function plainTable(head: string[], colWidths?: number[]): Table.Table {
  return new Table({
    head,
    // No colours (output is also read from files and logs); compact rows keep long tables short.
    style: { head: [], border: [], compact: true },
    wordWrap: true,
    ...(colWidths ? { colWidths } : {}),
  });
}

function figureLine(f: OutcomeFigure, notes: SourceNotes): string {
  return `${f.what}: ${f.figure} — ${f.timePoint} ${notes.ref(f)}`;
}

export function formatReport(result: DecisionResult): string {
  const notes = new SourceNotes();
  const out: string[] = ['Hemifacial spasm: treatment options for this profile', ''];

  if (result.redFlags.length > 0) {
    out.push(`RED FLAGS (${result.redFlags.length}): specialist review before treatment`);
    for (const f of result.redFlags) {
      out.push(`  ! ${f.code}: ${f.message} ${notes.ref(f)}`);
      out.push(`    → ${f.action}`);
    }
  } else {
    out.push('Red flags: none found in this profile.');
  }
  out.push('');

  const ranking = plainTable(['Rank', 'Option', 'Score', 'Recommendation', 'Evidence certainty']);
  for (const o of result.options) {
    ranking.push([
      o.rank,
      o.label,
      o.score,
      RECOMMENDATION_LABEL[o.recommendation],
      CERTAINTY_LABEL[o.evidence.certainty],
    ]);
  }
  out.push(ranking.toString(), '');

  for (const o of result.options) {
    out.push(`${o.rank}. ${o.label} — ${RECOMMENDATION_LABEL[o.recommendation]} (score ${o.score})`);
    out.push(`   Evidence: ${CERTAINTY_LABEL[o.evidence.certainty]}. ${o.evidence.basis}`);
    out.push('   Why:');
    for (const r of o.reasons) out.push(`     - ${r.text} ${notes.ref(r)}`);
    out.push('   Expected benefits:');
    for (const f of o.benefits) out.push(`     + ${figureLine(f, notes)}`);
    out.push('   Risks:');
    for (const f of o.risks) out.push(`     - ${figureLine(f, notes)}`);
    out.push('');
  }

  out.push('Sources:', ...notes.lines().map((l) => `  ${l}`), '');
  out.push(result.disclaimer);
  return out.join('\n');
}

export function formatTrace(trace: readonly TraceEntry[]): string {
  const t = plainTable(
    ['Rule', 'When', 'Option', 'Effect', 'Score after', 'Because (source)'],
    [28, 28, 17, 14, 7, 46],
  );
  for (const e of trace) {
    t.push([
      e.rule,
      e.when,
      e.option ?? '—',
      e.effect,
      e.scoreAfter ?? '',
      e.source ? `${e.because} (${e.source})` : e.because,
    ]);
  }
  return ['How the ranking was reached (rules applied in order):', t.toString()].join('\n');
}

export const recommendCommand: CommandModule = {
  register(program: Command, output: Output) {
    program
      .command('recommend')
      .description('rank the five treatment options for a patient profile (JSON), with reasons and sources')
      .argument('<profile.json>', 'patient profile (see packages/core/src/decision/README.md)')
      .option('--json', 'print the result as JSON')
      .option('--explain', 'also print every rule that fired (the trace)')
      .action(async (path: string, flags: { json?: boolean; explain?: boolean }) => {
        const profile = await readJsonFile(path);
        const result = recommend(profile, { explain: flags.explain === true });
        if (flags.json) {
          printJson(output, result);
          return;
        }
        output.out(formatReport(result));
        if (result.trace) output.out(`\n${formatTrace(result.trace)}`);
      });
  },
};
