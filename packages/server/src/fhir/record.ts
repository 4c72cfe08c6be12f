/**
 * What the FHIR export maps: one patient's stored rows as the database gives them, plus the clinic's
 * name and the people who recorded them. Loaded by `load-record.ts`; mapped, with no I/O, by
 * `export-bundle.ts` and the per-resource mappers.
 */
import type { Selectable } from 'kysely';
import type {
  AssessmentsTable,
  FollowUpsTable,
  PatientsTable,
  TreatmentEpisodesTable,
  VideoMeasurementsTable,
} from '../db/schema';

export interface RecordAuthor {
  displayName: string;
  role: 'admin' | 'clinician' | 'patient';
  /** Set for a patient login: the patient it belongs to. */
  patientId: string | null;
}

export interface PatientRecord {
  patient: Selectable<PatientsTable>;
  clinicName: string;
  assessments: Selectable<AssessmentsTable>[];
  episodes: Selectable<TreatmentEpisodesTable>[];
  followUps: Selectable<FollowUpsTable>[];
  measurements: Selectable<VideoMeasurementsTable>[];
  /** Users who recorded any of the rows above, by id. */
  authors: ReadonlyMap<string, RecordAuthor>;
}
