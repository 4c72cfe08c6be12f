/**
 * Several servers: deploy/haproxy.cfg in front of two `hemispasm serve` processes on one PostgreSQL, all
 * on loopback. The two start together on an empty database (migrations and the bootstrap admin happen
 * once); a user signs in through one instance and acts through the other; signing out ends the session
 * on every instance at once; and when one instance is killed (-9) the proxy keeps serving and every
 * write it acknowledged is in the database.
 *
 * Needs TEST_DATABASE_URL (scripts/with-postgres.sh) and HAProxy (scripts/system-deps.sh installs it);
 * without them the suite shows as skipped under its own name.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePort } from '@hemispasm/server/testing/pg-cluster';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Collecting, spawnCollecting } from './processes';

const pgUrl = process.env.TEST_DATABASE_URL;
const haproxy = ['/usr/sbin/haproxy', '/usr/bin/haproxy', '/usr/local/sbin/haproxy'].find((p) =>
  existsSync(p),
);
const bin = fileURLToPath(new URL('../bin/hemispasm.js', import.meta.url));
const proxyConfig = fileURLToPath(new URL('../../../deploy/haproxy.cfg', import.meta.url));
const SLOW = 240_000; // processes start on a busy 2-core machine
const ADMIN = { email: 'admin@scale.test', password: 'scale-out admin password' };
const CLINICIAN = { email: 'doc@scale.test', password: 'scale-out clinician password' };

const skipReason = !pgUrl
  ? 'set TEST_DATABASE_URL'
  : !haproxy
    ? 'install haproxy (scripts/system-deps.sh)'
    : '';

type Proc = Collecting;
const start = spawnCollecting;

async function until<T>(what: string, p: Proc | undefined, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + SLOW;
  let died = false;
  void p?.exited.then(() => {
    died = true;
  });
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined) return v;
    if (died) throw new Error(`${what}: the process exited:\n${p?.output()}`);
    if (Date.now() > deadline) throw new Error(`${what}: not ready:\n${p?.output()}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** A tiny HTTP client that keeps one session cookie and its CSRF token. */
class Client {
  cookie = '';
  csrf = '';
  async call(base: string, method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    return fetch(`${base}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  }
  async signIn(base: string, who: { email: string; password: string }): Promise<void> {
    const r = await this.call(base, 'POST', '/api/auth/login', who);
    expect(r.status).toBe(200);
    this.cookie = r.headers
      .getSetCookie()
      .map((c) => c.split(';')[0]!)
      .join('; ');
    this.csrf = ((await r.json()) as { csrfToken: string }).csrfToken;
  }
}

describe.skipIf(!!skipReason)(
  `two servers behind HAProxy on one PostgreSQL${skipReason ? ` [SKIPPED — ${skipReason}]` : ''}`,
  () => {
    const database = `scale_${randomBytes(5).toString('hex')}`;
    let url = '';
    let apps: Proc[] = [];
    let proxy: Proc | undefined;
    const base: string[] = [];
    let proxyBase = '';

    const sql = async <R extends pg.QueryResultRow>(text: string, values: unknown[] = []) => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        return (await c.query<R>(text, values)).rows;
      } finally {
        await c.end();
      }
    };

    beforeAll(async () => {
      const admin = new pg.Client({ connectionString: pgUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${database}`);
      await admin.end();
      const u = new URL(pgUrl!);
      u.pathname = `/${database}`;
      url = u.toString();

      const ports = [await freePort(), await freePort()];
      const env = {
        ...process.env,
        DATABASE_URL: url,
        LOG_LEVEL: 'warn',
        HEMISPASM_ADMIN_EMAIL: ADMIN.email,
        HEMISPASM_ADMIN_PASSWORD: ADMIN.password,
        HEMISPASM_CLINIC_NAME: 'Scale clinic',
      };
      // Both instances start at the same moment on the empty database.
      apps = ports.map((port) => start(process.execPath, [bin, 'serve', '--port', String(port)], env));
      for (const [i, p] of apps.entries()) {
        base.push(
          await until(
            `instance ${i + 1}`,
            p,
            async () => /serving (http:\/\/localhost:\d+)/.exec(p.output())?.[1],
          ),
        );
      }
      const proxyPort = await freePort();
      proxyBase = `http://127.0.0.1:${proxyPort}`;
      proxy = start(haproxy!, ['-db', '-f', proxyConfig], {
        ...process.env,
        HEMISPASM_PROXY_BIND: `127.0.0.1:${proxyPort}`,
        HEMISPASM_APP1: `127.0.0.1:${ports[0]}`,
        HEMISPASM_APP2: `127.0.0.1:${ports[1]}`,
      });
      await until('haproxy', proxy, async () =>
        (await fetch(`${proxyBase}/api/health`)).ok ? true : undefined,
      );
    }, SLOW);

    afterAll(async () => {
      for (const p of [...apps, proxy]) {
        if (p && p.child.exitCode === null && p.child.signalCode === null) {
          p.child.kill('SIGTERM');
          await p.exited;
        }
      }
      if (pgUrl) {
        const admin = new pg.Client({ connectionString: pgUrl });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
        await admin.end();
      }
    }, SLOW);

    it('the two instances started together applied the migrations and created the admin once', async () => {
      const outputs = apps.map((a) => a.output());
      expect(outputs.filter((o) => o.includes('applied migrations'))).toHaveLength(1);
      expect(outputs.filter((o) => o.includes('created bootstrap admin'))).toHaveLength(1);
      const migrations = await sql<{ name: string; n: number }>(
        'SELECT name, count(*)::int AS n FROM kysely_migration GROUP BY name',
      );
      expect(migrations.length).toBeGreaterThan(0);
      expect(migrations.every((m) => m.n === 1)).toBe(true);
      expect(await sql('SELECT 1 FROM users')).toHaveLength(1);
      expect(await sql('SELECT 1 FROM clinics')).toHaveLength(1);
    });

    it(
      'signs in through one instance, acts through the other; signing out ends the session everywhere at once',
      async () => {
        const admin = new Client();
        await admin.signIn(base[0]!, ADMIN);
        const created = await admin.call(base[1]!, 'POST', '/api/users', {
          ...CLINICIAN,
          displayName: 'Dr Scale',
          role: 'clinician',
        });
        expect(created.status).toBe(201);

        const doc = new Client();
        await doc.signIn(base[0]!, CLINICIAN);
        const patient = await doc.call(base[1]!, 'POST', '/api/patients', {
          name: 'Scale Patient',
          birthDate: '1961-02-03',
          sex: 'female',
          affectedSide: 'left',
        });
        expect(patient.status).toBe(201);
        const { id } = (await patient.json()) as { id: string };
        for (const b of [base[0]!, base[1]!, proxyBase]) {
          const r = await doc.call(b, 'GET', `/api/patients/${id}`);
          expect(r.status).toBe(200);
          expect(((await r.json()) as { name: string }).name).toBe('Scale Patient');
        }

        expect((await doc.call(base[1]!, 'POST', '/api/auth/logout')).status).toBe(204);
        for (const b of [base[0]!, base[1]!, proxyBase]) {
          expect((await doc.call(b, 'GET', '/api/me')).status).toBe(401);
          expect((await doc.call(b, 'GET', `/api/patients/${id}`)).status).toBe(401);
        }
      },
      SLOW,
    );

    it(
      'one instance killed (-9) under load: the proxy keeps serving and no acknowledged write is lost',
      async () => {
        const doc = new Client();
        await doc.signIn(proxyBase, CLINICIAN);
        const patient = await doc.call(proxyBase, 'POST', '/api/patients', {
          name: 'Load Patient',
          birthDate: '1955-06-07',
          sex: 'male',
          affectedSide: 'right',
        });
        const { id } = (await patient.json()) as { id: string };
        const today = new Date().toISOString().slice(0, 10);

        const acked: string[] = [];
        const failedAt: number[] = []; // indexes (in send order) of requests that were not acknowledged
        let sent = 0;
        let killedAt = -1;
        let ackedAfterKill = 0;
        const writer = async () => {
          while (ackedAfterKill < 80) {
            const n = sent++;
            try {
              const r = await doc.call(proxyBase, 'POST', `/api/patients/${id}/diary`, {
                entryDate: today,
                severity: n % 11,
                notes: `write ${n}`,
              });
              if (r.status === 201) {
                acked.push(((await r.json()) as { id: string }).id);
                if (killedAt >= 0) ackedAfterKill++;
              } else failedAt.push(n);
            } catch {
              failedAt.push(n);
            }
            if (killedAt < 0 && acked.length >= 40) {
              killedAt = sent;
              apps[0]!.child.kill('SIGKILL');
            }
          }
        };
        const WRITERS = 4;
        await Promise.all(Array.from({ length: WRITERS }, writer));
        expect(await apps[0]!.exited).toBe(null); // killed by the signal

        // Only requests already in flight at the kill may fail; the proxy sends the rest to instance 2.
        expect(failedAt.length).toBeLessThanOrEqual(WRITERS);
        for (const n of failedAt) expect(n).toBeGreaterThanOrEqual(killedAt - WRITERS);
        // Every acknowledged write is stored, once.
        const stored = await sql<{ id: string }>('SELECT id FROM diary_entries WHERE patient_id = $1', [id]);
        const storedIds = new Set(stored.map((r) => r.id));
        expect(acked.filter((a) => !storedIds.has(a))).toEqual([]);
        expect(new Set(acked).size).toBe(acked.length);
        // And it goes on serving reads and writes through the proxy.
        const list = await doc.call(proxyBase, 'GET', `/api/patients/${id}/diary?limit=1000`);
        expect(list.status).toBe(200);
        expect(((await list.json()) as unknown[]).length).toBe(stored.length);
      },
      SLOW,
    );
  },
);
