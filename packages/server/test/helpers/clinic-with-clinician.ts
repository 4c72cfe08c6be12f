/**
 * A clinic and one clinician written straight into the database, for set-ups that mint the clinician's
 * session directly instead of signing in (the benchmarks, the read-replica test).
 */
import { sql } from 'kysely';
import type { Db } from '../../src/db/database';

/** An argon2id string no password matches: these clinicians never sign in. */
export const NEVER_SIGNS_IN = '$argon2id$v=19$m=19456,t=2,p=1$bm90LXVzZWQ$bm90LXVzZWQ';

export async function insertClinicWithClinician(
  db: Db,
  names: { clinic: string; email: string; displayName: string },
): Promise<{ clinicId: string; clinicianId: string }> {
  // One statement: the clinic and its clinician together.
  const { rows } = await sql<{ clinicId: string; clinicianId: string }>`
    WITH clinic AS (INSERT INTO clinics (name) VALUES (${names.clinic}) RETURNING id)
    INSERT INTO users (clinic_id, email, display_name, role, password_hash)
    SELECT clinic.id, ${names.email}, ${names.displayName}, 'clinician', ${NEVER_SIGNS_IN} FROM clinic
    RETURNING clinic_id AS "clinicId", id AS "clinicianId"`.execute(db);
  const created = rows[0];
  if (!created) throw new Error('the clinic and its clinician were not created');
  return created;
}
