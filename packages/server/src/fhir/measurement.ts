/**
 * One Observation per video measurement (pure). A spasm measurement: spasms per minute, fraction of time in
 * spasm and the side (the patient's anatomical side) as components, with the count, length and blinks;
 * events are not exported (the summary is what a record reader needs). A facial-movement test: see
 * movement-observation.ts. The analyzer version is the device.
 */
import type { SpasmAnalysis } from '@hemispasm/core';
import type { Observation, ObservationComponent } from 'fhir/r4';
import type { Selectable } from 'kysely';
import type { VideoMeasurementsTable } from '../db/schema';
import { isoWithin4DigitYears } from '../routes/common';
import { HS_SYSTEM, hsObservation, quantity, SIDE_TEXT, SYSTEM } from './codes';
import { toMovementObservation } from './movement-observation';
import type { PatientRecord } from './record';
import { performerOf, ref } from './refs';

type Summary = Partial<Omit<SpasmAnalysis, 'events'>>;

export function toMeasurementObservation(
  record: PatientRecord,
  m: Selectable<VideoMeasurementsTable>,
): Observation {
  if (m.kind === 'movement') return toMovementObservation(record, m);
  const s = m.summary as Summary;
  const component: ObservationComponent[] = [];
  if (typeof s.spasmsPerMinute === 'number') {
    component.push({
      code: { coding: [hsObservation('spasmsPerMinute')] },
      valueQuantity: quantity(s.spasmsPerMinute, 'per minute', '/min'),
    });
  }
  if (typeof s.spasmTimeFraction === 'number') {
    component.push({
      code: { coding: [hsObservation('spasmTimeFraction')] },
      valueQuantity: quantity(s.spasmTimeFraction, 'fraction of time', '1'),
    });
  }
  if (typeof s.side === 'string') {
    component.push({
      code: { coding: [hsObservation('spasmSide')] },
      valueCodeableConcept: {
        coding: [{ system: HS_SYSTEM.laterality, code: s.side }],
        text: SIDE_TEXT[s.side] ?? s.side,
      },
    });
  }
  if (typeof s.spasmCount === 'number') {
    component.push({ code: { coding: [hsObservation('spasmCount')] }, valueInteger: s.spasmCount });
  }
  if (typeof s.longestSpasmS === 'number') {
    component.push({
      code: { coding: [hsObservation('longestSpasmS')] },
      valueQuantity: quantity(s.longestSpasmS, 's', 's'),
    });
  }
  if (typeof s.blinksPerMinute === 'number') {
    component.push({
      code: { coding: [hsObservation('blinksPerMinute')] },
      valueQuantity: quantity(s.blinksPerMinute, 'per minute', '/min'),
    });
  }
  if (typeof s.durationS === 'number') {
    component.push({
      code: { coding: [hsObservation('durationS')] },
      valueQuantity: quantity(s.durationS, 's', 's'),
    });
  }
  const performer = performerOf(record, m.created_by);
  const effective = isoWithin4DigitYears(m.recorded_at);
  return {
    resourceType: 'Observation',
    id: m.id,
    status: 'final',
    category: [{ coding: [{ system: SYSTEM.observationCategory, code: 'exam' }] }],
    code: { coding: [hsObservation('videoMeasurement')], text: 'Spasm measurement from a face video' },
    subject: ref(record.patient.id),
    ...(effective ? { effectiveDateTime: effective } : {}),
    ...(performer.length ? { performer } : {}),
    device: { display: `hemispasm spasm analyzer ${m.analyzer_version}` },
    ...(component.length ? { component } : {}),
    ...(m.notes ? { note: [{ text: m.notes }] } : {}),
  };
}
