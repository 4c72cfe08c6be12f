/**
 * The audit row of a write commits atomically with the write — in one statement with it (the write path),
 * or in its transaction (the path before, which the server benchmark still measures): both are tested. When
 * the audit trail cannot be written, every audited request fails with 503 `audit_unavailable` and nothing
 * is kept or released. The failure is real: a constraint that refuses every new audit row, added to the
 * live database.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from './helpers/databases';
import { auditRowsOf, countRows } from './helpers/rows';
import { buildWorld, type World } from './helpers/world';

for (const writes of ['one-trip', 'two-trips'] as const)
  describeEachDatabase(`audit row with the write (${writes})`, (variant) => {
    let w: World;
    beforeAll(async () => {
      w = await buildWorld(await variant.open(), { writes });
    });
    afterAll(async () => w.close());

    const count = (table: 'diary_entries' | 'audit_log' | 'patients' | 'treatment_episodes') =>
      countRows(w.database.db, table);
    const auditOf = (requestId: unknown) => auditRowsOf(w.database.db, requestId);

    it('stores exactly one audit row with each write, for the status it answers with', async () => {
      const doc = w.as(w.users.clinicianA);
      const created = await doc('POST', `/api/patients/${w.patients.p1}/diary`, {
        entryDate: '2026-01-03',
        severity: 3,
      });
      expect(created.statusCode).toBe(201);
      expect(await auditOf(created.headers['x-request-id'])).toMatchObject([
        { action: 'create', resource: 'diary', status: 201, patient_id: w.patients.p1 },
      ]);
      const removed = await doc('DELETE', `/api/patients/${w.patients.p1}/diary/${created.json().id}`);
      expect(removed.statusCode).toBe(204);
      expect(await auditOf(removed.headers['x-request-id'])).toMatchObject([
        { action: 'delete', status: 204 },
      ]);
      // A write refused after its transaction began (no such entry) is recorded as refused, once.
      const missing = await doc('DELETE', `/api/patients/${w.patients.p1}/diary/${created.json().id}`);
      expect(missing.statusCode).toBe(404);
      expect(await auditOf(missing.headers['x-request-id'])).toMatchObject([
        { action: 'delete', status: 404 },
      ]);
      const patient = await doc('POST', '/api/patients', {
        name: 'Audit Probe',
        birthDate: '1970-02-03',
        sex: 'male',
        affectedSide: 'right',
      });
      expect(await auditOf(patient.headers['x-request-id'])).toMatchObject([
        { action: 'create', resource: 'patient', status: 201, patient_id: patient.json().id },
      ]);
    });

    it('answers 503 when only the write’s own audit row fails, and records the refused attempt', async () => {
      // The write's row (status 201) is refused; the row of the 503 answer it then gives is not.
      await sql`ALTER TABLE audit_log ADD CONSTRAINT audit_probe_201 CHECK (status <> 201) NOT VALID`.execute(
        w.database.db,
      );
      try {
        const before = await count('diary_entries');
        const r = await w.as(w.users.clinicianA)('POST', `/api/patients/${w.patients.p1}/diary`, {
          entryDate: '2026-01-07',
          severity: 2,
        });
        expect(r.statusCode).toBe(503);
        expect(r.json()).toMatchObject({ code: 'audit_unavailable', status: 503 });
        expect(await count('diary_entries')).toBe(before);
        expect(await auditOf(r.headers['x-request-id'])).toMatchObject([{ action: 'create', status: 503 }]);
      } finally {
        await sql`ALTER TABLE audit_log DROP CONSTRAINT audit_probe_201`.execute(w.database.db);
      }
    });

    describe('when the audit trail cannot be written', () => {
      let bundle: unknown;
      beforeAll(async () => {
        bundle = (await w.as(w.users.clinicianA)('GET', `/api/patients/${w.patients.p1}/fhir`)).json();
        await sql`ALTER TABLE audit_log ADD CONSTRAINT audit_probe_refuses CHECK (false) NOT VALID`.execute(
          w.database.db,
        );
      });
      afterAll(async () => {
        await sql`ALTER TABLE audit_log DROP CONSTRAINT audit_probe_refuses`.execute(w.database.db);
      });

      const expect503 = (r: { statusCode: number; headers: Record<string, unknown>; json(): unknown }) => {
        expect(r.statusCode).toBe(503);
        expect(String(r.headers['content-type'])).toContain('application/problem+json');
        expect(r.json()).toMatchObject({ code: 'audit_unavailable', status: 503 });
      };

      it('fails every kind of write with 503 and keeps nothing', async () => {
        const doc = w.as(w.users.clinicianA);
        const before = {
          diary: await count('diary_entries'),
          patients: await count('patients'),
          episodes: await count('treatment_episodes'),
          audit: await count('audit_log'),
        };
        const p1 = `/api/patients/${w.patients.p1}`;
        expect503(await doc('POST', `${p1}/diary`, { entryDate: '2026-01-04', severity: 2 }));
        expect503(
          await doc('POST', `${p1}/diary/batch`, {
            entries: [
              { entryDate: '2026-01-05', severity: 2 },
              { entryDate: '2026-01-06', severity: 3 },
            ],
          }),
        );
        expect503(
          await doc('POST', `${p1}/episodes`, {
            kind: 'oral_medication',
            startDate: '2026-01-01',
            drug: 'carbamazepine',
            doseSchedule: '200 mg twice daily',
          }),
        );
        expect503(
          await doc('POST', '/api/patients', {
            name: 'Never Stored',
            birthDate: '1980-01-01',
            sex: 'female',
            affectedSide: 'left',
          }),
        );
        expect503(await doc('PATCH', p1, { name: 'Renamed Without Trace' }));
        expect503(await doc('POST', '/api/fhir/Bundle', bundle));
        expect(await count('diary_entries')).toBe(before.diary);
        expect(await count('patients')).toBe(before.patients);
        expect(await count('treatment_episodes')).toBe(before.episodes);
        expect(await count('audit_log')).toBe(before.audit);
        const name = await w.database.db
          .selectFrom('patients')
          .select('name')
          .where('id', '=', w.patients.p1)
          .executeTakeFirstOrThrow();
        expect(name.name).toBe('Pat One');
      });

      it('releases no patient data to a read, and refuses with 503', async () => {
        const r = await w.as(w.users.clinicianA)('GET', `/api/patients/${w.patients.p1}`);
        expect503(r);
        expect(r.body).not.toContain('Pat One');
        const fhir = await w.as(w.users.patientA)('GET', `/api/patients/${w.patients.p1}/fhir`);
        expect503(fhir);
        expect(fhir.body).not.toContain('Pat One');
      });

      it('leaves requests that touch no patient data alone', async () => {
        expect((await w.as(w.users.clinicianA)('GET', '/api/me')).statusCode).toBe(200);
        expect((await w.as('anonymous')('GET', '/api/health')).statusCode).toBe(200);
      });
    });

    it('writes again, with its audit row, once the audit trail is back', async () => {
      const r = await w.as(w.users.patientA)('POST', `/api/patients/${w.patients.p1}/diary`, {
        entryDate: '2026-01-07',
        severity: 1,
      });
      expect(r.statusCode).toBe(201);
      expect(await auditOf(r.headers['x-request-id'])).toHaveLength(1);
    });
  });
