/** The migrations build the whole schema on an empty database, and running them again changes nothing. */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { OpenDatabase } from '../src/db/database';
import { migrate } from '../src/db/migrate';
import { describeEachDatabase } from './helpers/databases';

const TABLES = [
  'assessments',
  'audit_log',
  'cds_jwt_seen',
  'clinics',
  'decision_preferences',
  'decision_records',
  'diary_entries',
  'episode_outcomes',
  'follow_ups',
  'login_attempts',
  'patients',
  'sessions',
  'treatment_episodes',
  'users',
  'video_measurements',
];

/** Every migration file, in the order they apply. */
const MIGRATIONS = readdirSync(fileURLToPath(new URL('../migrations/', import.meta.url)))
  .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
  .sort()
  .map((f) => f.replace(/\.sql$/, ''));

describeEachDatabase('migrations', (variant) => {
  let d: OpenDatabase;
  beforeAll(async () => {
    d = await variant.open();
  });
  afterAll(async () => {
    await d?.close();
  });

  const tables = async () =>
    (
      await sql<{ table_name: string }>`
        SELECT table_name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_name NOT LIKE 'kysely_%' ORDER BY table_name`.execute(
        d.db,
      )
    ).rows.map((r) => r.table_name);

  it('create every table on an empty database', async () => {
    expect(await tables()).toEqual([]);
    const first = await migrate(d.db);
    expect(first.applied).toEqual(MIGRATIONS);
    expect(first.applied[0]).toBe('0001_init');
    expect(await tables()).toEqual(TABLES);
  });

  it('run a second time without harm, keeping the data', async () => {
    await d.db.insertInto('clinics').values({ name: 'Kept' }).execute();
    const again = await migrate(d.db);
    expect(again.applied).toEqual([]);
    expect(await tables()).toEqual(TABLES);
    expect((await d.db.selectFrom('clinics').select('name').execute()).map((c) => c.name)).toEqual(['Kept']);
  });

  it('can re-run the SQL itself (every statement is idempotent)', async () => {
    // Simulates a crash between applying the SQL and recording it: the file must apply cleanly again.
    await sql`DELETE FROM kysely_migration`.execute(d.db);
    const replay = await migrate(d.db);
    expect(replay.applied).toEqual(MIGRATIONS);
    expect((await d.db.selectFrom('clinics').select('name').execute()).map((c) => c.name)).toEqual(['Kept']);
  });
});
