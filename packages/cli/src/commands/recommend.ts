/**
 * `hemispasm recommend <profile.json> [--json] [--explain]`: ranks the five HFS options for a patient profile.
 * Default output is a readable report (red flags with their review state, ranking table, per-option reasons
 * for and against apart, benefits, risks and limits with time points, numbered sources); `--json` prints the
 * engine's result as is (a stable contract: packages/core/src/decision/README.md); `--explain` adds the rule
 * trace with the direction of each step.
 */
import {
  type Cited,
  type DecisionResult,
  type OptionResult,
  type OutcomeFigure,
  type Reason,
  type RedFlag,
  recommend,
  type SourceCertainty,
  type SourceId,
  type TraceEntry,
} from '@hemispasm/core';
import Table from 'cli-table3';
import { defineCommand } from '../command';
import { readJsonFile } from '../io';
import { printJson } from '../output';

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
  private one(s: { source: SourceId; citation: string; certainty: SourceCertainty }): string {
    let n = this.ids.indexOf(s.source);
    if (n < 0) {
      this.ids.push(s.source);
      this.info.set(s.source, { citation: s.citation, certainty: s.certainty });
      n = this.ids.length - 1;
    }
    return `[${n + 1}]${mark(s.certainty)}`;
  }
  /** The statement's source, then any further sources it draws on. */
  ref(s: Cited): string {
    return [s, ...(s.seeAlso ?? [])].map((x) => this.one(x)).join('');
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
  const per = f.counts === 'treatments' ? ' (per treatment, not per person)' : '';
  const note = f.note ? ` Note: ${f.note}` : '';
  return `${f.what}: ${f.figure}${per} — ${f.timePoint} ${notes.ref(f)}${note}`;
}

/** Where a red flag stands: its hold while open, or that a clinician has reviewed it. */
function flagState(f: RedFlag): string {
  if (f.reviewed) return 'reviewed';
  return f.reviewFirst ? 'OPEN: review before any treatment' : 'open';
}

const REASON_GROUPS: ReadonlyArray<[Reason['effect'], string]> = [
  ['for', 'For'],
  ['against', 'Against'],
  ['info', 'Also considered'],
];

/** The direction of one trace step, read from its effect (`+20`, `-10`, `+0`, `at most …`). */
export function traceDirection(e: TraceEntry): string {
  if (!e.option || e.rule === 'engine') return '';
  if (e.effect.startsWith('at most') || e.effect.startsWith('-')) return 'against';
  return e.effect === '+0' ? 'info' : 'for';
}

export function formatReport(result: DecisionResult): string {
  const notes = new SourceNotes();
  const out: string[] = ['Hemifacial spasm: treatment options for this profile', ''];

  if (result.redFlags.length > 0) {
    const open = result.redFlags.filter((f) => f.reviewFirst && !f.reviewed).length;
    out.push(
      `RED FLAGS (${result.redFlags.length})` +
        (open > 0
          ? `: ${open} open for specialist review before any treatment, so no option is preferred`
          : ''),
    );
    for (const f of result.redFlags) {
      out.push(`  ! ${f.code} [${flagState(f)}]: ${f.message} ${notes.ref(f)}`);
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
    for (const [effect, heading] of REASON_GROUPS) {
      const reasons = o.reasons.filter((r) => r.effect === effect);
      if (reasons.length === 0) continue;
      out.push(`   ${heading}:`);
      for (const r of reasons)
        out.push(
          `     ${effect === 'for' ? '+' : effect === 'against' ? '-' : '·'} ${r.text} ${notes.ref(r)}`,
        );
    }
    out.push('   Expected benefits:');
    for (const f of o.benefits) out.push(`     + ${figureLine(f, notes)}`);
    out.push('   Risks:');
    if (o.risks.length === 0) out.push('     (none from the option itself)');
    for (const f of o.risks) out.push(`     - ${figureLine(f, notes)}`);
    if (o.limits.length > 0) {
      out.push('   Limits:');
      for (const f of o.limits) out.push(`     · ${figureLine(f, notes)}`);
    }
    out.push('');
  }

  out.push('Sources:', ...notes.lines().map((l) => `  ${l}`), '');
  out.push(result.disclaimer);
  return out.join('\n');
}

export function formatTrace(trace: readonly TraceEntry[]): string {
  const t = plainTable(
    ['Rule', 'When', 'Option', 'Effect', 'For/against', 'Score after', 'Because (source)'],
    [28, 28, 17, 14, 13, 7, 38],
  );
  for (const e of trace) {
    t.push([
      e.rule,
      e.when,
      e.option ?? '—',
      e.effect,
      traceDirection(e),
      e.scoreAfter ?? '',
      e.source ? `${e.because} (${e.source})` : e.because,
    ]);
  }
  return ['How the ranking was reached (rules applied in order):', t.toString()].join('\n');
}

export const recommendCommand = defineCommand(
  'recommend',
  'rank the five treatment options for a patient profile (JSON), with reasons and sources',
  (command, output) =>
    command
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
      }),
);
