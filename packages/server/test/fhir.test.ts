/**
 * FHIR R4 exchange: the export of a seeded demo patient (resource types, codes, laterality from the
 * patient's anatomical side, references inside the Bundle), export → import into another clinic
 * (same patient, same scores, same episodes and follow-ups), all-or-nothing import with issues named
 * at their Bundle element, scores recomputed, access and audit as for other patient reads.
 */
import { INSTRUMENT_IDS, TREATMENT_KINDS, type TreatmentKind } from '@hemispasm/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, createSession, SESSION_COOKIE } from '../src/auth/sessions';
import type { FhirBundleInput } from '../src/fhir/bundle-schema';
import { recordToBundle } from '../src/fhir/export-bundle';
import { planImport } from '../src/fhir/import-plan';
import type { PatientRecord } from '../src/fhir/record';
import { storeImport } from '../src/fhir/store-import';
import { fhirPath } from '../src/fhir/validation';
import { DEMO_LOGINS, seedDemo } from '../src/seed/demo';
import { answerEveryInstrument } from './helpers/bodies';
import { describeEachDatabase } from './helpers/databases';
import { type Requester, worldFor } from './helpers/world';

const FHIR_JSON = 'application/fhir+json';
const ICD10 = 'http://hl7.org/fhir/sid/icd-10';
const ICD10CM = 'http://hl7.org/fhir/sid/icd-10-cm';
const CPT = 'http://www.ama-assn.org/go/cpt';
const INSTRUMENT = 'https://hemispasm.org/fhir/CodeSystem/instrument';
const VERSION_EXT = 'https://hemispasm.org/fhir/StructureDefinition/instrument-version';

interface Coding {
  system?: string;
  code?: string;
}
interface Resource {
  resourceType: string;
  id: string;
  [k: string]: unknown;
}
interface Entry {
  fullUrl: string;
  resource: Resource;
}
interface Bundle {
  resourceType: 'Bundle';
  type: string;
  entry: Entry[];
}

const codings = (r: Resource, field = 'code'): Coding[] =>
  ((r[field] as { coding?: Coding[] } | undefined)?.coding ?? []) as Coding[];
const ofType = (b: Bundle, t: string) => b.entry.filter((e) => e.resource.resourceType === t);
const issuePaths = (body: string) => (JSON.parse(body).issues ?? []).map((i: { path: string }) => i.path);
const clone = <T>(v: T): T => structuredClone(v);

/** Every `reference` in the Bundle resolves to one of its entries; ids and types are present. */
function checkStructure(b: Bundle): void {
  expect(b.resourceType).toBe('Bundle');
  expect(b.type).toBe('collection');
  const urls = new Set(b.entry.map((e) => e.fullUrl));
  expect(urls.size).toBe(b.entry.length);
  for (const e of b.entry) {
    expect(e.fullUrl).toBe(`urn:uuid:${e.resource.id}`);
    expect(typeof e.resource.resourceType).toBe('string');
  }
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'reference') expect(urls.has(String(x)), `reference ${String(x)}`).toBe(true);
        // FHIR: no empty arrays, no nulls.
        if (Array.isArray(x)) expect(x.length, k).toBeGreaterThan(0);
        expect(x, k).not.toBeNull();
        walk(x);
      }
    }
  };
  walk(b.entry);
}

describeEachDatabase('FHIR R4 exchange', (variant) => {
  const w = worldFor(variant);
  let doc: Requester;
  let demoDoc: Requester;
  let demoPatientId: string;
  let demoPatientLogin: Requester;
  let exported: Bundle;

  const requesterFor = async (userId: string): Promise<Requester> => {
    const s = await createSession(w.database.db, userId);
    return (method, url, body, headers = {}) =>
      w.app.inject({
        method,
        url,
        headers: { cookie: `${SESSION_COOKIE}=${s.token}`, [CSRF_HEADER]: s.csrfToken, ...headers },
        ...(body === undefined ? {} : { payload: body as object }),
      });
  };
  const countPatients = async () =>
    (await w.database.db.selectFrom('patients').select('id').execute()).length;

  beforeAll(async () => {
    doc = w.as(w.users.clinicianB); // imports go into clinic B
    await seedDemo(w.database.db, { today: new Date('2026-06-15T12:00:00Z') });
    const byEmail = (role: string) =>
      w.database.db
        .selectFrom('users')
        .select(['id', 'patient_id'])
        .where('email', '=', DEMO_LOGINS.find((l) => l.role === role)!.email)
        .executeTakeFirstOrThrow();
    const clinician = await byEmail('clinician');
    const patient = await byEmail('patient');
    demoDoc = await requesterFor(clinician.id);
    demoPatientLogin = await requesterFor(patient.id);
    demoPatientId = patient.patient_id!;
  });

  describe('export', () => {
    it('serves the demo patient as an application/fhir+json collection Bundle whose references resolve', async () => {
      const r = await demoDoc('GET', `/api/patients/${demoPatientId}/fhir`);
      expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
      expect(r.headers['content-type']).toMatch(/^application\/fhir\+json/);
      exported = r.json();
      checkStructure(exported);
      const types = new Set(exported.entry.map((e) => e.resource.resourceType));
      expect([...types].sort()).toEqual(
        ['Condition', 'Observation', 'Patient', 'Procedure', 'QuestionnaireResponse'].sort(),
      );
    });

    it('maps the patient, and codes the condition with ICD-10 G51.3 and the side-specific ICD-10-CM code', async () => {
      const row = await w.database.db
        .selectFrom('patients')
        .selectAll()
        .where('id', '=', demoPatientId)
        .executeTakeFirstOrThrow();
      const patient = ofType(exported, 'Patient')[0]!.resource;
      expect(patient).toMatchObject({
        id: row.id,
        name: [{ text: row.name }],
        birthDate: row.birth_date,
        gender: row.sex,
        managingOrganization: { display: 'Demo HFS Clinic (synthetic data)' },
      });
      const [condition, ...more] = ofType(exported, 'Condition');
      expect(more).toEqual([]);
      const c = condition!.resource;
      const expectedCm = { right: 'G51.31', left: 'G51.32', bilateral: 'G51.33' }[row.affected_side];
      expect(codings(c)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ system: ICD10, code: 'G51.3' }),
          expect.objectContaining({ system: ICD10CM, code: expectedCm }),
        ]),
      );
      // SNOMED CT 13753008 is only partly verified in the evidence: not exported.
      expect(JSON.stringify(c)).not.toContain('13753008');
      const site = (c.bodySite as { coding: Coding[] }[])[0]!.coding[0]!;
      expect(site.code).toBe(row.affected_side);
      expect(c.onsetDateTime).toBe(row.onset_date);
    });

    it('exports every assessment with the instrument code, wording version, the stored score and item answers', async () => {
      const rows = await w.database.db
        .selectFrom('assessments')
        .selectAll()
        .where('patient_id', '=', demoPatientId)
        .execute();
      const obs = ofType(exported, 'Observation').filter((e) =>
        codings(e.resource).some((c) => c.system === INSTRUMENT),
      );
      expect(obs).toHaveLength(rows.length);
      for (const a of rows) {
        const o = obs.find((e) => e.resource.id === a.id)!.resource;
        expect(codings(o)[0]).toMatchObject({ system: INSTRUMENT, code: a.instrument_id });
        expect(o.extension).toEqual(
          expect.arrayContaining([{ url: VERSION_EXT, valueString: a.instrument_version }]),
        );
        expect(o.valueInteger).toBe(a.total);
        expect(o.effectiveDateTime).toBe(a.assessed_on);
        expect((o.performer as { display?: string }[])[0]!.display).toBe('Dr Demo');
        const items = (a.score as { answers: Record<string, number> }).answers;
        expect(o.component).toHaveLength(Object.keys(items).length);
      }
    });

    it('codes each treatment of every kind (CPT 61458 / 64612; RF as text only) and the side as its body site', async () => {
      const rows = await w.database.db.selectFrom('treatment_episodes').selectAll().execute();
      const kinds = new Set<string>();
      for (const patientId of new Set(rows.map((r) => r.patient_id))) {
        const b: Bundle = (await demoDoc('GET', `/api/patients/${patientId}/fhir`)).json();
        checkStructure(b);
        const episodes = [...ofType(b, 'Procedure'), ...ofType(b, 'MedicationStatement')];
        const mine = rows.filter((r) => r.patient_id === patientId);
        expect(episodes).toHaveLength(mine.length);
        for (const row of mine) {
          kinds.add(row.kind);
          const e = episodes.find((x) => x.resource.id === row.id)!;
          const r = e.resource;
          const cpt = codings(r).find((c) => c.system === CPT)?.code;
          if (row.kind === 'oral_medication') {
            expect(r.resourceType).toBe('MedicationStatement');
            expect(r.medicationCodeableConcept).toMatchObject({
              text: (row.details as { drug: string }).drug,
            });
            expect(r.effectivePeriod).toMatchObject({ start: row.start_date });
          } else {
            expect(r.resourceType).toBe('Procedure');
            expect(cpt).toBe({ mvd: '61458', botulinum_toxin: '64612', rf_neurotomy: undefined }[row.kind]);
            expect((r.bodySite as { coding: Coding[] }[])[0]!.coding[0]!.code).toBe(row.side);
            expect(r.performedDateTime).toBe(row.start_date);
          }
        }
        // Follow-ups are part of their episode; measurements carry spasms/min, time fraction and side.
        const followUps = ofType(b, 'Observation').filter((e) =>
          codings(e.resource).some((c) => c.code === 'treatment-follow-up'),
        );
        const episodeUrls = episodes.map((e) => e.fullUrl);
        for (const f of followUps) {
          expect(episodeUrls).toContain((f.resource.partOf as { reference: string }[])[0]!.reference);
        }
        const video = ofType(b, 'Observation').find((e) =>
          codings(e.resource).some((c) => c.code === 'video-spasm-measurement'),
        );
        if (video) {
          const parts = (video.resource.component as { code: { coding: Coding[] } }[]).map(
            (c) => c.code.coding[0]!.code,
          );
          expect(parts).toEqual(
            expect.arrayContaining(['spasms-per-minute', 'spasm-time-fraction', 'spasm-side']),
          );
        }
      }
      expect([...kinds].sort()).toEqual(['botulinum_toxin', 'mvd', 'oral_medication', 'rf_neurotomy']);
    });

    it('lets the patient export their own record, audits the read, and refuses another clinic', async () => {
      const own = await demoPatientLogin('GET', `/api/patients/${demoPatientId}/fhir`);
      expect(own.statusCode).toBe(200);
      const foreign = await w.as(w.users.clinicianA)('GET', `/api/patients/${demoPatientId}/fhir`);
      expect(foreign.statusCode).toBe(403);
      const otherPatient = await w.as(w.users.patientA)('GET', `/api/patients/${demoPatientId}/fhir`);
      expect(otherPatient.statusCode).toBe(403);
      const unknown = await demoDoc('GET', '/api/patients/00000000-0000-4000-8000-000000000000/fhir');
      expect(unknown.statusCode).toBe(404);
      const audit = await w.database.db
        .selectFrom('audit_log')
        .selectAll()
        .where('patient_id', '=', demoPatientId)
        .where('resource', '=', 'fhir-export')
        .execute();
      expect(audit.map((a) => [a.action, a.status, a.route]).sort()).toEqual(
        expect.arrayContaining([
          ['read', 200, 'GET /api/patients/:patientId/fhir'],
          ['read', 403, 'GET /api/patients/:patientId/fhir'],
        ]),
      );
    });
  });

  describe('import', () => {
    /** A demo patient with every kind of record: an MVD patient has follow-ups with HB and hearing. */
    async function bundleOf(kind: TreatmentKind): Promise<{ bundle: Bundle; patientId: string }> {
      const ep = await w.database.db
        .selectFrom('treatment_episodes')
        .innerJoin('patients', 'patients.id', 'treatment_episodes.patient_id')
        .select('patients.id')
        .where('kind', '=', kind)
        .where('patients.name', 'like', '% Demo')
        .executeTakeFirstOrThrow();
      return { bundle: (await demoDoc('GET', `/api/patients/${ep.id}/fhir`)).json(), patientId: ep.id };
    }

    it('round-trips export → import into another clinic: same patient, scores, episodes and follow-ups', async () => {
      for (const kind of TREATMENT_KINDS) {
        const { bundle, patientId } = await bundleOf(kind);
        const r = await doc('POST', '/api/fhir/Bundle', bundle, { 'content-type': FHIR_JSON });
        expect(r.statusCode, r.body.slice(0, 500)).toBe(201);
        const { patientId: newId, created, skipped } = r.json();
        expect(newId).not.toBe(patientId);
        const videos = bundle.entry.filter((e) =>
          codings(e.resource).some((c) => c.code === 'video-spasm-measurement'),
        ).length;
        expect(skipped).toHaveLength(videos);

        const get = (id: string, part: string, who: Requester) => who('GET', `/api/patients/${id}${part}`);
        const a = (await get(patientId, '', demoDoc)).json();
        const b = (await get(newId, '', doc)).json();
        expect(b.clinicId).toBe(w.clinicB);
        for (const k of ['name', 'birthDate', 'sex', 'affectedSide', 'onsetDate'])
          expect(b[k], k).toEqual(a[k]);

        const scores = async (id: string, who: Requester) =>
          (
            (await get(id, '/assessments', who)).json() as {
              instrumentId: string;
              total: number;
              bandId: string;
            }[]
          )
            .map((x) => `${x.instrumentId}:${x.total}:${x.bandId}`)
            .sort();
        expect(await scores(newId, doc)).toEqual(await scores(patientId, demoDoc));
        expect(created.assessments).toBe((await scores(patientId, demoDoc)).length);

        const strip = (e: Record<string, unknown>) => {
          const { id: _i, patientId: _p, createdBy: _c, createdAt: _t, episodeId: _e, ...rest } = e;
          return rest;
        };
        const sorted = (xs: Record<string, unknown>[]) => xs.map((x) => JSON.stringify(strip(x))).sort();
        const episodes = async (id: string, who: Requester) =>
          sorted((await get(id, '/episodes', who)).json());
        const episodesBefore = await episodes(patientId, demoDoc);
        expect(await episodes(newId, doc)).toEqual(episodesBefore);
        expect(created.episodes).toBe(episodesBefore.length);
        const followUps = async (id: string, who: Requester) =>
          sorted((await get(id, '/follow-ups', who)).json());
        const before = await followUps(patientId, demoDoc);
        expect(await followUps(newId, doc)).toEqual(before);
        expect(created.followUps).toBe(before.length);

        // The imported record exports again to the same clinical content.
        const again: Bundle = (await doc('GET', `/api/patients/${newId}/fhir`)).json();
        checkStructure(again);
        expect(again.entry.length).toBe(bundle.entry.length - videos);
      }
    });

    it('round-trips every instrument, including number items and the hearing class (no total, a class)', async () => {
      const clinicianA = w.as(w.users.clinicianA);
      const ids = await answerEveryInstrument(clinicianA, w.patients.p2, '2025-03-04');
      expect(ids.length).toBe(INSTRUMENT_IDS.length);
      const bundle: Bundle = (await clinicianA('GET', `/api/patients/${w.patients.p2}/fhir`)).json();
      checkStructure(bundle);
      const hearing = bundle.entry.find((e) =>
        codings(e.resource).some((c) => c.code === 'hearing-aao-hns'),
      )!;
      expect(hearing.resource.valueCodeableConcept).toMatchObject({
        text: expect.stringMatching(/^Class [A-D]$/),
      });
      expect(
        (hearing.resource.component as { valueQuantity?: { unit: string } }[])[0]!.valueQuantity,
      ).toMatchObject({
        unit: 'dB',
      });
      const imported = await doc('POST', '/api/fhir/Bundle', bundle);
      expect(imported.statusCode, imported.body).toBe(201);
      const scores = async (id: string, who: Requester) =>
        ((await who('GET', `/api/patients/${id}/assessments`)).json() as Record<string, unknown>[])
          .map((a) =>
            JSON.stringify([a.instrumentId, a.instrumentVersion, a.total, a.bandId, a.assessedOn, a.score]),
          )
          .sort();
      expect(await scores(imported.json().patientId, doc)).toEqual(await scores(w.patients.p2, clinicianA));
    });

    it('accepts application/json too, and audits the import as a create of the new patient', async () => {
      const { bundle } = await bundleOf('mvd');
      const r = await doc('POST', '/api/fhir/Bundle', bundle);
      expect(r.statusCode).toBe(201);
      const audit = await w.database.db
        .selectFrom('audit_log')
        .selectAll()
        .where('patient_id', '=', r.json().patientId)
        .execute();
      expect(audit).toMatchObject([
        { action: 'create', resource: 'fhir-import', status: 201, actor_user_id: w.users.clinicianB.id },
      ]);
    });

    it('recomputes scores: a tampered value or interpretation in an Observation is ignored', async () => {
      const { bundle, patientId } = await bundleOf('mvd');
      const tampered = clone(bundle);
      for (const e of tampered.entry) {
        if (codings(e.resource).some((c) => c.system === INSTRUMENT)) {
          e.resource.valueInteger = 99;
          e.resource.interpretation = [{ text: 'made up' }];
        }
      }
      const r = await doc('POST', '/api/fhir/Bundle', tampered);
      expect(r.statusCode, r.body).toBe(201);
      const totals = async (id: string, who: Requester) =>
        ((await who('GET', `/api/patients/${id}/assessments`)).json() as { total: number }[])
          .map((x) => x.total)
          .sort();
      const imported = await totals(r.json().patientId, doc);
      expect(imported).not.toContain(99);
      expect(imported).toEqual(await totals(patientId, demoDoc));
    });

    it('refuses a Bundle with one bad resource, naming its element, and stores nothing', async () => {
      const { bundle } = await bundleOf('mvd');
      const before = await countPatients();
      const assessmentsBefore = (await w.database.db.selectFrom('assessments').select('id').execute()).length;

      const badDate = clone(bundle);
      const pi = badDate.entry.findIndex((e) => e.resource.resourceType === 'Patient');
      badDate.entry[pi]!.resource.birthDate = '1960-13-45';
      const r1 = await doc('POST', '/api/fhir/Bundle', badDate, { 'content-type': FHIR_JSON });
      expect(r1.statusCode).toBe(400);
      expect(r1.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(issuePaths(r1.body)).toEqual([`body.entry[${pi}].resource.birthDate`]);

      // A bad answer in the last resource: everything before it was fine, still nothing is stored.
      const badAnswer = clone(bundle);
      const ai = badAnswer.entry.findLastIndex((e) =>
        codings(e.resource).some((c) => c.system === INSTRUMENT),
      );
      const comp = badAnswer.entry[ai]!.resource.component as { valueInteger?: number }[];
      comp[0]!.valueInteger = 42;
      const r2 = await doc('POST', '/api/fhir/Bundle', badAnswer);
      expect(r2.statusCode).toBe(400);
      expect(issuePaths(r2.body)).toEqual([`body.entry[${ai}].resource.component[0].valueInteger`]);

      // An unknown instrument and an unknown wording version are named at their elements.
      const badInstrument = clone(bundle);
      (badInstrument.entry[ai]!.resource.code as { coding: Coding[] }).coding[0]!.code = 'no-such-scale';
      const r3 = await doc('POST', '/api/fhir/Bundle', badInstrument);
      expect(r3.statusCode).toBe(400);
      expect(issuePaths(r3.body)).toEqual([`body.entry[${ai}].resource.code.coding[0].code`]);
      const badVersion = clone(bundle);
      const ext = badVersion.entry[ai]!.resource.extension as { url: string; valueString?: string }[];
      const k = ext.findIndex((x) => x.url === VERSION_EXT);
      ext[k]!.valueString = 'some-other-wording';
      const r4 = await doc('POST', '/api/fhir/Bundle', badVersion);
      expect(r4.statusCode).toBe(400);
      expect(issuePaths(r4.body)).toEqual([`body.entry[${ai}].resource.extension[${k}].valueString`]);

      // A follow-up of an episode that is not in the Bundle; a follow-up dated before its episode.
      const fi = bundle.entry.findIndex((e) =>
        codings(e.resource).some((c) => c.code === 'treatment-follow-up'),
      );
      const orphan = clone(bundle);
      (orphan.entry[fi]!.resource.partOf as { reference: string }[])[0]!.reference =
        'urn:uuid:00000000-0000-4000-8000-000000000000';
      const r5 = await doc('POST', '/api/fhir/Bundle', orphan);
      expect(r5.statusCode).toBe(400);
      expect(issuePaths(r5.body)).toEqual([`body.entry[${fi}].resource.partOf[0].reference`]);
      const early = clone(bundle);
      early.entry[fi]!.resource.effectiveDateTime = '1990-01-01';
      const r6 = await doc('POST', '/api/fhir/Bundle', early);
      expect(r6.statusCode).toBe(400);
      expect(issuePaths(r6.body)).toEqual([`body.entry[${fi}].resource.effectiveDateTime`]);

      // An MVD detail of the wrong type is named down to the sub-extension.
      const ei = bundle.entry.findIndex((e) => codings(e.resource).some((c) => c.code === '61458'));
      const badMvd = clone(bundle);
      const details = (
        badMvd.entry[ei]!.resource.extension as { extension: Record<string, unknown>[] }[]
      )[0]!;
      const vi = details.extension.findIndex((x) => x.url === 'offendingVessel');
      details.extension[vi] = { url: 'offendingVessel', valueCode: 'aorta' };
      const r7 = await doc('POST', '/api/fhir/Bundle', badMvd);
      expect(r7.statusCode).toBe(400);
      expect(issuePaths(r7.body)).toEqual([
        `body.entry[${ei}].resource.extension[0].extension[${vi}].valueCode`,
      ]);

      // Unknown resource types and unknown elements are refused by name, not dropped.
      const unknownType = clone(bundle);
      unknownType.entry.push({
        fullUrl: 'urn:uuid:11111111-1111-4111-8111-111111111111',
        resource: { resourceType: 'AllergyIntolerance', id: 'x' },
      });
      const r8 = await doc('POST', '/api/fhir/Bundle', unknownType);
      expect(r8.statusCode).toBe(400);
      expect(issuePaths(r8.body)).toEqual([`body.entry[${bundle.entry.length}].resource.resourceType`]);
      const unknownField = clone(bundle);
      unknownField.entry[pi]!.resource.deceasedBoolean = true;
      const r9 = await doc('POST', '/api/fhir/Bundle', unknownField);
      expect(r9.statusCode).toBe(400);
      expect(issuePaths(r9.body)).toEqual([`body.entry[${pi}].resource.deceasedBoolean`]);

      expect(await countPatients()).toBe(before);
      expect((await w.database.db.selectFrom('assessments').select('id').execute()).length).toBe(
        assessmentsBefore,
      );
    });

    it('stores in one transaction: a row the database refuses late rolls back the patient and all before it', async () => {
      const { bundle } = await bundleOf('mvd');
      const plan = planImport(bundle as unknown as FhirBundleInput, { today: '2026-06-15' });
      expect(plan.followUps.length).toBeGreaterThan(0);
      const before = await countPatients();
      const episodesBefore = (await w.database.db.selectFrom('treatment_episodes').select('id').execute())
        .length;
      // The last follow-up names an episode that was never stored: its insert fails after the patient,
      // the episode and the other follow-ups were written.
      const broken = {
        ...plan,
        followUps: [...plan.followUps, { ...plan.followUps[0]!, episodeKey: 'urn:uuid:x' }],
      };
      await expect(
        storeImport(w.database.db, broken, { userId: w.users.clinicianB.id, clinicId: w.clinicB }),
      ).rejects.toThrow();
      expect(await countPatients()).toBe(before);
      expect((await w.database.db.selectFrom('treatment_episodes').select('id').execute()).length).toBe(
        episodesBefore,
      );
    });

    it('imports a minimal hand-written Bundle: side from the ICD-10-CM code, name from given and family', async () => {
      const P = 'urn:uuid:6f1c1a3e-0000-4000-8000-000000000001';
      const minimal = {
        resourceType: 'Bundle',
        type: 'collection',
        entry: [
          {
            fullUrl: P,
            resource: {
              resourceType: 'Patient',
              name: [{ given: ['Mia'], family: 'Handwritten' }],
              gender: 'female',
              birthDate: '1970-02-03',
            },
          },
          {
            fullUrl: 'urn:uuid:6f1c1a3e-0000-4000-8000-000000000002',
            resource: {
              resourceType: 'Condition',
              code: { coding: [{ system: ICD10CM, code: 'G51.32' }] },
              subject: { reference: P },
              onsetDateTime: '2020-05-01T09:00:00+02:00',
            },
          },
          {
            fullUrl: 'urn:uuid:6f1c1a3e-0000-4000-8000-000000000003',
            resource: {
              resourceType: 'Observation',
              status: 'final',
              code: { coding: [{ system: INSTRUMENT, code: 'jankovic-hfs' }] },
              extension: [{ url: VERSION_EXT, valueString: 'neurosurgerywiki-hfs' }],
              subject: { reference: P },
              effectiveDateTime: '2024-01-10',
              component: [
                {
                  code: { coding: [{ system: `${INSTRUMENT}-item`, code: 'jankovic-hfs/severity' }] },
                  valueInteger: 2,
                },
                {
                  code: { coding: [{ system: `${INSTRUMENT}-item`, code: 'jankovic-hfs/frequency' }] },
                  valueInteger: 3,
                },
              ],
            },
          },
        ],
      };
      const r = await doc('POST', '/api/fhir/Bundle', minimal, { 'content-type': FHIR_JSON });
      expect(r.statusCode, r.body).toBe(201);
      const id = r.json().patientId;
      expect((await doc('GET', `/api/patients/${id}`)).json()).toMatchObject({
        name: 'Mia Handwritten',
        affectedSide: 'left',
        onsetDate: '2020-05-01',
      });
      expect((await doc('GET', `/api/patients/${id}/assessments`)).json()).toMatchObject([
        { instrumentId: 'jankovic-hfs', total: 5 },
      ]);

      // Not hemifacial spasm, or no side at all: refused at the Condition's elements.
      const other = clone(minimal);
      other.entry[1]!.resource.code = { coding: [{ system: ICD10, code: 'G51.0' }] };
      const r2 = await doc('POST', '/api/fhir/Bundle', other);
      expect(issuePaths(r2.body)).toEqual(['body.entry[1].resource.code', 'body.entry[1].resource.bodySite']);
      // A resource about someone else is refused too.
      const stranger = clone(minimal);
      stranger.entry[2]!.resource.subject = { reference: 'urn:uuid:6f1c1a3e-0000-4000-8000-000000000099' };
      const r3 = await doc('POST', '/api/fhir/Bundle', stranger);
      expect(issuePaths(r3.body)).toEqual(['body.entry[2].resource.subject.reference']);
    });

    it('is for clinicians and admins of a clinic: a patient login may not import', async () => {
      const { bundle } = await bundleOf('oral_medication');
      const byPatient = await w.as(w.users.patientB)('POST', '/api/fhir/Bundle', bundle);
      expect(byPatient.statusCode).toBe(403);
      const anonymous = await w.as('anonymous')('POST', '/api/fhir/Bundle', bundle);
      expect(anonymous.statusCode).toBe(401);
      const byAdmin = await w.as(w.users.adminB)('POST', '/api/fhir/Bundle', bundle);
      expect(byAdmin.statusCode).toBe(201);
      const created = await w.database.db
        .selectFrom('patients')
        .select('clinic_id')
        .where('id', '=', byAdmin.json().patientId)
        .executeTakeFirstOrThrow();
      expect(created.clinic_id).toBe(w.clinicB);
    });

    it('refuses bodies that are not JSON or too large with the usual problems, never a 500', async () => {
      const notJson = await doc('POST', '/api/fhir/Bundle', '{"resourceType":', {
        'content-type': FHIR_JSON,
      });
      expect(notJson.statusCode).toBe(400);
      expect(notJson.json().code).toBe('malformed_json');
      const xml = await doc('POST', '/api/fhir/Bundle', '<Bundle/>', {
        'content-type': 'application/fhir+xml',
      });
      expect(xml.statusCode).toBe(415);
      const big = await doc('POST', '/api/fhir/Bundle', `{"x":"${'a'.repeat(600 * 1024)}"}`, {
        'content-type': FHIR_JSON,
      });
      expect(big.statusCode).toBe(413);
      // Deeply nested extensions are refused by the schema's fixed depth, not by a stack overflow.
      const deep = `{"resourceType":"Bundle","type":"collection","entry":[{"fullUrl":"urn:uuid:a","resource":{"resourceType":"Patient","extension":[${'{"url":"x","extension":['.repeat(5000)}${']}'.repeat(5000)}]}}]}`;
      const r = await doc('POST', '/api/fhir/Bundle', deep, { 'content-type': FHIR_JSON });
      expect(r.statusCode).toBe(400);
      for (const body of ['[]', 'null', '{"resourceType":"Bundle"}', '{"resourceType":"Patient"}']) {
        const r = await doc('POST', '/api/fhir/Bundle', body, { 'content-type': 'application/json' });
        expect(r.statusCode, JSON.stringify(body)).toBe(400);
      }
    });

    it('is in the OpenAPI document with its schemas', async () => {
      const spec = (await w.app.inject({ method: 'GET', url: '/docs/json' })).json();
      expect(spec.paths['/api/fhir/Bundle'].post).toBeDefined();
      expect(
        spec.paths['/api/patients/{patientId}/fhir'].get.responses['200'].content[FHIR_JSON],
      ).toBeDefined();
    });
  });
});

describe('FHIR mapping (pure)', () => {
  const record: PatientRecord = {
    patient: {
      id: '0b6f4c1e-1111-4aaa-8bbb-000000000001',
      clinic_id: '0b6f4c1e-1111-4aaa-8bbb-0000000000c1',
      name: 'Bi Lateral',
      birth_date: '1950-01-01',
      sex: 'other',
      affected_side: 'bilateral',
      onset_date: null,
      created_by: null,
      created_at: new Date('2026-01-01T00:00:00Z'),
      updated_at: new Date('2026-01-02T00:00:00Z'),
    },
    clinicName: 'Clinic X',
    assessments: [],
    episodes: [],
    followUps: [],
    measurements: [],
    authors: new Map(),
  };

  it('maps the same record to the same Bundle, with G51.33 for a bilateral spasm and no onset when unknown', () => {
    const now = new Date('2026-02-03T04:05:06Z');
    const a = recordToBundle(record, { now });
    expect(recordToBundle(record, { now })).toEqual(a);
    expect(a.entry.map((e) => e.resource.resourceType)).toEqual(['Patient', 'Condition']);
    const condition = a.entry[1]!.resource as Resource;
    expect(codings(condition).map((c) => c.code)).toEqual(['G51.3', 'G51.33']);
    expect(condition.onsetDateTime).toBeUndefined();
    expect(condition.subject).toEqual({ reference: a.entry[0]!.fullUrl });
  });

  it('writes validation paths the FHIR way', () => {
    expect(fhirPath('body.entry.2.resource.component.10.valueInteger')).toBe(
      'body.entry[2].resource.component[10].valueInteger',
    );
  });
});
