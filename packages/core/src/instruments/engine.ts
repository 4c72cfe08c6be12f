/**
 * The one scoring engine: validates answers against an instrument definition and scores them by the
 * definition's rule. Knows nothing about any particular instrument.
 */
import { parseInput } from '../validation';
import { answersSchema } from './answers-schema';
import { toRoman } from './roman';
import type {
  Band,
  ClassRule,
  InstrumentDefinition,
  InstrumentScore,
  NumberCondition,
  SubscaleScore,
} from './types';

function optionRange(def: InstrumentDefinition, itemId: string): { min: number; max: number } {
  const item = def.items.find((i) => i.id === itemId);
  if (!item) throw new Error(`instrument ${def.id}: scoring names unknown item ${itemId}`);
  if (item.kind === 'number') return { min: item.min, max: item.max };
  const values = item.options.map((o) => o.value);
  return { min: Math.min(...values), max: Math.max(...values) };
}

function sumRange(def: InstrumentDefinition, itemIds: readonly string[]) {
  const ranges = itemIds.map((id) => optionRange(def, id));
  return { min: ranges.reduce((a, r) => a + r.min, 0), max: ranges.reduce((a, r) => a + r.max, 0) };
}

function holds(c: NumberCondition, answers: Record<string, number>): boolean {
  const v = answers[c.item]!;
  return (
    (c.min === undefined || v >= c.min) &&
    (c.max === undefined || v <= c.max) &&
    (c.gt === undefined || v > c.gt) &&
    (c.lt === undefined || v < c.lt)
  );
}

function bandFor(bands: readonly Band[], total: number): Band | undefined {
  return bands.find((b) => b.min !== undefined && b.max !== undefined && total >= b.min && total <= b.max);
}

function wordingOf(def: InstrumentDefinition): InstrumentScore['wording'] {
  if (def.appliedPack) return { kind: 'licensed-pack', packName: def.appliedPack.name };
  return def.wording === 'licensed' ? { kind: 'neutral' } : { kind: 'shipped' };
}

function unverifiedOf(def: InstrumentDefinition): string[] {
  const pack = def.appliedPack
    ? [
        `Item wording from the clinic's licensed pack "${def.appliedPack.name}" (${def.appliedPack.licence}); hemispasm has not checked it against the published instrument.`,
      ]
    : [...(def.withoutPack ?? [])];
  return [...def.unverified, ...pack];
}

/** Validates `input` as answers to `def` (throws InputError naming each bad field) and scores them. */
export function scoreAnswers(def: InstrumentDefinition, input: unknown): InstrumentScore {
  const { items } = parseInput(answersSchema(def), input, `${def.id} answers`);
  const answers: Record<string, number> = {};
  for (const item of def.items) answers[item.id] = items[item.id]!;

  const base = {
    instrumentId: def.id,
    instrumentVersion: def.version,
    instrumentName: def.name,
    raterType: def.raterType,
    answers,
    verification: def.verification,
    unverified: unverifiedOf(def),
    source: [...def.source],
    wording: wordingOf(def),
    otherBands: [] as InstrumentScore['otherBands'],
  };

  const rule = def.scoring;
  if (rule.kind === 'classify') {
    const matched: ClassRule | undefined = rule.rules.find((r) => r.when.every((c) => holds(c, answers)));
    const band = matched ? def.bands.find((b) => b.id === matched.band) : undefined;
    if (matched && !band) throw new Error(`instrument ${def.id}: rule names unknown band ${matched.band}`);
    return {
      ...base,
      total: null,
      range: null,
      display: band ? band.label : 'unclassified',
      band: band ? { id: band.id, label: band.label, description: band.description } : null,
      ...(band
        ? {}
        : {
            bandNote:
              'These values fall in no class of the table in our evidence (e.g. PTA ≤ 30 dB with WRS 50–69 % is neither class A nor class B as given). A clinician must classify them against the primary AAO-HNS 1995 source.',
          }),
      // A class is as verified as the rule that gave it (class A is, B–D are not); no class, no verification.
      verification: matched ? matched.certainty : 'unverified',
      unverified: matched?.certainty === 'verified' ? [] : base.unverified,
      source: matched ? [...matched.source] : base.source,
    };
  }

  const itemIds = rule.kind === 'single' ? [rule.item] : def.items.map((i) => i.id);
  const total = itemIds.reduce((a, id) => a + answers[id]!, 0);
  const range = sumRange(def, itemIds);
  const band = bandFor(def.bands, total);
  const subscales: SubscaleScore[] | undefined =
    rule.kind === 'sum' && rule.subscales
      ? rule.subscales.map((s) => ({
          id: s.id,
          label: s.label,
          total: s.itemIds.reduce((a, id) => a + answers[id]!, 0),
          ...sumRange(def, s.itemIds),
        }))
      : undefined;
  const otherBands = (def.bandSchemes ?? []).flatMap((scheme) => {
    const b = bandFor(scheme.bands, total);
    return b ? [{ scheme: scheme.id, id: b.id, label: b.label }] : [];
  });
  return {
    ...base,
    total,
    range,
    display: def.display === 'roman' ? toRoman(total) : String(total),
    band: band ? { id: band.id, label: band.label, description: band.description } : null,
    ...(band ? {} : { bandNote: def.noBandsReason ?? 'No interpretation band covers this total.' }),
    otherBands,
    ...(subscales ? { subscales } : {}),
  };
}

/** The theoretical range of an instrument's total, or null for classifications. */
export function totalRange(def: InstrumentDefinition): { min: number; max: number } | null {
  if (def.scoring.kind === 'classify') return null;
  return sumRange(def, def.scoring.kind === 'single' ? [def.scoring.item] : def.items.map((i) => i.id));
}
