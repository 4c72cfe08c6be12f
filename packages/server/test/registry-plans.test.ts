/**
 * The registry queries use the indexes of migrations 0006 and 0010, checked with EXPLAIN on PostgreSQL over
 * a seeded registry: the patient list's keyset page, forwards and backwards (the last page), and its count
 * (patients_clinic_name_idx), the name search and its count (patients_name_trgm_idx), and the clinic outcomes and cohorts, which read the per-episode summary
 * through its (clinic, kind) index (episode_outcomes_clinic_idx) and never the episodes or follow-ups.
 * Sequential scans are priced out (enable_seqscan = off), so each check asks "can the planner use the
 * index for this query shape" independently of the table's size; at 100 000 patients the planner picks
 * them by itself. A dropped index makes its check fail: the last test proves it.
 */
import { randomBytes } from 'node:crypto';
import type { CompiledQuery } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outcomesQuery } from '../src/analytics/episode-outcomes';
import { type OpenDatabase, openDatabase } from '../src/db/database';
import { migrate } from '../src/db/migrate';
import { patientCountQuery, patientListQuery } from '../src/routes/patient-list';
import { seedRegistry } from '../src/seed/registry';

const url = process.env.TEST_DATABASE_URL;
const schema = `plans_${randomBytes(5).toString('hex')}`;

/**
 * Every index the plan of `q` reads, with sequential scans priced out (and, with `bitmapOnly`, ordered
 * index scans too: a small table would otherwise be read whole in name order and filtered, where at
 * registry size the search goes through its own index); `before` runs first. All rolled back.
 */
async function indexesUsed(
  client: pg.Client,
  q: CompiledQuery,
  opts: { before?: string; bitmapOnly?: boolean } = {},
) {
  await client.query('BEGIN');
  try {
    if (opts.before) await client.query(opts.before);
    await client.query('SET LOCAL enable_seqscan = off');
    if (opts.bitmapOnly) await client.query('SET LOCAL enable_indexscan = off');
    const r = await client.query(`EXPLAIN (FORMAT JSON) ${q.sql}`, q.parameters as unknown[]);
    const names: string[] = [];
    const walk = (node: Record<string, unknown>) => {
      if (typeof node['Index Name'] === 'string') names.push(node['Index Name']);
      for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
    };
    walk((r.rows[0]['QUERY PLAN'] as Array<{ Plan: Record<string, unknown> }>)[0]!.Plan);
    return names;
  } finally {
    await client.query('ROLLBACK');
  }
}

/** The text plan of `q` with sequential scans priced out, as in `indexesUsed`. Rolled back. */
async function planText(client: pg.Client, q: CompiledQuery): Promise<string> {
  await client.query('BEGIN');
  try {
    await client.query('SET LOCAL enable_seqscan = off');
    const r = await client.query(`EXPLAIN ${q.sql}`, q.parameters as unknown[]);
    return r.rows.map((x) => x['QUERY PLAN']).join('\n');
  } finally {
    await client.query('ROLLBACK');
  }
}

describe.skipIf(!url)(
  `registry query plans [postgres${url ? '' : ': SKIPPED — set TEST_DATABASE_URL'}]`,
  () => {
    let d: OpenDatabase;
    let client: pg.Client;
    let clinicId = '';

    beforeAll(async () => {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      await admin.end();
      d = await openDatabase({ url: url!, searchPath: schema, poolSize: 2 });
      await migrate(d.db);
      clinicId = (
        await d.db
          .insertInto('clinics')
          .values({ name: 'Registry' })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      const doc = await d.db
        .insertInto('users')
        .values({
          clinic_id: clinicId,
          email: 'doc@registry.test',
          display_name: 'Dr Registry',
          role: 'clinician',
          password_hash: 'x',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await seedRegistry(
        { kind: 'postgres', url: url!, searchPath: schema },
        { patients: 2000, clinicId, createdBy: doc.id, seed: 3 },
      );
      client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
      await client.connect();
    }, 300_000);

    afterAll(async () => {
      await client?.end();
      await d?.close();
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    });

    const keysetPage = () =>
      patientListQuery(
        d.db,
        clinicId,
        { after: ['Li', '00000000-0000-0000-0000-000000000000'] },
        51,
      ).compile();
    const search = () => patientListQuery(d.db, clinicId, { q: 'ada che' }, 51).compile();
    const lastPage = () => patientListQuery(d.db, clinicId, { last: true }, 51).compile();
    const count = () => patientCountQuery(d.db, clinicId, {}).compile();
    const searchCount = () => patientCountQuery(d.db, clinicId, { q: 'ada che' }).compile();
    const outcomes = () => outcomesQuery({ clinicId }).compile(d.db);
    const cohort = () =>
      outcomesQuery({ clinicId, kind: 'mvd', smcGrade: 2, minAge: 40, maxAge: 59 }).compile(d.db);

    it('a page of the patient list reads the keyset index, in order, without sorting', async () => {
      expect(await indexesUsed(client, keysetPage())).toContain('patients_clinic_name_idx');
      const r = await client.query(`EXPLAIN ${keysetPage().sql}`, keysetPage().parameters as unknown[]);
      expect(r.rows.map((x) => x['QUERY PLAN']).join('\n')).not.toMatch(/\bSort\b/);
    });

    it('the last page reads the keyset index backwards, without sorting', async () => {
      expect(await indexesUsed(client, lastPage())).toContain('patients_clinic_name_idx');
      const plan = await planText(client, lastPage());
      expect(plan).toMatch(/Index Scan Backward using patients_clinic_name_idx/);
      expect(plan).not.toMatch(/\bSort\b/);
    });

    it("the count of the clinic's patients reads the keyset index alone; the search's count, the trigram index", async () => {
      // Vacuumed, as autovacuum leaves a table: the count then reads the index, never the table's rows.
      await client.query('VACUUM patients');
      expect(await indexesUsed(client, count())).toContain('patients_clinic_name_idx');
      expect(await planText(client, count())).toMatch(/Index Only Scan using patients_clinic_name_idx/);
      expect(await indexesUsed(client, searchCount(), { bitmapOnly: true })).toContain(
        'patients_name_trgm_idx',
      );
    });

    it('a deep page costs what the first page costs: the scan reads one page of rows, not the rows before it', async () => {
      // No OFFSET: the cursor of the 1 900th patient in name order starts the scan there. EXPLAIN ANALYZE
      // counts the rows each plan node really produced; every node of the first page and of the deep page
      // handles at most the 51 rows asked for, so paging stays as fast at patient 99 950 as at patient 1.
      const names = await d.db
        .selectFrom('patients')
        .select(['name', 'id'])
        .where('clinic_id', '=', clinicId)
        .orderBy('name')
        .orderBy('id')
        .execute();
      expect(names.length).toBe(2000);
      const deep = names[1899]!;
      const cursor = [deep.name, deep.id] as [string, string];
      for (const anchor of [{}, { after: cursor }, { before: cursor }, { last: true }]) {
        const q = patientListQuery(d.db, clinicId, anchor, 51).compile();
        await client.query('BEGIN');
        try {
          await client.query('SET LOCAL enable_seqscan = off');
          const r = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${q.sql}`, q.parameters as unknown[]);
          const rows: number[] = [];
          const walk = (node: Record<string, unknown>) => {
            rows.push(Number(node['Actual Rows']) + Number(node['Rows Removed by Filter'] ?? 0));
            for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
          };
          walk((r.rows[0]['QUERY PLAN'] as Array<{ Plan: Record<string, unknown> }>)[0]!.Plan);
          expect(Math.max(...rows)).toBeLessThanOrEqual(51);
        } finally {
          await client.query('ROLLBACK');
        }
      }
      // And the deep pages are the right ones: the 51 patients after the cursor, in order; the 51 before
      // it and the last 51, in reverse order.
      const page = await patientListQuery(d.db, clinicId, { after: cursor }, 51).execute();
      expect(page.map((p) => p.id)).toEqual(names.slice(1900, 1951).map((p) => p.id));
      const before = await patientListQuery(d.db, clinicId, { before: cursor }, 51).execute();
      expect(before.map((p) => p.id).reverse()).toEqual(names.slice(1899 - 51, 1899).map((p) => p.id));
      const last = await patientListQuery(d.db, clinicId, { last: true }, 51).execute();
      expect(last.map((p) => p.id).reverse()).toEqual(names.slice(-51).map((p) => p.id));
    });

    it('the name search reads the trigram index', async () => {
      expect(await indexesUsed(client, search(), { bitmapOnly: true })).toContain('patients_name_trgm_idx');
    });

    it('the clinic outcomes and a cohort read the summary index, never the episodes or follow-ups', async () => {
      for (const q of [outcomes(), cohort()]) {
        expect(await indexesUsed(client, q)).toContain('episode_outcomes_clinic_idx');
        const r = await client.query(`EXPLAIN ${q.sql}`, q.parameters as unknown[]);
        expect(r.rows.map((x) => x['QUERY PLAN']).join('\n')).not.toMatch(
          / on (treatment_episodes|follow_ups|assessments)\b/,
        );
      }
    });

    it('a dropped index fails its check', async () => {
      for (const [index, q, bitmapOnly] of [
        ['patients_clinic_name_idx', keysetPage(), false],
        ['patients_clinic_name_idx', lastPage(), false],
        ['patients_clinic_name_idx', count(), false],
        ['patients_name_trgm_idx', search(), true],
        ['patients_name_trgm_idx', searchCount(), true],
        ['episode_outcomes_clinic_idx', outcomes(), false],
        ['episode_outcomes_clinic_idx', cohort(), false],
      ] as const) {
        expect(await indexesUsed(client, q, { bitmapOnly })).toContain(index);
        expect(await indexesUsed(client, q, { bitmapOnly, before: `DROP INDEX ${index}` })).not.toContain(
          index,
        );
      }
    });
  },
);
