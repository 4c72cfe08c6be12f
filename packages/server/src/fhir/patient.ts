/** Patient and HFS Condition resources from the patient row (pure). */
import type { Condition, Patient } from 'fhir/r4';
import { isoWithin4DigitYears } from '../routes/common';
import { coding, HS_SYSTEM, ICD10_HFS, ICD10CM_HFS_BY_SIDE, SIDE_TEXT } from './codes';
import type { PatientRecord } from './record';
import { conditionId, ref } from './refs';

type Side = keyof typeof ICD10CM_HFS_BY_SIDE;
const isSide = (s: string): s is Side => s in ICD10CM_HFS_BY_SIDE;

export function toPatient(record: PatientRecord): Patient {
  const p = record.patient;
  const lastUpdated = isoWithin4DigitYears(p.updated_at);
  return {
    resourceType: 'Patient',
    id: p.id,
    ...(lastUpdated ? { meta: { lastUpdated } } : {}),
    name: [{ text: p.name }],
    gender: p.sex,
    birthDate: p.birth_date,
    managingOrganization: { display: record.clinicName },
  };
}

/**
 * The hemifacial spasm itself: ICD-10 G51.3 and the ICD-10-CM sub-code for the patient's anatomical
 * side, the side again as a body site, and the onset. Clinical and verification status are not
 * exported: the record does not say whether the spasm is still active.
 */
export function toCondition(record: PatientRecord): Condition {
  const p = record.patient;
  const codings = [coding(ICD10_HFS)];
  if (isSide(p.affected_side)) codings.push(coding(ICD10CM_HFS_BY_SIDE[p.affected_side]));
  return {
    resourceType: 'Condition',
    id: conditionId(p.id),
    code: { coding: codings, text: 'Hemifacial spasm' },
    bodySite: [
      {
        coding: [
          { system: HS_SYSTEM.laterality, code: p.affected_side, display: SIDE_TEXT[p.affected_side] },
        ],
        text: SIDE_TEXT[p.affected_side] ?? p.affected_side,
      },
    ],
    subject: ref(p.id),
    ...(p.onset_date ? { onsetDateTime: p.onset_date } : {}),
  };
}
