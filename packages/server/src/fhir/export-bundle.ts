/**
 * A patient's record as a FHIR R4 `collection` Bundle (pure: records in, resources out): Patient,
 * the HFS Condition, one Observation (the score) and one QuestionnaireResponse (the answers) per
 * assessment, a Procedure or MedicationStatement per treatment episode, an Observation per follow-up
 * and per video measurement. Every entry's fullUrl is `urn:uuid:<id>` and every reference points
 * inside the Bundle.
 */
import type { Bundle, BundleEntry, FhirResource } from 'fhir/r4';
import { toAssessmentObservation } from './assessment';
import { toEpisodeResource } from './episode';
import { toFollowUpObservation } from './follow-up';
import { toMeasurementObservation } from './measurement';
import { toCondition, toPatient } from './patient';
import { toQuestionnaireResponse } from './questionnaire-response';
import type { PatientRecord } from './record';
import { fullUrl } from './refs';

type Identified = FhirResource & { id: string };

/** What the export returns: a collection whose every entry has a fullUrl and an identified resource. */
export type CollectionBundle = Omit<Bundle<Identified>, 'type' | 'timestamp' | 'entry'> & {
  type: 'collection';
  timestamp: string;
  entry: (Omit<BundleEntry<Identified>, 'fullUrl' | 'resource'> & {
    fullUrl: string;
    resource: Identified;
  })[];
};

const entry = (resource: FhirResource) => {
  const r = resource as Identified; // every mapper sets the id
  return { fullUrl: fullUrl(r.id), resource: r };
};

export function recordToBundle(record: PatientRecord, opts: { now: Date }): CollectionBundle {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: opts.now.toISOString(),
    entry: [
      entry(toPatient(record)),
      entry(toCondition(record)),
      ...record.assessments.flatMap((a) => {
        const qr = toQuestionnaireResponse(record, a);
        return [entry(toAssessmentObservation(record, a)), ...(qr ? [entry(qr)] : [])];
      }),
      ...record.episodes.map((e) => entry(toEpisodeResource(record, e))),
      ...record.followUps.map((f) => entry(toFollowUpObservation(record, f))),
      ...record.measurements.map((m) => entry(toMeasurementObservation(record, m))),
    ],
  };
}
