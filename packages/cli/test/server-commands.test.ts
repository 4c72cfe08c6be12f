/**
 * The server commands end to end: `demo` seeds a data folder and prints the logins, `admin create`
 * adds an admin, and `serve` runs as a real process on that folder, answers (API and web app), and stops
 * on SIGTERM.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

const bin = fileURLToPath(new URL('../bin/hemispasm.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'hemispasm-cli-server-'));
const data = join(dir, 'data');
const SLOW = 180_000; // each command starts embedded PostgreSQL (PGlite), seconds on a busy machine

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hemispasm demo / admin / serve', () => {
  it(
    'seeds the demo clinic once and prints the demo logins',
    async () => {
      const r = await runCli(['demo', '--data', data]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('clinician@demo.hemispasm.test');
      expect(r.stdout).toContain('demo-clinician-2026');
      const again = await runCli(['demo', '--data', data]);
      expect(again.code).toBe(2);
      expect(again.stderr).toContain('already exists');
    },
    SLOW,
  );

  it(
    'creates an admin with the password from the environment, and refuses bad input with exit 2',
    async () => {
      const saved = process.env.HEMISPASM_ADMIN_PASSWORD;
      try {
        delete process.env.HEMISPASM_ADMIN_PASSWORD;
        const noPassword = await runCli([
          'admin',
          'create',
          '--email',
          'boss@clinic.test',
          '--clinic',
          'North',
        ]);
        expect(noPassword.code).toBe(2);
        expect(noPassword.stderr).toContain('HEMISPASM_ADMIN_PASSWORD');
        process.env.HEMISPASM_ADMIN_PASSWORD = 'a long admin password';
        const badEmail = await runCli([
          'admin',
          'create',
          '--email',
          'not-an-email',
          '--clinic',
          'North',
          '--data',
          data,
        ]);
        expect(badEmail.code).toBe(2);
        expect(badEmail.stderr).toMatch(/^email: /m);
        const ok = await runCli([
          'admin',
          'create',
          '--email',
          'boss@clinic.test',
          '--clinic',
          'North',
          '--data',
          data,
        ]);
        expect(ok.stderr).toBe('');
        expect(ok.code).toBe(0);
        expect(ok.stdout).toContain('Created admin boss@clinic.test of new clinic "North"');
      } finally {
        if (saved === undefined) delete process.env.HEMISPASM_ADMIN_PASSWORD;
        else process.env.HEMISPASM_ADMIN_PASSWORD = saved;
      }
    },
    SLOW,
  );

  it('rejects a bad --port before starting anything', async () => {
    const r = await runCli(['serve', '--port', 'eighty']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--port');
  });

  it(
    'serves the seeded folder as a real process, signs in the new admin, and stops cleanly on SIGTERM',
    async () => {
      const env = { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: '' };
      const child: ChildProcess = spawn(process.execPath, [bin, 'serve', '--port', '0', '--data', data], {
        env,
      });
      let out = '';
      child.stdout!.on('data', (c) => {
        out += String(c);
      });
      child.stderr!.on('data', (c) => {
        out += String(c);
      });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      try {
        const url = await new Promise<string>((resolve, reject) => {
          const t = setInterval(() => {
            const m = /serving (http:\/\/localhost:\d+)/.exec(out);
            if (m) {
              clearInterval(t);
              resolve(m[1]!);
            }
          }, 100);
          exited.then(() => {
            clearInterval(t);
            reject(new Error(`serve exited early:\n${out}`));
          });
        });
        const health = await fetch(`${url}/api/health`);
        expect(await health.json()).toEqual({ status: 'ok', database: 'pglite' });
        // The web app `npm ci` built (root `prepare`), found through @hemispasm/web.
        const page = await fetch(url);
        expect(page.status, 'no web app at /: npm ci builds it (npm run build -w @hemispasm/web)').toBe(200);
        expect(await page.text()).toContain('<div id="root">');
        const login = await fetch(`${url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'boss@clinic.test', password: 'a long admin password' }),
        });
        expect(login.status).toBe(200);
        expect(((await login.json()) as { user: { role: string } }).user.role).toBe('admin');
      } finally {
        child.kill('SIGTERM');
      }
      expect(await exited).toBe(0);
      expect(out).toContain('stopping');
    },
    SLOW,
  );
});
