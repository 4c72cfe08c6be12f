/**
 * Resource identity inside an exported Bundle: every entry's fullUrl is `urn:uuid:<id>` and references
 * between entries use it, so the Bundle is self-contained. Stored rows keep their database uuid; the
 * HFS Condition, which is not a row of its own, gets a uuid derived from the patient's.
 */
import { createHash } from 'node:crypto';
import type { Reference } from 'fhir/r4';
import type { PatientRecord } from './record';

export const fullUrl = (id: string) => `urn:uuid:${id}`;
export const ref = (id: string): Reference => ({ reference: fullUrl(id) });

/** A stable RFC 4122 version-5-shaped uuid from a name (SHA-1), so the same record exports the same ids. */
export function derivedUuid(name: string): string {
  const h = createHash('sha1').update(`hemispasm:${name}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

export const conditionId = (patientId: string) => derivedUuid(`${patientId}:condition:hfs`);
/** The QuestionnaireResponse exported beside an assessment's Observation (not a row of its own). */
export const questionnaireResponseId = (assessmentId: string) =>
  derivedUuid(`${assessmentId}:questionnaire-response`);

/** Who recorded a row: the patient themself (a reference), or the staff member by name. */
export function performerOf(record: PatientRecord, userId: string): Reference[] {
  const author = record.authors.get(userId);
  if (!author) return [];
  if (author.role === 'patient' && author.patientId === record.patient.id) return [ref(record.patient.id)];
  return [{ type: 'Practitioner', display: author.displayName }];
}
