/**
 * Does a measurement's side agree with the side recorded for the patient? A mirrored upload, or an error in
 * the record, shows as spasms measured on the other side. Pure; used by the CLI, the self-test's result card
 * and the clinician's timeline, so all three say the same thing.
 */
import type { AffectedSide } from '../vocabulary/index';
import type { SpasmAnalysis } from './analysis-schema';

/** The affected side in the patient's record (core's vocabulary). */
export type RecordedSide = AffectedSide;

/** Spasm events a measurement needs on its side before its side is compared with the record. */
export const SIDE_CHECK_MIN_EVENTS = 3;

export interface SideCheck {
  /** `differs`: warn, naming both sides; `agrees`; `too_few`: fewer than 3 spasm events, nothing to compare. */
  status: 'agrees' | 'differs' | 'too_few';
  measuredSide: SpasmAnalysis['side'];
  recordedSide: RecordedSide;
  /** Spasm events on the measured side (both sides for `bilateral`). */
  events: number;
}

/**
 * Compares the measured side (with at least 3 spasm events on it) with the patient's recorded affected side.
 * A one-sided measurement on a patient recorded as bilateral agrees (one recording may catch one side only);
 * a bilateral measurement on a one-sided record differs, as does the other side.
 */
export function checkSide(
  analysis: Pick<SpasmAnalysis, 'side' | 'events'>,
  recordedSide: RecordedSide,
): SideCheck {
  const spasms = analysis.events.filter((e) => e.kind === 'spasm');
  const measuredSide = analysis.side;
  const events =
    measuredSide === 'left' || measuredSide === 'right'
      ? spasms.filter((e) => e.side === measuredSide).length
      : spasms.length;
  if (measuredSide === 'none' || events < SIDE_CHECK_MIN_EVENTS)
    return { status: 'too_few', measuredSide, recordedSide, events };
  const agrees = measuredSide === recordedSide || recordedSide === 'bilateral';
  return { status: agrees ? 'agrees' : 'differs', measuredSide, recordedSide, events };
}
