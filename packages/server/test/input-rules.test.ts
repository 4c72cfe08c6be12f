/**
 * The shared string rule (free text and keys), the database errors that mean "cannot be stored", and
 * the malformed requests of issue 9: every NUL case that gave a 500, static-file errors, bad URL
 * encoding — all answered as application/problem+json 4xx naming the field where there is one.
 */
import { analyzeSignals, DEFAULT_SCENARIO, generateScenario } from '@hemispasm/core';
import { describe, expect, it } from 'vitest';
import { toApiError } from '../src/http/error-handler';
import { inputIssues, MAX_DEPTH } from '../src/http/input-rules';
import { keyProblem, textProblem } from '../src/routes/common';
import { describeEachDatabase } from './helpers/databases';
import { worldFor } from './helpers/world';

const issuePaths = (body: string) => (JSON.parse(body).issues ?? []).map((i: { path: string }) => i.path);

describe('the shared string rule', () => {
  it('lets free text hold tab and newlines, and nothing else below U+0020, DEL, C1 or a lone surrogate', () => {
    for (const ok of ['plain', 'two\nlines\r\nand\ttab', 'émigré 中文 😀', ''])
      expect(textProblem(ok), ok).toBeUndefined();
    for (const bad of [
      'a\u0000b',
      '\u0007',
      '\u001b[31m',
      '\u007f',
      '\u0085',
      '\u009f',
      '\ud800',
      'x\udc00',
      '\udc00\ud800',
    ])
      expect(textProblem(bad), JSON.stringify(bad)).toBeDefined();
  });

  it('allows no control character at all in a key', () => {
    expect(keyProblem('values.item_1')).toBeUndefined();
    for (const bad of ['a\tb', 'a\nb', '\u0000', '\ud800'])
      expect(keyProblem(bad), JSON.stringify(bad)).toBeDefined();
  });

  it('walks every value and key of a request part, without echoing a bad key, and bounds nesting', () => {
    const issues = inputIssues({ a: ['ok', { b: 'x\u0000' }], 'k\u0000': 1 }, 'body');
    expect(issues).toHaveLength(2);
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'body.a[1].b', message: expect.stringContaining('control characters') },
        { path: 'body.(key 2)', message: expect.stringContaining('key must not contain control characters') },
      ]),
    );
    expect(inputIssues({ s: 'x'.repeat(10_001) }, 'body')[0]!.path).toBe('body.s');
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(inputIssues(deep, 'body')).toEqual([
      { path: `body${'[0]'.repeat(MAX_DEPTH)}`, message: expect.stringContaining('nested') },
    ]);
  });
});

describe('database errors that mean the value cannot be stored', () => {
  it.each([
    ['22021', 'a NUL byte'],
    ['22P05', '\\u0000'],
    ['22007', 'not valid'],
    ['22008', 'out of range'],
  ])('maps SQLSTATE %s to 400', (code, detail) => {
    const e = toApiError(Object.assign(new Error('x'), { code, severity: 'ERROR' }));
    expect(e?.statusCode).toBe(400);
    expect(e?.detail).toContain(detail);
  });
});

describeEachDatabase('malformed requests', (variant) => {
  const w = worldFor(variant);

  const expectProblem = (
    r: { statusCode: number; headers: Record<string, unknown>; body: string },
    status: number,
  ) => {
    expect(r.statusCode, r.body).toBe(status);
    expect(String(r.headers['content-type'])).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(r.body).status).toBe(status);
  };

  it('refuses a NUL byte in the sign-in e-mail (unauthenticated) with 400 naming the field', async () => {
    const r = await w.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'doc@a.test\u0000', password: 'whatever it is' },
    });
    expectProblem(r, 400);
    expect(issuePaths(r.body)).toContain('body.email');
  });

  it('refuses a NUL byte in a preference key and value', async () => {
    const r = await w.as(w.users.patientA)('POST', `/api/patients/${w.patients.p1}/preferences`, {
      values: { 'fear\u0000': 3, ok: 'x\u0000y' },
      sure: { sure: true, understand: true, riskBenefit: true, encouragement: true },
    });
    expectProblem(r, 400);
    expect(issuePaths(r.body).sort()).toEqual(['body.values.(key 1)', 'body.values.ok']);
  });

  it('refuses ?instrumentId=%00', async () => {
    const r = await w.as(w.users.clinicianA)(
      'GET',
      `/api/patients/${w.patients.p1}/assessments?instrumentId=%00`,
    );
    expectProblem(r, 400);
    expect(issuePaths(r.body)).toEqual(['querystring.instrumentId']);
  });

  it('refuses a NUL byte and 500 KB in analyzerVersion, storing nothing', async () => {
    const analysis = analyzeSignals(generateScenario({ ...DEFAULT_SCENARIO, seed: 3, durationS: 10 }).series);
    const url = `/api/patients/${w.patients.p1}/measurements`;
    const pat = w.as(w.users.patientA);
    const count = async () => (await pat('GET', url)).json().length;
    const before = await count();
    for (const analyzerVersion of ['1.0\u0000', 'v'.repeat(500_000)]) {
      const r = await pat('POST', url, {
        recordedAt: new Date().toISOString(),
        analysis: { ...analysis, analyzerVersion },
      });
      expectProblem(r, 400);
      expect(issuePaths(r.body)).toEqual(['body.analysis.analyzerVersion']);
    }
    expect(await count()).toBe(before);
  });

  it('accepts tab and newlines in free text, refuses other controls, C1 and lone surrogates', async () => {
    const url = `/api/patients/${w.patients.p1}/diary`;
    const pat = w.as(w.users.patientA);
    const ok = await pat('POST', url, {
      entryDate: '2026-01-03',
      severity: 2,
      notes: 'line one\nline\ttwo\r\n',
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().notes).toBe('line one\nline\ttwo\r\n');
    for (const notes of ['bell\u0007', 'esc\u001b[0m', 'c1\u0085', 'half \ud83d']) {
      const r = await pat('POST', url, { entryDate: '2026-01-03', severity: 2, notes });
      expectProblem(r, 400);
      expect(issuePaths(r.body)).toEqual(['body.notes']);
    }
  });

  it('refuses a body nested deeper than any route defines, naming where', async () => {
    // 150,000 levels (as raw JSON: no client library would build it).
    const answers = `${'['.repeat(150_000)}1${']'.repeat(150_000)}`;
    const r = await w.as(w.users.patientA)(
      'POST',
      `/api/patients/${w.patients.p1}/assessments`,
      `{"instrumentId":"smc","answers":${answers}}`,
      { 'content-type': 'application/json' },
    );
    expectProblem(r, 400);
    expect(issuePaths(r.body)[0]).toMatch(/^body\.answers(\[0\])+$/);
  });

  it('answers static-file errors and bad URL encoding as problems', async () => {
    const traversal = await w.app.inject({ method: 'GET', url: '/docs/static/%2e%2e/%2e%2e/x' });
    expect(traversal.statusCode).toBeGreaterThanOrEqual(400);
    expect(traversal.statusCode).toBeLessThan(500);
    expect(String(traversal.headers['content-type'])).toMatch(/^application\/problem\+json/);
    expectProblem(await w.app.inject({ method: 'GET', url: '/docs/static/%00' }), 403);
    expectProblem(
      await w.app.inject({
        method: 'GET',
        url: '/docs/static/index.css',
        headers: { range: 'bytes=99999999-' },
      }),
      416,
    );
    for (const url of ['/api/patients/%E0%A4%A', `/api/patients/${w.patients.p1}/diary?from=%ZZ%`, '/%C0%AF'])
      expectProblem(await w.as(w.users.clinicianA)('GET', url), 400);
    expectProblem(await w.app.inject({ method: 'GET', url: `/api/patients/${'x'.repeat(500)}` }), 414);
  });
});
