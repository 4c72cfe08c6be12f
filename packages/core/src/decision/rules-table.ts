/**
 * Renders the rules as the Markdown tables in README.md, so the table a clinician reviews is generated from
 * the very data the engine runs (a test fails when README.md and the rules drift apart).
 */
import { getSource } from '../evidence/sources';
import { describe } from './conditions';
import type { RankingRule } from './ranking-rules';
import type { RedFlagRule } from './red-flag-rules';

const CERTAINTY_MARK = { verified: '✅', partial: '⚠️', unverified: '❓' } as const;

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

type SourceId = Parameters<typeof getSource>[0];

function sourceCell(id: SourceId): string {
  return `\`${id}\` ${CERTAINTY_MARK[getSource(id).certainty]}`;
}

function sources(id: SourceId, seeAlso: readonly SourceId[] = []): string {
  return [id, ...seeAlso].map(sourceCell).join(', ');
}

export function redFlagTableMarkdown(rules: readonly RedFlagRule[]): string {
  const rows = rules.map(
    (r) =>
      `| \`${r.code}\` | ${cell(describe(r.when))} | ${r.reviewFirst ? 'yes' : 'no'} | ${cell(r.action)} | ${sources(r.source, r.seeAlso)} |`,
  );
  return ['| Red flag | When | Review first | Action | Source |', '|---|---|---|---|---|', ...rows].join(
    '\n',
  );
}

export function rankingTableMarkdown(rules: readonly RankingRule[]): string {
  const rows = rules.flatMap((r) =>
    r.effects.map((e) => {
      const effect =
        'add' in e ? `${e.option} ${e.add >= 0 ? '+' : ''}${e.add}` : `${e.option} at most ${e.atMost}`;
      return `| \`${r.id}\` | ${cell(describe(r.when))} | ${effect} | ${cell(e.because)} | ${sources(e.source, e.seeAlso)} |`;
    }),
  );
  return ['| Rule | When | Effect | Because | Source |', '|---|---|---|---|---|', ...rows].join('\n');
}
