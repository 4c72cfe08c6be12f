/**
 * Property test over the whole API, generated from its own OpenAPI document: every route (/api and the
 * CDS Hooks service), as every role (anonymous, admin, clinician, patient; at CDS Hooks, a signed-in role
 * also carries a valid EHR JWT), with generated path ids (own, other, unknown, malformed),
 * queries, headers and bodies — values that keep the schema and its boundaries, and values that break
 * it (NUL and other control characters, unpaired surrogates, huge strings, wrong types, missing and
 * unknown fields, deep nesting, bad percent-encoding, wrong media types). Whatever is sent, the server
 * never answers 5xx, and every error is application/problem+json from the catalogue with the status it
 * claims. FUZZ_RUNS sets the runs per route (default 40); a failure prints fast-check's seed and path.
 */
import { INSTRUMENTS } from '@hemispasm/core';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CSRF_HEADER, createSession, SESSION_COOKIE } from '../src/auth/sessions';
import { ERRORS } from '../src/http/errors';
import { EHR_ISSUER, type EhrKeys, ehrKeys, PUBLIC_URL, signToken } from './helpers/cds-ehr';
import { describeEachDatabase } from './helpers/databases';
import {
  bodyArb,
  type GenContext,
  hostileString,
  type JsonSchema,
  validArb,
} from './helpers/openapi-arbitrary';
import { buildWorld, type World, type WorldUser } from './helpers/world';

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const ROLES = ['anonymous', 'admin', 'clinician', 'patient'] as const;
type Role = (typeof ROLES)[number];

interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  query: Array<{ name: string; schema: JsonSchema }>;
  body: JsonSchema | undefined;
}

interface GeneratedRequest {
  role: Role;
  url: string;
  headers: Record<string, string>;
  payload: string | undefined;
}

/** Percent-encodes, writing an unpaired surrogate as the (invalid) UTF-8 bytes a raw client would send. */
function encodeLoose(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return Array.from(s, (ch) => {
      try {
        return encodeURIComponent(ch);
      } catch {
        return '%ED%A0%80';
      }
    }).join('');
  }
}

function operationsOf(doc: { paths: Record<string, Record<string, Record<string, unknown>>> }): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    // The API, and CDS Hooks at the root where its specification puts it (not /docs: Swagger UI's own).
    if (!path.startsWith('/api/') && !path.startsWith('/cds-services')) continue;
    for (const [method, op] of Object.entries(methods)) {
      const params = (op.parameters ?? []) as Array<{ in: string; name: string; schema: JsonSchema }>;
      const content = (op.requestBody as { content?: Record<string, { schema: JsonSchema }> } | undefined)
        ?.content;
      ops.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        query: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema })),
        body: content ? (content['application/json'] ?? Object.values(content)[0])?.schema : undefined,
      });
    }
  }
  return ops;
}

describeEachDatabase('every route under generated input', (variant) => {
  let w: World;
  let ops: Operation[];
  let ctx: GenContext;
  let idsByParam: Record<string, string[]>;
  let ehr: EhrKeys;

  beforeAll(async () => {
    // With the CDS Hooks service on, so that its hook is in the document and driven too.
    ehr = await ehrKeys();
    w = await buildWorld(await variant.open(), {
      cds: { publicUrl: PUBLIC_URL, issuer: EHR_ISSUER, keys: { jwks: ehr.jwks } },
    });
    const doc = (await w.app.inject({ method: 'GET', url: '/docs/json' })).json();
    ops = operationsOf(doc);
    // A few real records, so generated requests that address them reach the deepest code.
    const doc1 = w.as(w.users.clinicianA);
    const p1 = w.patients.p1;
    const diary = await w.as(w.users.patientA)('POST', `/api/patients/${p1}/diary`, {
      entryDate: '2026-01-02',
      severity: 3,
    });
    const episode = await doc1('POST', `/api/patients/${p1}/episodes`, {
      kind: 'botulinum_toxin',
      startDate: '2025-06-01',
      side: 'left',
      product: 'onabotulinumtoxinA',
      injections: [{ site: 'orbicularis oculi', units: 5 }],
    });
    const ids = [diary, episode].map((r) => r.json().id as string);
    const u = w.users;
    idsByParam = {
      patientId: [w.patients.p1, w.patients.p2, w.patients.p3],
      userId: [u.adminA.id, u.clinicianA.id, u.patientA.id, u.clinicianB.id],
      instrumentId: INSTRUMENTS.map((i) => i.id),
    };
    ctx = {
      components: doc.components.schemas,
      knownIds: [...idsByParam.patientId!, ...idsByParam.userId!, ...ids],
    };
  });
  afterAll(async () => {
    await w?.close();
  });

  const actor = (role: Role): WorldUser | undefined =>
    ({
      anonymous: undefined,
      admin: w.users.adminA,
      clinician: w.users.clinicianA,
      patient: w.users.patientA,
    })[role];

  function requestArb(op: Operation): fc.Arbitrary<GeneratedRequest> {
    const idArb = (name: string) =>
      fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...(idsByParam[name] ?? ctx.knownIds)) },
        { weight: 1, arbitrary: fc.uuid({ version: 4 }) },
        { weight: 1, arbitrary: fc.uuid({ version: 4 }).map((s) => s.toUpperCase()) },
        { weight: 1, arbitrary: hostileString.map((s) => encodeLoose(s.slice(0, 2000))) },
        { weight: 1, arbitrary: fc.constantFrom('%E0%A4%A', '%ZZ', '%00', '..%2F..%2Fetc', 'x%2Fy') },
      );
    const pathArb = fc
      .tuple(...op.pathParams.map((n) => idArb(n).map((v) => [n, v] as const)))
      .map((pairs) =>
        pairs.reduce(
          (p, [n, v]) => p.replace(`{${n}}`, v.startsWith('%') || v.includes('%') ? v : encodeLoose(v)),
          op.path,
        ),
      );
    const queryValue = (schema: JsonSchema) =>
      fc.oneof(
        { weight: 4, arbitrary: validArb(schema, ctx).map((v) => encodeLoose(String(v))) },
        { weight: 2, arbitrary: hostileString.map((s) => encodeLoose(s.slice(0, 5000))) },
        { weight: 1, arbitrary: fc.constantFrom('%00', '%E0%A4%A', '%ZZ', '') },
      );
    const queryArb = fc
      .tuple(
        ...op.query.map((q) => fc.option(queryValue(q.schema)).map((v) => (v === null ? [] : [[q.name, v]]))),
        fc.option(fc.constantFrom('unknown=1', 'limit=1&limit=2', '__proto__=x', 'q[]=1', '%00=1'), {
          freq: 4,
        }),
      )
      .map((parts) => {
        const extra = parts.pop() as string | null;
        const pairs = (parts as unknown as Array<Array<[string, string]>>)
          .flat()
          .map(([k, v]) => `${k}=${v}`);
        if (extra) pairs.push(extra);
        return pairs.length ? `?${pairs.join('&')}` : '';
      });
    const hasBody = op.method === 'POST' || op.method === 'PATCH' || op.method === 'PUT';
    const payloadArb: fc.Arbitrary<string | undefined> = hasBody
      ? fc.oneof(
          { weight: 8, arbitrary: bodyArb(op.body ?? {}, ctx).map((b) => JSON.stringify(b) ?? 'null') },
          {
            weight: 1,
            arbitrary: fc.constantFrom('{"a":', '', 'null', '[]', '"\\u0000"', '{"x":"\\ud800"}', '\u0000'),
          },
          { weight: 1, arbitrary: fc.constant(undefined) },
        )
      : fc.constant(undefined);
    const headerArb = fc.record(
      {
        'content-type': fc.constantFrom(
          'application/json',
          'application/json',
          'application/json',
          'application/fhir+json',
          'text/plain',
          'application/json; charset=utf-16',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
        ),
        'x-forwarded-for': fc.constantFrom('203.0.113.7', 'not-an-ip', '1.1.1.1, 2.2.2.2', '::1'),
        accept: fc.constantFrom('application/json', 'text/html', '*/*', 'application/fhir+json'),
        range: fc.constantFrom('bytes=0-1', 'bytes=999999-', 'garbage'),
        'if-none-match': fc.constantFrom('*', '"x"'),
        'accept-language': fc.constantFrom('zh-CN', 'x'.repeat(1000)),
      },
      { requiredKeys: [] },
    );
    return fc
      .record({
        role: fc.constantFrom(...ROLES),
        path: pathArb,
        query: queryArb,
        payload: payloadArb,
        headers: headerArb,
        csrf: fc.constantFrom('right', 'right', 'right', 'missing', 'wrong'),
      })
      .map(({ role, path, query, payload, headers, csrf }) => {
        const h: Record<string, string> = { ...headers };
        if (csrf === 'wrong') h[CSRF_HEADER] = 'guess';
        if (csrf === 'missing') h[CSRF_HEADER] = '';
        return { role, url: path + query, headers: { ...h, csrf }, payload };
      });
  }

  async function send(op: Operation, r: GeneratedRequest) {
    const headers: Record<string, string> = { ...r.headers };
    const csrf = headers.csrf;
    delete headers.csrf;
    if (csrf === 'missing') delete headers[CSRF_HEADER];
    const a = actor(r.role);
    if (a) {
      // A fresh session per request: the routes include logout, which ends the session it is given.
      const s = await createSession(w.database.db, a.id);
      headers.cookie = `${SESSION_COOKIE}=${s.token}`;
      if (csrf === 'right') headers[CSRF_HEADER] = s.csrfToken;
    }
    // CDS Hooks callers are EHRs, signed in by a JWT of their own: every role but anonymous sends a valid one.
    if (a && op.path.startsWith('/cds-services/')) headers.authorization = `Bearer ${await signToken(ehr)}`;
    if (r.payload === undefined) delete headers['content-type'];
    return w.app.inject({
      method: op.method as 'GET',
      url: r.url,
      headers,
      ...(r.payload === undefined ? {} : { payload: r.payload }),
    });
  }

  it('never answers 5xx, and answers every error as application/problem+json', async () => {
    expect(ops.length).toBeGreaterThanOrEqual(w.app.routeTable.length + 2);
    expect(ops.map((o) => `${o.method} ${o.path}`)).toEqual(
      expect.arrayContaining([
        'GET /cds-services',
        'POST /cds-services/hemispasm-patient-view',
        'GET /api/fhir/Questionnaire/{instrumentId}',
      ]),
    );
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (const op of ops) {
      const result = await fc.check(
        fc.asyncProperty(requestArb(op), async (r) => {
          const res = await send(op, r);
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          const what = `${op.method} ${op.path} as ${r.role} → ${res.statusCode}`;
          if (res.statusCode >= 500) throw new Error(`${what}: ${res.body.slice(0, 300)}`);
          if (res.statusCode >= 400) {
            const type = String(res.headers['content-type']);
            if (!type.startsWith('application/problem+json'))
              throw new Error(`${what}: content-type ${type}`);
            const body = res.json();
            if (!(body.code in ERRORS) || body.status !== res.statusCode)
              throw new Error(`${what}: not a catalogue problem: ${res.body.slice(0, 300)}`);
          }
        }),
        { numRuns: RUNS },
      );
      if (result.failed) {
        const ex = result.counterexample?.[0] as GeneratedRequest | undefined;
        failures.push(
          `${op.method} ${op.path}: ${String(result.errorInstance).slice(0, 400)}\n` +
            `  request: ${ex?.role} ${ex?.url.slice(0, 200)} ${String(ex?.payload).slice(0, 300)}\n` +
            `  seed ${result.seed} path ${result.counterexamplePath}`,
        );
      }
    }
    expect(failures).toEqual([]);
    // Generated input reached the routes' own code, not only the guard: successes and refusals both.
    const seen = [...statuses.keys()];
    expect(seen.some((s) => s >= 200 && s < 300)).toBe(true);
    expect(seen).toContain(400);
  }, 900_000);
});
