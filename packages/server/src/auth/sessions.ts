/**
 * Server-side sessions in the database. The browser holds a random 256-bit token in an HttpOnly,
 * SameSite=Strict cookie; the database holds only its SHA-256, so a leaked table cannot be replayed.
 * Each session also has a CSRF token the client must echo in the X-CSRF-Token header on every
 * state-changing request (synchronizer-token pattern).
 */
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/database';
import type { Role } from '../db/schema';

export const SESSION_COOKIE = 'hemispasm_session';
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_TTL_HOURS = 12;

export interface Actor {
  userId: string;
  role: Role;
  clinicId: string;
  /** For a patient login, the patient record it is linked to. */
  patientId: string | null;
  email: string;
  displayName: string;
  csrfToken: string;
  sessionHash: string;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export async function createSession(db: Db, userId: string): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await db
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      csrf_token: csrfToken,
      expires_at: sql<Date>`now() + make_interval(hours => ${SESSION_TTL_HOURS})`,
    })
    .execute();
  return { token, csrfToken };
}

export interface SessionLookup {
  actor: Actor;
  /** When a patient id was asked for: its clinic, or null when no such patient exists. */
  patientClinicId?: string | null;
}

/**
 * Finds the live session for a cookie token; when the route addresses a patient, also that patient's
 * clinic in the same round trip (the policy needs both, and each round trip costs latency).
 */
export async function findSession(
  db: Db,
  token: string,
  patientId?: string,
): Promise<SessionLookup | undefined> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      'u.id as userId',
      'u.role',
      'u.clinic_id as clinicId',
      'u.patient_id as patientId',
      'u.email',
      'u.display_name as displayName',
      's.csrf_token as csrfToken',
      's.token_hash as sessionHash',
      (eb) =>
        eb
          .selectFrom('patients')
          .select('patients.clinic_id')
          .where('patients.id', '=', patientId ?? '00000000-0000-0000-0000-000000000000')
          .as('patientClinicId'),
    ])
    .where('s.token_hash', '=', hashToken(token))
    .where('s.expires_at', '>', sql<Date>`now()`)
    .where('u.disabled', '=', false)
    .executeTakeFirst();
  if (!row) return undefined;
  const { patientClinicId, ...actor } = row;
  return patientId === undefined ? { actor } : { actor, patientClinicId: patientClinicId ?? null };
}

export async function deleteSession(db: Db, sessionHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', sessionHash).execute();
}
