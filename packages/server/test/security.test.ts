/**
 * Sign-in, sessions, CSRF, the database-backed login limit, user administration, the append-only audit
 * trail, logs without patient data, the problem format for malformed requests, the OpenAPI document and
 * the single-page web app fallback.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { MAX_ATTEMPTS_PER_PAIR } from '../src/auth/login-limit';
import { SESSION_COOKIE } from '../src/auth/sessions';
import { newUser } from './helpers/bodies';
import { describeEachDatabase } from './helpers/databases';
import { PASSWORD, worldFor } from './helpers/world';

const issuePaths = (body: string) => (JSON.parse(body).issues ?? []).map((i: { path: string }) => i.path);

describeEachDatabase('security and operations', (variant) => {
  const w = worldFor(variant);

  const login = (email: string, password: string) =>
    w.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  const cookieOf = (setCookie: string | string[] | undefined) => [setCookie].flat()[0]!.split(';')[0]!;

  describe('sign-in and sessions', () => {
    it('signs in with an HttpOnly SameSite=Strict cookie whose token is stored only hashed', async () => {
      const r = await login('doc@a.test', PASSWORD);
      expect(r.statusCode).toBe(200);
      const setCookie = String(r.headers['set-cookie']);
      expect(setCookie).toMatch(/HttpOnly/);
      expect(setCookie).toMatch(/SameSite=Strict/);
      const token = cookieOf(r.headers['set-cookie']).split('=')[1]!;
      const stored = await w.database.db.selectFrom('sessions').select('token_hash').execute();
      expect(stored.some((s) => s.token_hash === token)).toBe(false);
      const me = await w.app.inject({
        method: 'GET',
        url: '/api/me',
        headers: { cookie: cookieOf(r.headers['set-cookie']) },
      });
      expect(me.json()).toMatchObject({
        user: { email: 'doc@a.test', role: 'clinician', clinicName: 'Clinic A' },
      });
      expect(me.json().csrfToken).toBe(r.json().csrfToken);
    });

    it('gives the same answer for an unknown email and a wrong password', async () => {
      const a = await login('nobody@a.test', PASSWORD);
      const b = await login('admin@a.test', 'wrong password!');
      expect([a.statusCode, b.statusCode]).toEqual([401, 401]);
      expect(a.json().code).toBe('bad_credentials');
      expect(b.json().title).toBe(a.json().title);
    });

    it('survives a restart: a second server on the same database accepts the session', async () => {
      const r = await login('pat1@a.test', PASSWORD);
      const app2 = await buildApp({ db: w.database.db, webDist: false });
      const me = await app2.inject({
        method: 'GET',
        url: '/api/me',
        headers: { cookie: cookieOf(r.headers['set-cookie']) },
      });
      await app2.close();
      expect(me.statusCode).toBe(200);
      expect(me.json().user.patientId).toBe(w.patients.p1);
    });

    it('logs out: the cookie no longer opens anything', async () => {
      const r = await login('admin@b.test', PASSWORD);
      const cookie = cookieOf(r.headers['set-cookie']);
      const out = await w.app.inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: { cookie, 'x-csrf-token': r.json().csrfToken },
      });
      expect(out.statusCode).toBe(204);
      expect(String(out.headers['set-cookie'])).toContain(`${SESSION_COOKIE}=;`);
      const me = await w.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
      expect(me.statusCode).toBe(401);
    });

    it('refuses a state-changing request without the session’s CSRF token', async () => {
      const r = await login('doc@b.test', PASSWORD);
      const cookie = cookieOf(r.headers['set-cookie']);
      const url = `/api/patients/${w.patients.p3}/diary`;
      const payload = { entryDate: '2026-01-01', severity: 2 };
      const none = await w.app.inject({ method: 'POST', url, headers: { cookie }, payload });
      const wrong = await w.app.inject({
        method: 'POST',
        url,
        headers: { cookie, 'x-csrf-token': 'guess' },
        payload,
      });
      expect([none.statusCode, wrong.statusCode]).toEqual([403, 403]);
      expect(none.json().code).toBe('csrf_failed');
      const right = await w.app.inject({
        method: 'POST',
        url,
        headers: { cookie, 'x-csrf-token': r.json().csrfToken },
        payload,
      });
      expect(right.statusCode).toBe(201);
    });

    it('limits sign-ins per email and address in the database, even against the right password, across restarts', async () => {
      for (let i = 0; i < MAX_ATTEMPTS_PER_PAIR; i++)
        expect((await login('pat3@b.test', 'not it at all')).statusCode).toBe(401);
      const blocked = await login('pat3@b.test', PASSWORD);
      expect(blocked.statusCode).toBe(429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      const app2 = await buildApp({ db: w.database.db, webDist: false });
      const still = await app2.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'PAT3@b.test', password: PASSWORD },
      });
      await app2.close();
      expect(still.statusCode).toBe(429);
    });
  });

  describe('user administration', () => {
    it('lets an admin create users of their clinic, linking a patient login to one patient of that clinic', async () => {
      const admin = w.as(w.users.adminA);
      const createUser = (change: Record<string, unknown>) => admin('POST', '/api/users', newUser(change));
      /** A patient login for P2 or P3 (P3 is of the other clinic). */
      const patientLogin = (p: 'p2' | 'p3') =>
        createUser({
          email: `${p}@a.test`,
          displayName: p.toUpperCase(),
          role: 'patient',
          patientId: w.patients[p],
        });
      const c = await createUser({ email: 'new.doc@a.test', displayName: 'New Doc' });
      expect(c.statusCode).toBe(201);
      expect(c.json()).not.toHaveProperty('passwordHash');
      const dup = await createUser({ email: 'NEW.doc@a.test', displayName: 'Dup' });
      expect(dup.statusCode).toBe(409);
      expect(issuePaths(dup.body)).toEqual(['body.email']);
      const foreign = await patientLogin('p3');
      expect(foreign.statusCode).toBe(404);
      expect(issuePaths(foreign.body)).toEqual(['body.patientId']);
      const p2 = await patientLogin('p2');
      expect(p2.statusCode).toBe(201);
      const signedIn = await login('p2@a.test', 'long enough password');
      expect(signedIn.json().user.patientId).toBe(w.patients.p2);
    });

    it('ends a disabled user’s sessions at once', async () => {
      const r = await login('new.doc@a.test', 'long enough password');
      const cookie = cookieOf(r.headers['set-cookie']);
      const id = r.json().user.id;
      const off = await w.as(w.users.adminA)('PATCH', `/api/users/${id}`, { disabled: true });
      expect(off.statusCode).toBe(200);
      expect((await w.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(
        401,
      );
      expect((await login('new.doc@a.test', 'long enough password')).statusCode).toBe(401);
    });
  });

  describe('audit trail', () => {
    it('records who read which patient’s data, what, when, from where, with the request id', async () => {
      const r = await w.as(w.users.clinicianA)('GET', `/api/patients/${w.patients.p1}/diary`);
      const rows = await w.database.db
        .selectFrom('audit_log')
        .selectAll()
        .where('request_id', '=', String(r.headers['x-request-id']))
        .execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        actor_user_id: w.users.clinicianA.id,
        actor_role: 'clinician',
        patient_id: w.patients.p1,
        action: 'read',
        resource: 'diary',
        status: 200,
        ip: '127.0.0.1',
      });
    });

    it('records refused attempts on another clinic’s patient, and writes', async () => {
      const denied = await w.as(w.users.clinicianB)('GET', `/api/patients/${w.patients.p1}`);
      expect(denied.statusCode).toBe(403);
      const write = await w.as(w.users.patientA)('POST', `/api/patients/${w.patients.p1}/diary`, {
        entryDate: '2026-01-05',
        severity: 4,
      });
      const ids = [denied, write].map((x) => String(x.headers['x-request-id']));
      const rows = await w.database.db
        .selectFrom('audit_log')
        .selectAll()
        .where('request_id', 'in', ids)
        .execute();
      const byReq = Object.fromEntries(rows.map((x) => [x.request_id, x]));
      expect(byReq[ids[0]!]).toMatchObject({
        actor_user_id: w.users.clinicianB.id,
        patient_id: w.patients.p1,
        status: 403,
      });
      expect(byReq[ids[1]!]).toMatchObject({ action: 'create', resource: 'diary', status: 201 });
    });

    it('is append-only: the database refuses to change or delete it', async () => {
      await expect(sql`UPDATE audit_log SET status = 200`.execute(w.database.db)).rejects.toThrow(
        /append-only/,
      );
      await expect(sql`DELETE FROM audit_log`.execute(w.database.db)).rejects.toThrow(/append-only/);
      const n = await w.database.db
        .selectFrom('audit_log')
        .select(sql<number>`count(*)::int`.as('n'))
        .executeTakeFirstOrThrow();
      expect(n.n).toBeGreaterThan(0);
    });

    it('is shown to the clinic admin, including attempts on the clinic’s patients from outside', async () => {
      const list = (await w.as(w.users.adminA)('GET', `/api/audit?patientId=${w.patients.p1}`)).json();
      expect(
        list.some(
          (e: { actorUserId: string; status: number }) =>
            e.actorUserId === w.users.clinicianB.id && e.status === 403,
        ),
      ).toBe(true);
      const b = (await w.as(w.users.adminB)('GET', '/api/audit')).json();
      expect(b.every((e: { patientId: string | null }) => e.patientId !== w.patients.p2)).toBe(true);
    });
  });

  describe('malformed requests', () => {
    const url = () => `/api/patients/${w.patients.p1}/diary`;
    it('answers malformed JSON, wrong media type and oversized bodies with problems, never a 500', async () => {
      const pat = w.as(w.users.patientA);
      const bad = await pat('POST', url(), '{"entryDate": "2026-01-01", ', {
        'content-type': 'application/json',
      });
      expect([bad.statusCode, bad.json().code]).toEqual([400, 'malformed_json']);
      const text = await pat('POST', url(), 'severity=3', { 'content-type': 'text/plain' });
      expect([text.statusCode, text.json().code]).toEqual([415, 'unsupported_media_type']);
      const huge = await pat('POST', url(), {
        entryDate: '2026-01-01',
        severity: 1,
        notes: 'x'.repeat(600_000),
      });
      expect([huge.statusCode, huge.json().code]).toEqual([413, 'body_too_large']);
      const empty = await pat('POST', url(), undefined);
      expect(empty.statusCode).toBe(400);
      expect(issuePaths(empty.body)).toEqual(['body']);
      const arr = await pat('POST', url(), [1, 2]);
      expect(arr.statusCode).toBe(400);
    });

    it('answers unknown and malformed ids with 404 and 400 naming the parameter', async () => {
      const doc = w.as(w.users.clinicianA);
      const unknown = await doc('GET', '/api/patients/6f1c4f38-1111-4222-8333-944455556666/diary');
      expect(unknown.statusCode).toBe(404);
      expect(issuePaths(unknown.body)).toEqual(['params.patientId']);
      const junk = await doc('GET', "/api/patients/1' OR '1'='1/diary");
      expect(junk.statusCode).toBe(400);
      expect(issuePaths(junk.body)).toEqual(['params.patientId']);
      const query = await doc('GET', `/api/patients/${w.patients.p1}/diary?limit=abc&sort=x`);
      expect(issuePaths(query.body).sort()).toEqual(['querystring.limit', 'querystring.sort']);
      const noRoute = await doc('GET', '/api/nothing-here');
      expect([noRoute.statusCode, noRoute.headers['content-type']]).toEqual([
        404,
        'application/problem+json; charset=utf-8',
      ]);
    });
  });

  describe('logs', () => {
    it('carry request ids and timings, never bodies or patient data', async () => {
      const lines: string[] = [];
      const stream = new Writable({
        write(chunk, _enc, cb) {
          lines.push(String(chunk));
          cb();
        },
      });
      const app = await buildApp({ db: w.database.db, webDist: false, logger: { level: 'info', stream } });
      const r = await login('pat1@a.test', PASSWORD);
      const headers = { cookie: cookieOf(r.headers['set-cookie']), 'x-csrf-token': r.json().csrfToken };
      const res = await app.inject({
        method: 'POST',
        url: `/api/patients/${w.patients.p1}/diary`,
        headers,
        payload: { entryDate: '2026-01-06', severity: 5, notes: 'SECRET-NOTE about my eye' },
      });
      await app.inject({ method: 'GET', url: `/api/patients/${w.patients.p1}`, headers });
      await app.close();
      const log = lines.join('');
      expect(res.statusCode).toBe(201);
      expect(log).toContain(String(res.headers['x-request-id']));
      expect(log).toMatch(/"ms":\d/);
      expect(log).toContain('/api/patients/:patientId/diary');
      for (const secret of ['SECRET-NOTE', w.patients.p1, 'Pat One', 'pat1@a.test', PASSWORD])
        expect(log).not.toContain(secret);
    });
  });

  describe('OpenAPI and the web app', () => {
    it('documents every API route at /docs/json', async () => {
      const doc = (await w.app.inject({ method: 'GET', url: '/docs/json' })).json();
      for (const r of w.app.routeTable) {
        const path = r.url.replace(/:(\w+)/g, '{$1}');
        expect(doc.paths[path]?.[r.method.toLowerCase()], `${r.method} ${path}`).toBeDefined();
      }
      expect(doc.paths['/api/patients/{patientId}/diary'].post.requestBody).toBeDefined();
      expect((await w.app.inject({ method: 'GET', url: '/docs/' })).statusCode).toBe(200);
    });

    it('serves the built web app with single-page fallback, keeping /api problems', async () => {
      const dist = mkdtempSync(join(tmpdir(), 'hemispasm-dist-'));
      writeFileSync(join(dist, 'index.html'), '<!doctype html><title>hemispasm web</title>');
      writeFileSync(join(dist, 'app.js'), 'console.log(1)');
      const app = await buildApp({ db: w.database.db, webDist: dist });
      const html = { accept: 'text/html' };
      const root = await app.inject({ method: 'GET', url: '/', headers: html });
      const deep = await app.inject({ method: 'GET', url: '/patients/123/diary', headers: html });
      const asset = await app.inject({ method: 'GET', url: '/app.js' });
      const api = await app.inject({ method: 'GET', url: '/api/nope', headers: html });
      await app.close();
      expect(root.body).toContain('hemispasm web');
      expect(deep.body).toContain('hemispasm web');
      expect(asset.body).toBe('console.log(1)');
      expect([api.statusCode, api.json().code]).toEqual([404, 'not_found']);
    });
  });
});
