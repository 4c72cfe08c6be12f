/**
 * Logs never hold patient data. The suite's kind of traffic — sign-in (right, wrong, malformed), every
 * record type written and read, FHIR export and import, a CDS Hooks call with an EHR's patient in its
 * prefetch, user administration, the audit trail, refused and malformed requests — goes through a server
 * logging at debug level, together with the two failures whose logs used to carry data: an unmapped
 * database error (its message, detail, SQL and parameters) and a failed audit write (its failing row).
 * The captured log is then searched for every name, e-mail, id and free-text value the traffic sent or
 * received: none may appear. (Beyond this file, every test world logs at debug level too, and after each
 * server test file its log is searched for everything that file's traffic carried: helpers/log-guard.ts.)
 */
import { Writable } from 'node:stream';
import {
  analyzeSignals,
  DEFAULT_SCENARIO,
  EXAMPLE_PROFILE,
  generateScenario,
  type PatientProfileInput,
} from '@hemispasm/core';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { loggableError } from '../src/http/log-redaction';
import { EHR_ISSUER, ehrKeys, ehrPatient, hookRequest, PUBLIC_URL, signToken } from './helpers/cds-ehr';
import { describeEachDatabase } from './helpers/databases';
import { debugLogger, noteValues, takeLeaks } from './helpers/traffic-log';
import { PASSWORD, worldFor } from './helpers/world';

const PROFILE = EXAMPLE_PROFILE;

it('logs a database error as its code, constraint and route only', () => {
  const pgError = Object.assign(
    new Error('duplicate key value violates unique constraint "users_email_idx"'),
    {
      code: '23505',
      severity: 'ERROR',
      constraint: 'users_email_idx',
      detail: 'Key (lower(email))=(secret@clinic.test) already exists.',
      query: 'insert into users ...',
      params: ['secret@clinic.test', 'Secret Name'],
    },
  );
  expect(loggableError(pgError, 'POST /api/users')).toEqual({
    kind: 'database',
    code: '23505',
    constraint: 'users_email_idx',
    route: 'POST /api/users',
  });
  const other = loggableError(new SyntaxError('Unexpected token S in "Secret Name"'), 'GET /x');
  expect(JSON.stringify(other)).not.toContain('Secret');
  expect(loggableError(new TypeError('x.map is not a function')).message).toBe('x.map is not a function');
});

it('has a suite-wide guard that finds a value the traffic carried once it is in the log', () => {
  noteValues({ name: 'Canary SECRET-NAME', notes: 'short', id: '6f1c4f38-1111-4222-8333-944455556666' });
  debugLogger().stream.write('{"level":20,"msg":"Canary SECRET-NAME"}\n');
  const { leaked, lines } = takeLeaks();
  expect(lines).toBe(1);
  expect(leaked).toEqual(['Canary SECRET-NAME']);
});

describeEachDatabase('logs without patient data', (variant) => {
  const w = worldFor(variant);
  let app: FastifyInstance;
  const lines: string[] = [];
  /** Everything sent or received that identifies a person or is free text. */
  const secrets = new Set<string>();
  const keep = (...values: unknown[]) => {
    for (const v of values) if (typeof v === 'string' && v.length >= 6) secrets.add(v);
  };

  let ehr: Awaited<ReturnType<typeof ehrKeys>>;

  beforeAll(async () => {
    ehr = await ehrKeys();
    const stream = new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    app = await buildApp({
      db: w.database.db,
      webDist: false,
      purgeIntervalMs: false,
      logger: { level: 'debug', stream },
      cds: { publicUrl: PUBLIC_URL, issuer: EHR_ISSUER, keys: { jwks: ehr.jwks } },
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  async function signIn(email: string, password = PASSWORD) {
    const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    expect(r.statusCode).toBe(200);
    const cookie = String([r.headers['set-cookie']].flat()[0]).split(';')[0]!;
    const csrf = r.json().csrfToken as string;
    return async (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown, headers = {}) => {
      const res = await app.inject({
        method,
        url,
        headers: { cookie, 'x-csrf-token': csrf, ...headers },
        ...(body === undefined
          ? {}
          : typeof body === 'string'
            ? { payload: body }
            : { payload: body as object }),
      });
      // Whatever the server sent back about people is as secret as what was sent.
      if (res.headers['content-type']?.toString().includes('json') && res.statusCode < 300)
        collect(res.json());
      return res;
    };
  }

  /** Adds every id, name, e-mail and free-text string of a response body. */
  function collect(v: unknown): void {
    if (typeof v === 'string') {
      if (/^[0-9a-f-]{36}$/i.test(v) || /@/.test(v) || /SECRET|Zelda|Quill/.test(v)) keep(v);
      return;
    }
    if (Array.isArray(v)) for (const x of v) collect(x);
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) if (k !== 'requestId') collect(x); // request ids are meant for logs
  }

  it('sends the suite’s kind of traffic with a debug log, and finds no name, e-mail, id or free text in it', async () => {
    const u = w.users;
    keep(PASSWORD, ...Object.values(w.patients), ...Object.values(u).flatMap((x) => [x.id, x.email]));
    keep('Pat One', 'Pat Two', 'Pat Three', 'Clinic A', 'Clinic B');

    // Sign-in: right, wrong, unknown, malformed.
    const doc = await signIn(u.clinicianA.email);
    const pat = await signIn(u.patientA.email);
    const admin = await signIn(u.adminA.email);
    for (const [email, password] of [
      [u.clinicianB.email, 'SECRET-WRONG-PASSWORD'],
      ['SECRET.nobody@clinic.test', PASSWORD],
      ['SECRET.nul\u0000@clinic.test', PASSWORD],
    ] as const) {
      keep(email, password);
      await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    }

    // A new patient, and their whole record.
    const created = await doc('POST', '/api/patients', {
      name: 'Zelda Quill SECRET-NAME',
      birthDate: '1958-07-19',
      sex: 'female',
      affectedSide: 'right',
      onsetDate: '2015-02-03',
    });
    expect(created.statusCode).toBe(201);
    const pid = created.json().id as string;
    await doc('PATCH', `/api/patients/${pid}`, { name: 'Zelda Quill SECRET-RENAMED' });
    await doc('GET', '/api/patients?q=SECRET-SEARCH');
    const p1 = w.patients.p1;
    keep(
      'SECRET-SEARCH',
      'SECRET-DIARY-NOTE',
      'SECRET-TRIGGER',
      'SECRET-DRUG',
      'SECRET-SITE',
      'SECRET-FOLLOW-UP',
    );
    await pat('POST', `/api/patients/${p1}/diary`, {
      entryDate: '2026-01-10',
      severity: 4,
      notes: 'SECRET-DIARY-NOTE about my left eye',
      triggers: ['SECRET-TRIGGER'],
    });
    await pat('POST', `/api/patients/${p1}/diary/batch`, {
      entries: [{ entryDate: '2026-01-11', severity: 3, notes: 'SECRET-BATCH-NOTE' }],
    });
    await pat('GET', `/api/patients/${p1}/diary?from=2026-01-01`);
    await pat('POST', `/api/patients/${p1}/assessments`, {
      instrumentId: 'smc',
      answers: { items: { grade: 2 } },
    });
    await pat('GET', `/api/patients/${p1}/assessments?instrumentId=smc`);
    const episode = await doc('POST', `/api/patients/${pid}/episodes`, {
      kind: 'botulinum_toxin',
      startDate: '2025-01-05',
      side: 'right',
      product: 'onabotulinumtoxinA SECRET-PRODUCT',
      injections: [{ site: 'SECRET-SITE orbicularis', units: 5 }],
    });
    await doc('POST', `/api/patients/${pid}/episodes`, {
      kind: 'oral_medication',
      startDate: '2024-01-05',
      drug: 'SECRET-DRUG carbamazepine',
      doseSchedule: 'SECRET-DOSE 200 mg',
      stopReason: 'SECRET-STOP-REASON',
    });
    await doc('POST', `/api/patients/${pid}/follow-ups`, {
      episodeId: episode.json().id,
      timePoint: '1m',
      assessedOn: '2025-02-05',
      spasmStatus: 'improved',
      complications: ['SECRET-COMPLICATION'],
      notes: 'SECRET-FOLLOW-UP notes',
    });
    const decision = await doc('POST', `/api/patients/${p1}/decisions`, { profile: PROFILE });
    await doc('PATCH', `/api/patients/${p1}/decisions/${decision.json().id}`, { chosenOption: 'mvd' });
    await pat('POST', `/api/patients/${p1}/preferences`, {
      decisionId: decision.json().id,
      preferredOption: 'mvd',
      values: { 'SECRET-VALUES-KEY': 'SECRET-VALUES-ANSWER', fear: 3 },
      sure: { sure: true, understand: true, riskBenefit: false, encouragement: true },
    });
    keep('SECRET-VALUES-KEY', 'SECRET-VALUES-ANSWER', 'SECRET-MEASUREMENT-NOTE', 'SECRET-ANALYZER-VERSION');
    const analysis = analyzeSignals(generateScenario({ ...DEFAULT_SCENARIO, seed: 9, durationS: 10 }).series);
    await pat('POST', `/api/patients/${p1}/measurements`, {
      recordedAt: new Date().toISOString(),
      analysis: { ...analysis, analyzerVersion: 'SECRET-ANALYZER-VERSION' },
      notes: 'SECRET-MEASUREMENT-NOTE',
    });
    for (const path of [
      'diary',
      'assessments',
      'episodes',
      'follow-ups',
      'decisions',
      'preferences',
      'measurements',
    ])
      await doc('GET', `/api/patients/${p1}/${path}`);
    const bundle = await doc('GET', `/api/patients/${pid}/fhir`);
    const imported = bundle.json();
    for (const e of imported.entry)
      if (e.resource.resourceType === 'Patient') e.resource.name = [{ text: 'Quill Imported SECRET-IMPORT' }];
    keep('Quill Imported SECRET-IMPORT');
    expect((await doc('POST', '/api/fhir/Bundle', imported)).statusCode).toBe(201);
    await doc('GET', '/api/clinic/outcomes');

    // CDS Hooks: an EHR sends its patient's record whole in the prefetch.
    const ehrId = 'ehr-SECRET-PATIENT-42';
    const prefetch = ehrPatient(PROFILE as PatientProfileInput, { patientId: ehrId, now: new Date() });
    Object.assign(prefetch.patient as object, {
      name: [{ family: 'SECRET-EHR-FAMILY', given: ['SECRET-EHR-GIVEN'] }],
    });
    keep(ehrId, 'SECRET-EHR-FAMILY', 'SECRET-EHR-GIVEN');
    const hook = await app.inject({
      method: 'POST',
      url: '/cds-services/hemispasm-patient-view',
      headers: { authorization: `Bearer ${await signToken(ehr)}` },
      payload: hookRequest(ehrId, prefetch),
    });
    expect(hook.statusCode, hook.body).toBe(200);
    collect(hook.json());

    // Administration and the audit trail.
    keep('SECRET.new-user@a.test', 'SECRET DISPLAY NAME', 'SECRET-NEW-PASSWORD-123');
    const user = await admin('POST', '/api/users', {
      email: 'SECRET.new-user@a.test',
      displayName: 'SECRET DISPLAY NAME',
      role: 'clinician',
      password: 'SECRET-NEW-PASSWORD-123',
    });
    await admin('POST', '/api/users', {
      email: 'SECRET.new-user@a.test',
      displayName: 'SECRET DUPLICATE',
      role: 'clinician',
      password: 'SECRET-NEW-PASSWORD-123',
    });
    await admin('PATCH', `/api/users/${user.json().id}`, { displayName: 'SECRET RENAMED USER' });
    await admin('GET', `/api/audit?patientId=${p1}`);
    await admin('GET', '/api/users');

    // Refused and malformed requests carrying data.
    keep('SECRET-IN-BAD-JSON', 'SECRET-IN-BAD-FIELD', 'SECRET-UNKNOWN-FIELD');
    await pat('POST', `/api/patients/${p1}/diary`, '{"notes": "SECRET-IN-BAD-JSON", ', {
      'content-type': 'application/json',
    });
    await pat('POST', `/api/patients/${p1}/diary`, {
      entryDate: 'SECRET-IN-BAD-FIELD',
      severity: 99,
      mood: 'SECRET-UNKNOWN-FIELD',
    });
    await pat('POST', `/api/patients/${p1}/diary`, {
      entryDate: '2026-01-12',
      severity: 1,
      notes: 'SECRET\u0000NUL',
    });
    await doc('GET', `/api/patients/${w.patients.p3}/diary`);
    await doc('GET', '/api/patients/6f1c4f38-1111-4222-8333-944455556666/diary');
    await doc('GET', "/api/patients/1' OR SECRET/diary");

    // An unmapped database error whose message and detail quote the data.
    await sql`
      CREATE OR REPLACE FUNCTION test_boom() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.notes LIKE 'BOOM%' THEN
          RAISE EXCEPTION 'boom on %', NEW.notes USING DETAIL = 'patient ' || NEW.patient_id;
        END IF;
        RETURN NEW;
      END $$`.execute(w.database.db);
    await sql`CREATE TRIGGER test_boom BEFORE INSERT ON diary_entries FOR EACH ROW EXECUTE FUNCTION test_boom()`.execute(
      w.database.db,
    );
    keep('BOOM SECRET-IN-DATABASE-ERROR');
    const boom = await pat('POST', `/api/patients/${p1}/diary`, {
      entryDate: '2026-01-13',
      severity: 1,
      notes: 'BOOM SECRET-IN-DATABASE-ERROR',
    });
    expect(boom.statusCode).toBe(500);
    expect(boom.body).not.toContain('SECRET');
    await sql`DROP TRIGGER test_boom ON diary_entries`.execute(w.database.db);

    // A failed audit write: the database's failing-row detail names the patient and the address.
    await sql`ALTER TABLE audit_log ADD CONSTRAINT test_no_audit CHECK (ip IS DISTINCT FROM '203.0.113.66')`.execute(
      w.database.db,
    );
    keep('203.0.113.66');
    const again = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: u.clinicianA.email, password: PASSWORD },
    });
    await app.inject({
      method: 'GET',
      url: `/api/patients/${pid}`,
      remoteAddress: '203.0.113.66',
      headers: { cookie: String([again.headers['set-cookie']].flat()[0]).split(';')[0]! },
    });
    await sql`ALTER TABLE audit_log DROP CONSTRAINT test_no_audit`.execute(w.database.db);

    const log = lines.join('');
    // The failures were logged, as codes.
    expect(log).toContain('"code":"P0001"');
    expect(log).toContain('"code":"23514"');
    expect(log).toContain('/api/patients/:patientId/diary');
    expect(lines.length).toBeGreaterThan(40);
    const found = [...secrets].filter((secret) => log.includes(secret));
    if (found.length) console.log(lines.filter((l) => found.some((f) => l.includes(f))).join(''));
    expect(found).toEqual([]);
    expect(secrets.size).toBeGreaterThan(40);
  });
});
