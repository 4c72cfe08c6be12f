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

export async function findSession(db: Db, token: string): Promise<Actor | undefined> {
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
    ])
    .where('s.token_hash', '=', hashToken(token))
    .where('s.expires_at', '>', sql<Date>`now()`)
    .where('u.disabled', '=', false)
    .executeTakeFirst();
  return row;
}

export async function deleteSession(db: Db, sessionHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', sessionHash).execute();
}

export async function deleteExpiredSessions(db: Db): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', sql<Date>`now()`).execute();
}
