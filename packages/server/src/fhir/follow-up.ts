/**
 * One Observation per follow-up visit (pure), part of its treatment episode: time point, spasm status,
 * House–Brackmann grade (weakness, recorded apart from spasm severity), AAO-HNS hearing class,
 * recurrence and complications as components; free-text notes as a note.
 */
import { toRoman } from '@hemispasm/core';
import type { Observation, ObservationComponent } from 'fhir/r4';
import type { Selectable } from 'kysely';
import type { FollowUpsTable } from '../db/schema';
import { HS_SYSTEM, hsObservation, SYSTEM } from './codes';
import type { PatientRecord } from './record';
import { performerOf, ref } from './refs';

export const HOUSE_BRACKMANN_ID = 'house-brackmann';
export const HEARING_CLASS_ID = 'hearing-aao-hns';

export function toFollowUpObservation(record: PatientRecord, f: Selectable<FollowUpsTable>): Observation {
  const component: ObservationComponent[] = [
    {
      code: { coding: [hsObservation('timePoint')] },
      valueCodeableConcept: { coding: [{ system: HS_SYSTEM.followUpTimePoint, code: f.time_point }] },
    },
    {
      code: { coding: [hsObservation('spasmStatus')] },
      valueCodeableConcept: {
        coding: [{ system: HS_SYSTEM.spasmStatus, code: f.spasm_status }],
        text: f.spasm_status,
      },
    },
  ];
  if (f.house_brackmann !== null) {
    component.push({
      code: {
        coding: [
          { system: HS_SYSTEM.instrument, code: HOUSE_BRACKMANN_ID, display: 'House–Brackmann grade' },
        ],
        text: `House–Brackmann grade ${toRoman(f.house_brackmann)}`,
      },
      valueInteger: f.house_brackmann,
    });
  }
  if (f.hearing_class !== null) {
    component.push({
      code: {
        coding: [{ system: HS_SYSTEM.instrument, code: HEARING_CLASS_ID, display: 'AAO-HNS hearing class' }],
      },
      valueCodeableConcept: {
        coding: [{ system: HS_SYSTEM.hearingClass, code: f.hearing_class }],
        text: `Class ${f.hearing_class}`,
      },
    });
  }
  component.push({ code: { coding: [hsObservation('recurrence')] }, valueBoolean: f.recurrence });
  for (const c of f.complications) {
    component.push({ code: { coding: [hsObservation('complication')] }, valueString: c });
  }
  const performer = performerOf(record, f.created_by);
  return {
    resourceType: 'Observation',
    id: f.id,
    status: 'final',
    category: [{ coding: [{ system: SYSTEM.observationCategory, code: 'exam' }] }],
    code: { coding: [hsObservation('followUp')], text: `Follow-up at ${f.time_point}` },
    subject: ref(record.patient.id),
    partOf: [ref(f.episode_id)],
    effectiveDateTime: f.assessed_on,
    ...(performer.length ? { performer } : {}),
    component,
    ...(f.notes ? { note: [{ text: f.notes }] } : {}),
  };
}
