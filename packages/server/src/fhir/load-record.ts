/** Reads everything the FHIR export maps for one patient (the only I/O of the export). */
import type { Db } from '../db/database';
import type { PatientRecord, RecordAuthor } from './record';

export async function loadPatientRecord(db: Db, patientId: string): Promise<PatientRecord> {
  const patient = await db
    .selectFrom('patients')
    .selectAll()
    .where('id', '=', patientId)
    .executeTakeFirstOrThrow();
  const [clinic, assessments, episodes, followUps, measurements] = await Promise.all([
    db.selectFrom('clinics').select('name').where('id', '=', patient.clinic_id).executeTakeFirstOrThrow(),
    db
      .selectFrom('assessments')
      .selectAll()
      .where('patient_id', '=', patientId)
      .orderBy('assessed_on')
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('treatment_episodes')
      .selectAll()
      .where('patient_id', '=', patientId)
      .orderBy('start_date')
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('follow_ups')
      .selectAll()
      .where('patient_id', '=', patientId)
      .orderBy('assessed_on')
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('video_measurements')
      .selectAll()
      .where('patient_id', '=', patientId)
      .orderBy('recorded_at')
      .execute(),
  ]);
  const authorIds = [
    ...new Set([...assessments, ...episodes, ...followUps, ...measurements].map((r) => r.created_by)),
  ];
  const users = authorIds.length
    ? await db
        .selectFrom('users')
        .select(['id', 'display_name', 'role', 'patient_id'])
        .where('id', 'in', authorIds)
        .execute()
    : [];
  const authors = new Map<string, RecordAuthor>(
    users.map((u) => [u.id, { displayName: u.display_name, role: u.role, patientId: u.patient_id }]),
  );
  return { patient, clinicName: clinic.name, assessments, episodes, followUps, measurements, authors };
}
