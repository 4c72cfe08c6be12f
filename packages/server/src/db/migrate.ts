/**
 * Versioned SQL migrations: every `migrations/NNNN_name.sql` file, applied once each in name order by
 * Kysely's migrator (which records them in `kysely_migration` and takes a lock, so two servers starting
 * together do not both apply one). The files themselves are also written to be re-runnable.
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
  const migrator = new Migrator({ db, provider: new SqlFileMigrationProvider() });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
