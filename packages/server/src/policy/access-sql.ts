/**
 * The access policies of the write routes as SQL conditions, so that one write statement can check them
 * along with the session (http/guard.ts, routes/records.ts): the same rules as access.ts, over `u` (the
 * caller's users row) and `p` (the addressed patient's row, NULL when the route addresses none or it does
 * not exist). test/policy.test.ts checks that each agrees with `decide` for every role, clinic and patient.
 * A policy without a condition here cannot be checked in a statement: its routes keep the guard hooks.
 */
import { type RawBuilder, sql } from 'kysely';
import type { Policy } from './access';

const clinicianOfPatient = sql`(u.role = 'clinician' AND u.clinic_id = p.clinic_id)`;
const thePatient = sql`(u.role = 'patient' AND u.patient_id = p.id)`;

const CONDITIONS: Partial<Record<Policy, RawBuilder<boolean>>> = {
  // canReadPatient / canAddSelfReport
  'patient-read': sql<boolean>`(${clinicianOfPatient} OR ${thePatient})`,
  'patient-self-report': sql<boolean>`(${clinicianOfPatient} OR ${thePatient})`,
  // canWriteClinical
  'patient-clinical-write': sql<boolean>`${clinicianOfPatient}`,
  // canCreatePatient
  'clinic-create-patient': sql<boolean>`(u.role = 'clinician')`,
  // canImportRecords
  'clinic-import': sql<boolean>`(u.role IN ('clinician', 'admin'))`,
};

/** The policy as a condition over `u` and `p`, or undefined when it has none (see above). */
export function policyCondition(policy: Policy): RawBuilder<boolean> | undefined {
  return CONDITIONS[policy];
}
