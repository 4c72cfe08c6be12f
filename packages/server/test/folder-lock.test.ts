/**
 * The data-folder lock: a live holder keeps every other opener out (named by folder and pid); a lock
 * left by a dead process, a recycled pid or a copied folder is taken over; racing takers yield one
 * winner. Other processes are real Node processes.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database';
import { DataFolderLockedError, LOCK_FILE, type LockHolder, lockDataFolder } from '../src/db/folder-lock';

const root = mkdtempSync(join(tmpdir(), 'hemispasm-lock-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshFolder = () => {
  const dir = join(root, `f${n++}`);
  mkdirSync(dir);
  return dir;
};
const lockPath = (dir: string) => join(dir, LOCK_FILE);
const holderOf = (dir: string) => JSON.parse(readFileSync(lockPath(dir), 'utf8')) as LockHolder;
const writeHolder = (dir: string, h: Partial<LockHolder>) =>
  writeFileSync(
    lockPath(dir),
    JSON.stringify({ host: hostname(), folder: dir, command: 'test', since: '2026-01-01T00:00:00Z', ...h }),
  );
/** A pid that belonged to a process that has exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

// Each child process compiles TypeScript through tsx: seconds on a busy 2-core machine.
const SPAWNED = 180_000;
const lockModule = fileURLToPath(new URL('../src/db/folder-lock.ts', import.meta.url));

/** Runs `code` (with `lockDataFolder` in scope) in a separate Node process. */
function nodeWithLock(code: string) {
  const script = `import { lockDataFolder } from ${JSON.stringify(lockModule)};\n${code}`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c) => {
    out += String(c);
  });
  child.stderr.on('data', (c) => {
    out += String(c);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => out };
}

const until = (ready: () => boolean) =>
  new Promise<void>((resolve) => {
    const t = setInterval(() => {
      if (ready()) {
        clearInterval(t);
        resolve();
      }
    }, 50);
  });

describe('data folder lock', () => {
  it('keeps a second opener out, naming the folder, the pid and the command, until released', async () => {
    const dir = freshFolder();
    const lock = await lockDataFolder(dir, 'hemispasm serve');
    const refusal = await lockDataFolder(dir).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(DataFolderLockedError);
    expect((refusal as Error).message).toContain(dir);
    expect((refusal as Error).message).toContain(`process ${process.pid}`);
    expect((refusal as Error).message).toContain('hemispasm serve');
    lock.release();
    expect(existsSync(lockPath(dir))).toBe(false);
    (await lockDataFolder(dir)).release();
  });

  it('takes over the lock of a process that is gone', async () => {
    const dir = freshFolder();
    writeHolder(dir, { pid: deadPid() });
    const lock = await lockDataFolder(dir);
    expect(holderOf(dir).pid).toBe(process.pid);
    lock.release();
  });

  it('takes over a lock whose pid now belongs to another process (different start time)', async () => {
    if (!existsSync('/proc/self/stat')) return; // the start time is read from Linux's /proc
    const dir = freshFolder();
    writeHolder(dir, { pid: process.pid, startTicks: '1' });
    (await lockDataFolder(dir)).release();
  });

  it('takes over a lock copied along with another folder, and respects one from another host', async () => {
    const copied = freshFolder();
    writeHolder(copied, { pid: process.pid, folder: '/some/other/folder' });
    (await lockDataFolder(copied)).release();
    const shared = freshFolder();
    writeHolder(shared, { pid: 4242, host: 'other-host.example' });
    await expect(lockDataFolder(shared)).rejects.toThrow(/process 4242 on host other-host\.example/);
  });

  it(
    'is freed when its process exits without closing, and left stale (then taken over) by kill -9',
    async () => {
      const exiting = freshFolder();
      const quits = nodeWithLock(`await lockDataFolder(${JSON.stringify(exiting)}); process.exit(0);`);
      expect(await quits.exited).toBe(0);
      expect(existsSync(lockPath(exiting))).toBe(false);

      const killed = freshFolder();
      const holder = nodeWithLock(
        `await lockDataFolder(${JSON.stringify(killed)}, 'holder'); console.log('locked'); setInterval(() => {}, 1000);`,
      );
      await until(() => holder.output().includes('locked'));
      await expect(lockDataFolder(killed)).rejects.toThrow(`process ${holder.child.pid}`);
      holder.child.kill('SIGKILL');
      await holder.exited;
      expect(holderOf(killed).pid).toBe(holder.child.pid);
      (await lockDataFolder(killed)).release();
    },
    SPAWNED,
  );

  it(
    'lets exactly one of several processes racing for a stale lock win',
    async () => {
      const dir = freshFolder();
      writeHolder(dir, { pid: deadPid() });
      // A winner holds on until every racer has had its try.
      const racers = Array.from({ length: 4 }, () =>
        nodeWithLock(
          `try { await lockDataFolder(${JSON.stringify(dir)}); console.log('won'); setInterval(() => {}, 1000); }
           catch (e) { console.log(e.name); }`,
        ),
      );
      await until(() => racers.every((r) => r.output().trim() !== ''));
      for (const r of racers) r.child.kill('SIGTERM');
      await Promise.all(racers.map((r) => r.exited));
      const results = racers.map((r) => r.output().trim());
      expect(results.filter((r) => r === 'won')).toHaveLength(1);
      expect(results.filter((r) => r === 'DataFolderLockedError').length + 1).toBe(racers.length);
    },
    SPAWNED,
  );

  it(
    'is taken by openDatabase on a PGlite folder and given back on close',
    async () => {
      const dir = freshFolder();
      const first = await openDatabase({ dataDir: dir, holder: 'first opener' });
      try {
        await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/in use by process \d+ \(first opener/);
      } finally {
        await first.close();
      }
      expect(existsSync(lockPath(dir))).toBe(false);
      await (await openDatabase({ dataDir: dir })).close();
    },
    SPAWNED,
  );
});
