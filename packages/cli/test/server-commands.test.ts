/**
 * The server commands end to end: `demo` seeds a data folder and prints the logins, `admin create`
 * adds an admin, and `serve` runs as a real process on that folder, answers (API and web app), and stops
 * on SIGTERM.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiClient, SPAWN_TIMEOUT, scratchDir, startServe } from './processes';
import { runCli } from './run-cli';

const dir = scratchDir('cli-server');
const data = join(dir, 'data');
// Each command starts embedded PostgreSQL (PGlite): seconds when idle, far longer on a busy machine.
const SLOW = SPAWN_TIMEOUT;

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
        /** `admin create` of the North clinic's admin, with `more` arguments. */
        const adminCreate = (email: string, ...more: string[]) =>
          runCli(['admin', 'create', '--email', email, '--clinic', 'North', ...more]);
        const noPassword = await adminCreate('boss@clinic.test');
        expect(noPassword.code).toBe(2);
        expect(noPassword.stderr).toContain('HEMISPASM_ADMIN_PASSWORD');
        process.env.HEMISPASM_ADMIN_PASSWORD = 'a long admin password';
        const badEmail = await adminCreate('not-an-email', '--data', data);
        expect(badEmail.code).toBe(2);
        expect(badEmail.stderr).toMatch(/^email: /m);
        const ok = await adminCreate('boss@clinic.test', '--data', data);
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

  it(
    'adds a synthetic registry with demo --patients N, and refuses a bad N',
    async () => {
      const bad = await runCli(['demo', '--patients', 'lots', '--data', join(dir, 'registry')]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('--patients');
      const r = await runCli(['demo', '--patients', '60', '--data', join(dir, 'registry')]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Added a synthetic registry of 60 patients \(\d+ rows\)/);
      expect(r.stderr).toContain('follow_ups:');
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
      const server = await startServe(['--data', data]);
      try {
        const health = await fetch(`${server.url}/api/health`);
        expect(await health.json()).toEqual({ status: 'ok', database: 'pglite' });
        // The web app `npm ci` built (root `prepare`), found through @hemispasm/web.
        const page = await fetch(server.url);
        expect(page.status, 'no web app at /: npm ci builds it (npm run build -w @hemispasm/web)').toBe(200);
        expect(await page.text()).toContain('<div id="root">');
        const admin = await ApiClient.signIn(server.url, 'boss@clinic.test', 'a long admin password');
        expect((await admin.json<{ user: { role: string } }>('GET', '/api/me')).user.role).toBe('admin');
      } finally {
        server.child.kill('SIGTERM');
      }
      expect(await server.exited).toBe(0);
      expect(server.output()).toContain('stopping');
    },
    SLOW,
  );
});
