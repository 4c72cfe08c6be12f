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
import { hsObservation, quantity } from './codes';
import { toMovementObservation } from './movement-observation';
import type { PatientRecord } from './record';
import { sideComponent, videoObservation } from './video-observation';

type Summary = Partial<Omit<SpasmAnalysis, 'events'>>;
type QuantityKey =
  | 'spasmsPerMinute'
  | 'spasmTimeFraction'
  | 'longestSpasmS'
  | 'blinksPerMinute'
  | 'durationS';

export function toMeasurementObservation(
  record: PatientRecord,
  m: Selectable<VideoMeasurementsTable>,
): Observation {
  if (m.kind === 'movement') return toMovementObservation(record, m);
  const s = m.summary as Summary;
  /** The summary's value of `key` as a quantity component; none when the summary lacks it. */
  const q = (key: QuantityKey, unit: string, ucum: string): ObservationComponent[] => {
    const v = s[key];
    return typeof v === 'number'
      ? [{ code: { coding: [hsObservation(key)] }, valueQuantity: quantity(v, unit, ucum) }]
      : [];
  };
  const component: ObservationComponent[] = [
    ...q('spasmsPerMinute', 'per minute', '/min'),
    ...q('spasmTimeFraction', 'fraction of time', '1'),
    ...(typeof s.side === 'string' ? [sideComponent('spasmSide', s.side)] : []),
    ...(typeof s.spasmCount === 'number'
      ? [{ code: { coding: [hsObservation('spasmCount')] }, valueInteger: s.spasmCount }]
      : []),
    ...q('longestSpasmS', 's', 's'),
    ...q('blinksPerMinute', 'per minute', '/min'),
    ...q('durationS', 's', 's'),
  ];
  return videoObservation(record, m, {
    code: hsObservation('videoMeasurement'),
    text: 'Spasm measurement from a face video',
    analyzer: 'spasm',
    component,
    ...(m.notes ? { note: m.notes } : {}),
  });
}
