/**
 * Throwaway PostgreSQL clusters on loopback for the tests and the benchmark that need their own server
 * (a primary with a streaming replica; the benchmark's pgbench): initdb in a temp folder, a free port,
 * fsync off, trust authentication on 127.0.0.1 (replication included), removed by `stop()`. As root the
 * cluster runs as the `postgres` user, as scripts/with-postgres.sh does.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The newest PostgreSQL server binaries: PG_BINDIR (set by scripts/with-postgres.sh) or Debian's. */
export function pgBinDir(): string | undefined {
  if (process.env.PG_BINDIR) return process.env.PG_BINDIR;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) if (existsSync(join(root, v, 'bin', 'initdb'))) return join(root, v, 'bin');
  return undefined;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

export interface Cluster {
  port: number;
  /** postgres://postgres@127.0.0.1:port/<database> */
  url(database?: string): string;
  /** The folder of its Unix-domain socket (PostgreSQL's `-k`): a client on this host may connect there. */
  socketDir: string;
  stop(): void;
}

const asPostgres = (): string[] => (process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--'] : []);

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  if (asPostgres().length) {
    spawnSync('sh', ['-c', 'id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres']);
    execFileSync('chown', ['postgres', dir]);
  }
  return dir;
}

function run(bin: string, cmd: string, args: string[]): string {
  const full = [...asPostgres(), join(bin, cmd), ...args];
  return execFileSync(full[0]!, full.slice(1), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function startServer(bin: string, dir: string, port: number, settings: string[]): Cluster {
  const options = [`-p ${port}`, `-k ${dir}`, '-c listen_addresses=127.0.0.1', '-c fsync=off', ...settings];
  run(bin, 'pg_ctl', [
    '-D',
    `${dir}/data`,
    '-l',
    `${dir}/log`,
    '-w',
    '-t',
    '300',
    '-o',
    options.join(' '),
    'start',
  ]);
  return {
    port,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    socketDir: dir,
    stop: () => {
      try {
        run(bin, 'pg_ctl', ['-D', `${dir}/data`, '-m', 'immediate', 'stop']);
      } catch {
        // already stopped
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** A new primary cluster; `settings` are extra `-c name=value` server options. */
export async function startCluster(bin: string, settings: string[] = []): Promise<Cluster> {
  const dir = tempDir('hemispasm-pg-');
  run(bin, 'initdb', ['-D', `${dir}/data`, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
  return startServer(bin, dir, await freePort(), ['-c max_connections=200', ...settings]);
}

/**
 * A hot standby of `primary`, streaming from it: a base backup taken with `pg_basebackup -R` (which
 * writes primary_conninfo and standby.signal), started on its own port, read-only.
 */
export async function startStandby(bin: string, primary: Cluster): Promise<Cluster> {
  const dir = tempDir('hemispasm-pg-standby-');
  run(bin, 'pg_basebackup', [
    '-h',
    '127.0.0.1',
    '-p',
    String(primary.port),
    '-U',
    'postgres',
    '-D',
    `${dir}/data`,
    '-R',
    '-X',
    'stream',
    // An immediate checkpoint: the default spread checkpoint waits minutes on an idle cluster.
    '--checkpoint=fast',
    '--no-sync',
  ]);
  return startServer(bin, dir, await freePort(), ['-c max_connections=200', '-c hot_standby=on']);
}
