/**
 * Group commit (routes/insert-batches.ts): one-row inserts of one shape that arrive together are sent as
 * one statement, and every request still gets exactly its own answer — its own stored row, its own
 * refusal, its own audit row naming its own caller — and a request whose row the database refuses fails
 * alone, the others of its batch stored.
 */
import { type CompiledQuery, sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { CSRF_HEADER, createSession, SESSION_COOKIE } from '../src/auth/sessions';
import type { Db } from '../src/db/database';
import { batchSql, createInsertBatcher, splitWriteStatement } from '../src/routes/insert-batches';
import { describeEachDatabase } from './helpers/databases';
import { auditRowsOf } from './helpers/rows';
import { type WorldUser, worldFor } from './helpers/world';

describe('batchSql', () => {
  const select =
    'SELECT g.user_id AS u, hemispasm_change.* FROM hemispasm_change CROSS JOIN hemispasm_guard g';
  const single =
    '/* prepared */ WITH hemispasm_guard AS (SELECT $1::uuid AS user_id), ' +
    'hemispasm_change AS (INSERT INTO t (a, b) SELECT $2, $3 WHERE EXISTS (SELECT 1 FROM hemispasm_guard) RETURNING *), ' +
    'hemispasm_audit AS (INSERT INTO audit_log (x) SELECT $1 FROM hemispasm_change) ' +
    select;

  it('gives each copy its own CTE names and parameters, and tags its rows with its index', () => {
    const split = splitWriteStatement(single, select, 3);
    expect(split?.parameterCount).toBe(3);
    const text = batchSql(split!, 2);
    expect(text.startsWith('/* prepared */ WITH hemispasm_guard_0 AS (SELECT $1::uuid')).toBe(true);
    expect(text).toContain('hemispasm_guard_1 AS (SELECT $4::uuid AS user_id)');
    expect(text).toContain('SELECT $5, $6 WHERE EXISTS (SELECT 1 FROM hemispasm_guard_1)');
    expect(text).toContain(
      'hemispasm_audit_1 AS (INSERT INTO audit_log (x) SELECT $4 FROM hemispasm_change_1)',
    );
    expect(text).toContain(
      'SELECT 1 AS hemispasm_batch_index, g.user_id AS u, hemispasm_change_1.* FROM hemispasm_change_1 CROSS JOIN hemispasm_guard_1 g',
    );
    expect(text.match(/UNION ALL/g)).toHaveLength(1);
    expect(text).not.toMatch(/\bhemispasm_(guard|change|audit)\b/);
  });

  it('never batches a statement whose final SELECT is not where it is expected', () => {
    expect(splitWriteStatement(single, 'SELECT 1', 3)).toBeUndefined();
    expect(splitWriteStatement('INSERT INTO t VALUES ($1)', 'SELECT 1', 1)).toBeUndefined();
    // A `$` that is not a placeholder, or placeholders other than the compiled parameters: not batched.
    expect(
      splitWriteStatement(
        single.replace(' $3', () => " '$'"),
        select,
        3,
      ),
    ).toBeUndefined();
    expect(
      splitWriteStatement(
        single.replace('$1::uuid', () => "'a$'::uuid"),
        select,
        3,
      ),
    ).toBeUndefined();
    expect(splitWriteStatement(single, select, 4)).toBeUndefined();
  });
});

describe('a batch whose connection fails', () => {
  const text = splitWriteStatement(
    '/* prepared */ WITH hemispasm_change AS (INSERT INTO t (a) SELECT $1 RETURNING *) SELECT hemispasm_change.* FROM hemispasm_change',
    'SELECT hemispasm_change.* FROM hemispasm_change',
    1,
  )!;
  /** A database handle whose every statement fails with `error`, counting the statements. */
  const failing = (error: Error) => {
    const sent: string[] = [];
    const db = {
      executeQuery: async (q: CompiledQuery) => {
        sent.push(q.sql);
        throw error;
      },
    } as unknown as Db;
    return { db, sent };
  };
  const runTogether = (db: Db, n: number) => {
    const batcher = createInsertBatcher(db);
    return Promise.allSettled(
      Array.from({ length: n }, (_, i) =>
        batcher.run('k', { sql: 'single', parameters: [i], query: {} } as unknown as CompiledQuery, text),
      ),
    );
  };

  it('is never sent again (it may have committed): each request fails with the error', async () => {
    const lost = Object.assign(new Error('Connection terminated unexpectedly'), { code: 'ECONNRESET' });
    const { db, sent } = failing(lost);
    const results = await runTogether(db, 4);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('hemispasm_batch_index');
    expect(results.map((r) => (r.status === 'rejected' ? r.reason : r))).toEqual([lost, lost, lost, lost]);
  });

  it('is sent again request by request when PostgreSQL refused it (nothing committed)', async () => {
    const refused = Object.assign(new Error('check violation'), { code: '23514', severity: 'ERROR' });
    const { db, sent } = failing(refused);
    const results = await runTogether(db, 4);
    expect(sent).toEqual([
      expect.stringContaining('hemispasm_batch_index'),
      'single',
      'single',
      'single',
      'single',
    ]);
    expect(results.every((r) => r.status === 'rejected' && r.reason === refused)).toBe(true);
  });
});

/**
 * Counts what the app's handle sends as compiled statements (records' one-row inserts, alone or batched):
 * all of them, and the batches of several requests among them.
 */
function statementCounter() {
  const counter = { n: 0, batches: 0 };
  const counting = (db: Db): Db =>
    new Proxy(db, {
      get(target, prop) {
        const v = Reflect.get(target, prop, target);
        if (prop !== 'executeQuery') return typeof v === 'function' ? v.bind(target) : v;
        return (query: CompiledQuery) => {
          counter.n++;
          if (query.sql.includes('hemispasm_batch_index')) counter.batches++;
          return target.executeQuery(query);
        };
      },
    });
  return { counter, counting };
}

describeEachDatabase('writes arriving together', (variant) => {
  const { counter, counting } = statementCounter();
  const w = worldFor(variant, { appDb: counting });
  beforeEach(() => {
    counter.n = 0;
    counter.batches = 0;
  });

  /** A diary POST by `u` for `patientId` with its own session (or a wrong CSRF token). */
  async function diaryPost(u: WorldUser, patientId: string, severity: number, badCsrf = false) {
    const s = await createSession(w.database.db, u.id);
    return () =>
      w.app.inject({
        method: 'POST',
        url: `/api/patients/${patientId}/diary`,
        headers: {
          cookie: `${SESSION_COOKIE}=${s.token}`,
          [CSRF_HEADER]: badCsrf ? 'not-the-token' : s.csrfToken,
        },
        payload: { entryDate: '2026-02-01', severity, spasmEpisodes: severity, triggers: ['stress'] },
      });
  }

  it('stores each request its own row and audit row under its own caller, refusing only the refused', async () => {
    const { clinicianA, patientA, clinicianB } = w.users;
    const { p1, p2, p3 } = w.patients;
    const sends = [
      { send: await diaryPost(clinicianA, p1, 1), status: 201, actor: clinicianA, patient: p1 },
      { send: await diaryPost(clinicianA, p2, 2), status: 201, actor: clinicianA, patient: p2 },
      { send: await diaryPost(patientA, p1, 3), status: 201, actor: patientA, patient: p1 },
      { send: await diaryPost(clinicianB, p3, 4), status: 201, actor: clinicianB, patient: p3 },
      // Another clinic's patient: refused (403, as alone), and its batch-mates unaffected.
      { send: await diaryPost(clinicianB, p1, 5), status: 403, actor: clinicianB, patient: p1 },
      // A patient writing another patient's diary: 403.
      { send: await diaryPost(patientA, p2, 6), status: 403, actor: patientA, patient: p2 },
      // A wrong CSRF token: 403.
      { send: await diaryPost(clinicianA, p1, 7, true), status: 403, actor: clinicianA, patient: p1 },
      { send: await diaryPost(clinicianA, p1, 8), status: 201, actor: clinicianA, patient: p1 },
    ];
    const stored = () =>
      w.database.db.selectFrom('diary_entries').select(['severity', 'patient_id', 'created_by']).execute();
    const before = (await stored()).length;
    const responses = await Promise.all(sends.map((s) => s.send()));

    // Sent together: in batches of several requests.
    expect(counter.batches).toBeGreaterThan(0);

    for (const [i, r] of responses.entries()) {
      const s = sends[i]!;
      expect(r.statusCode, `request ${i}: ${r.body}`).toBe(s.status);
      const audit = await auditRowsOf(w.database.db, r.headers['x-request-id']);
      if (s.status === 201) {
        const body = r.json();
        expect(body).toMatchObject({ severity: i + 1, patientId: s.patient });
        expect(audit).toHaveLength(1);
        expect(audit[0]).toMatchObject({ actor_user_id: s.actor.id, patient_id: s.patient, status: 201 });
      }
    }
    const rows = await stored();
    expect(rows.length - before).toBe(sends.filter((s) => s.status === 201).length);
    for (const [i, s] of sends.entries()) {
      const mine = rows.filter((r) => r.severity === i + 1);
      if (s.status === 201) {
        expect(mine).toEqual([{ severity: i + 1, patient_id: s.patient, created_by: s.actor.id }]);
      } else {
        expect(mine).toEqual([]);
      }
    }
  });

  it('fails only the request whose row the database refuses; its batch-mates are stored', async () => {
    const { clinicianA } = w.users;
    const { p1 } = w.patients;
    // A probe constraint the one request with 9 spasm episodes breaks.
    await sql`ALTER TABLE diary_entries ADD CONSTRAINT batch_probe CHECK (spasm_episodes <> 9) NOT VALID`.execute(
      w.database.db,
    );
    try {
      const alone = await (await diaryPost(clinicianA, p1, 9))();
      const sends = await Promise.all([1, 2, 9, 3].map((n) => diaryPost(clinicianA, p1, n)));
      counter.n = 0;
      counter.batches = 0;
      const responses = await Promise.all(sends.map((s) => s()));
      expect(responses.map((r) => r.statusCode)).toEqual([201, 201, alone.statusCode, 201]);
      expect(responses[2]!.json()).toMatchObject({ code: alone.json().code, status: alone.statusCode });
      // One batch (it failed and stored nothing), then each request alone.
      expect(counter.batches).toBe(1);
      expect(counter.n - counter.batches).toBe(4);
      const failedAudit = await auditRowsOf(w.database.db, responses[2]!.headers['x-request-id']);
      expect(failedAudit.filter((a) => a.status === 201)).toEqual([]);
    } finally {
      await sql`ALTER TABLE diary_entries DROP CONSTRAINT batch_probe`.execute(w.database.db);
    }
  });
});
