/**
 * What the two Observations of a video measurement share (pure): the envelope — exam category, the
 * patient, when it was recorded, who stored it, the analyzer as the device — and the component that
 * names a side (the patient's anatomical side). measurement.ts (spasms) and movement-observation.ts
 * (facial movement) add their own code, components and note.
 */
import type { Coding, Observation, ObservationComponent } from 'fhir/r4';
import type { Selectable } from 'kysely';
import type { VideoMeasurementsTable } from '../db/schema';
import { isoWithin4DigitYears } from '../routes/common';
import { HS_SYSTEM, type HsObservationCode, hsObservation, SIDE_TEXT, SYSTEM } from './codes';
import type { PatientRecord } from './record';
import { performerOf, ref } from './refs';

export function videoObservation(
  record: PatientRecord,
  m: Selectable<VideoMeasurementsTable>,
  own: { code: Coding; text: string; analyzer: string; component: ObservationComponent[]; note?: string },
): Observation {
  const performer = performerOf(record, m.created_by);
  const effective = isoWithin4DigitYears(m.recorded_at);
  return {
    resourceType: 'Observation',
    id: m.id,
    status: 'final',
    category: [{ coding: [{ system: SYSTEM.observationCategory, code: 'exam' }] }],
    code: { coding: [own.code], text: own.text },
    subject: ref(record.patient.id),
    ...(effective ? { effectiveDateTime: effective } : {}),
    ...(performer.length ? { performer } : {}),
    device: { display: `hemispasm ${own.analyzer} analyzer ${m.analyzer_version}` },
    ...(own.component.length ? { component: own.component } : {}),
    ...(own.note ? { note: [{ text: own.note }] } : {}),
  };
}

/** A component naming a side (left, right, bilateral, none…), coded in hemispasm's laterality system. */
export const sideComponent = (code: HsObservationCode, side: string): ObservationComponent => ({
  code: { coding: [hsObservation(code)] },
  valueCodeableConcept: {
    coding: [{ system: HS_SYSTEM.laterality, code: side }],
    text: SIDE_TEXT[side] ?? side,
  },
});
