/**
 * Registry size, on both databases: a synthetic registry seeded into clinic A (COPY on PostgreSQL, INSERT
 * on PGlite); the patient list pages through it with keyset cursors and searches names; the clinic outcomes
 * aggregated in SQL equal the pure `computeOutcomes` on the same rows; the cohort endpoint filters and
 * counts failure or recurrence as its event.
 */

import type { FollowUpTimePoint, SpasmStatus } from '@hemispasm/core';
import { makeRng } from '@hemispasm/core';
import { type RawBuilder, sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { episodeOutcomes } from '../src/analytics/episode-outcomes';
import { computeOutcomes, type EpisodeFact, type FollowUpFact } from '../src/domain/outcomes';
import { seedRegistry } from '../src/seed/registry';
import { describeEachDatabase } from './helpers/databases';
import { buildWorld, type World } from './helpers/world';

const REGISTRY = 400;

describeEachDatabase('registry size', (variant) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(await variant.open());
    const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(w.database.db)).rows[0]!.s;
    const counts = await seedRegistry(
      variant.name === 'postgres'
        ? { kind: 'postgres', url: process.env.TEST_DATABASE_URL!, searchPath: schema }
        : { kind: 'pglite', db: w.database.db },
      { patients: REGISTRY, clinicId: w.clinicA, createdBy: w.users.clinicianA.id, seed: 7 },
    );
    expect(counts.patients).toBe(REGISTRY);
    expect(counts.follow_ups).toBeGreaterThan(REGISTRY);
  });
  afterAll(async () => {
    await w?.close();
  });

  const doc = () => w.as(w.users.clinicianA);

  it('pages through every patient of the clinic once, in name order, following Link rel="next"', async () => {
    const expected = (
      await w.database.db
        .selectFrom('patients')
        .select('id')
        .where('clinic_id', '=', w.clinicA)
        .orderBy('name')
        .orderBy('id')
        .execute()
    ).map((p) => p.id);
    const seen: string[] = [];
    let url: string | undefined = '/api/patients?limit=37';
    let pages = 0;
    while (url) {
      const r = await doc()('GET', url);
      expect(r.statusCode).toBe(200);
      seen.push(...r.json().map((p: { id: string }) => p.id));
      url = /<([^>]+)>; rel="next"/.exec(String(r.headers.link ?? ''))?.[1];
      pages++;
    }
    expect(seen).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / 37));
    expect(seen).not.toContain(w.patients.p3);
  });

  it('searches names anywhere, any case, and filters by side, page by page', async () => {
    const r = await doc()('GET', '/api/patients?q=LEI&limit=500');
    const names: string[] = r.json().map((p: { name: string }) => p.name);
    const direct = await w.database.db
      .selectFrom('patients')
      .select('name')
      .where('clinic_id', '=', w.clinicA)
      .where(sql<string>`lower(name)`, 'like', '%lei%')
      .execute();
    expect(names.length).toBe(direct.length);
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(n.toLowerCase()).toContain('lei');
    const right = await doc()('GET', '/api/patients?side=right&limit=5');
    expect(right.json()).toHaveLength(5);
    for (const p of right.json()) expect(p.affectedSide).toBe('right');
    expect(right.headers.link).toContain('side=right');
  });

  it('refuses a cursor it did not make, naming the field', async () => {
    const r = await doc()('GET', '/api/patients?after=bm90LWEtY3Vyc29y');
    expect(r.statusCode).toBe(400);
    expect(r.json().issues[0].path).toBe('querystring.after');
  });

  /** computeOutcomes over clinic A's episodes and follow-ups, read row by row. */
  async function pureOutcomes() {
    const db = w.database.db;
    const episodes = await db
      .selectFrom('treatment_episodes as e')
      .innerJoin('patients as p', 'p.id', 'e.patient_id')
      .select(['e.id', 'e.patient_id', 'e.kind', 'e.start_date', 'e.details'])
      .where('p.clinic_id', '=', w.clinicA)
      .execute();
    const followUps = await db
      .selectFrom('follow_ups as f')
      .innerJoin('patients as p', 'p.id', 'f.patient_id')
      .select([
        'f.episode_id',
        'f.time_point',
        'f.assessed_on',
        'f.spasm_status',
        'f.complications',
        'f.recurrence',
      ])
      .where('p.clinic_id', '=', w.clinicA)
      .execute();
    return computeOutcomes(
      episodes.map(
        (e): EpisodeFact => ({
          id: e.id,
          patientId: e.patient_id,
          kind: e.kind as EpisodeFact['kind'],
          startDate: e.start_date,
          complications: ((d: Record<string, unknown>) =>
            Array.isArray(d.complications) ? (d.complications as string[]) : [])(
            e.details as Record<string, unknown>,
          ),
        }),
      ),
      followUps.map(
        (f): FollowUpFact => ({
          episodeId: f.episode_id,
          timePoint: f.time_point as FollowUpFact['timePoint'],
          assessedOn: f.assessed_on,
          spasmStatus: f.spasm_status as FollowUpFact['spasmStatus'],
          complications: f.complications,
          recurrence: f.recurrence,
        }),
      ),
    );
  }

  it('clinic outcomes aggregated in SQL equal computeOutcomes on the same rows', async () => {
    // Beside the registry's regular courses, random ones that reach every branch of issue 8's event: any
    // kind, any subset of time points, any status, recurrence flags anywhere, visits off their nominal day,
    // some dated before the treatment (nominal time), "12m" visits before 12 months, episodes without
    // follow-ups, complications on the episode or on a follow-up.
    const db = w.database.db;
    const rng = makeRng(20261201);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
    const kinds = ['mvd', 'rf_neurotomy', 'botulinum_toxin', 'oral_medication'] as const;
    const day = (iso: string, days: number) =>
      new Date(Date.parse(iso) + days * 86_400_000).toISOString().slice(0, 10);
    const nominalDays = { '1w': 7, '1m': 30, '3m': 91, '6m': 182, '12m': 365, later: 600 } as const;
    for (let i = 0; i < 240; i++) {
      const start = day('2023-01-01', Math.floor(rng() * 700));
      const ep = await db
        .insertInto('treatment_episodes')
        .values({
          patient_id: i % 2 ? w.patients.p1 : w.patients.p2,
          kind: pick(kinds),
          start_date: start,
          side: 'left',
          details: JSON.stringify(rng() < 0.1 ? { complications: ['CSF leak'] } : {}),
          created_by: w.users.clinicianA.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const points = (['1w', '1m', '3m', '6m', '12m', 'later'] as const).filter(() => rng() < 0.45);
      for (const tp of points)
        await db
          .insertInto('follow_ups')
          .values({
            patient_id: i % 2 ? w.patients.p1 : w.patients.p2,
            episode_id: ep.id,
            time_point: tp,
            assessed_on: day(start, rng() < 0.08 ? -5 : Math.round(nominalDays[tp] * (0.8 + rng() * 0.4))),
            spasm_status: pick(['resolved', 'improved', 'unchanged', 'worse'] as const),
            recurrence: rng() < 0.12,
            complications: JSON.stringify(rng() < 0.05 ? ['facial weakness'] : []),
            created_by: w.users.clinicianA.id,
          })
          .execute();
    }
    const pure = await pureOutcomes();
    const inSql = await episodeOutcomes(db, { clinicId: w.clinicA });
    expect(inSql.kinds).toEqual(pure);
    // Every branch was reached: failures and recurrences under both curve definitions.
    for (const kind of ['mvd', 'rf_neurotomy', 'botulinum_toxin', 'oral_medication']) {
      const k = pure.find((x) => x.kind === kind)!;
      expect([kind, k.eventFree.failures > 0, k.eventFree.recurrences > 0]).toEqual([kind, true, true]);
    }
    const api = await doc()('GET', '/api/clinic/outcomes');
    expect(api.statusCode).toBe(200);
    expect(api.json().kinds).toEqual(JSON.parse(JSON.stringify(pure)));

    // The summary the SQL reads (episode_outcomes, kept by triggers) follows updates and deletes too:
    // follow-ups re-dated, re-graded, marked or unmarked as recurrences, given complications, deleted;
    // episodes re-dated, given complications, deleted with their follow-ups — one row and many at a time.
    const fus = await db.selectFrom('follow_ups').select(['id', 'episode_id']).orderBy('id').execute();
    for (const f of fus.slice(0, 30))
      await db
        .updateTable('follow_ups')
        .set({
          spasm_status: pick(['resolved', 'improved', 'unchanged', 'worse'] as const),
          recurrence: rng() < 0.3,
          assessed_on: day('2024-06-01', Math.floor(rng() * 400)),
          complications: JSON.stringify(rng() < 0.3 ? ['hearing loss'] : []),
        })
        .where('id', '=', f.id)
        .execute();
    await db
      .updateTable('follow_ups')
      .set({ spasm_status: 'worse' })
      .where(
        'id',
        'in',
        fus.slice(30, 60).map((f) => f.id),
      )
      .execute();
    await db
      .deleteFrom('follow_ups')
      .where(
        'id',
        'in',
        fus.slice(60, 80).map((f) => f.id),
      )
      .execute();
    const eps = await db
      .selectFrom('treatment_episodes')
      .select('id')
      .where('patient_id', 'in', [w.patients.p1, w.patients.p2])
      .orderBy('id')
      .execute();
    await db
      .updateTable('treatment_episodes')
      .set({ start_date: '2022-06-01', details: JSON.stringify({ complications: ['CSF leak'] }) })
      .where(
        'id',
        'in',
        eps.slice(0, 10).map((e) => e.id),
      )
      .execute();
    const gone = eps.slice(10, 15).map((e) => e.id);
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('follow_ups').where('episode_id', 'in', gone).execute();
      await trx.deleteFrom('treatment_episodes').where('id', 'in', gone).execute();
    });
    const after = await pureOutcomes();
    expect(after).not.toEqual(pure);
    expect((await episodeOutcomes(db, { clinicId: w.clinicA })).kinds).toEqual(after);
  });

  it('cohort filters by treatment, side, age band and baseline SMC grade', async () => {
    const db = w.database.db;
    const all = (await doc()('GET', '/api/clinic/cohort')).json();
    const mvd = (await doc()('GET', '/api/clinic/cohort?kind=mvd&side=left')).json();
    /** Clinic A's episodes whose episode (e) and patient (p) match `where`, counted in SQL. */
    const episodesWhere = async (where: RawBuilder<unknown>) =>
      Number(
        (
          await sql<{ n: string }>`SELECT count(*) AS n FROM treatment_episodes e
            JOIN patients p ON p.id = e.patient_id WHERE p.clinic_id = ${w.clinicA} AND ${where}`.execute(db)
        ).rows[0]?.n,
      );
    expect(mvd.counts.episodes).toBe(await episodesWhere(sql`e.kind = 'mvd' AND p.affected_side = 'left'`));
    expect(mvd.counts.episodes).toBeLessThan(all.counts.episodes);
    expect(mvd.filters).toEqual({ kind: 'mvd', side: 'left' });
    // The four age bands and the four SMC grades each split the cohort without overlap.
    let byAge = 0;
    for (const band of ['under-40', '40-59', '60-79', '80-plus'])
      byAge += (await doc()('GET', `/api/clinic/cohort?ageBand=${band}`)).json().counts.episodes;
    expect(byAge).toBe(all.counts.episodes);
    let byGrade = 0;
    for (const g of [1, 2, 3, 4]) {
      const c = (await doc()('GET', `/api/clinic/cohort?smcGrade=${g}`)).json();
      expect(c.counts.episodes).toBeGreaterThan(0);
      byGrade += c.counts.episodes;
    }
    // Every registry episode has a baseline SMC grade; the world's own patients have none.
    const withoutGrade = await episodesWhere(sql`p.name LIKE 'Pat %'`);
    expect(byGrade).toBe(all.counts.episodes - withoutGrade);
    // The summary follows the patient: a new affected side, a first SMC assessment (baseline grade).
    const count = async (q: string) => (await doc()('GET', `/api/clinic/cohort?${q}`)).json().counts.episodes;
    const mover = await db
      .selectFrom('treatment_episodes as e')
      .innerJoin('patients as p', 'p.id', 'e.patient_id')
      .select(['p.id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('p.clinic_id', '=', w.clinicA)
      .where('p.affected_side', '=', 'right')
      .groupBy('p.id')
      .orderBy('p.id')
      .executeTakeFirstOrThrow();
    const [right, bilateral] = [await count('side=right'), await count('side=bilateral')];
    await db.updateTable('patients').set({ affected_side: 'bilateral' }).where('id', '=', mover.id).execute();
    expect([await count('side=right'), await count('side=bilateral')]).toEqual([
      right - Number(mover.n),
      bilateral + Number(mover.n),
    ]);
    const p1Episodes = await db
      .selectFrom('treatment_episodes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('patient_id', '=', w.patients.p1)
      .executeTakeFirstOrThrow();
    const grade3 = await count('smcGrade=3');
    await db
      .insertInto('assessments')
      .values({
        patient_id: w.patients.p1,
        instrument_id: 'smc',
        instrument_version: '1',
        answers: '{}',
        score: '{}',
        total: 3,
        assessed_on: '2000-01-01',
        created_by: w.users.clinicianA.id,
      })
      .execute();
    expect(Number(p1Episodes.n)).toBeGreaterThan(0);
    expect(await count('smcGrade=3')).toBe(grade3 + Number(p1Episodes.n));
    const bad = await doc()('GET', '/api/clinic/cohort?ageBand=teen&smcGrade=5');
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['querystring.ageBand', 'querystring.smcGrade']);
    expect((await w.as(w.users.patientA)('GET', '/api/clinic/cohort')).statusCode).toBe(403);
  });

  it('counts failure or recurrence as the cohort event', async () => {
    // Clinic B has no registry: six hand-made courses of patient P3.
    const db = w.database.db;
    const course = async (
      kind: 'mvd' | 'rf_neurotomy' | 'botulinum_toxin' | 'oral_medication',
      visits: Array<[FollowUpTimePoint, string, SpasmStatus, boolean?]>,
    ) => {
      const ep = await db
        .insertInto('treatment_episodes')
        .values({
          patient_id: w.patients.p3,
          kind,
          start_date: '2024-01-01',
          side: 'left',
          details: '{}',
          created_by: w.users.clinicianB.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const [tp, on, status, recurrence] of visits)
        await db
          .insertInto('follow_ups')
          .values({
            patient_id: w.patients.p3,
            episode_id: ep.id,
            time_point: tp,
            assessed_on: on,
            spasm_status: status,
            recurrence: recurrence ?? false,
            created_by: w.users.clinicianB.id,
          })
          .execute();
    };
    // MVD resolved, recurrence on day 366 → recurrence at 366 / 30.4375 months.
    await course('mvd', [
      ['1m', '2024-02-01', 'resolved'],
      ['12m', '2025-01-01', 'unchanged', true],
    ]);
    // MVD never resolved, next seen after its 12-month window → failure at that visit (day 547).
    await course('mvd', [
      ['3m', '2024-04-01', 'improved'],
      ['later', '2025-07-01', 'improved'],
    ]);
    // MVD improved, last seen at 3 months → censored (its window has not ended).
    await course('mvd', [['3m', '2024-04-01', 'improved']]);
    // RF improved but not resolved by 3 months, next seen at 6 → failure at that visit (day 182).
    await course('rf_neurotomy', [
      ['1m', '2024-02-01', 'improved'],
      ['6m', '2024-07-01', 'improved'],
    ]);
    // Toxin improved, worn off at 3 months → recurrence (wearing off) at day 91.
    await course('botulinum_toxin', [
      ['1m', '2024-01-31', 'improved'],
      ['3m', '2024-04-01', 'unchanged'],
    ]);
    // Tablets without any effect at the first follow-up → failure at day 31.
    await course('oral_medication', [['1m', '2024-02-01', 'unchanged']]);
    const c = (await w.as(w.users.clinicianB)('GET', '/api/clinic/cohort')).json();
    expect(c.counts).toEqual({ patients: 1, episodes: 6, followedUp: 6 });
    expect(c.curve).toMatchObject({ episodes: 6, events: 5, failures: 3, recurrences: 2 });
    const times = c.curve.steps
      .filter((s: { events: number }) => s.events > 0)
      .map((s: { time: number }) => s.time);
    expect(times).toEqual([31, 91, 182, 366, 547].map((d) => d / 30.4375));
    const mvdOnly = (await w.as(w.users.clinicianB)('GET', '/api/clinic/cohort?kind=mvd')).json();
    expect(mvdOnly.curve).toMatchObject({ episodes: 3, events: 2, failures: 1, recurrences: 1 });
    expect(mvdOnly.resolution.find((r: { timePoint: string }) => r.timePoint === '1m')).toMatchObject({
      total: 1,
      resolved: 1,
      resolvedProportion: 1,
    });
    // The cohort's curve is the clinic outcomes' event, kind by kind.
    const outcomes = (await w.as(w.users.clinicianB)('GET', '/api/clinic/outcomes')).json();
    const sum = (key: 'failures' | 'recurrences') =>
      outcomes.kinds.reduce(
        (n: number, k: { eventFree: Record<typeof key, number> }) => n + k.eventFree[key],
        0,
      );
    expect([sum('failures'), sum('recurrences')]).toEqual([3, 2]);
    expect(c.definition).toContain('failure');
  });

  // Two transactions writing follow-ups of one episode at once (two clinicians, or two servers): the second
  // must see the first's follow-up when it recomputes the summary, or the summary silently misses it.
  it.skipIf(variant.name !== 'postgres')(
    'the summary counts the follow-ups of two concurrent transactions on one episode',
    async () => {
      const db = w.database.db;
      const episode = await db
        .selectFrom('treatment_episodes as e')
        .innerJoin('patients as p', 'p.id', 'e.patient_id')
        .select(['e.id', 'e.patient_id'])
        .where('p.clinic_id', '=', w.clinicA)
        .where('e.kind', '=', 'mvd')
        .executeTakeFirstOrThrow();
      const followUp = (timePoint: FollowUpTimePoint) => ({
        patient_id: episode.patient_id,
        episode_id: episode.id,
        time_point: timePoint,
        assessed_on: '2026-11-01',
        spasm_status: 'improved' as const,
        complications: JSON.stringify([]),
        created_by: w.users.clinicianA.id,
      });
      let firstWrote!: () => void;
      const firstHasWritten = new Promise<void>((resolve) => {
        firstWrote = resolve;
      });
      let letFirstCommit!: () => void;
      const firstMayCommit = new Promise<void>((resolve) => {
        letFirstCommit = resolve;
      });
      const first = db.transaction().execute(async (trx) => {
        await trx.insertInto('follow_ups').values(followUp('later')).execute();
        firstWrote();
        await firstMayCommit;
      });
      await firstHasWritten;
      const second = db.transaction().execute(async (trx) => {
        await trx.insertInto('follow_ups').values(followUp('later')).execute();
      });
      // Let the second reach the summary while the first is still open, then commit the first.
      await new Promise((resolve) => setTimeout(resolve, 300));
      letFirstCommit();
      await Promise.all([first, second]);
      const stored = await db
        .selectFrom('follow_ups')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('episode_id', '=', episode.id)
        .executeTakeFirstOrThrow();
      const summary = await db
        .selectFrom('episode_outcomes')
        .select('follow_ups')
        .where('episode_id', '=', episode.id)
        .executeTakeFirstOrThrow();
      expect(summary.follow_ups).toBe(Number(stored.n));
    },
  );
});
