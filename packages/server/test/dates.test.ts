/**
 * Dates: every date and date-time a route accepts has a range (1900-01-01 to today + 1 day for things
 * that happened, episodes up to today + 2 years) and is refused outside it with a 400 naming the field,
 * storing nothing; a stored timestamp reads back identical on PGlite and PostgreSQL (one converter); and
 * no read path fails on an odd stored value (year 1, BC, year 10000, infinity), written here straight
 * into the database as an older version or a hand edit could have.
 */
import { analyzeSignals, DEFAULT_SCENARIO, generateScenario } from '@hemispasm/core';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { latestEpisodeDate, latestPastDate } from '../src/routes/common';
import { mvdEpisode } from './helpers/bodies';
import { describeEachDatabase } from './helpers/databases';
import { type Requester, worldFor } from './helpers/world';

const issuePaths = (body: string) => (JSON.parse(body).issues ?? []).map((i: { path: string }) => i.path);
const dayAfter = (d: string) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describeEachDatabase('dates', (variant) => {
  const w = worldFor(variant);
  let doc: Requester;
  let pat: Requester;
  let p1: string;
  let episodeId: string;
  const analysis = analyzeSignals(generateScenario({ ...DEFAULT_SCENARIO, seed: 5, durationS: 10 }).series);

  beforeAll(async () => {
    doc = w.as(w.users.clinicianA);
    pat = w.as(w.users.patientA);
    p1 = w.patients.p1;
    const e = await doc('POST', `/api/patients/${p1}/episodes`, mvdEpisode({ startDate: '2020-03-01' }));
    episodeId = e.json().id;
  });

  /** Each case: a request builder for a date value, the field the 400 must name. */
  const cases = () => {
    const past = (field: string, send: (v: string) => ReturnType<Requester>) => ({
      field,
      send,
      kind: 'past',
    });
    const episode = (field: string, send: (v: string) => ReturnType<Requester>) => ({
      field,
      send,
      kind: 'episode',
    });
    const bt = (startDate: string) => ({
      kind: 'botulinum_toxin',
      startDate,
      side: 'left',
      product: 'onabotulinumtoxinA',
      injections: [{ site: 'orbicularis oculi', units: 5 }],
    });
    return [
      past('body.birthDate', (v) =>
        doc('POST', '/api/patients', { name: 'D', birthDate: v, sex: 'male', affectedSide: 'left' }),
      ),
      past('body.onsetDate', (v) => doc('PATCH', `/api/patients/${p1}`, { onsetDate: v })),
      past('body.entryDate', (v) => pat('POST', `/api/patients/${p1}/diary`, { entryDate: v, severity: 1 })),
      past('body.entries[0].entryDate', (v) =>
        pat('POST', `/api/patients/${p1}/diary/batch`, { entries: [{ entryDate: v, severity: 1 }] }),
      ),
      past('body.assessedOn', (v) =>
        pat('POST', `/api/patients/${p1}/assessments`, {
          instrumentId: 'smc',
          answers: { items: { grade: 1 } },
          assessedOn: v,
        }),
      ),
      past('body.assessedOn', (v) =>
        doc('POST', `/api/patients/${p1}/follow-ups`, {
          episodeId,
          timePoint: '1m',
          assessedOn: v,
          spasmStatus: 'improved',
        }),
      ),
      episode('body.startDate', (v) => doc('POST', `/api/patients/${p1}/episodes`, bt(v))),
      episode('body.endDate', (v) =>
        doc('POST', `/api/patients/${p1}/episodes`, {
          kind: 'oral_medication',
          startDate: '1900-01-01',
          endDate: v,
          drug: 'carbamazepine',
          doseSchedule: '200 mg twice daily',
        }),
      ),
    ];
  };

  it('refuses dates before 1900-01-01 or after the field’s latest day, naming the field and storing nothing', async () => {
    const rows = async () =>
      (
        await sql<{ n: number }>`
        SELECT (SELECT count(*) FROM patients) + (SELECT count(*) FROM diary_entries) + (SELECT count(*) FROM assessments)
          + (SELECT count(*) FROM follow_ups) + (SELECT count(*) FROM treatment_episodes) AS n`.execute(
          w.database.db,
        )
      ).rows[0]!.n;
    const before = Number(await rows());
    for (const c of cases()) {
      const latest = c.kind === 'past' ? latestPastDate() : latestEpisodeDate();
      for (const bad of ['1899-12-31', '0001-01-01', '9999-12-31', dayAfter(latest)]) {
        const r = await c.send(bad);
        expect(r.statusCode, `${c.field} = ${bad}: ${r.body}`).toBe(400);
        expect(issuePaths(r.body), `${c.field} = ${bad}`).toContain(c.field);
      }
    }
    expect(Number(await rows())).toBe(before);
  });

  it('accepts the boundaries: 1900-01-01, and today + 1 day or today + 2 years', async () => {
    for (const c of cases()) {
      if (c.field === 'body.onsetDate' || c.field === 'body.birthDate') continue; // not in the future (own rule)
      for (const ok of ['1900-01-01', c.kind === 'past' ? latestPastDate() : latestEpisodeDate()]) {
        if (c.field === 'body.assessedOn' && ok === '1900-01-01') continue; // follow-up before its episode
        const r = await c.send(ok);
        expect(r.statusCode, `${c.field} = ${ok}: ${r.body}`).toBe(201);
      }
    }
    expect((await doc('PATCH', `/api/patients/${p1}`, { onsetDate: '1960-05-04' })).statusCode).toBe(200);
  });

  it('refuses the issue’s measurement times (year 1 with an offset, 9999-12-31 rolling into 10000), storing nothing', async () => {
    const url = `/api/patients/${p1}/measurements`;
    const before = (await pat('GET', url)).json().length;
    for (const recordedAt of [
      '0001-01-01T00:00:00+00:01',
      '0001-01-01T00:00:00Z',
      '9999-12-31T23:59:59-14:00',
      '1899-12-31T23:59:59Z',
      '2020-01-01T00:00:00+15:00',
      new Date(Date.now() + 2 * 86_400_000).toISOString(),
    ]) {
      const r = await pat('POST', url, { recordedAt, analysis });
      expect(r.statusCode, `${recordedAt}: ${r.body}`).toBe(400);
      expect(issuePaths(r.body)).toEqual(['body.recordedAt']);
    }
    expect((await pat('GET', url)).json().length).toBe(before);
    expect((await pat('POST', url, { recordedAt: '1900-01-01T00:00:00Z', analysis })).statusCode).toBe(201);
  });

  it('refuses the same ranges in an imported FHIR Bundle, naming the element', async () => {
    const bundle = (await doc('GET', `/api/patients/${p1}/fhir`)).json();
    const patientEntry = bundle.entry.findIndex(
      (e: { resource: { resourceType: string } }) => e.resource.resourceType === 'Patient',
    );
    bundle.entry[patientEntry].resource.birthDate = '0001-01-01';
    const r = await doc('POST', '/api/fhir/Bundle', bundle);
    expect(r.statusCode).toBe(400);
    expect(issuePaths(r.body)).toContain(`body.entry[${patientEntry}].resource.birthDate`);
  });

  it('reads a stored timestamp back identical on both databases, and no read fails on odd stored values', async () => {
    const db = w.database.db;
    const insertMeasurement = (recordedAt: string) =>
      db
        .insertInto('video_measurements')
        .values({
          patient_id: p1,
          recorded_at: sql`${recordedAt}::timestamptz`,
          analyzer_version: 'odd',
          summary: JSON.stringify({ ...analysis, events: undefined }),
          events: JSON.stringify(analysis.events),
          created_by: w.users.patientA.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    const year1 = await insertMeasurement('0001-01-01T00:00:00Z');
    await insertMeasurement('0001-01-01T00:00:00+00:01'); // 1 BC
    await insertMeasurement('9999-12-31T23:59:59-14:00'); // year 10000
    await insertMeasurement('infinity');
    await insertMeasurement('-infinity');
    await db
      .insertInto('treatment_episodes')
      .values({
        patient_id: p1,
        kind: 'botulinum_toxin',
        start_date: sql`'0044-03-15 BC'::date`,
        side: 'right',
        details: JSON.stringify({ product: 'x', injections: [{ site: 'y', units: 1 }], totalUnits: 1 }),
        created_by: w.users.clinicianA.id,
      })
      .execute();
    await sql`UPDATE decision_records SET chosen_at = 'infinity' WHERE patient_id = ${p1}`.execute(db);

    const list = await pat('GET', `/api/patients/${p1}/measurements`);
    expect(list.statusCode, list.body).toBe(200);
    const stored = list.json().find((m: { id: string }) => m.id === year1.id);
    // PGlite's own parser read this as 2001; both databases now give year 1.
    expect(stored.recordedAt).toBe('0001-01-01T00:00:00.000Z');
    for (const url of [
      `/api/patients/${p1}/measurements`,
      `/api/patients/${p1}/episodes`,
      `/api/patients/${p1}/decisions`,
      `/api/patients/${p1}/fhir`,
      `/api/patients/${p1}`,
      '/api/clinic/outcomes',
    ]) {
      const r = await doc('GET', url);
      expect(r.statusCode, `${url}: ${r.body.slice(0, 300)}`).toBe(200);
    }
  });
});
