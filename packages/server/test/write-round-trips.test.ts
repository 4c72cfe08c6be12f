/**
 * One round trip per write (routes/records.ts, http/guard.ts): the session, CSRF token, policy, the
 * change and its audit row go to the database as ONE statement — counted here through the app's own
 * database handle — and a write the statement refuses stores nothing and no audit row, and answers as the
 * guard hooks did before (401 before 400, 403 audited, 404).
 */
import { readFileSync } from 'node:fs';
import type { KyselyPlugin } from 'kysely';
import { sql } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import type { Actor } from '../src/auth/sessions';
import { CSRF_HEADER, createSession, hashToken, SESSION_COOKIE } from '../src/auth/sessions';
import type { Db } from '../src/db/database';
import { decide, type Policy } from '../src/policy/access';
import { policyCondition } from '../src/policy/access-sql';
import { mvdEpisode, newPatient } from './helpers/bodies';
import { describeEachDatabase } from './helpers/databases';
import { auditRowsOf, countRows } from './helpers/rows';
import { type Requester, type WorldUser, worldFor } from './helpers/world';

/**
 * Counts the statements the app executes (every query goes through its Kysely handle): a plugin sees
 * each executed statement's result once (a builder compiled into another statement is not executed).
 * `outside` counts those sent while no transaction of the app was open (`inTransactions` wraps the
 * app's handle so that its transactions are seen).
 */
function statementCounter() {
  const counter = { n: 0, outside: 0, open: 0 };
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      if (counter.open === 0) counter.outside++;
      return args.node;
    },
    transformResult: async (args) => {
      counter.n++;
      return args.result;
    },
  };
  /** The app's handle, its `transaction().execute` marking the transaction open while it runs. */
  const inTransactions = (db: Db): Db =>
    new Proxy(db, {
      get(target, prop) {
        if (prop === 'transaction') {
          return () => {
            const builder = target.transaction();
            return {
              execute: async <T>(fn: (trx: Db) => Promise<T>) => {
                counter.open++;
                try {
                  return await builder.execute(fn);
                } finally {
                  counter.open--;
                }
              },
            };
          };
        }
        const v = Reflect.get(target, prop, target);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
  return { counter, plugin, inTransactions };
}

const PROFILE = JSON.parse(
  readFileSync(new URL('../../../examples/profile-typical.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;
const diary = { entryDate: '2026-01-15', severity: 5, spasmEpisodes: 12, triggers: ['stress'] };

describeEachDatabase('one round trip per write', (variant) => {
  const { counter, plugin, inTransactions } = statementCounter();
  const w = worldFor(variant, { appDb: (db) => inTransactions(db.withPlugin(plugin)) });
  beforeEach(() => {
    counter.n = 0;
    counter.outside = 0;
  });

  const count = (table: 'diary_entries' | 'audit_log' | 'patients' | 'treatment_episodes') =>
    countRows(w.database.db, table);
  const auditOf = (requestId: unknown) => auditRowsOf(w.database.db, requestId);

  /** A fresh session of `u` and a requester using it. */
  async function signedIn(u: WorldUser): Promise<{ as: Requester; token: string }> {
    const s = await createSession(w.database.db, u.id);
    const as: Requester = (method, url, body, headers = {}) =>
      w.app.inject({
        method,
        url,
        headers: { cookie: `${SESSION_COOKIE}=${s.token}`, [CSRF_HEADER]: s.csrfToken, ...headers },
        ...(body === undefined ? {} : { payload: body as object }),
      });
    return { as, token: s.token };
  }

  it('sends each write route as one statement: session, policy, change and audit row', async () => {
    const doc = w.as(w.users.clinicianA);
    const p = `/api/patients/${w.patients.p1}`;
    const episode = await doc('POST', `${p}/episodes`, mvdEpisode());
    expect(episode.statusCode, episode.body).toBe(201);
    const decision = await doc('POST', `${p}/decisions`, { profile: PROFILE });
    expect(decision.statusCode, decision.body).toBe(201);
    const writes: Array<[string, 'POST' | 'PATCH' | 'DELETE', string, unknown]> = [
      ['diary', 'POST', `${p}/diary`, diary],
      [
        'diary batch',
        'POST',
        `${p}/diary/batch`,
        { entries: [diary, { ...diary, entryDate: '2026-01-16' }] },
      ],
      ['episode', 'POST', `${p}/episodes`, mvdEpisode()],
      ['assessment', 'POST', `${p}/assessments`, { instrumentId: 'smc', answers: { items: { grade: 3 } } }],
      ['decision', 'POST', `${p}/decisions`, { profile: PROFILE, chosenOption: 'mvd' }],
      ['choice', 'PATCH', `${p}/decisions/${decision.json().id}`, { chosenOption: 'mvd' }],
      [
        'preference',
        'POST',
        `${p}/preferences`,
        { values: {}, sure: { sure: true, understand: true, riskBenefit: false, encouragement: true } },
      ],
      ['patient', 'POST', '/api/patients', newPatient()],
      // Rows that depend on another row: the insert checks it (no read first).
      [
        'follow-up',
        'POST',
        `${p}/follow-ups`,
        { episodeId: episode.json().id, timePoint: '1m', assessedOn: '2025-07-01', spasmStatus: 'resolved' },
      ],
      [
        'preference naming a decision',
        'POST',
        `${p}/preferences`,
        {
          decisionId: decision.json().id,
          sure: { sure: true, understand: true, riskBenefit: true, encouragement: true },
        },
      ],
      // The update checks the dates against the stored row itself (no read first).
      ['patient correction', 'PATCH', p, { name: 'Corrected Name', onsetDate: '2020-02-02' }],
    ];
    for (const [name, method, url, body] of writes) {
      counter.n = 0;
      const r = await doc(method, url, body);
      expect([200, 201], `${name}: ${r.body}`).toContain(r.statusCode);
      expect(counter.n, name).toBe(1);
      expect(await auditOf(r.headers['x-request-id']), name).toMatchObject([
        { actor_user_id: w.users.clinicianA.id, status: r.statusCode },
      ]);
    }
    const created = await doc('POST', `${p}/diary`, diary);
    counter.n = 0;
    const removed = await doc('DELETE', `${p}/diary/${created.json().id}`);
    expect(removed.statusCode).toBe(204);
    expect(counter.n).toBe(1);
    // The patient's own login too.
    counter.n = 0;
    const own = await w.as(w.users.patientA)('POST', `${p}/diary`, diary);
    expect(own.statusCode).toBe(201);
    expect(counter.n).toBe(1);
    expect(own.json()).toMatchObject({ patientId: w.patients.p1, createdBy: w.users.patientA.id });
  });

  it('refuses a request without a session cookie at once, without the database', async () => {
    const r = await w.as('anonymous')('POST', `/api/patients/${w.patients.p1}/diary`, { severity: 'bad' });
    expect(r.statusCode).toBe(401);
    expect(r.json()).toMatchObject({ code: 'unauthenticated' });
    expect(counter.n).toBe(0);
  });

  it('writes nothing and no audit row with a revoked, expired or disabled session — 401, even with a bad body', async () => {
    const url = `/api/patients/${w.patients.p1}/diary`;
    const ends: Array<[string, (token: string, as: Requester) => Promise<unknown>]> = [
      ['signed out', async (_t, as) => expect((await as('POST', '/api/auth/logout')).statusCode).toBe(204)],
      [
        'expired',
        (token) =>
          w.database.db
            .updateTable('sessions')
            .set({ expires_at: sql`now() - interval '1 second'` })
            .where('token_hash', '=', hashToken(token))
            .execute(),
      ],
    ];
    for (const [how, end] of ends) {
      const { as, token } = await signedIn(w.users.clinicianA);
      expect((await as('POST', url, diary)).statusCode).toBe(201);
      await end(token, as);
      const diaryBefore = await count('diary_entries');
      const auditBefore = await count('audit_log');
      const good = await as('POST', url, diary);
      expect(good.statusCode, how).toBe(401);
      expect(good.json()).toMatchObject({ code: 'unauthenticated' });
      const bad = await as('POST', url, { ...diary, severity: 99 });
      expect(bad.statusCode, how).toBe(401);
      expect(bad.json()).toMatchObject({ code: 'unauthenticated' });
      expect(bad.body).not.toContain('severity');
      expect(await count('diary_entries'), how).toBe(diaryBefore);
      expect(await count('audit_log'), how).toBe(auditBefore);
    }
    // A disabled user: the same.
    const { as } = await signedIn(w.users.patientA);
    await w.database.db
      .updateTable('users')
      .set({ disabled: true })
      .where('id', '=', w.users.patientA.id)
      .execute();
    try {
      const before = await count('diary_entries');
      expect((await as('POST', url, diary)).statusCode).toBe(401);
      expect(await count('diary_entries')).toBe(before);
    } finally {
      await w.database.db
        .updateTable('users')
        .set({ disabled: false })
        .where('id', '=', w.users.patientA.id)
        .execute();
    }
  });

  it("refuses another clinic's patient (403, audited as a refused attempt) and stores nothing, bad body or not", async () => {
    const url = `/api/patients/${w.patients.p1}/diary`;
    const outsider = w.as(w.users.clinicianB);
    for (const body of [diary, { ...diary, severity: 99 }]) {
      const before = await count('diary_entries');
      const r = await outsider('POST', url, body);
      expect(r.statusCode).toBe(403);
      expect(r.json()).toMatchObject({ code: 'forbidden' });
      expect(await count('diary_entries')).toBe(before);
      expect(await auditOf(r.headers['x-request-id'])).toMatchObject([
        {
          actor_user_id: w.users.clinicianB.id,
          clinic_id: w.clinicB,
          patient_id: w.patients.p1,
          action: 'create',
          status: 403,
        },
      ]);
    }
    // Another patient's record, by a patient login; clinical writes by a patient; an unknown patient.
    expect((await w.as(w.users.patientB)('POST', url, diary)).statusCode).toBe(403);
    expect(
      (await w.as(w.users.patientA)('POST', `/api/patients/${w.patients.p1}/episodes`, mvdEpisode()))
        .statusCode,
    ).toBe(403);
    const unknown = await w.as(w.users.clinicianA)(
      'POST',
      '/api/patients/00000000-0000-4000-8000-000000000000/diary',
      diary,
    );
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().issues).toMatchObject([{ path: 'params.patientId' }]);
    // A wrong CSRF token.
    const csrf = await w.as(w.users.clinicianA)('POST', url, diary, { [CSRF_HEADER]: 'wrong' });
    expect(csrf.statusCode).toBe(403);
    expect(csrf.json()).toMatchObject({ code: 'csrf_failed' });
    // An admin may not create patients.
    expect((await w.as(w.users.adminA)('POST', '/api/patients', newPatient())).statusCode).toBe(403);
  });

  it('refuses a dependent write the statement cannot store as before, storing nothing: unknown or later episode, foreign decision, dates out of order', async () => {
    const doc = w.as(w.users.clinicianA);
    const p = `/api/patients/${w.patients.p1}`;
    const episode = (await doc('POST', `${p}/episodes`, mvdEpisode())).json();
    const foreignDecision = (
      await doc('POST', `/api/patients/${w.patients.p2}/decisions`, { profile: PROFILE })
    ).json();
    const sure = { sure: true, understand: true, riskBenefit: true, encouragement: true };
    const followUp = { timePoint: '1m', spasmStatus: 'resolved' } as const;
    const cases: Array<[string, 'POST' | 'PATCH', string, unknown, number, string]> = [
      [
        'unknown episode',
        'POST',
        `${p}/follow-ups`,
        { ...followUp, episodeId: '00000000-0000-4000-8000-000000000000', assessedOn: '2025-07-01' },
        404,
        'body.episodeId',
      ],
      [
        'follow-up before its episode',
        'POST',
        `${p}/follow-ups`,
        { ...followUp, episodeId: episode.id, assessedOn: '2001-01-01' },
        400,
        'body.assessedOn',
      ],
      [
        "another patient's decision",
        'POST',
        `${p}/preferences`,
        { decisionId: foreignDecision.id, sure },
        404,
        'body.decisionId',
      ],
      ['onset before the stored birth date', 'PATCH', p, { onsetDate: '1900-01-02' }, 400, 'body.onsetDate'],
      ['birth date after the stored onset', 'PATCH', p, { birthDate: '2026-01-01' }, 400, 'body.onsetDate'],
    ];
    const before = await doc('GET', p);
    const stored = async () => [
      (await doc('GET', `${p}/follow-ups`)).json().length,
      (await doc('GET', `${p}/preferences`)).json().length,
    ];
    const storedBefore = await stored();
    for (const [name, method, url, body, status, field] of cases) {
      const rows = await countRows(w.database.db, 'audit_log');
      const r = await doc(method, url, body);
      expect(r.statusCode, `${name}: ${r.body}`).toBe(status);
      expect(r.json().issues, name).toMatchObject([{ path: field }]);
      // Only the refused attempt's audit row (written as for any refused request), no stored change.
      expect(await auditOf(r.headers['x-request-id']), name).toMatchObject([{ status }]);
      expect(await countRows(w.database.db, 'audit_log'), name).toBe(rows + 1);
    }
    expect(await stored()).toEqual(storedBefore);
    expect((await doc('GET', p)).json()).toEqual(before.json());
    // Another clinic's clinician may not correct the patient (403, audited), even with a bad body.
    for (const body of [{ name: 'Taken Over' }, { name: '' }]) {
      const r = await w.as(w.users.clinicianB)('PATCH', p, body);
      expect(r.statusCode).toBe(403);
      expect(await auditOf(r.headers['x-request-id'])).toMatchObject([
        { actor_user_id: w.users.clinicianB.id, patient_id: w.patients.p1, action: 'update', status: 403 },
      ]);
    }
    // A signed-out session: 401 for a good and a bad correction, nothing changed.
    const { as } = await signedIn(w.users.clinicianA);
    expect((await as('POST', '/api/auth/logout')).statusCode).toBe(204);
    for (const body of [{ name: 'After Logout' }, { birthDate: 'bad' }]) {
      const r = await as('PATCH', p, body);
      expect(r.statusCode).toBe(401);
      expect(r.body).not.toContain('birthDate');
    }
    expect((await doc('GET', p)).json()).toEqual(before.json());
  });

  it('imports a FHIR Bundle as one transaction whose first statement checks the caller: nothing before it, nothing for a revoked session', async () => {
    const doc = w.as(w.users.clinicianA);
    const bundle = (await doc('GET', `/api/patients/${w.patients.p1}/fhir`)).json();
    counter.n = 0;
    counter.outside = 0;
    const r = await doc('POST', '/api/fhir/Bundle', bundle);
    expect(r.statusCode, r.body).toBe(201);
    // Session, CSRF, policy, the patient, its records and the audit row: all inside the one transaction.
    expect(counter.outside).toBe(0);
    expect(counter.n).toBeGreaterThan(2);
    expect(await auditOf(r.headers['x-request-id'])).toMatchObject([
      { actor_user_id: w.users.clinicianA.id, patient_id: r.json().patientId, status: 201 },
    ]);
    // A signed-out session, good Bundle or bad: 401 and nothing stored.
    const { as } = await signedIn(w.users.clinicianA);
    expect((await as('POST', '/api/auth/logout')).statusCode).toBe(204);
    const patients = await count('patients');
    const audit = await count('audit_log');
    for (const body of [bundle, { ...bundle, entry: 'bad' }]) {
      const refused = await as('POST', '/api/fhir/Bundle', body);
      expect(refused.statusCode).toBe(401);
      expect(refused.json()).toMatchObject({ code: 'unauthenticated' });
    }
    expect(await count('patients')).toBe(patients);
    expect(await count('audit_log')).toBe(audit);
    // A patient login may not import (403), nothing stored.
    expect((await w.as(w.users.patientA)('POST', '/api/fhir/Bundle', bundle)).statusCode).toBe(403);
    expect(await count('patients')).toBe(patients);
  });

  it('checks in SQL exactly what the access policy decides, for every role, clinic and patient', async () => {
    const users = Object.values(w.users);
    const patients = [
      { id: w.patients.p1, clinicId: w.clinicA },
      { id: w.patients.p2, clinicId: w.clinicA },
      { id: w.patients.p3, clinicId: w.clinicB },
    ];
    const policies: Policy[] = [
      'patient-read',
      'patient-self-report',
      'patient-clinical-write',
      'clinic-create-patient',
      'clinic-import',
    ];
    for (const policy of policies) {
      const condition = policyCondition(policy)!;
      for (const u of users) {
        const row = await w.database.db
          .selectFrom('users')
          .select(['id', 'role', 'clinic_id', 'patient_id'])
          .where('id', '=', u.id)
          .executeTakeFirstOrThrow();
        const actor = {
          userId: row.id,
          role: row.role,
          clinicId: row.clinic_id,
          patientId: row.patient_id,
        } as Actor;
        for (const p of patients) {
          const { rows } = await sql<{ ok: boolean }>`SELECT ${condition} AS ok FROM users u, patients p
            WHERE u.id = ${u.id} AND p.id = ${p.id}`.execute(w.database.db);
          expect(rows[0]!.ok, `${policy} ${u.email} ${p.id}`).toBe(
            decide(policy, actor, { patient: p }) === 'allow',
          );
        }
      }
    }
  });
});
