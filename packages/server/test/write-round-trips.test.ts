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
import { decide, type Policy } from '../src/policy/access';
import { policyCondition } from '../src/policy/access-sql';
import { mvdEpisode, newPatient } from './helpers/bodies';
import { describeEachDatabase } from './helpers/databases';
import { auditRowsOf, countRows } from './helpers/rows';
import { type Requester, type WorldUser, worldFor } from './helpers/world';

/**
 * Counts the statements the app executes (every query goes through its Kysely handle): a plugin sees
 * each executed statement's result once (a builder compiled into another statement is not executed).
 */
function statementCounter() {
  const counter = { n: 0 };
  const plugin: KyselyPlugin = {
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      counter.n++;
      return args.result;
    },
  };
  return { counter, plugin };
}

const PROFILE = JSON.parse(
  readFileSync(new URL('../../../examples/profile-typical.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;
const diary = { entryDate: '2026-01-15', severity: 5, spasmEpisodes: 12, triggers: ['stress'] };

describeEachDatabase('one round trip per write', (variant) => {
  const { counter, plugin } = statementCounter();
  const w = worldFor(variant, { appDb: (db) => db.withPlugin(plugin) });
  beforeEach(() => {
    counter.n = 0;
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
    // The exception: a follow-up reads its episode first, so the caller is checked before that read
    // (session, episode, then the write: three statements, as before).
    counter.n = 0;
    const followUp = await doc('POST', `${p}/follow-ups`, {
      episodeId: episode.json().id,
      timePoint: '1m',
      assessedOn: '2025-07-01',
      spasmStatus: 'resolved',
    });
    expect(followUp.statusCode, followUp.body).toBe(201);
    expect(counter.n).toBe(3);
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
