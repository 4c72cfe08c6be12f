/**
 * Backups of a PGlite data folder that a running server holds. Only the process that has the folder
 * open may read it (see folder-lock.ts), so that process answers backup requests itself: it listens on
 * a local socket in a private temporary folder (mode 0700: only the same OS user, who can read the
 * data folder anyway) and records the socket's path in its lock file. `hemispasm backup` connects,
 * sends `dump`, and receives `ok <bytes>\n` and the gzipped tarball of PGlite's own `dumpDataDir`, or
 * `error <message>\n`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface DumpServer {
  socketPath: string;
  close(): Promise<void>;
}

/** Listens for backup requests; `dump` must give a consistent tarball of the folder. */
export async function serveDumps(dump: () => Promise<Uint8Array>): Promise<DumpServer> {
  let dir: string | undefined;
  let socketPath: string;
  if (process.platform === 'win32') {
    socketPath = `\\\\?\\pipe\\hemispasm-${process.pid}-${Date.now()}`;
  } else {
    dir = mkdtempSync(join(tmpdir(), 'hemispasm-'));
    socketPath = join(dir, 'backup.sock');
  }
  const server: Server = createServer((socket) => {
    socket.on('error', () => socket.destroy());
    let request = '';
    socket.on('data', (chunk) => {
      request += String(chunk);
      if (!request.includes('\n')) return;
      socket.removeAllListeners('data');
      if (request.trim() !== 'dump') {
        socket.end('error unknown request\n');
        return;
      }
      dump().then(
        (bytes) => {
          socket.write(`ok ${bytes.byteLength}\n`);
          socket.end(bytes);
        },
        (e: unknown) => {
          const message = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ');
          socket.end(`error ${message}\n`);
        },
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
  // The server must not keep a process alive that has nothing else to do.
  server.unref();
  return {
    socketPath,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Asks the process at `socketPath` for a tarball of its data folder. */
export function requestDump(socketPath: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = createConnection(socketPath, () => socket.write('dump\n'));
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('end', () => {
      const all = Buffer.concat(chunks);
      const eol = all.indexOf(10);
      const head = all.subarray(0, eol < 0 ? all.length : eol).toString('utf8');
      const body = all.subarray(eol + 1);
      const ok = /^ok (\d+)$/.exec(head);
      if (ok && Number(ok[1]) === body.length) resolve(new Uint8Array(body));
      else if (ok) reject(new Error(`the server sent ${body.length} of ${ok[1]} bytes`));
      else reject(new Error(`the server could not make the backup: ${head.replace(/^error /, '')}`));
    });
  });
}
