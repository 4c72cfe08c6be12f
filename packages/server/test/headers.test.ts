/**
 * Security headers on every route: every API route (from the live route table, as a signed-in user),
 * the web app's files and its single-page fallback, the OpenAPI pages, not-found and malformed-URL
 * answers. Every answer: a Content-Security-Policy that forbids framing, nosniff, a strict referrer
 * policy, X-Frame-Options DENY; every /api and CDS Hooks answer `Cache-Control: no-store`; HSTS only when the server
 * is told it is served over HTTPS.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { CSRF_HEADER, createSession, SESSION_COOKIE } from '../src/auth/sessions';
import { CSP_DIRECTIVES, HSTS_MAX_AGE_S } from '../src/http/security-headers';
import { EHR_ISSUER, ehrKeys, hookRequest, PUBLIC_URL, signToken } from './helpers/cds-ehr';
import { describeEachDatabase } from './helpers/databases';
import { buildWorld, type World } from './helpers/world';

function baselineProblems(what: string, r: LightMyRequestResponse): string[] {
  const h = r.headers;
  const out: string[] = [];
  const csp = String(h['content-security-policy'] ?? '');
  if (!/frame-ancestors 'none'/.test(csp)) out.push(`${what}: CSP without frame-ancestors 'none': ${csp}`);
  if (!/default-src '(self|none)'/.test(csp)) out.push(`${what}: CSP without a default-src: ${csp}`);
  if (/unsafe-inline|unsafe-eval'|\*/.test(csp.replace(/'wasm-unsafe-eval'/g, '')) && !what.includes('/docs'))
    out.push(`${what}: CSP allows inline script, eval or any origin: ${csp}`);
  if (h['x-frame-options'] !== 'DENY') out.push(`${what}: X-Frame-Options ${h['x-frame-options']}`);
  if (h['x-content-type-options'] !== 'nosniff')
    out.push(`${what}: X-Content-Type-Options ${h['x-content-type-options']}`);
  if (h['referrer-policy'] !== 'no-referrer') out.push(`${what}: Referrer-Policy ${h['referrer-policy']}`);
  return out;
}

describeEachDatabase('security headers', (variant) => {
  let w: World;
  let web: FastifyInstance;
  let ehr: Awaited<ReturnType<typeof ehrKeys>>;
  beforeAll(async () => {
    ehr = await ehrKeys();
    w = await buildWorld(await variant.open(), {
      cds: { publicUrl: PUBLIC_URL, issuer: EHR_ISSUER, keys: { jwks: ehr.jwks } },
    });
    const dist = mkdtempSync(join(tmpdir(), 'hemispasm-dist-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>hemispasm web</title>');
    writeFileSync(join(dist, 'app.js'), 'console.log(1)');
    web = await buildApp({ db: w.database.db, webDist: dist, purgeIntervalMs: false });
  });
  afterAll(async () => {
    await web?.close();
    await w?.close();
  });

  it('sends the policy the web app runs under: its own origin, wasm but no eval, workers, no framing', () => {
    expect(CSP_DIRECTIVES['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(CSP_DIRECTIVES['frame-ancestors']).toEqual(["'none'"]);
    expect(CSP_DIRECTIVES['object-src']).toEqual(["'none'"]);
  });

  it('puts the headers, and no-store, on every API route’s answer', async () => {
    const problems: string[] = [];
    for (const route of w.app.routeTable) {
      const s = await createSession(w.database.db, w.users.clinicianA.id);
      const url = route.url
        .replace(':patientId', w.patients.p1)
        .replace(':userId', w.users.clinicianA.id)
        .replace(/:\w+/g, '00000000-0000-4000-8000-000000000000');
      const hasBody = route.method === 'POST' || route.method === 'PATCH';
      const r = await w.app.inject({
        method: route.method as 'GET',
        url,
        headers: { cookie: `${SESSION_COOKIE}=${s.token}`, [CSRF_HEADER]: s.csrfToken },
        ...(hasBody ? { payload: {} } : {}),
      });
      const what = `${route.method} ${route.url} (${r.statusCode})`;
      problems.push(...baselineProblems(what, r));
      if (r.headers['cache-control'] !== 'no-store')
        problems.push(`${what}: Cache-Control ${r.headers['cache-control']}`);
      if (r.headers['strict-transport-security']) problems.push(`${what}: HSTS over plain HTTP`);
    }
    // Anonymous and refused answers too.
    for (const url of [
      '/api/me',
      `/api/patients/${w.patients.p1}/diary`,
      '/api/nothing-here',
      '/api/patients/%E0%A4%A',
    ]) {
      const r = await w.app.inject({ method: 'GET', url });
      problems.push(...baselineProblems(`GET ${url} anonymous (${r.statusCode})`, r));
      if (r.headers['cache-control'] !== 'no-store')
        problems.push(`GET ${url}: Cache-Control ${r.headers['cache-control']}`);
    }
    expect(problems).toEqual([]);
    expect(w.app.routeTable.length).toBeGreaterThanOrEqual(25);
  });

  it('puts the headers, and no-store, on the CDS Hooks answers (cards about a patient)', async () => {
    const problems: string[] = [];
    const service = '/cds-services/hemispasm-patient-view';
    const body = hookRequest('ehr-patient-1', {});
    for (const [method, url, headers] of [
      ['GET', '/cds-services', {}],
      ['POST', service, {}],
      ['POST', service, { authorization: `Bearer ${await signToken(ehr)}` }],
    ] as const) {
      const r = await w.app.inject({ method, url, headers, ...(method === 'POST' ? { payload: body } : {}) });
      const what = `${method} ${url} (${r.statusCode})`;
      expect(r.statusCode, what).toBeLessThan(500);
      problems.push(...baselineProblems(what, r));
      if (r.headers['cache-control'] !== 'no-store')
        problems.push(`${what}: Cache-Control ${r.headers['cache-control']}`);
    }
    expect(problems).toEqual([]);
  });

  it('puts them on the web app, its fallback, the OpenAPI pages and not-found answers', async () => {
    const problems: string[] = [];
    const html = { accept: 'text/html' };
    for (const [url, headers] of [
      ['/', html],
      ['/app.js', {}],
      ['/patients/123/diary', html],
      ['/docs', html],
      ['/docs/json', {}],
      ['/docs/static/index.css', {}],
      ['/no-such-file.js', {}],
      ['/%E0%A4%A', {}],
    ] as const) {
      const r = await web.inject({ method: 'GET', url, headers });
      expect(r.statusCode, url).toBeLessThan(500);
      problems.push(...baselineProblems(`GET ${url} (${r.statusCode})`, r));
    }
    expect(problems).toEqual([]);
    const docs = await web.inject({ method: 'GET', url: '/docs/static/index.html', headers: html });
    expect(String(docs.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
  });

  it('sends HSTS only when served over HTTPS', async () => {
    const tls = await buildApp({ db: w.database.db, webDist: false, hsts: true, purgeIntervalMs: false });
    const r = await tls.inject({ method: 'GET', url: '/api/health' });
    await tls.close();
    expect(r.headers['strict-transport-security']).toBe(`max-age=${HSTS_MAX_AGE_S}`);
    const plain = await w.app.inject({ method: 'GET', url: '/api/health' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
  });
});
