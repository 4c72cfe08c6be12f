/**
 * Wording packs: how a clinic loads the licensed item wording of HFS-7 / HFS-30, which the product does not
 * ship (it is not in our evidence and is licensed). A pack is a JSON file the clinic writes from its licensed
 * copy; it is validated against the instrument it names, so wording can never be attached to the wrong
 * instrument, version or item. See the instruments' README.md files for the format.
 */
import { z } from 'zod';
import { InputError, type InputIssue, issuesFromZod } from '../validation';
import type { InstrumentDefinition, Subscale } from './types';

const text = z.string().trim().min(1).max(2000);

const packShape = z.strictObject({
  instrumentId: z.string(),
  instrumentVersion: z.string(),
  /** A name for this wording (language, edition), shown with every score that used it. */
  name: text,
  /** Who licensed the wording to the clinic, and how: required so a pack always records its permission. */
  licence: text,
  items: z.record(z.string(), z.strictObject({ text, subscale: z.string().optional() })),
  /** Labels for the answer values 0–4 (optional; neutral labels otherwise). */
  options: z.record(z.string(), text).optional(),
});

export type WordingPack = z.output<typeof packShape>;

/** Validates a pack against `def` (the instrument it is meant for); throws InputError naming each bad field. */
export function parseWordingPack(def: InstrumentDefinition, input: unknown): WordingPack {
  const parsed = packShape.safeParse(input);
  if (!parsed.success) throw new InputError(issuesFromZod(parsed.error), 'wording pack');
  const pack = parsed.data;
  const issues: InputIssue[] = [];
  if (def.wording !== 'licensed') {
    issues.push({
      path: 'instrumentId',
      message: `${def.id} ships its own wording; wording packs are only for licensed instruments`,
    });
  }
  if (pack.instrumentId !== def.id) {
    issues.push({ path: 'instrumentId', message: `this pack is for ${pack.instrumentId}, not ${def.id}` });
  }
  if (pack.instrumentVersion !== def.version) {
    issues.push({
      path: 'instrumentVersion',
      message: `this pack is for version ${pack.instrumentVersion}, but ${def.id} is version ${def.version}`,
    });
  }
  const itemIds = new Set(def.items.map((i) => i.id));
  for (const id of itemIds) {
    if (!(id in pack.items))
      issues.push({ path: `items.${id}`, message: 'required (wording for every item)' });
  }
  for (const id of Object.keys(pack.items)) {
    if (!itemIds.has(id))
      issues.push({ path: `items.${id}`, message: `unknown item (${def.id} has q1–q${itemIds.size})` });
  }
  const subscaleNames = def.scoring.kind === 'sum' ? (def.scoring.subscaleNames ?? []) : [];
  const subscaleIds = new Set(subscaleNames.map((s) => s.id));
  for (const [id, item] of Object.entries(pack.items)) {
    if (subscaleIds.size === 0 && item.subscale !== undefined) {
      issues.push({ path: `items.${id}.subscale`, message: `${def.id} has no subscales` });
    } else if (subscaleIds.size > 0 && item.subscale === undefined) {
      issues.push({
        path: `items.${id}.subscale`,
        message: `required: one of ${[...subscaleIds].join(', ')}`,
      });
    } else if (item.subscale !== undefined && subscaleIds.size > 0 && !subscaleIds.has(item.subscale)) {
      issues.push({
        path: `items.${id}.subscale`,
        message: `expected one of ${[...subscaleIds].join(', ')}`,
      });
    }
  }
  if (subscaleIds.size > 0 && issues.length === 0) {
    const used = new Set(Object.values(pack.items).map((i) => i.subscale));
    for (const s of subscaleIds) {
      if (!used.has(s)) issues.push({ path: 'items', message: `subscale ${s} has no items` });
    }
  }
  if (pack.options) {
    const values = new Set(
      def.items.flatMap((i) => (i.kind === 'option' ? i.options.map((o) => String(o.value)) : [])),
    );
    for (const v of values) {
      if (!(v in pack.options))
        issues.push({ path: `options.${v}`, message: 'required (a label for every answer value)' });
    }
    for (const v of Object.keys(pack.options)) {
      if (!values.has(v))
        issues.push({
          path: `options.${v}`,
          message: `unknown answer value (expected ${[...values].join(', ')})`,
        });
    }
  }
  if (issues.length > 0) throw new InputError(issues, 'wording pack');
  return pack;
}

/** The definition with the pack's wording, option labels and (HFS-30) item-to-subscale allocation applied. */
export function applyWordingPack(def: InstrumentDefinition, pack: WordingPack): InstrumentDefinition {
  const items = def.items.map((item) => {
    const wording = pack.items[item.id]!;
    if (item.kind !== 'option') return { ...item, label: wording.text };
    const options = item.options.map((o) => ({ ...o, label: pack.options?.[String(o.value)] ?? o.label }));
    return { ...item, label: wording.text, options };
  });
  const withPack = { ...def, items, appliedPack: { name: pack.name, licence: pack.licence } };
  if (def.scoring.kind !== 'sum' || !def.scoring.subscaleNames) return withPack;
  const subscales: Subscale[] = def.scoring.subscaleNames.map((s) => ({
    ...s,
    itemIds: def.items.filter((i) => pack.items[i.id]?.subscale === s.id).map((i) => i.id),
  }));
  return { ...withPack, scoring: { kind: 'sum', subscales } };
}
