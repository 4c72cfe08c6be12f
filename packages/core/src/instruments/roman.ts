const NUMERALS = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/** Grades I–VI are written in roman numerals in the literature; the stored value stays an integer. */
export function toRoman(n: number): string {
  return NUMERALS[n] ?? String(n);
}
