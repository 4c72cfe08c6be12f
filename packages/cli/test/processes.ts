/**
 * Real `hemispasm` processes for the tests that need them (a second process, kill -9, a backup while
 * the server runs), a small API client, and throwaway PostgreSQL databases.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/**
 * Each process compiles TypeScript through tsx and starts PostgreSQL-in-wasm: seconds when idle, far
 * longer on a loaded 2-core machine. Limits are for hangs, never for slowness.
 */
export const SPAWN_TIMEOUT = 600_000;

export const bin = fileURLToPath(new URL('../bin/hemispasm.js', import.meta.url));

export { scratchDir } from './scratch';

/** The environment of a child: quiet logs, PGlite unless a database URL is given. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: '', ...extra };
}

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `hemispasm args…` to completion. */
export function runBin(args: string[], env: NodeJS.ProcessEnv = childEnv()): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => {
      stdout += String(c);
    });
    child.stderr.on('data', (c) => {
      stderr += String(c);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface Served {
  url: string;
  child: ChildProcess;
  pid: number;
  output(): string;
  exited: Promise<number | null>;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL: no shutdown of any kind. */
  kill9(): Promise<void>;
}

/** A child process whose standard output and error are collected together. */
export interface Collecting {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

export function spawnCollecting(cmd: string, args: string[], env: NodeJS.ProcessEnv): Collecting {
  const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (c) => {
    out += String(c);
  });
  child.stderr!.on('data', (c) => {
    out += String(c);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

/** Starts `hemispasm serve --port 0 …` and resolves once it listens (rejects if it exits first). */
export async function startServe(args: string[], env: NodeJS.ProcessEnv = childEnv()): Promise<Served> {
  const { child, output, exited } = spawnCollecting(
    process.execPath,
    [bin, 'serve', '--port', '0', ...args],
    env,
  );
  const url = await new Promise<string>((resolve, reject) => {
    const t = setInterval(() => {
      const m = /serving (http:\/\/localhost:\d+)/.exec(output());
      if (m) {
        clearInterval(t);
        resolve(m[1]!);
      }
    }, 50);
    exited.then((code) => {
      clearInterval(t);
      reject(new Error(`serve exited early (${code}):\n${output()}`));
    });
  });
  return {
    url,
    child,
    pid: child.pid!,
    output,
    exited,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
    kill9: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** A signed-in API user: cookie and CSRF token, JSON in and out. */
export class ApiClient {
  private cookie = '';
  private csrf = '';
  constructor(public url: string) {}

  static async signIn(url: string, email: string, password: string): Promise<ApiClient> {
    const c = new ApiClient(url);
    const r = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (r.status !== 200) throw new Error(`sign-in as ${email}: ${r.status} ${await r.text()}`);
    c.cookie = (r.headers.get('set-cookie') ?? '').split(';')[0]!;
    c.csrf = ((await r.json()) as { csrfToken: string }).csrfToken;
    return c;
  }

  /** The same session against another server (a restored copy of the database). */
  at(url: string): ApiClient {
    const c = new ApiClient(url);
    c.cookie = this.cookie;
    c.csrf = this.csrf;
    return c;
  }

  async send(method: string, path: string, body?: unknown): Promise<{ status: number; text: string }> {
    const r = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        cookie: this.cookie,
        'x-csrf-token': this.csrf,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: r.status, text: await r.text() };
  }

  async json<T>(method: string, path: string, body?: unknown, expected = 200): Promise<T> {
    const r = await this.send(method, path, body);
    if (r.status !== expected) throw new Error(`${method} ${path}: ${r.status} ${r.text}`);
    return JSON.parse(r.text) as T;
  }
}

export const ADMIN = { email: 'admin@durability.test', password: 'a long admin password' };
export const CLINICIAN = { email: 'doc@durability.test', password: 'a long clinician password' };

/** The env that makes a first `serve` create the admin. */
export const bootstrapEnv = {
  HEMISPASM_ADMIN_EMAIL: ADMIN.email,
  HEMISPASM_ADMIN_PASSWORD: ADMIN.password,
  HEMISPASM_CLINIC_NAME: 'Durability clinic',
};

/** Through the API of a fresh server: a clinician and one patient; returns the clinician's client. */
export async function clinicianWithPatient(url: string): Promise<{ doc: ApiClient; patientId: string }> {
  const admin = await ApiClient.signIn(url, ADMIN.email, ADMIN.password);
  await admin.json('POST', '/api/users', { ...CLINICIAN, displayName: 'Dr Durable', role: 'clinician' }, 201);
  const doc = await ApiClient.signIn(url, CLINICIAN.email, CLINICIAN.password);
  const p = await doc.json<{ id: string }>(
    'POST',
    '/api/patients',
    { name: 'Dora Durable', birthDate: '1961-03-04', sex: 'female', affectedSide: 'left' },
    201,
  );
  return { doc, patientId: p.id };
}

/** A new, empty database on the test PostgreSQL server (TEST_DATABASE_URL), dropped by `drop`. */
export async function freshPostgresDatabase(
  serverUrl: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
