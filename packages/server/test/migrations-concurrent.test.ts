/**
 * Several servers starting together on one PostgreSQL apply each migration once: Kysely's migrator takes
 * a session advisory lock before it looks at what is pending, and applies the files in one transaction.
 * Also: two installations in two schemas of one database each get their own migration bookkeeping.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { type OpenDatabase, openDatabase } from '../src/db/database';
import { migrate } from '../src/db/migrate';

const url = process.env.TEST_DATABASE_URL;
/** The advisory lock id Kysely's PostgreSQL adapter takes around a migration run. */
const KYSELY_MIGRATION_LOCK = '3853314791062309107';

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

const schemas: string[] = [];
async function freshSchema(): Promise<string> {
  const s = `mig_${randomBytes(5).toString('hex')}`;
  await admin((c) => c.query(`CREATE SCHEMA ${s}`));
  schemas.push(s);
  return s;
}
/** One "server": its own connection pool on the schema. */
const open = (schema: string) => openDatabase({ url: url!, searchPath: schema, poolSize: 2 });

afterAll(async () => {
  if (url) await admin((c) => c.query(schemas.map((s) => `DROP SCHEMA IF EXISTS ${s} CASCADE;`).join('')));
});

describe.skipIf(!url)(
  `migrations with several servers [postgres${url ? '' : ': SKIPPED — set TEST_DATABASE_URL'}]`,
  () => {
    it('four servers migrating an empty database at once: each file is applied exactly once', async () => {
      const schema = await freshSchema();
      const servers: OpenDatabase[] = await Promise.all([1, 2, 3, 4].map(() => open(schema)));
      try {
        const reports = await Promise.all(servers.map((s) => migrate(s.db)));
        const applied = reports.flatMap((r) => r.applied);
        // Every file once in total, all by one server; the others found nothing pending.
        expect(applied.length).toBeGreaterThan(0);
        expect(new Set(applied).size).toBe(applied.length);
        expect(reports.filter((r) => r.applied.length > 0)).toHaveLength(1);
        const recorded = await admin((c) =>
          c.query<{ name: string; n: number }>(
            `SELECT name, count(*)::int AS n FROM ${schema}.kysely_migration GROUP BY name ORDER BY name`,
          ),
        );
        expect(recorded.rows.map((r) => r.name)).toEqual(applied.sort());
        expect(recorded.rows.every((r) => r.n === 1)).toBe(true);
      } finally {
        await Promise.all(servers.map((s) => s.close()));
      }
    });

    it('a server waits while another holds the migration lock, then applies the pending files', async () => {
      const schema = await freshSchema();
      const holder = new pg.Client({ connectionString: url });
      await holder.connect();
      const server = await open(schema);
      try {
        await holder.query(`SELECT pg_advisory_lock(${KYSELY_MIGRATION_LOCK})`);
        let done = false;
        const running = migrate(server.db).then((r) => {
          done = true;
          return r;
        });
        // The migrator is blocked on the lock (seen from PostgreSQL, not guessed from a timer).
        await expect
          .poll(
            async () =>
              (
                await admin((c) =>
                  c.query<{ n: number }>(
                    `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`,
                  ),
                )
              ).rows[0]!.n,
            { timeout: 60_000, interval: 100 },
          )
          .toBeGreaterThan(0);
        expect(done).toBe(false);
        const tables = await admin((c) =>
          c.query(
            `SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'patients'`,
            [schema],
          ),
        );
        expect(tables.rowCount).toBe(0);
        await holder.query(`SELECT pg_advisory_unlock(${KYSELY_MIGRATION_LOCK})`);
        expect((await running).applied.length).toBeGreaterThan(0);
      } finally {
        await holder.end();
        await server.close();
      }
    });

    it('two installations in two schemas of one database each get their own migration records', async () => {
      const [a, b] = [await freshSchema(), await freshSchema()];
      const first = await open(a);
      const second = await open(b);
      try {
        const ra = await migrate(first.db);
        const rb = await migrate(second.db);
        expect(rb.applied).toEqual(ra.applied);
        expect(ra.applied.length).toBeGreaterThan(0);
      } finally {
        await first.close();
        await second.close();
      }
    });
  },
);
