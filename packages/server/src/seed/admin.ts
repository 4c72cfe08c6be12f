/**
 * First-run administration: create a clinic admin (and the clinic, when named anew). Used by
 * `hemispasm admin create` and by the bootstrap admin from the environment (HEMISPASM_ADMIN_EMAIL,
 * HEMISPASM_ADMIN_PASSWORD, optional HEMISPASM_CLINIC_NAME, read by config.ts) when `serve` starts.
 */
import { parseInput } from '@hemispasm/core';
import { sql } from 'kysely';
import { z } from 'zod';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../auth/passwords';
import type { Db } from '../db/database';

export const AdminInputSchema = z.strictObject({
  email: z.email().max(254),
  password: z.string().min(MIN_PASSWORD_LENGTH).max(256),
  displayName: z.string().min(1).max(120).default('Administrator'),
  clinicName: z.string().min(1).max(200),
});
export type AdminInput = z.input<typeof AdminInputSchema>;

/** Creates the admin (and their clinic if no clinic has that name) in one transaction. */
export async function createAdmin(
  db: Db,
  input: AdminInput,
): Promise<{ userId: string; clinicId: string; createdClinic: boolean }> {
  const a = parseInput(AdminInputSchema, input);
  const passwordHash = await hashPassword(a.password);
  return db.transaction().execute(async (trx) => {
    // Several servers starting together each create the bootstrap admin from the environment: one at
    // a time, so the others find the admin (AdminExistsError, ignored) instead of failing on the index.
    await sql`select pg_advisory_xact_lock(hashtext('hemispasm:create-admin'))`.execute(trx);
    const taken = await trx
      .selectFrom('users')
      .select('id')
      .where(sql`lower(email)`, '=', a.email.toLowerCase())
      .executeTakeFirst();
    if (taken) throw new AdminExistsError(a.email);
    let clinic = await trx
      .selectFrom('clinics')
      .select('id')
      .where('name', '=', a.clinicName)
      .executeTakeFirst();
    const createdClinic = !clinic;
    clinic ??= await trx
      .insertInto('clinics')
      .values({ name: a.clinicName })
      .returning('id')
      .executeTakeFirstOrThrow();
    const u = await trx
      .insertInto('users')
      .values({
        clinic_id: clinic.id,
        email: a.email,
        display_name: a.displayName,
        role: 'admin',
        password_hash: passwordHash,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { userId: u.id, clinicId: clinic.id, createdClinic };
  });
}

export class AdminExistsError extends Error {
  constructor(email: string) {
    super(`a user with email ${email} already exists`);
    this.name = 'AdminExistsError';
  }
}
