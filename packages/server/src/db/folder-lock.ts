/**
 * An exclusive lock on a PGlite data folder, held for as long as the database is open. PGlite is one
 * PostgreSQL backend with no shared-memory guard of its own: two processes on one folder both start,
 * and each overwrites the other's pages (acknowledged writes are lost). So every process that opens a
 * folder first creates `hemispasm.lock` in it, atomically (a hard link of a fully written file, so no
 * one ever reads a half-written lock), naming its pid, host and command. A second process finds the
 * file and refuses at once with a {@link DataFolderLockedError} naming the folder and the holder.
 *
 * A lock whose holder is gone (kill -9, power loss) is stale and taken over. On the same host the holder
 * is alive when its pid exists and — on Linux — the process with that pid started at the recorded time
 * since the recorded boot (so a recycled pid does not keep a folder locked). A lock written on another
 * host (a shared network folder) cannot be checked and counts as held. Taking over happens under a
 * short-lived guard file and only after re-reading the same stale content, so two processes taking
 * over at once cannot both win.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  linkSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const LOCK_FILE = 'hemispasm.lock';
const GUARD_FILE = `${LOCK_FILE}.takeover`;
/** A takeover guard older than this was left by a process that died while taking over. */
const GUARD_STALE_MS = 10_000;
/** A lock file still empty or unreadable after this long was left half-created (no hard links). */
const UNREADABLE_STALE_MS = 5_000;

export interface LockHolder {
  pid: number;
  host: string;
  /** The folder's real path when locked: a lock copied along with the folder (a backup) is stale. */
  folder: string;
  /** What holds it, e.g. `hemispasm serve`. */
  command: string;
  since: string;
  /** Linux: /proc/<pid>/stat start time and the boot id, to tell a live holder from a recycled pid. */
  startTicks?: string;
  bootId?: string;
  /** Where the holder answers backup requests (see pglite-backup.ts). */
  backupSocket?: string;
}

export class DataFolderLockedError extends Error {
  constructor(
    readonly folder: string,
    readonly holder: LockHolder,
  ) {
    const where = holder.host === hostname() ? '' : ` on host ${holder.host}`;
    super(
      `the data folder ${folder} is in use by process ${holder.pid}${where} (${holder.command}, since ${holder.since})`,
    );
    this.name = 'DataFolderLockedError';
  }
}

export interface FolderLock {
  readonly folder: string;
  readonly holder: LockHolder;
  /** Rewrites the lock with more about the holder (e.g. its backup socket), atomically. */
  update(patch: Partial<LockHolder>): void;
  release(): void;
}

function procStartTicks(pid: number | 'self'): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may itself contain spaces.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function bootId(): string | undefined {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return undefined;
  }
}

function parseHolder(text: string): LockHolder | undefined {
  try {
    const h = JSON.parse(text) as Partial<LockHolder>;
    if (!Number.isInteger(h.pid) || (h.pid ?? 0) <= 0 || typeof h.host !== 'string') return undefined;
    return {
      pid: h.pid!,
      host: h.host,
      folder: typeof h.folder === 'string' ? h.folder : '',
      command: typeof h.command === 'string' ? h.command : 'unknown command',
      since: typeof h.since === 'string' ? h.since : 'unknown',
      ...(typeof h.startTicks === 'string' ? { startTicks: h.startTicks } : {}),
      ...(typeof h.bootId === 'string' ? { bootId: h.bootId } : {}),
      ...(typeof h.backupSocket === 'string' ? { backupSocket: h.backupSocket } : {}),
    };
  } catch {
    return undefined;
  }
}

/** Whether the recorded holder still holds `folder` (on another host: assumed so). */
export function holderIsAlive(h: LockHolder, folder: string): boolean {
  if (h.host !== hostname()) return true;
  // Copied along with the folder (a restored backup, a cp -a): it named another folder.
  if (h.folder && h.folder !== folder) return false;
  if (h.bootId && bootId() && h.bootId !== bootId()) return false;
  try {
    process.kill(h.pid, 0);
  } catch (e) {
    // EPERM: the process exists but belongs to another user.
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (h.startTicks) {
    const now = procStartTicks(h.pid);
    if (now !== undefined && now !== h.startTicks) return false;
  }
  return true;
}

interface Found {
  raw: string;
  holder: LockHolder | undefined;
  ageMs: number;
}

function readLock(path: string): Found | undefined {
  try {
    const raw = readFileSync(path, 'utf8');
    return { raw, holder: parseHolder(raw), ageMs: Date.now() - statSync(path).mtimeMs };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** Creates `path` with `content` only if it does not exist; false when it does. */
function createExclusive(path: string, content: string): boolean {
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(tmp, content, { mode: 0o600 });
  try {
    linkSync(tmp, path);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw e;
    // No hard links on this file system: exclusive create, then write (readers wait for content).
    let fd: number;
    try {
      fd = openSync(path, 'wx', 0o600);
    } catch (e2) {
      if ((e2 as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e2;
    }
    try {
      writeSync(fd, content);
    } finally {
      closeSync(fd);
    }
    return true;
  } finally {
    unlinkSync(tmp);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Removes the stale lock (still `staleRaw`) under the takeover guard; false when the guard is busy. */
function removeStale(folder: string, staleRaw: string): boolean {
  const guard = join(folder, GUARD_FILE);
  if (!createExclusive(guard, String(process.pid))) {
    const g = readLock(guard);
    if (g && g.ageMs > GUARD_STALE_MS) unlinkSync(guard);
    return false;
  }
  try {
    const now = readLock(join(folder, LOCK_FILE));
    if (now && now.raw === staleRaw) unlinkSync(join(folder, LOCK_FILE));
    return true;
  } finally {
    unlinkSync(guard);
  }
}

/** The live holder of a folder's lock, if any (for a backup that asks the running server). */
export function liveLockHolder(dataDir: string): LockHolder | undefined {
  const folder = realpathSync(dataDir);
  const found = readLock(join(folder, LOCK_FILE));
  return found?.holder && holderIsAlive(found.holder, folder) ? found.holder : undefined;
}

/**
 * Locks an existing data folder for this process, taking over a stale lock; throws
 * {@link DataFolderLockedError} at once when a live process holds it.
 */
export async function lockDataFolder(dataDir: string, command = 'hemispasm'): Promise<FolderLock> {
  const folder = realpathSync(dataDir);
  const path = join(folder, LOCK_FILE);
  const startTicks = procStartTicks('self');
  const boot = bootId();
  let holder: LockHolder = {
    pid: process.pid,
    host: hostname(),
    folder,
    command,
    since: new Date().toISOString(),
    ...(startTicks ? { startTicks } : {}),
    ...(boot ? { bootId: boot } : {}),
  };
  const content = () => `${JSON.stringify(holder, null, 2)}\n`;
  for (let attempt = 0; ; attempt++) {
    if (createExclusive(path, content())) break;
    const found = readLock(path);
    if (!found) continue; // released meanwhile: try again
    if (found.holder && holderIsAlive(found.holder, folder)) {
      throw new DataFolderLockedError(folder, found.holder);
    }
    // Stale, or being written by a file system without hard links: give a writer a moment.
    const stale = found.holder !== undefined || found.ageMs > UNREADABLE_STALE_MS;
    if (!(stale && removeStale(folder, found.raw))) {
      if (attempt > 200) throw new Error(`could not lock the data folder ${folder}: ${path} stays busy`);
      await sleep(25);
    }
  }

  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.removeListener('exit', release);
    // Only our own lock is removed, never one that another process took over meanwhile.
    const now = readLock(path);
    if (now?.holder?.pid === process.pid && now.holder.since === holder.since) unlinkSync(path);
  };
  // A process that exits without closing the database (process.exit) still frees its folder.
  process.on('exit', release);
  return {
    folder,
    get holder() {
      return holder;
    },
    update(patch) {
      holder = { ...holder, ...patch };
      const tmp = `${path}.${process.pid}.update`;
      writeFileSync(tmp, content(), { mode: 0o600 });
      renameSync(tmp, path);
    },
    release,
  };
}
