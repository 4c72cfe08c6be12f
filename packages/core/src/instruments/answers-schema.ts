/**
 * Builds the zod schema for an instrument's answers file from its definition:
 *   { "instrument"?: "<id>", "version"?: "<version>", "items": { "<item id>": <value>, … } }
 * `instrument` and `version` are optional declarations; when present they must name this instrument and this
 * wording variant, so answers written for one variant can never be scored (or tracked) as another.
 */
import { z } from 'zod';
import type { InstrumentDefinition, InstrumentItem } from './types';

function describe(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  if (typeof input === 'string') return `"${input.length > 40 ? `${input.slice(0, 40)}…` : input}"`;
  if (typeof input === 'object') return 'an object';
  return String(input);
}

/** "expected an integer 0–4", "expected an integer 1–4 (grade I–IV)", "expected a number 0–100 %". */
export function expectedText(item: InstrumentItem, gradeLabel?: string): string {
  if (item.kind === 'number') return `expected a number ${item.min}–${item.max} ${item.unit}`;
  const values = item.options.map((o) => o.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const contiguous = values.length === max - min + 1;
  const base = contiguous ? `expected an integer ${min}–${max}` : `expected one of ${values.join(', ')}`;
  return gradeLabel ? `${base} (grade ${gradeLabel})` : base;
}

function itemSchema(item: InstrumentItem, gradeLabel?: string) {
  const expected = expectedText(item, gradeLabel);
  const ok =
    item.kind === 'number'
      ? (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= item.min && v <= item.max
      : (v: unknown) => typeof v === 'number' && item.options.some((o) => o.value === v);
  return z.custom<number>(ok, {
    error: (iss) =>
      iss.input === undefined ? `required (${expected})` : `${expected}, got ${describe(iss.input)}`,
  });
}

function declaration(field: 'instrument' | 'version', want: string, def: InstrumentDefinition) {
  return z
    .custom<string>((v) => v === want, {
      error: (iss) =>
        typeof iss.input === 'string'
          ? field === 'instrument'
            ? `answers declare ${iss.input}, not ${def.id}: scores of different instruments or wording variants are never mixed`
            : `answers declare wording version ${iss.input}, but ${def.id} is version ${want}: wording variants are never mixed`
          : `expected "${want}", got ${describe(iss.input)}`,
    })
    .optional();
}

export function answersSchema(def: InstrumentDefinition) {
  // Roman-numeral grades (SMC, House–Brackmann) are stored as integers: say which integer means which grade.
  const gradeLabel = def.display === 'roman' ? def.rangeLabel : undefined;
  const items = Object.fromEntries(def.items.map((i) => [i.id, itemSchema(i, gradeLabel)]));
  return z.strictObject({
    instrument: declaration('instrument', def.id, def),
    version: declaration('version', def.version, def),
    items: z.strictObject(items),
  });
}
