/**
 * Opens the records database: a PostgreSQL server when a connection URL is given (node-postgres pool),
 * otherwise embedded PGlite in a data folder (or in memory for tests). Both get the same type parsing,
 * the same Kysely query builder and the same migrations.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PgliteDialect } from './pglite-dialect';
import type { Database } from './schema';

export type Db = Kysely<Database>;

export interface DatabaseOptions {
  /** postgres://… URL; when set, PostgreSQL is used and `dataDir` is ignored. */
  url?: string;
  /** PGlite data folder; `memory://` (or undefined with `memory: true`) keeps it in memory. */
  dataDir?: string;
  /** Largest number of pooled PostgreSQL connections. */
  poolSize?: number;
  /** Runs every new PostgreSQL connection in this schema (tests use one schema per file). */
  searchPath?: string;
  /**
   * postgres://… URL of a streaming replica (hot standby) of `url`, for read-only analytics
   * (DATABASE_READ_URL; see src/db/read-routing.ts). Ignored on PGlite.
   */
  readUrl?: string;
}

export interface OpenDatabase {
  db: Db;
  /** The read replica when `readUrl` was given (PostgreSQL only), else undefined. */
  readDb?: Db;
  kind: 'pglite' | 'postgres';
  /** Where the data lives, for the start-up banner (never includes a password). */
  location: string;
  close(): Promise<void>;
}

const DATE_OID = 1082;
const INT8_OID = 20;
// `date` stays 'YYYY-MM-DD' (no time-zone shift); count(*) and bigserial become numbers.
const parseDate = (v: string) => v;
const parseInt8 = (v: string) => Number.parseInt(v, 10);

function openPostgres(url: string, opts: DatabaseOptions): Db {
  const types = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
      if (oid === DATE_OID) return parseDate;
      if (oid === INT8_OID) return parseInt8;
      return pg.types.getTypeParser(oid, format);
    }) as typeof pg.types.getTypeParser,
  };
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolSize ?? 16,
    types,
    ...(opts.searchPath ? { options: `-c search_path=${opts.searchPath}` } : {}),
  });
  // A connection the server drops (a restart, a standby going away) emits 'error': on an idle pooled
  // client the pool discards it and the next query connects anew; on a client in use the query itself
  // fails (and the pool discards the client when it comes back). Unhandled, the event ends the process.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

export async function openDatabase(opts: DatabaseOptions = {}): Promise<OpenDatabase> {
  if (opts.url) {
    const db = openPostgres(opts.url, opts);
    const readDb = opts.readUrl ? openPostgres(opts.readUrl, opts) : undefined;
    const u = new URL(opts.url);
    return {
      db,
      ...(readDb ? { readDb } : {}),
      kind: 'postgres',
      location: `postgres://${u.host}${u.pathname}${readDb ? ` (reads for analytics: postgres://${new URL(opts.readUrl!).host})` : ''}`,
      close: async () => {
        await readDb?.destroy();
        await db.destroy();
      },
    };
  }
  const dataDir = opts.dataDir ?? 'memory://';
  if (!dataDir.startsWith('memory://')) mkdirSync(resolve(dataDir), { recursive: true });
  const pglite = await PGlite.create(dataDir.startsWith('memory://') ? undefined : resolve(dataDir), {
    parsers: { [DATE_OID]: parseDate, [INT8_OID]: parseInt8 },
    // Trigram indexes for the patient name search (migration 0006), as on PostgreSQL.
    extensions: { pg_trgm },
  });
  const db = new Kysely<Database>({ dialect: new PgliteDialect(pglite) });
  return {
    db,
    kind: 'pglite',
    location: dataDir.startsWith('memory://') ? 'memory' : resolve(dataDir),
    close: () => db.destroy(),
  };
}
