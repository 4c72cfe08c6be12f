/**
 * A synthetic registry (`hemispasm demo --patients N`): N patients with their assessments, treatment
 * episodes, follow-ups and diary entries (about ten rows per patient, so ≈ 1 M rows for 100 000), added
 * to one clinic in one transaction — all or nothing — then ANALYZEd so the planner knows their size.
 *
 * PostgreSQL: each table streams in with one `COPY … FROM STDIN` (text format) on one connection, one
 * table after another, each table in its own pass over the deterministic generator
 * (registry-courses.ts), so memory stays flat whatever N is.
 * PGlite: there is no COPY stream through its driver here, so the same rows go in as multi-row INSERTs of
 * 1 000 rows in one transaction — correct, but single-threaded WebAssembly and a data folder: fine for
 * thousands of patients, far slower for 100 000 (see the README's "Scaling out" for measured times).
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db } from '../db/database';
import { REGISTRY_COLUMNS, type RegistryTable, registryPatient } from './registry-courses';

export type RegistryTarget =
  | { kind: 'postgres'; url: string; searchPath?: string }
  | { kind: 'pglite'; db: Db };

export interface RegistryOptions {
  patients: number;
  clinicId: string;
  /** The clinician recorded as author of every row. */
  createdBy: string;
  seed?: number;
  today?: Date;
  /** Progress, once per table. */
  progress?: (line: string) => void;
}

export type RegistryCounts = Record<RegistryTable, number>;

const TABLES: RegistryTable[] = [
  'patients',
  'assessments',
  'treatment_episodes',
  'follow_ups',
  'diary_entries',
];
const CHUNK_PATIENTS = 500;

/** One value in COPY text format: \N for null, backslash escapes for the characters COPY gives meaning to. */
function copyValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  const s = typeof v === 'string' ? v : String(v);
  return s.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

function* tableRows(table: RegistryTable, opts: RegistryOptions, todayMs: number): Generator<unknown[][]> {
  const ctx = { seed: opts.seed ?? 20260401, clinicId: opts.clinicId, createdBy: opts.createdBy, todayMs };
  for (let start = 0; start < opts.patients; start += CHUNK_PATIENTS) {
    const rows: unknown[][] = [];
    for (let i = start; i < Math.min(opts.patients, start + CHUNK_PATIENTS); i++) {
      rows.push(...registryPatient(i, ctx)[table]);
    }
    yield rows;
  }
}

export async function seedRegistry(target: RegistryTarget, opts: RegistryOptions): Promise<RegistryCounts> {
  if (!Number.isInteger(opts.patients) || opts.patients < 1)
    throw new RangeError('patients must be a positive integer');
  const todayMs = Date.parse((opts.today ?? new Date()).toISOString().slice(0, 10));
  const counts = Object.fromEntries(TABLES.map((t) => [t, 0])) as RegistryCounts;
  if (target.kind === 'postgres') {
    const client = new pg.Client({
      connectionString: target.url,
      ...(target.searchPath ? { options: `-c search_path=${target.searchPath}` } : {}),
    });
    await client.connect();
    try {
      await client.query('BEGIN');
      for (const table of TABLES) {
        const copy = client.query(
          copyFrom(`COPY ${table} (${REGISTRY_COLUMNS[table].join(', ')}) FROM STDIN`),
        );
        const lines = Readable.from(
          (function* () {
            for (const rows of tableRows(table, opts, todayMs)) {
              counts[table] += rows.length;
              yield rows.map((r) => `${r.map(copyValue).join('\t')}\n`).join('');
            }
          })(),
        );
        await pipeline(lines, copy);
        opts.progress?.(`${table}: ${counts[table]} rows`);
      }
      await client.query('COMMIT');
      await client.query(`ANALYZE ${TABLES.join(', ')}`);
      // The triggers of migration 0010 wrote each episode's summary when its episode came in, and again when
      // its follow-ups did: VACUUM drops the first versions, so the outcome queries read a table half the size.
      await client.query('VACUUM ANALYZE episode_outcomes');
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      await client.end();
    }
    return counts;
  }
  await target.db.transaction().execute(async (trx) => {
    for (const table of TABLES) {
      const columns = REGISTRY_COLUMNS[table];
      for (const rows of tableRows(table, opts, todayMs)) {
        for (let k = 0; k < rows.length; k += 1000) {
          const batch = rows.slice(k, k + 1000);
          await sql`INSERT INTO ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) VALUES ${sql.join(
            batch.map((r) => sql`(${sql.join(r)})`),
          )}`.execute(trx);
        }
        counts[table] += rows.length;
      }
      opts.progress?.(`${table}: ${counts[table]} rows`);
    }
  });
  await sql.raw(`ANALYZE ${TABLES.join(', ')}, episode_outcomes`).execute(target.db);
  return counts;
}
