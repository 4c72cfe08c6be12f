/**
 * Backup and restore of the records database, also while a server runs on it:
 * - PGlite: a gzipped tarball of the data folder made by PGlite's own `dumpDataDir`, by the process
 *   that holds the folder (the running server, over its backup socket) or, when none does, by opening
 *   the folder here. Restored with PGlite's `loadDataDir` into a scratch folder inside the target (so a
 *   broken file leaves the target as it was), then moved in place.
 * - PostgreSQL: `pg_dump --format=custom` and `pg_restore` in one transaction.
 * A restore refuses a target that holds data unless `force` is given. The file is written under a
 * temporary name and renamed, so a failed backup never leaves a file that looks complete.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import type { DatabaseTarget } from '../config';
import { openDatabase } from './database';
import { LOCK_FILE, liveLockHolder, lockDataFolder } from './folder-lock';
import { requestDump } from './pglite-backup';

/** A backup or restore that cannot go ahead for a reason the user can fix; the message says which. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export interface BackupReport {
  kind: 'pglite' | 'postgres';
  bytes: number;
  /** Where the data came from: the running server, the folder opened here, or pg_dump. */
  via: 'from the running server' | 'from the data folder' | 'with pg_dump';
}

const RESTORE_SCRATCH = '.hemispasm-restore';

function writeAtomically(file: string, bytes: Uint8Array): void {
  const partial = `${file}.partial`;
  writeFileSync(partial, bytes, { mode: 0o600 });
  renameSync(partial, file);
}

export async function backupDatabase(target: DatabaseTarget, file: string): Promise<BackupReport> {
  if (target.kind === 'postgres') {
    const partial = `${file}.partial`;
    try {
      await runPgTool('pg_dump', ['--format=custom', `--file=${partial}`], target.url);
    } catch (e) {
      rmSync(partial, { force: true });
      throw e;
    }
    renameSync(partial, file);
    return { kind: 'postgres', bytes: readFileSync(file).length, via: 'with pg_dump' };
  }
  const folder = resolve(target.dataDir);
  if (!existsSync(join(folder, 'PG_VERSION'))) {
    throw new BackupError(`${folder} is not a PGlite data folder (no PG_VERSION): nothing to back up`);
  }
  const holder = liveLockHolder(folder);
  if (holder) {
    if (!holder.backupSocket) {
      throw new BackupError(
        `the data folder ${folder} is in use by process ${holder.pid} (${holder.command}), which takes no ` +
          'backup requests: stop it, then run the backup again',
      );
    }
    const bytes = await requestDump(holder.backupSocket);
    writeAtomically(file, bytes);
    return { kind: 'pglite', bytes: bytes.length, via: 'from the running server' };
  }
  const database = await openDatabase({ dataDir: folder, holder: 'hemispasm backup', serveBackups: false });
  try {
    const bytes = await database.dumpDataDir!();
    writeAtomically(file, bytes);
    return { kind: 'pglite', bytes: bytes.length, via: 'from the data folder' };
  } finally {
    await database.close();
  }
}

type BackupKind = 'pglite' | 'postgres';

/** Tells the two backup formats apart by their first bytes. */
export function backupKindOf(bytes: Uint8Array): BackupKind | undefined {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return 'pglite'; // gzip: PGlite's tarball
  if (Buffer.from(bytes.subarray(0, 5)).toString('latin1') === 'PGDMP') return 'postgres';
  return undefined;
}

/** Non-shared bytes: PGlite loads them as a Blob, which (in the DOM typings too) refuses a SharedArrayBuffer. */
function readBackup(file: string, expected: BackupKind): Uint8Array<ArrayBuffer> {
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new BackupError(`${file}: ${code === 'ENOENT' ? 'file not found' : `cannot read (${code})`}`);
  }
  const kind = backupKindOf(bytes);
  if (!kind)
    throw new BackupError(`${file} is not a hemispasm backup (neither a PGlite tarball nor pg_dump's)`);
  if (kind !== expected) {
    throw new BackupError(
      kind === 'pglite'
        ? `${file} is a PGlite backup: restore it into a data folder (unset DATABASE_URL, give --data DIR)`
        : `${file} is a PostgreSQL (pg_dump) backup: set DATABASE_URL to the database to restore it into`,
    );
  }
  return bytes;
}

export interface RestoreReport {
  kind: BackupKind;
  location: string;
  /** Whether existing data was replaced (`force`). */
  replaced: boolean;
}

export async function restoreDatabase(
  target: DatabaseTarget,
  file: string,
  opts: { force?: boolean } = {},
): Promise<RestoreReport> {
  return target.kind === 'postgres'
    ? restorePostgres(target.url, file, opts.force ?? false)
    : restorePglite(target.dataDir, file, opts.force ?? false);
}

async function restorePglite(dataDir: string, file: string, force: boolean): Promise<RestoreReport> {
  const bytes = readBackup(file, 'pglite');
  const folder = resolve(dataDir);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const lock = await lockDataFolder(folder, 'hemispasm restore');
  try {
    const scratch = join(lock.folder, RESTORE_SCRATCH);
    rmSync(scratch, { recursive: true, force: true });
    const existing = readdirSync(lock.folder).filter((f) => f !== LOCK_FILE && f !== RESTORE_SCRATCH);
    if (existing.length && !force) {
      throw new BackupError(
        `${lock.folder} is not empty (${existing.length} entries): restore into a new folder, or add --force to replace its data`,
      );
    }
    // PGlite unpacks and starts the copy (recovering it if needed) before anything in the target moves.
    try {
      const pg = await PGlite.create(scratch, {
        loadDataDir: new Blob([bytes], { type: 'application/x-gzip' }),
      });
      await pg.query('select 1');
      await pg.close();
    } catch (e) {
      rmSync(scratch, { recursive: true, force: true });
      throw new BackupError(`${file} could not be loaded: ${e instanceof Error ? e.message : String(e)}`);
    }
    // The source folder's lock came along in the tarball; this folder's own lock stays.
    rmSync(join(scratch, LOCK_FILE), { force: true });
    for (const f of existing) rmSync(join(lock.folder, f), { recursive: true, force: true });
    for (const f of readdirSync(scratch)) renameSync(join(scratch, f), join(lock.folder, f));
    rmSync(scratch, { recursive: true, force: true });
    return { kind: 'pglite', location: lock.folder, replaced: existing.length > 0 };
  } finally {
    lock.release();
  }
}

async function restorePostgres(url: string, file: string, force: boolean): Promise<RestoreReport> {
  readBackup(file, 'postgres');
  const database = await openDatabase({ url, poolSize: 1 });
  let tables: number;
  try {
    const r = await sql<{ n: number }>`
      select count(*)::int as n from information_schema.tables
      where table_schema not in ('pg_catalog', 'information_schema')`.execute(database.db);
    tables = r.rows[0]?.n ?? 0;
  } finally {
    await database.close();
  }
  if (tables > 0 && !force) {
    throw new BackupError(
      `${database.location} is not empty (${tables} tables): restore into a new database, or add --force to replace its data`,
    );
  }
  await runPgTool(
    'pg_restore',
    [
      '--no-owner',
      '--no-privileges',
      '--single-transaction',
      '--exit-on-error',
      ...(force ? ['--clean', '--if-exists'] : []),
      file,
    ],
    url,
  );
  return { kind: 'postgres', location: database.location, replaced: tables > 0 };
}

/**
 * Runs pg_dump or pg_restore (from PATH) against `url`, with the password in PGPASSWORD rather than on
 * the command line, where other users of the machine could read it.
 */
function runPgTool(tool: 'pg_dump' | 'pg_restore', args: string[], url: string): Promise<void> {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) };
  return new Promise((resolvePromise, reject) => {
    const child = spawn(tool, [`--dbname=${u.toString()}`, ...args], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c) => {
      stderr += String(c);
    });
    child.on('error', (e: NodeJS.ErrnoException) =>
      reject(
        new BackupError(
          e.code === 'ENOENT'
            ? `${tool} not found: install the PostgreSQL client tools (Debian: postgresql-client)`
            : `${tool}: ${e.message}`,
        ),
      ),
    );
    child.on('close', (code) => {
      if (code === 0) resolvePromise();
      else
        reject(
          new BackupError(`${tool} failed (exit ${code}): ${stderr.trim().split('\n').slice(-3).join(' ')}`),
        );
    });
  });
}
