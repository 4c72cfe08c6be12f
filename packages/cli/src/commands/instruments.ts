/**
 * `hemispasm instruments [id] [--json] [--wording <pack.json>]`: lists the assessment instruments, or shows
 * one instrument's items, answer options and bands. `--wording` shows how a clinic's licensed wording pack
 * (HFS-7 / HFS-30) is applied, and fails with one line per problem when the pack does not fit.
 */
import {
  getInstrument,
  getInstrumentWithWording,
  INSTRUMENT_DISCLAIMER,
  type InstrumentDefinition,
  listInstruments,
  SOURCES,
  type SourceCertainty,
} from '@hemispasm/core';
import Table from 'cli-table3';
import { defineCommand } from '../command';
import { UsageError } from '../errors';
import { readJsonFile } from '../io';
import { printJson } from '../output';

export const VERIFICATION_LABEL: Record<SourceCertainty, string> = {
  verified: 'verified',
  partial: 'partly verified',
  unverified: 'UNVERIFIED',
};

function listTable(): string {
  const t = new Table({
    head: ['Id', 'Name', 'Version', 'Range', 'Rater', 'Verification'],
    style: { head: [], border: [], compact: true },
  });
  for (const i of listInstruments()) {
    const wording = i.wording === 'licensed' ? ', wording licensed (not shipped)' : '';
    t.push([i.id, i.name, i.version, i.range, i.raterType, VERIFICATION_LABEL[i.verification] + wording]);
  }
  return t.toString();
}

export function describeInstrument(def: InstrumentDefinition): string {
  const out = [
    `${def.name} (${def.id})`,
    `Version: ${def.version} — ${def.versionLabel}`,
    `Measures: ${def.measures}`,
    `Rated by: ${def.raterType}`,
    `Range: ${def.rangeLabel}`,
    `Verification: ${VERIFICATION_LABEL[def.verification]}`,
  ];
  if (def.appliedPack)
    out.push(`Wording: licensed pack "${def.appliedPack.name}" (${def.appliedPack.licence})`);
  else if (def.wording === 'licensed')
    out.push(
      'Wording: neutral labels (licensed instrument; load your licensed wording with --wording <pack.json>)',
    );
  out.push('', 'Items:');
  for (const item of def.items) {
    if (item.kind === 'number') {
      out.push(`  ${item.id}: ${item.label} — a number ${item.min}–${item.max} ${item.unit}`);
      continue;
    }
    out.push(`  ${item.id}: ${item.label}`);
    const named = (o: { value: number; label: string }) =>
      o.label === String(o.value) ? String(o.value) : `${o.value} = ${o.label}`;
    // Options without descriptions (the 0–4 never…always format) fit on one line; worded grades get one each.
    if (item.options.every((o) => o.description === undefined)) {
      out.push(`    answers: ${item.options.map(named).join(', ')}`);
      continue;
    }
    for (const o of item.options) {
      // "1 = Mild: Mild, noticeable…" says "Mild" twice: the description alone is enough when it starts with the label.
      const text = o.description?.startsWith(o.label) ? `${o.value} = ${o.description}` : named(o);
      out.push(
        `    ${text}${o.description && !o.description.startsWith(o.label) ? `: ${o.description}` : ''}`,
      );
    }
  }
  out.push('', 'Interpretation:');
  if (def.bands.length === 0) out.push(`  ${def.noBandsReason ?? 'no bands'}`);
  for (const b of def.bands) out.push(`  ${b.label}${b.description ? `: ${b.description}` : ''}`);
  for (const scheme of def.bandSchemes ?? []) {
    out.push(`  Also, the ${scheme.label} (${scheme.source.join(', ')}):`);
    for (const b of scheme.bands) out.push(`    ${b.label}: ${b.min}–${b.max}`);
  }
  const cautions = [...def.unverified, ...(def.appliedPack ? [] : (def.withoutPack ?? []))];
  if (cautions.length > 0) out.push('', 'Cautions:', ...cautions.map((u) => `  ! ${u}`));
  if (def.notes?.length)
    out.push('', 'Notes:', ...def.notes.map((n) => `  - ${n.text} (${n.source.join(', ')})`));
  out.push(
    '',
    'Sources:',
    ...def.source.map((s) => `  ${s}: ${SOURCES[s].citation} (${SOURCES[s].certainty})`),
  );
  out.push('', INSTRUMENT_DISCLAIMER);
  return out.join('\n');
}

export const instrumentsCommand = defineCommand(
  'instruments',
  'list the assessment instruments (id, name, version, range, verification), or show one',
  (command, output) =>
    command
      .argument('[id]', 'show this instrument: items, answer options, bands, sources')
      .option('--json', 'print as JSON')
      .option(
        '--wording <pack.json>',
        "apply a clinic's licensed wording pack (HFS-7, HFS-30) to the shown instrument",
      )
      .action(async (id: string | undefined, flags: { json?: boolean; wording?: string }) => {
        if (id === undefined) {
          if (flags.wording)
            throw new UsageError(
              '--wording needs an instrument id: hemispasm instruments <id> --wording <pack.json>',
            );
          if (flags.json) printJson(output, listInstruments());
          else output.out(`${listTable()}\n\nShow one: hemispasm instruments <id>`);
          return;
        }
        const def = flags.wording
          ? getInstrumentWithWording(id, await readJsonFile(flags.wording))
          : getInstrument(id);
        if (flags.json) printJson(output, def);
        else output.out(describeInstrument(def));
      }),
);
