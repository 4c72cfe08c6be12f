import type { AnswerOption, OptionItem } from './types';

/**
 * The 5-point response format of HFS-30 (and, ⚠️, HFS-7): 0 = never … 4 = always (evidence.md §1.4–1.5).
 * Only the two anchors are in our evidence; the middle labels are bare numbers until a licensed pack names them.
 */
export const NEVER_TO_ALWAYS: readonly AnswerOption[] = [
  { value: 0, label: '0 (never)' },
  { value: 1, label: '1' },
  { value: 2, label: '2' },
  { value: 3, label: '3' },
  { value: 4, label: '4 (always)' },
];

/** Items q1…qN with neutral labels ("HFS-7 item 3"): the licensed wording is not ours to ship. */
export function neutralItems(instrumentLabel: string, count: number): OptionItem[] {
  return Array.from({ length: count }, (_, i) => ({
    kind: 'option' as const,
    id: `q${i + 1}`,
    label: `${instrumentLabel} item ${i + 1}`,
    options: NEVER_TO_ALWAYS,
  }));
}
