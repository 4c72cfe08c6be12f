/**
 * The clinic's patient list at registry size: keyset pagination in (name, id) order over the index
 * patients_clinic_name_idx — forwards after a cursor, or backwards before one (and from the end for the
 * last page: the same index read backwards, the page put back in name order) — the name search over the
 * trigram index patients_name_trgm_idx (migration 0006), and the count of the patients matching the
 * filters (which can read patients_clinic_name_idx alone, an index-only scan, or the trigram index for a
 * search; where one clinic is most of the table the planner's plain scan is as fast).
 * test/registry-plans.test.ts checks these plans. The cursor is opaque to clients:
 * a patient's name and id, base64url-encoded JSON.
 */
import type { AffectedSide, Sex } from '@hemispasm/core';
import { type Selectable, sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../db/database';
import type { PatientsTable } from '../db/schema';
import { text, Uuid } from './common';

// The name as a patient's name may be (text: no control characters, so no NUL that PostgreSQL would refuse).
const Cursor = z.tuple([text(200), Uuid]);

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

const cursorParam = (rel: 'next' | 'prev') =>
  z
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
    .describe(`The cursor from a page's Link rel="${rel}"`);

/** Where a page starts: at most one of these; none is the first page. */
const ANCHORS = ['after', 'before', 'last'] as const;

export const PatientListQuery = z
  .strictObject({
    q: text(100).optional().describe('Part of the name to look for (anywhere in the name, any case)'),
    side: z.enum(['left', 'right', 'bilateral']).optional().describe('Only patients with this affected side'),
    sex: z.enum(['female', 'male', 'other', 'unknown']).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100).describe('Patients per page'),
    after: cursorParam('next'),
    before: cursorParam('prev'),
    last: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional()
      .describe('true: the last page (the last `limit` patients in name order)'),
  })
  .superRefine((v, c) => {
    const given = ANCHORS.filter((k) => (k === 'last' ? v.last : v[k] !== undefined));
    for (const k of given.slice(1))
      c.addIssue({ code: 'custom', path: [k], message: `give only one of ${ANCHORS.join(', ')}` });
  });

export interface PatientFilter {
  q?: string | undefined;
  side?: AffectedSide | undefined;
  sex?: Sex | undefined;
}

/** Where a page starts: after a cursor (or at the start), before a cursor, or at the end. */
export interface PageAnchor {
  after?: [string, string] | undefined;
  before?: [string, string] | undefined;
  last?: boolean | undefined;
}

/** The clinic's patients matching the filters: the query every list and count starts from. */
function matching(db: Db, clinicId: string, f: PatientFilter) {
  let q = db.selectFrom('patients').where('clinic_id', '=', clinicId);
  if (f.q) q = q.where(sql<string>`lower(name)`, 'like', `%${f.q.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`);
  if (f.side) q = q.where('affected_side', '=', f.side);
  if (f.sex) q = q.where('sex', '=', f.sex);
  return q;
}

/**
 * At most `take` of a clinic's matching patients from the anchor, not yet run: in (name, id) order after
 * `after` (or from the start); in reverse order before `before` (or from the end, with `last`), which
 * the caller puts back in name order.
 */
export function patientListQuery(db: Db, clinicId: string, f: PatientFilter & PageAnchor, take: number) {
  const q = matching(db, clinicId, f).selectAll();
  if (f.before || f.last) {
    const before = f.before ? q.where(sql<boolean>`(name, id) < (${f.before[0]}, ${f.before[1]}::uuid)`) : q;
    return before.orderBy('name', 'desc').orderBy('id', 'desc').limit(take);
  }
  const after = f.after ? q.where(sql<boolean>`(name, id) > (${f.after[0]}, ${f.after[1]}::uuid)`) : q;
  return after.orderBy('name').orderBy('id').limit(take);
}

/** How many of a clinic's patients match the filters, not yet run. */
export function patientCountQuery(db: Db, clinicId: string, f: PatientFilter) {
  return matching(db, clinicId, f).select((e) => e.fn.countAll<string | number | bigint>().as('n'));
}

/**
 * How many of a clinic's patients match, counted by one backend alone. At registry size PostgreSQL
 * would plan the count as a parallel scan, and starting its workers costs more than the scan (measured
 * at 100 000 patients on a busy 2-core machine: ~160 ms in parallel, ~13 ms without); the list is read on
 * every page a clinician turns, many at once, where workers are better left to the analytics.
 */
export function countPatients(db: Db, clinicId: string, f: PatientFilter): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await sql`SET LOCAL max_parallel_workers_per_gather = 0`.execute(trx);
    return Number((await patientCountQuery(trx, clinicId, f).executeTakeFirstOrThrow()).n);
  });
}

export interface PatientPage {
  /** In (name, id) order. */
  rows: Selectable<PatientsTable>[];
  /** The clinic's patients matching the filters (all pages). */
  total: number;
  /** Patients precede the page (assumed for a page after a cursor: at least the cursor's patient). */
  hasPrevious: boolean;
  /** Patients follow the page (assumed for a page before a cursor). */
  hasNext: boolean;
}

/**
 * One page of at most `limit` patients from the anchor, and the count of all that match. A page before
 * a cursor that fewer than `limit` patients precede is the first page instead, so that a page is only
 * ever short at the end of the list.
 */
export async function patientPage(
  db: Db,
  clinicId: string,
  f: PatientFilter & PageAnchor,
  limit: number,
): Promise<PatientPage> {
  const [rows, total] = await Promise.all([
    patientListQuery(db, clinicId, f, limit + 1).execute(),
    countPatients(db, clinicId, f),
  ]);
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  if (!(f.before || f.last)) return { rows: page, total, hasPrevious: !!f.after, hasNext: more };
  if (more || f.last) return { rows: page.reverse(), total, hasPrevious: more, hasNext: !f.last };
  const { q, side, sex } = f;
  const first = await patientListQuery(db, clinicId, { q, side, sex }, limit + 1).execute();
  return { rows: first.slice(0, limit), total, hasPrevious: false, hasNext: first.length > limit };
}

/**
 * The `Link` header of a page (RFC 8288): first and prev when patients precede it, next and last when
 * patients follow; each URL keeps the filters and the page size. Empty when the page is the whole list.
 */
export function pageLinks(f: PatientFilter, limit: number, page: PatientPage): string {
  const url = (anchor: Record<string, string>) =>
    `</api/patients?${new URLSearchParams({
      ...(f.q ? { q: f.q } : {}),
      ...(f.side ? { side: f.side } : {}),
      ...(f.sex ? { sex: f.sex } : {}),
      limit: String(limit),
      ...anchor,
    })}>`;
  const first = page.rows[0];
  const last = page.rows.at(-1);
  const links: string[] = [];
  if (page.hasPrevious) {
    links.push(`${url({})}; rel="first"`);
    // An empty page after a cursor is past the end: the page before it is the last page.
    links.push(`${url(first ? { before: encodeCursor(first) } : { last: 'true' })}; rel="prev"`);
  }
  if (page.hasNext && last) {
    links.push(`${url({ after: encodeCursor(last) })}; rel="next"`);
    links.push(`${url({ last: 'true' })}; rel="last"`);
  }
  return links.join(', ');
}
