/**
 * Who may do what: small pure functions, one per rule, so each can be read, reviewed and tested on its
 * own (in the spirit of Medplum's access policies). Least privilege throughout:
 *
 * - a **patient** reads their own record and adds their own self-reports (diary, questionnaires,
 *   decision-aid preferences, video measurements); nothing of any other patient;
 * - a **clinician** reads and writes the records of the patients of their own clinic, and adds the
 *   clinical entries (treatment episodes, follow-ups, decisions, demographics);
 * - an **admin** manages the user accounts of their own clinic and reads its audit trail and
 *   aggregate outcomes, and sees the patient directory (to link patient logins) — but not clinical
 *   records: an admin who also treats patients uses a clinician account for that. Like a clinician,
 *   an admin may import a record from another system (a FHIR Bundle) into their clinic, which reads
 *   nothing back.
 *
 * Every API route names exactly one {@link Policy}; {@link decide} is the only place it is applied.
 */
import type { Actor } from '../auth/sessions';

export const POLICY_KINDS = [
  'public',
  'signed-in',
  'patient-read',
  'patient-self-report',
  'patient-clinical-write',
  'clinic-directory',
  'clinic-create-patient',
  'clinic-import',
  'clinic-outcomes',
  'clinic-admin',
] as const;
export type Policy = (typeof POLICY_KINDS)[number];

export interface PatientRef {
  id: string;
  clinicId: string;
}
export interface UserRef {
  id: string;
  clinicId: string;
}

const isClinicianOf = (a: Actor, clinicId: string) => a.role === 'clinician' && a.clinicId === clinicId;
const isThePatient = (a: Actor, patientId: string) => a.role === 'patient' && a.patientId === patientId;

/** Read a patient's record and everything in it. */
export function canReadPatient(a: Actor, p: PatientRef): boolean {
  return isClinicianOf(a, p.clinicId) || isThePatient(a, p.id);
}

/** Add a self-report (diary entry, questionnaire, decision-aid preference, video measurement). */
export function canAddSelfReport(a: Actor, p: PatientRef): boolean {
  return isClinicianOf(a, p.clinicId) || isThePatient(a, p.id);
}

/** Write clinical entries: demographics, treatment episodes, follow-ups, decision records. */
export function canWriteClinical(a: Actor, p: PatientRef): boolean {
  return isClinicianOf(a, p.clinicId);
}

/** See the clinic's patient directory (names, birth dates, affected side). */
export function canListClinicPatients(a: Actor): boolean {
  return a.role === 'clinician' || a.role === 'admin';
}

export function canCreatePatient(a: Actor): boolean {
  return a.role === 'clinician';
}

/**
 * Import a patient's record (a FHIR Bundle) into the clinic: clinicians, and admins moving records in
 * from another system. It creates a new patient of the caller's own clinic and reads nothing back.
 */
export function canImportRecords(a: Actor): boolean {
  return a.role === 'clinician' || a.role === 'admin';
}

/** Aggregate, de-identified outcome figures of the clinic. */
export function canViewClinicOutcomes(a: Actor): boolean {
  return a.role === 'clinician' || a.role === 'admin';
}

/** Manage user accounts and read the audit trail of the clinic (optionally of one user). */
export function canAdministerClinic(a: Actor, target?: UserRef): boolean {
  return a.role === 'admin' && (!target || target.clinicId === a.clinicId);
}

export interface PolicyTarget {
  patient?: PatientRef;
  user?: UserRef;
}

/** Applies a route's policy to the signed-in actor and the record the route addresses. */
export function decide(policy: Policy, a: Actor | undefined, t: PolicyTarget = {}): 'allow' | 'deny' {
  if (policy === 'public') return 'allow';
  if (!a) return 'deny';
  const ok = (() => {
    switch (policy) {
      case 'signed-in':
        return true;
      case 'patient-read':
        return !!t.patient && canReadPatient(a, t.patient);
      case 'patient-self-report':
        return !!t.patient && canAddSelfReport(a, t.patient);
      case 'patient-clinical-write':
        return !!t.patient && canWriteClinical(a, t.patient);
      case 'clinic-directory':
        return canListClinicPatients(a);
      case 'clinic-create-patient':
        return canCreatePatient(a);
      case 'clinic-import':
        return canImportRecords(a);
      case 'clinic-outcomes':
        return canViewClinicOutcomes(a);
      case 'clinic-admin':
        return canAdministerClinic(a, t.user);
    }
  })();
  return ok ? 'allow' : 'deny';
}

/** Policies whose routes address one patient (`:patientId`), and are audited as patient-data access. */
export function isPatientScoped(policy: Policy): boolean {
  return policy === 'patient-read' || policy === 'patient-self-report' || policy === 'patient-clinical-write';
}
