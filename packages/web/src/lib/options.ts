import { OPTION_CATALOGUE, OPTION_IDS, type OptionId, type OutcomeFigureData } from '@hemispasm/core';

export const OPTION_ORDER: readonly OptionId[] = OPTION_IDS;

/** How many of 100 people a figure describes: a single rate, or a range ("85–95 %"). */
export interface PerHundred {
  low: number;
  high: number;
}

/**
 * The icon array a figure may be drawn as, or null. The catalogue decides (core, option-catalogue.ts): only a
 * figure from a verified source that counts people carries `perHundred`; a partly verified figure, a rate of
 * treatments ("12 % of treatments") or a figure pooled across studies stays text.
 */
export function perHundred(f: Pick<OutcomeFigureData, 'perHundred'>): PerHundred | null {
  return f.perHundred ?? null;
}

export function optionData(id: OptionId) {
  return OPTION_CATALOGUE[id];
}

/** The benefit to compare options by (one per option, marked in the catalogue). */
export function headline(id: OptionId): OutcomeFigureData {
  const data = OPTION_CATALOGUE[id];
  return data.benefits.find((b) => b.headline) ?? data.benefits[0]!;
}
