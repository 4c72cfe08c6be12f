/**
 * House–Brackmann-like band from measured movement (pure). The mapping, its sources and what in it is
 * verified are in README.md ("Band"): House & Brackmann's own measurement scores the upward movement of the
 * mid-brow and the outward movement of the mouth corner, 0.25 cm a point up to 1 cm each, 8 points in all,
 * and grades I–VI as 8/8, 7/8, 5–6/8, 3–4/8, 1–2/8, 0/8. Here the affected side's brow-raise and smile
 * amplitudes relative to the other side (the other side standing for full function) give the fraction of
 * 8 points, rounded to whole points as the 0.25 cm steps are.
 *
 * It is a MEASURED MOVEMENT SYMMETRY, never a clinician's House–Brackmann grade: the grade also weighs
 * synkinesis, tone at rest and eye closure, which this number does not.
 */

export const MOVEMENT_BAND_LABEL = "measured movement symmetry, not a clinician's House–Brackmann grade";

/** Grade (1 = I … 6 = VI) of each number of points out of 8 (index = points). */
const GRADE_OF_POINTS = [6, 5, 5, 4, 4, 3, 3, 2, 1] as const;

/** House–Brackmann-like grade (1–6) of a function percentage (affected side relative to the other). */
export function gradeOfFunction(functionPct: number): number {
  const points = Math.round((8 * Math.max(0, Math.min(100, functionPct))) / 100);
  return GRADE_OF_POINTS[points]!;
}

/** Lowest function percentage that still gets each grade (rounding to whole points of 8). */
export const GRADE_FLOOR_PCT: Record<1 | 2 | 3 | 4 | 5 | 6, number> = {
  1: 93.75,
  2: 81.25,
  3: 56.25,
  4: 31.25,
  5: 6.25,
  6: 0,
};

export const ROMAN_GRADE = ['I', 'II', 'III', 'IV', 'V', 'VI'] as const;
export const romanGrade = (grade: number): string => ROMAN_GRADE[grade - 1] ?? '?';
