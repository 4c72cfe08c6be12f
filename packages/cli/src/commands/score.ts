/**
 * `hemispasm score <instrument> <answers.json> [--json] [--wording <pack.json>]`: validates and scores one
 * answers file. The instrument id is checked before the file is read, so a typo lists the known ids at once.
 */
import {
  getInstrument,
  INSTRUMENT_DISCLAIMER,
  type InstrumentScore,
  SOURCES,
  scoreInstrument,
} from '@hemispasm/core';
import { defineCommand } from '../command';
import { readJsonFile } from '../io';
import { printJson } from '../output';
import { VERIFICATION_LABEL } from './instruments';

export function formatScore(s: InstrumentScore): string {
  const def = getInstrument(s.instrumentId);
  const out = [`${s.instrumentName} (${s.instrumentId}), version ${s.instrumentVersion}`];
  out.push(
    `Result: ${s.display}${s.total !== null && s.display !== String(s.total) ? ` (stored as ${s.total})` : ''}  [range ${def.rangeLabel}]`,
  );
  if (s.band) out.push(`Band: ${s.band.label}${s.band.description ? ` — ${s.band.description}` : ''}`);
  else if (s.bandNote) out.push(`Band: none. ${s.bandNote}`);
  for (const b of s.otherBands) {
    const scheme = def.bandSchemes?.find((x) => x.id === b.scheme);
    out.push(`Also: ${b.label}, in the ${scheme?.label ?? b.scheme}`);
  }
  if (s.subscales) {
    out.push('Subscales:');
    for (const sub of s.subscales) out.push(`  ${sub.label}: ${sub.total} (${sub.min}–${sub.max})`);
  }
  out.push('Answers:');
  for (const item of def.items) {
    const v = s.answers[item.id];
    if (item.kind === 'number') {
      out.push(`  ${item.id} = ${v} ${item.unit}`);
      continue;
    }
    const label = item.options.find((o) => o.value === v)?.label;
    // Neutral labels already start with the value ("0 (never)"); worded ones get it added ("3 (Moderate)").
    out.push(`  ${item.id} = ${label?.startsWith(String(v)) ? label : `${v} (${label})`}`);
  }
  out.push(
    `Wording: ${s.wording.kind === 'licensed-pack' ? `licensed pack "${s.wording.packName}"` : s.wording.kind}`,
  );
  out.push(`Verification: ${VERIFICATION_LABEL[s.verification]}`);
  for (const u of s.unverified) out.push(`  ! ${u}`);
  if (def.notes?.length)
    out.push('Notes:', ...def.notes.map((n) => `  - ${n.text} (${n.source.join(', ')})`));
  out.push('Sources:', ...s.source.map((id) => `  ${id}: ${SOURCES[id].citation}`));
  out.push('', INSTRUMENT_DISCLAIMER);
  return out.join('\n');
}

export const scoreCommand = defineCommand(
  'score',
  'score an answers file (JSON) with one instrument; the score carries instrument id and version',
  (command, output) =>
    command
      .argument('<instrument>', 'instrument id (see: hemispasm instruments)')
      .argument('<answers.json>', 'answers: { "instrument"?, "version"?, "items": { "<item id>": value } }')
      .option('--json', 'print the score as JSON')
      .option(
        '--wording <pack.json>',
        "a clinic's licensed wording pack (HFS-7, HFS-30; gives HFS-30 subscales)",
      )
      .action(async (id: string, path: string, flags: { json?: boolean; wording?: string }) => {
        getInstrument(id);
        const answers = await readJsonFile(path);
        const wordingPack = flags.wording ? await readJsonFile(flags.wording) : undefined;
        const score = scoreInstrument(id, answers, { wordingPack });
        if (flags.json) printJson(output, score);
        else output.out(formatScore(score));
      }),
);
