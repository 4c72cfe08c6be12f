/**
 * The patient list's count and its pages from both ends, on both databases: `X-Total-Count` is the number
 * of the caller's clinic's patients matching the same filters (never another clinic's), `last=true` is the
 * last page, `before` pages backwards from it to the first page, the Link header names the pages around
 * each one, bad parameters are refused naming the field, and every request is audited as the list is.
 */
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { encodeCursor, type PatientFilter } from '../src/routes/patient-list';
import { seedRegistryPatients } from '../src/seed/registry-patients';
import { describeEachDatabase } from './helpers/databases';
import { worldFor } from './helpers/world';

/** Clinic A's registry: with the world's two patients, not a multiple of any page size below. */
const A_PATIENTS = 301;
const B_PATIENTS = 157;

type Listed = { id: string; name: string; affectedSide: string; sex: string; clinicId: string };

const total = (r: LightMyRequestResponse) => Number(r.headers['x-total-count']);
const ids = (r: LightMyRequestResponse) => (r.json() as Listed[]).map((p) => p.id);
/** The Link header's URLs by rel. */
function links(r: LightMyRequestResponse): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of String(r.headers.link ?? '').matchAll(/<([^>]+)>; rel="(\w+)"/g)) out[m[2]!] = m[1]!;
  return out;
}

describeEachDatabase('patient list: total and last page', (variant) => {
  const w = worldFor(variant);
  const doc = () => w.as(w.users.clinicianA);

  beforeAll(async () => {
    await seedRegistryPatients(w.database.db, {
      patients: A_PATIENTS,
      clinicId: w.clinicA,
      createdBy: w.users.clinicianA.id,
    });
    await seedRegistryPatients(w.database.db, {
      patients: B_PATIENTS,
      clinicId: w.clinicB,
      createdBy: w.users.clinicianB.id,
    });
  });

  /** Clinic A's patients matching `where`, in the list's (name, id) order, straight from the database. */
  async function expected(where: PatientFilter = {}) {
    let q = w.database.db
      .selectFrom('patients')
      .select('id')
      .where('clinic_id', '=', w.clinicA)
      .orderBy('name')
      .orderBy('id');
    if (where.side) q = q.where('affected_side', '=', where.side);
    if (where.sex) q = q.where('sex', '=', where.sex);
    if (where.q) q = q.where(sql<string>`lower(name)`, 'like', `%${where.q}%`);
    return (await q.execute()).map((p) => p.id);
  }

  it("counts the caller's clinic only, on every page, with the body unchanged", async () => {
    const all = await expected();
    expect(all).toHaveLength(A_PATIENTS + 2);
    const first = await doc()('GET', '/api/patients?limit=40');
    expect(first.statusCode).toBe(200);
    expect(total(first)).toBe(A_PATIENTS + 2);
    // Still the array of patients, all of clinic A.
    expect(Array.isArray(first.json())).toBe(true);
    expect(ids(first)).toEqual(all.slice(0, 40));
    for (const p of first.json() as Listed[]) expect(p.clinicId).toBe(w.clinicA);
    const next = await doc()('GET', links(first).next!);
    expect(total(next)).toBe(A_PATIENTS + 2);
    const b = await w.as(w.users.clinicianB)('GET', '/api/patients?limit=5');
    expect(total(b)).toBe(B_PATIENTS + 1);
    const adminA = await w.as(w.users.adminA)('GET', '/api/patients?limit=5&last=true');
    expect(total(adminA)).toBe(A_PATIENTS + 2);
    // A patient has no directory to count.
    const patient = await w.as(w.users.patientA)('GET', '/api/patients?limit=5');
    expect(patient.statusCode).toBe(403);
    expect(patient.headers['x-total-count']).toBeUndefined();
  });

  it('applies the filters to the total', async () => {
    for (const filter of [
      { side: 'left' },
      { sex: 'male' },
      { side: 'right', sex: 'female' },
      { q: 'an' },
      { q: 'an', side: 'left' },
      { q: 'no such name' },
    ] as Array<PatientFilter & Record<string, string>>) {
      const want = await expected(filter);
      const r = await doc()('GET', `/api/patients?limit=500&${new URLSearchParams(filter)}`);
      expect(r.statusCode).toBe(200);
      expect({ filter, total: total(r), ids: ids(r) }).toEqual({ filter, total: want.length, ids: want });
    }
    expect((await expected({ side: 'left' })).length).toBeGreaterThan(50);
    expect((await expected({ q: 'an' })).length).toBeGreaterThan(0);
  });

  it('gives the last page, and pages backwards from it through the whole list to the first page', async () => {
    const all = await expected();
    const last = await doc()('GET', '/api/patients?limit=40&last=true');
    expect(last.statusCode).toBe(200);
    expect(ids(last)).toEqual(all.slice(-40));
    expect(total(last)).toBe(all.length);
    expect(Object.keys(links(last)).sort()).toEqual(['first', 'prev']);
    expect(links(last).first).toBe('/api/patients?limit=40');

    const seen = [ids(last)];
    let r = last;
    while (links(r).prev) {
      r = await doc()('GET', links(r).prev!);
      expect(r.statusCode).toBe(200);
      seen.unshift(ids(r));
    }
    // The page before which fewer than 40 precede is the first page: 40 patients, nothing before it.
    expect(seen[0]).toEqual(all.slice(0, 40));
    expect(Object.keys(links(r)).sort()).toEqual(['last', 'next']);
    // Every page but the first is a full page ending where the next one starts.
    const tail = seen.slice(1).flat();
    expect(seen.slice(1).every((p) => p.length === 40)).toBe(true);
    expect(tail).toEqual(all.slice(all.length - tail.length));
    expect(new Set([...seen[0]!, ...tail])).toEqual(new Set(all));

    // Forwards from a page reached backwards, with the same cursors.
    const second = await doc()('GET', links(last).prev!);
    const again = await doc()('GET', links(second).next!);
    expect(ids(again)).toEqual(ids(last));
  });

  it('keeps the filters on the last page and in every link', async () => {
    const left = await expected({ side: 'left', sex: 'female' });
    const r = await doc()('GET', '/api/patients?side=left&sex=female&limit=25&last=true');
    expect(ids(r)).toEqual(left.slice(-25));
    expect(total(r)).toBe(left.length);
    for (const url of Object.values(links(r))) {
      expect(url).toContain('side=left');
      expect(url).toContain('sex=female');
      expect(url).toContain('limit=25');
    }
    // A list that fits one page: the last page is the first, and no links.
    const few = await doc()('GET', '/api/patients?q=pat%20t&last=true');
    expect(ids(few)).toEqual(await expected({ q: 'pat t' }));
    expect(total(few)).toBe(1);
    expect(few.headers.link).toBeUndefined();
    // Past the end: an empty page after the last patient, whose previous page is the last page.
    const [lastOne] = (await doc()('GET', '/api/patients?limit=1&last=true')).json() as Listed[];
    const past = await doc()('GET', `/api/patients?limit=2&after=${encodeCursor(lastOne!)}`);
    expect(ids(past)).toEqual([]);
    expect(links(past).prev).toBe('/api/patients?limit=2&last=true');
    expect(ids(await doc()('GET', links(past).prev!))).toEqual((await expected()).slice(-2));
  });

  it('refuses bad parameters with 400 naming the field', async () => {
    const first = await doc()('GET', '/api/patients?limit=2');
    const cursor = new URL(links(first).next!, 'http://x').searchParams.get('after')!;
    // A cursor a client made up, with a NUL byte in its name (PostgreSQL text cannot hold one).
    const nul = Buffer.from(JSON.stringify(['a\u0000b', w.patients.p1])).toString('base64url');
    for (const [query, field] of [
      [`before=${nul}`, 'querystring.before'],
      [`after=${nul}`, 'querystring.after'],
      ['last=yes', 'querystring.last'],
      ['before=bm90LWEtY3Vyc29y', 'querystring.before'],
      [`after=${cursor}&before=${cursor}`, 'querystring.before'],
      [`after=${cursor}&last=true`, 'querystring.last'],
      [`before=${cursor}&last=true`, 'querystring.last'],
      ['limit=0&last=true', 'querystring.limit'],
      ['side=up&last=true', 'querystring.side'],
    ]) {
      const r = await doc()('GET', `/api/patients?${query}`);
      expect({ query, status: r.statusCode }).toEqual({ query, status: 400 });
      expect(r.json().issues.map((i: { path: string }) => i.path)).toContain(field);
    }
    // last=false is the first page.
    const notLast = await doc()('GET', '/api/patients?limit=3&last=false');
    expect(ids(notLast)).toEqual((await expected()).slice(0, 3));
  });

  it('audits each request as the list is audited: one read row of the directory, refused ones too', async () => {
    const count = () =>
      w.database.db
        .selectFrom('audit_log')
        .select(['action', 'status', 'route', 'clinic_id', 'patient_id', 'resource'])
        .where('resource', '=', 'patient-directory')
        .where('actor_user_id', '=', w.users.clinicianA.id)
        .execute();
    const before = (await count()).length;
    await doc()('GET', '/api/patients?limit=10&last=true');
    await doc()('GET', '/api/patients?limit=10&last=nope');
    const rows = (await count()).slice(before);
    expect(rows.map((r) => [r.action, r.status, r.route, r.clinic_id, r.patient_id])).toEqual([
      ['read', 200, 'GET /api/patients', w.clinicA, null],
      ['read', 400, 'GET /api/patients', w.clinicA, null],
    ]);
  });
});
