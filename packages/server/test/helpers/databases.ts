/**
 * The databases every server suite runs on: embedded PGlite (in memory, one per test file) always, and
 * PostgreSQL when TEST_DATABASE_URL is set (scripts/with-postgres.sh starts a throwaway cluster) — each
 * test file in its own fresh schema, dropped afterwards. Without TEST_DATABASE_URL the PostgreSQL
 * variant is reported as skipped, visibly, under its own name.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';
import { type OpenDatabase, openDatabase } from '../../src/db/database';

export interface DbVariant {
  name: 'pglite' | 'postgres';
  available: boolean;
  open(): Promise<OpenDatabase>;
}

const pgUrl = process.env.TEST_DATABASE_URL;

async function openFreshPostgresSchema(url: string): Promise<OpenDatabase> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const opened = await openDatabase({ url, searchPath: schema, poolSize: 8 });
  return {
    ...opened,
    close: async () => {
      await opened.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}

export const DB_VARIANTS: DbVariant[] = [
  { name: 'pglite', available: true, open: () => openDatabase() },
  {
    name: 'postgres',
    available: !!pgUrl,
    open: () => openFreshPostgresSchema(pgUrl!),
  },
];

/** Runs `suite` once per database; the PostgreSQL run shows as skipped when TEST_DATABASE_URL is unset. */
export function describeEachDatabase(title: string, suite: (variant: DbVariant) => void): void {
  for (const v of DB_VARIANTS) {
    const name = v.available
      ? `${title} [${v.name}]`
      : `${title} [${v.name}: SKIPPED — set TEST_DATABASE_URL or run through scripts/with-postgres.sh]`;
    describe.skipIf(!v.available)(name, () => suite(v));
  }
}
