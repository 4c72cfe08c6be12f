import { OPTION_CATALOGUE, OPTION_IDS, type OptionId } from '@hemispasm/core';

export const OPTION_ORDER: readonly OptionId[] = OPTION_IDS;

/** How many of 100 people a figure describes: a single rate, or a range ("85–95 %"). */
export interface PerHundred {
  low: number;
  high: number;
}

/**
 * Reads a figure as "per 100 people" only when it states exactly one percentage or one range, so an
 * icon array never pictures a figure that lists several rates or none ("no rates established").
 */
export function perHundred(figure: string): PerHundred | null {
  const pct = [...figure.matchAll(/(\d+(?:\.\d+)?)(?:\s*[–-]\s*(\d+(?:\.\d+)?))?\s*%/g)];
  // "95 % CI …" is the confidence level of an interval, not a rate.
  const noCi = pct.filter((m) => !/^\s*CI\b/.test(figure.slice(m.index + m[0].length)));
  const first = noCi[0];
  if (!first || noCi.length !== 1 || /<\s*$/.test(figure.slice(0, first.index))) return null;
  const low = Number(first[1]);
  const high = first[2] ? Number(first[2]) : low;
  if (!(low >= 0 && high <= 100 && low <= high)) return null;
  return { low, high };
}

export function optionData(id: OptionId) {
  return OPTION_CATALOGUE[id];
}
