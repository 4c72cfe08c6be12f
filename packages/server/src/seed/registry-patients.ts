/**
 * Only the patient rows of a registry, generated inside the database by one `INSERT … SELECT` over
 * `generate_series`: the clinic's patient list at registry size (e.g. 100 000) in seconds, even on
 * PGlite, where `seedRegistry` sends every row from JavaScript (a minute for 100 000 patients alone). For
 * tests of the list itself (the web app's paging journey); `hemispasm demo --patients N` builds the whole
 * registry with `seedRegistry`.
 *
 * The names come from the registry's own lists, every given × family name pair about equally often, so a
 * name is shared by dozens of patients (the list's (name, id) order must page through them, and the ids
 * are random, as the app's own). The other fields are spread by row number; like the registry's, they are made up for load and paging tests, not clinical figures.
 */
import { sql } from 'kysely';
import type { Db } from '../db/database';
import { FAMILY, GIVEN } from './registry-courses';

export interface RegistryPatientsOptions {
  patients: number;
  clinicId: string;
  /** The clinician recorded as author of every row. */
  createdBy: string;
}

/** Adds `patients` synthetic patients to the clinic in one statement; returns how many went in. */
export async function seedRegistryPatients(db: Db, opts: RegistryPatientsOptions): Promise<number> {
  if (!Number.isInteger(opts.patients) || opts.patients < 1)
    throw new RangeError('patients must be a positive integer');
  const given = sql`${GIVEN}::text[]`;
  const family = sql`${FAMILY}::text[]`;
  const r = await sql`
    INSERT INTO patients (id, clinic_id, name, birth_date, sex, affected_side, onset_date, created_by)
    SELECT gen_random_uuid(), ${opts.clinicId}::uuid,
      (${given})[1 + i % ${GIVEN.length}] || ' ' || (${family})[1 + (i / ${GIVEN.length}) % ${FAMILY.length}],
      DATE '1940-01-01' + (i::bigint * 7919 % 21900)::int,
      CASE WHEN i % 5 < 3 THEN 'female' ELSE 'male' END,
      CASE WHEN i % 100 = 0 THEN 'bilateral' WHEN i % 100 < 56 THEN 'left' ELSE 'right' END,
      DATE '2005-01-01' + (i::bigint * 104729 % 7300)::int,
      ${opts.createdBy}::uuid
    FROM generate_series(0, ${opts.patients - 1}) AS i`.execute(db);
  await sql`ANALYZE patients`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}
