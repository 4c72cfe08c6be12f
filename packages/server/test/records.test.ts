/**
 * Patient records through the API, as a clinic would use them: demographics, diary (with toxin-cycle
 * marks), assessments scored by the core, treatment episodes of each kind, follow-ups, decisions with
 * the engine's output, the patient's decision-aid answers, video measurements and clinic outcomes.
 * Bad input gets a 4xx problem naming the field, never a 500, and leaves nothing behind.
 */
import { readFileSync } from 'node:fs';
import { analyzeSignals, DEFAULT_SCENARIO, generateScenario, OPTION_IDS } from '@hemispasm/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, createSession, SESSION_COOKIE } from '../src/auth/sessions';
import { DEMO_COURSES, DEMO_LOGINS, seedDemo } from '../src/seed/demo';
import { mvdEpisode, newPatient, toxinEpisode } from './helpers/bodies';
import { describeEachDatabase } from './helpers/databases';
import { type Requester, worldFor } from './helpers/world';

/** The repository's example profile of a typical patient (the one `npm start` shows). */
const PROFILE = JSON.parse(
  readFileSync(new URL('../../../examples/profile-typical.json', import.meta.url), 'utf8'),
);

const issuePaths = (body: string) => (JSON.parse(body).issues ?? []).map((i: { path: string }) => i.path);

describeEachDatabase('patient records API', (variant) => {
  const w = worldFor(variant);
  let doc: Requester;
  let pat: Requester;
  let p1: string;
  let p2: string;
  beforeAll(async () => {
    doc = w.as(w.users.clinicianA);
    pat = w.as(w.users.patientA);
    p1 = w.patients.p1;
    p2 = w.patients.p2;
  });

  describe('patients', () => {
    it('lets a clinician add a patient who then appears in their clinic only', async () => {
      const r = await doc('POST', '/api/patients', newPatient({ name: 'Nora New' }));
      expect(r.statusCode).toBe(201);
      const id = r.json().id;
      const mine = (await doc('GET', '/api/patients')).json().map((p: { id: string }) => p.id);
      expect(mine).toContain(id);
      expect(mine).not.toContain(w.patients.p3);
      const theirs = (await w.as(w.users.clinicianB)('GET', '/api/patients'))
        .json()
        .map((p: { id: string }) => p.id);
      expect(theirs).not.toContain(id);
    });

    it('refuses a birth date in the future and an onset before birth, naming the fields', async () => {
      const r = await doc('POST', '/api/patients', newPatient({ birthDate: '2999-01-01' }));
      expect(r.statusCode).toBe(400);
      expect(issuePaths(r.body)).toEqual(['body.birthDate']);
      const r2 = await doc('PATCH', `/api/patients/${p2}`, { onsetDate: '1950-01-01' });
      expect(r2.statusCode).toBe(400);
      expect(issuePaths(r2.body)).toEqual(['body.onsetDate']);
    });
  });

  describe('diary', () => {
    it('stores a patient’s own entry with toxin-cycle marks and returns it newest first', async () => {
      const r = await pat('POST', `/api/patients/${p1}/diary`, {
        entryDate: '2026-03-02',
        severity: 7,
        spasmEpisodes: 40,
        triggers: ['stress'],
        toxinInjectionDay: true,
      });
      expect(r.statusCode).toBe(201);
      await pat('POST', `/api/patients/${p1}/diary`, {
        entryDate: '2026-03-09',
        severity: 3,
        toxinEffectNoticed: true,
      });
      const list = (await doc('GET', `/api/patients/${p1}/diary?from=2026-03-01&to=2026-03-31`)).json();
      expect(list.map((e: { entryDate: string }) => e.entryDate)).toEqual(['2026-03-09', '2026-03-02']);
      expect(list[1]).toMatchObject({
        severity: 7,
        spasmEpisodes: 40,
        triggers: ['stress'],
        toxinInjectionDay: true,
      });
      expect(list[0]).toMatchObject({ toxinEffectNoticed: true, toxinInjectionDay: false });
    });

    it('names every bad field: out of range, wrong type, unknown', async () => {
      const r = await pat('POST', `/api/patients/${p1}/diary`, {
        entryDate: '2026-13-01',
        severity: '5',
        mood: 'ok',
      });
      expect(r.statusCode).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.json().code).toBe('validation_failed');
      expect(issuePaths(r.body).sort()).toEqual(['body.entryDate', 'body.mood', 'body.severity']);
      const r2 = await pat('POST', `/api/patients/${p1}/diary`, { entryDate: '2026-01-01', severity: 11 });
      expect(r2.json().issues).toEqual([{ path: 'body.severity', message: 'must be ≤ 10' }]);
    });

    it('stores a batch whole or not at all', async () => {
      const before = (await pat('GET', `/api/patients/${p1}/diary?limit=1000`)).json().length;
      const bad = await pat('POST', `/api/patients/${p1}/diary/batch`, {
        entries: [
          { entryDate: '2026-04-01', severity: 2 },
          { entryDate: '2026-04-02', severity: 3 },
          { entryDate: '2999-04-03', severity: 4 },
        ],
      });
      expect(bad.statusCode).toBe(400);
      expect(issuePaths(bad.body)).toEqual(['body.entries[2].entryDate']);
      expect((await pat('GET', `/api/patients/${p1}/diary?limit=1000`)).json().length).toBe(before);
      const ok = await pat('POST', `/api/patients/${p1}/diary/batch`, {
        entries: [
          { entryDate: '2026-04-01', severity: 2 },
          { entryDate: '2026-04-02', severity: 3 },
        ],
      });
      expect(ok.statusCode).toBe(201);
      expect((await pat('GET', `/api/patients/${p1}/diary?limit=1000`)).json().length).toBe(before + 2);
    });

    it('deletes an entry only through its own patient', async () => {
      const e = (
        await doc('POST', `/api/patients/${p2}/diary`, { entryDate: '2026-02-02', severity: 1 })
      ).json();
      const wrong = await doc('DELETE', `/api/patients/${p1}/diary/${e.id}`);
      expect(wrong.statusCode).toBe(404);
      expect(issuePaths(wrong.body)).toEqual(['params.entryId']);
      expect(
        (await doc('GET', `/api/patients/${p2}/diary`)).json().map((x: { id: string }) => x.id),
      ).toContain(e.id);
      expect((await doc('DELETE', `/api/patients/${p2}/diary/${e.id}`)).statusCode).toBe(204);
      expect(
        (await doc('GET', `/api/patients/${p2}/diary`)).json().map((x: { id: string }) => x.id),
      ).not.toContain(e.id);
    });
  });

  describe('assessments', () => {
    it('scores answers on the server with the core and stores instrument id and version', async () => {
      const r = await pat('POST', `/api/patients/${p1}/assessments`, {
        instrumentId: 'smc',
        answers: { items: { grade: 3 } },
        assessedOn: '2026-05-01',
      });
      expect(r.statusCode).toBe(201);
      const a = r.json();
      expect(a).toMatchObject({ instrumentId: 'smc', instrumentVersion: 'lee-2011', total: 3 });
      expect(a.score.instrumentId).toBe('smc');
    });

    it('refuses a client-computed score, an unknown instrument and out-of-range answers', async () => {
      const withScore = await pat('POST', `/api/patients/${p1}/assessments`, {
        instrumentId: 'smc',
        answers: { items: { grade: 2 } },
        score: { total: 1 },
      });
      expect(issuePaths(withScore.body)).toEqual(['body.score']);
      const unknown = await pat('POST', `/api/patients/${p1}/assessments`, {
        instrumentId: 'nope',
        answers: {},
      });
      expect(unknown.statusCode).toBe(400);
      expect(issuePaths(unknown.body)).toEqual(['body.instrumentId']);
      const range = await pat('POST', `/api/patients/${p1}/assessments`, {
        instrumentId: 'smc',
        answers: { items: { grade: 9 } },
      });
      expect(range.statusCode).toBe(400);
      expect(issuePaths(range.body)).toEqual(['body.answers.items.grade']);
    });
  });

  describe('treatments and follow-ups', () => {
    let botoxId: string;
    let mvdId: string;
    it('stores each kind with its own fields and computes the toxin total', async () => {
      const botox = await doc(
        'POST',
        `/api/patients/${p1}/episodes`,
        toxinEpisode({
          injections: [
            { site: 'orbicularis oculi, upper lateral', units: 2.5 },
            { site: 'zygomaticus major', units: 5 },
          ],
        }),
      );
      expect(botox.statusCode).toBe(201);
      expect(botox.json()).toMatchObject({ kind: 'botulinum_toxin', totalUnits: 7.5, side: 'left' });
      botoxId = botox.json().id;
      const mvd = await doc('POST', `/api/patients/${p1}/episodes`, mvdEpisode());
      expect(mvd.statusCode).toBe(201);
      mvdId = mvd.json().id;
      const rf = await doc('POST', `/api/patients/${p2}/episodes`, {
        kind: 'rf_neurotomy',
        startDate: '2025-03-01',
        side: 'right',
        ctGuided: true,
        approach: 'stylomastoid foramen',
        needle: '22 G',
        temperatureC: 80,
        durationS: 60,
        immediateHouseBrackmann: 2,
        complications: ['facial weakness'],
      });
      expect(rf.statusCode).toBe(201);
      const oral = await doc('POST', `/api/patients/${p2}/episodes`, {
        kind: 'oral_medication',
        startDate: '2024-01-01',
        endDate: '2024-04-01',
        drug: 'carbamazepine',
        doseSchedule: '200 mg twice daily',
      });
      expect(oral.statusCode).toBe(201);
      const kinds = (await pat('GET', `/api/patients/${p1}/episodes`))
        .json()
        .map((e: { kind: string }) => e.kind);
      expect(kinds).toEqual(['mvd', 'botulinum_toxin']);
    });

    it('validates kind-specific fields', async () => {
      const noSurgeon = await doc('POST', `/api/patients/${p1}/episodes`, mvdEpisode({ surgeon: undefined }));
      expect(noSurgeon.statusCode).toBe(400);
      expect(issuePaths(noSurgeon.body)).toEqual(['body.surgeon']);
      const wrongKind = await doc('POST', `/api/patients/${p1}/episodes`, {
        kind: 'acupuncture',
        startDate: '2025-01-01',
      });
      expect(wrongKind.statusCode).toBe(400);
      expect(issuePaths(wrongKind.body)).toEqual(['body.kind']);
      const botoxField = await doc('POST', `/api/patients/${p1}/episodes`, {
        kind: 'oral_medication',
        startDate: '2025-01-01',
        drug: 'x',
        doseSchedule: 'y',
        injections: [],
      });
      expect(issuePaths(botoxField.body)).toEqual(['body.injections']);
    });

    it('records follow-ups only against the patient’s own episodes, leaving nothing behind otherwise', async () => {
      const ok = await doc('POST', `/api/patients/${p1}/follow-ups`, {
        episodeId: mvdId,
        timePoint: '1m',
        assessedOn: '2025-07-01',
        spasmStatus: 'resolved',
        houseBrackmann: 1,
        hearingClass: 'A',
      });
      expect(ok.statusCode).toBe(201);
      const p2Episode = (await doc('GET', `/api/patients/${p2}/episodes`)).json()[0].id;
      const foreign = await doc('POST', `/api/patients/${p1}/follow-ups`, {
        episodeId: p2Episode,
        timePoint: '3m',
        assessedOn: '2025-09-01',
        spasmStatus: 'improved',
      });
      expect(foreign.statusCode).toBe(404);
      expect(issuePaths(foreign.body)).toEqual(['body.episodeId']);
      const list = (await doc('GET', `/api/patients/${p1}/follow-ups`)).json();
      expect(list).toHaveLength(1);
      expect(list[0]).toMatchObject({ episodeId: mvdId, timePoint: '1m', spasmStatus: 'resolved' });
      void botoxId;
    });

    it('summarises clinic outcomes per treatment kind for the clinic’s own staff only', async () => {
      const o = (await doc('GET', '/api/clinic/outcomes')).json();
      const mvd = o.kinds.find((k: { kind: string }) => k.kind === 'mvd');
      expect(mvd).toMatchObject({ episodes: 1, patients: 1 });
      expect(mvd.followUps.find((f: { timePoint: string }) => f.timePoint === '1m')).toMatchObject({
        total: 1,
        resolved: 1,
      });
      // One episode followed once, resolved: censored at its follow-up, the curve stays at 1.
      expect(mvd.eventFree).toMatchObject({ episodes: 1, events: 0, failures: 0, recurrences: 0 });
      expect(mvd.eventFree.steps.at(-1)).toMatchObject({
        atRisk: 1,
        events: 0,
        censored: 1,
        survival: 1,
      });
      const rf = o.kinds.find((k: { kind: string }) => k.kind === 'rf_neurotomy');
      expect(rf.complications).toEqual({ episodes: 1, rate: 1 });
      const b = (await w.as(w.users.clinicianB)('GET', '/api/clinic/outcomes')).json();
      expect(b.kinds.every((k: { episodes: number }) => k.episodes === 0)).toBe(true);
    });
  });

  describe('decisions and the patient’s preferences', () => {
    it('runs the decision engine on the server and records who chose which option when', async () => {
      const r = await doc('POST', `/api/patients/${p1}/decisions`, { profile: PROFILE });
      expect(r.statusCode).toBe(201);
      const d = r.json();
      expect(d.result.options.map((o: { id: string }) => o.id).sort()).toEqual([...OPTION_IDS].sort());
      expect(d.chosenOption).toBeNull();
      const chosen = await doc('PATCH', `/api/patients/${p1}/decisions/${d.id}`, {
        chosenOption: 'botulinum_toxin',
      });
      expect(chosen.statusCode).toBe(200);
      expect(chosen.json()).toMatchObject({
        chosenOption: 'botulinum_toxin',
        chosenBy: w.users.clinicianA.id,
      });
      expect(Date.parse(chosen.json().chosenAt)).toBeGreaterThan(Date.now() - 60_000);

      const pref = await pat('POST', `/api/patients/${p1}/preferences`, {
        decisionId: d.id,
        preferredOption: 'mvd',
        values: { avoidSurgery: 2 },
        sure: { sure: true, understand: true, riskBenefit: false, encouragement: true },
      });
      expect(pref.statusCode).toBe(201);
      expect(pref.json()).toMatchObject({
        preferredOption: 'mvd',
        sureScore: 3,
        createdBy: w.users.patientA.id,
      });
    });

    it('names the bad profile field and refuses a foreign decision id', async () => {
      const r = await doc('POST', `/api/patients/${p1}/decisions`, { profile: { ...PROFILE, age: 130 } });
      expect(r.statusCode).toBe(400);
      expect(issuePaths(r.body)).toEqual(['body.profile.age']);
      const other = (await doc('POST', `/api/patients/${p2}/decisions`, { profile: PROFILE })).json();
      const x = await pat('POST', `/api/patients/${p1}/preferences`, {
        decisionId: other.id,
        sure: { sure: true, understand: true, riskBenefit: true, encouragement: true },
      });
      expect(x.statusCode).toBe(404);
      expect(issuePaths(x.body)).toEqual(['body.decisionId']);
    });
  });

  describe('video measurements', () => {
    const analysis = () => {
      const s = generateScenario({ ...DEFAULT_SCENARIO, seed: 7, durationS: 20, affected: 'left' });
      return analyzeSignals(s.series);
    };
    it('stores the analysis summary and events (validated with the core schema)', async () => {
      const a = analysis();
      const r = await pat('POST', `/api/patients/${p1}/measurements`, {
        recordedAt: '2026-06-01T10:00:00Z',
        analysis: a,
      });
      expect(r.statusCode).toBe(201);
      const list = (await doc('GET', `/api/patients/${p1}/measurements`)).json();
      expect(list[0].analysis).toEqual(a);
    });
    it('refuses an impossible analysis and any video payload', async () => {
      const bad = await pat('POST', `/api/patients/${p1}/measurements`, {
        recordedAt: '2026-06-01T10:00:00Z',
        analysis: { ...analysis(), spasmTimeFraction: 2 },
        video: 'AAAA',
      });
      expect(bad.statusCode).toBe(400);
      expect(issuePaths(bad.body).sort()).toEqual(['body.analysis.spasmTimeFraction', 'body.video']);
    });
  });

  describe('demo clinic', () => {
    it('seeds synthetic records that every read route serves to the demo clinician, and the patient login sees its own', async () => {
      const seeded = await seedDemo(w.database.db, { today: new Date('2026-06-15T12:00:00Z') });
      expect(seeded.patients).toBe(DEMO_COURSES.length);
      expect(seeded.patients).toBeGreaterThanOrEqual(20);
      const byEmail = async (email: string) =>
        w.database.db
          .selectFrom('users')
          .select(['id', 'patient_id'])
          .where('email', '=', email)
          .executeTakeFirstOrThrow();
      const doctor = await byEmail(DEMO_LOGINS.find((l) => l.role === 'clinician')!.email);
      const s = await createSession(w.database.db, doctor.id);
      const get = (url: string) =>
        w.app.inject({
          method: 'GET',
          url,
          headers: { cookie: `${SESSION_COOKIE}=${s.token}`, [CSRF_HEADER]: s.csrfToken },
        });
      const patients = (await get('/api/patients')).json();
      expect(patients).toHaveLength(seeded.patients);
      const kinds = new Set<string>();
      let episodes = 0;
      for (const p of patients) {
        for (const part of [
          '',
          '/diary',
          '/assessments',
          '/episodes',
          '/follow-ups',
          '/decisions',
          '/preferences',
          '/measurements',
        ]) {
          const r = await get(`/api/patients/${p.id}${part}`);
          expect(r.statusCode, `${part} ${r.body.slice(0, 200)}`).toBe(200);
          if (part === '/episodes') {
            for (const e of r.json()) kinds.add(e.kind);
            episodes += r.json().length;
          }
        }
      }
      expect([...kinds].sort()).toEqual(['botulinum_toxin', 'mvd', 'oral_medication', 'rf_neurotomy']);
      const outcomes = (await get('/api/clinic/outcomes')).json();
      expect(outcomes.kinds.reduce((n: number, k: { episodes: number }) => n + k.episodes, 0)).toBe(episodes);
      expect(episodes).toBeGreaterThan(seeded.patients); // some were treated twice (toxin, then MVD)
      // The demo courses give every kind a curve, some of them with recurrences and complications.
      type Kind = {
        kind: string;
        complications: { episodes: number };
        eventFree: {
          definition: string;
          episodes: number;
          failures: number;
          recurrences: number;
          steps: { survival: number }[];
        };
      };
      const byKind = Object.fromEntries(outcomes.kinds.map((k: Kind) => [k.kind, k])) as Record<string, Kind>;
      for (const k of Object.values(byKind)) {
        expect(k.eventFree.episodes, k.kind).toBeGreaterThan(0);
        const s = k.eventFree.steps.map((x) => x.survival);
        expect(s[0]).toBe(1);
        for (let i = 1; i < s.length; i++) expect(s[i]).toBeLessThanOrEqual(s[i - 1]!);
      }
      expect(byKind.rf_neurotomy!.eventFree.recurrences).toBeGreaterThan(byKind.mvd!.eventFree.recurrences);
      expect(byKind.mvd!.eventFree.recurrences).toBeGreaterThan(0);
      // The persistent MVD (never resolved by 12 months) is a failure, not a censored success.
      expect(byKind.mvd!.eventFree.failures).toBeGreaterThan(0);
      // Toxin is shown as time to wearing off, which its demo cycles reach by 3 months.
      expect(byKind.botulinum_toxin!.eventFree.definition).toBe('time_to_wearing_off');
      expect(byKind.botulinum_toxin!.eventFree.recurrences).toBeGreaterThan(0);
      expect(byKind.mvd!.complications.episodes).toBeGreaterThan(0);
      const patientUser = await byEmail(DEMO_LOGINS.find((l) => l.role === 'patient')!.email);
      const ps = await createSession(w.database.db, patientUser.id);
      const own = await w.app.inject({
        method: 'GET',
        url: `/api/patients/${patientUser.patient_id}/diary`,
        headers: { cookie: `${SESSION_COOKIE}=${ps.token}` },
      });
      expect(own.json()).toHaveLength(60);
      await expect(seedDemo(w.database.db)).rejects.toThrow(/already exists/);
    }, 180_000); // three argon2 hashes and a whole clinic: a minute or more on a loaded 2-core machine
  });
});
