/**
 * Versioned SQL migrations: every `migrations/NNNN_name.sql` file, applied once each in name order by
 * Kysely's migrator, which records them in `kysely_migration`. Several servers starting together on one
 * PostgreSQL apply each file once: on PostgreSQL the migrator takes a session advisory lock
 * (`pg_advisory_lock`) and then applies the pending files in one transaction, so a second server waits
 * for the lock, then finds nothing pending (test/migrations-concurrent.test.ts proves it). The files
 * themselves are also written to be re-runnable.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import type { Db } from './database';

const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

class SqlFileMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const file of readdirSync(MIGRATIONS_DIR)
      .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
      .sort()) {
      const text = readFileSync(MIGRATIONS_DIR + file, 'utf8');
      out[file.replace(/\.sql$/, '')] = {
        // Migrations are forward-only: a clinic's records are never rolled back by a tool.
        up: async (db) => {
          await sql.raw(text).execute(db);
        },
      };
    }
    return out;
  }
}

export interface MigrationReport {
  applied: string[];
}

export async function migrate(db: Db): Promise<MigrationReport> {
  // The migrator's bookkeeping tables live in the schema the data goes to (the first on search_path).
  // Without naming it, Kysely looks for `kysely_migration` in every schema, finds another schema's
  // (a second installation or test schema in the same database) and never creates its own.
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const migrator = new Migrator({
    db,
    provider: new SqlFileMigrationProvider(),
    migrationTableSchema: rows[0]!.schema,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
