/**
 * The clinic's patient list at registry size: keyset pagination in (name, id) order over the index
 * patients_clinic_name_idx, and the name search over the trigram index patients_name_trgm_idx
 * (migration 0006; test/registry-plans.test.ts checks both plans). The cursor is opaque to clients: the
 * last patient's name and id, base64url-encoded JSON.
 */
import type { AffectedSide, Sex } from '@hemispasm/core';
import { type Selectable, sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../db/database';
import type { PatientsTable } from '../db/schema';
import { text, Uuid } from './common';

const Cursor = z.tuple([z.string().max(200), Uuid]);

export function encodeCursor(p: { name: string; id: string }): string {
  return Buffer.from(JSON.stringify([p.name, p.id])).toString('base64url');
}

function decodeCursor(s: string): [string, string] | undefined {
  try {
    const parsed = Cursor.safeParse(JSON.parse(Buffer.from(s, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export const PatientListQuery = z.strictObject({
  q: text(100).optional().describe('Part of the name to look for (anywhere in the name, any case)'),
  side: z.enum(['left', 'right', 'bilateral']).optional().describe('Only patients with this affected side'),
  sex: z.enum(['female', 'male', 'other', 'unknown']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100).describe('Patients per page'),
  after: z
    .string()
    .max(400)
    .transform((s, c) => {
      const cursor = decodeCursor(s);
      if (!cursor) {
        c.addIssue({ code: 'custom', message: 'not a cursor from a previous page' });
        return z.NEVER;
      }
      return cursor;
    })
    .optional()
    .describe('The cursor from the previous page\'s Link rel="next"'),
});

export interface PatientFilter {
  q?: string | undefined;
  side?: AffectedSide | undefined;
  sex?: Sex | undefined;
  after?: [string, string] | undefined;
}

/** One page (at most `take` rows) of a clinic's patients in (name, id) order: the query, not yet run. */
export function patientListQuery(db: Db, clinicId: string, f: PatientFilter, take: number) {
  let q = db.selectFrom('patients').selectAll().where('clinic_id', '=', clinicId);
  if (f.q) q = q.where(sql<string>`lower(name)`, 'like', `%${f.q.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`);
  if (f.side) q = q.where('affected_side', '=', f.side);
  if (f.sex) q = q.where('sex', '=', f.sex);
  if (f.after) q = q.where(sql<boolean>`(name, id) > (${f.after[0]}, ${f.after[1]}::uuid)`);
  return q.orderBy('name').orderBy('id').limit(take);
}

export function listPatients(
  db: Db,
  clinicId: string,
  f: PatientFilter,
  take: number,
): Promise<Selectable<PatientsTable>[]> {
  return patientListQuery(db, clinicId, f, take).execute();
}
