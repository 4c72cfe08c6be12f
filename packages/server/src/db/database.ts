/**
 * Opens the records database: a PostgreSQL server when a connection URL is given (node-postgres pool),
 * otherwise embedded PGlite in a data folder (or in memory for tests). Both get the same type parsing,
 * the same Kysely query builder and the same migrations. A data folder is locked for as long as it is
 * open (folder-lock.ts), and its holder answers backup requests (pglite-backup.ts).
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { DatabaseTarget } from '../config';
import { lockDataFolder } from './folder-lock';
import { type DumpServer, serveDumps } from './pglite-backup';
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
  /** What opens a data folder, recorded in its lock (`hemispasm serve`). */
  holder?: string;
  /** Answer `hemispasm backup` while the folder is open (default true). */
  serveBackups?: boolean;
}

export interface OpenDatabase {
  db: Db;
  /** The read replica when `readUrl` was given (PostgreSQL only), else undefined. */
  readDb?: Db;
  kind: 'pglite' | 'postgres';
  /** Where the data lives, for the start-up banner (never includes a password). */
  location: string;
  /** PGlite only: a gzipped tarball of the data folder (PGlite's own dumpDataDir), between transactions. */
  dumpDataDir?: () => Promise<Uint8Array>;
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
  pool.on('connect', (client) => {
    client.on('error', () => {});
    prepareMarkedStatements(client);
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * A statement whose text starts with this comment is prepared once per connection and then only
 * executed (a named statement, node-postgres), instead of being parsed and planned on every call: for the
 * write statement of routes/records.ts (session, policy, change and audit row) planning costs PostgreSQL
 * about as much as running it. Only for statements of few distinct texts (each is kept per connection).
 * PGlite and any other driver run it as a plain statement (the marker is a comment).
 */
export const PREPARED_MARK = '/* prepared */';

const statementNames = new Map<string, string>();
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `hemispasm_${createHash('sha256').update(text).digest('base64url').slice(0, 32)}`;
    // Bounded: marked statements have few texts; past that, the name is computed again each time.
    if (statementNames.size < 1000) statementNames.set(text, name);
  }
  return name;
}

function prepareMarkedStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (q: unknown, values?: unknown) => unknown;
  client.query = ((q: unknown, values?: unknown) =>
    typeof q === 'string' && q.startsWith(PREPARED_MARK) && Array.isArray(values)
      ? query({ name: statementName(q), text: q, values })
      : query(q, values)) as typeof client.query;
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
  if (dataDir.startsWith('memory://')) {
    const pglite = await PGlite.create(undefined, PGLITE_OPTIONS);
    return pgliteDatabase(pglite, 'memory', async (close) => close());
  }
  const folder = resolve(dataDir);
  // PGlite writes its files world-readable (mode 0666): a new folder is private to its owner instead.
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const lock = await lockDataFolder(folder, opts.holder);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(lock.folder, PGLITE_OPTIONS);
  } catch (e) {
    lock.release();
    throw e;
  }
  let dumps: DumpServer | undefined;
  const opened = pgliteDatabase(pglite, lock.folder, async (close) => {
    try {
      await dumps?.close();
      await close();
    } finally {
      lock.release();
    }
  });
  if (opts.serveBackups ?? true) {
    try {
      dumps = await serveDumps(opened.dumpDataDir!);
      lock.update({ backupSocket: dumps.socketPath });
    } catch {
      // No local socket here (an unusual file system): a backup then needs the folder closed.
    }
  }
  return opened;
}

/** Runs `fn` in a transaction: the caller's, when `db` already is one, else a new one. */
export function inTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

/** Opens the database a loaded configuration names; `holder` is what the folder's lock records. */
export function openDatabaseAt(target: DatabaseTarget, holder: string): Promise<OpenDatabase> {
  return openDatabase(
    target.kind === 'postgres'
      ? { url: target.url, ...(target.readUrl ? { readUrl: target.readUrl } : {}) }
      : { dataDir: target.dataDir, holder },
  );
}

// Trigram indexes for the patient name search (migration 0006) need pg_trgm, as on PostgreSQL.
const PGLITE_OPTIONS = { parsers: { [DATE_OID]: parseDate, [INT8_OID]: parseInt8 }, extensions: { pg_trgm } };

function pgliteDatabase(
  pglite: PGlite,
  location: string,
  closing: (closeDb: () => Promise<void>) => Promise<void>,
): OpenDatabase {
  const db = new Kysely<Database>({ dialect: new PgliteDialect(pglite) });
  return {
    db,
    kind: 'pglite',
    location,
    // Holding the one connection keeps every transaction out while the folder is read; the checkpoint
    // writes the shared buffers out first, so the tarball is a clean copy rather than a crash image.
    dumpDataDir: () =>
      db.connection().execute(async (conn) => {
        await sql`checkpoint`.execute(conn);
        const blob = await pglite.dumpDataDir('gzip');
        return new Uint8Array(await blob.arrayBuffer());
      }),
    close: () => closing(() => db.destroy()),
  };
}
