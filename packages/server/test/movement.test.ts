/**
 * Facial-movement tests as measurements of kind `movement`: stored beside the spasm measurements
 * (migration 0004), validated with the core's schema (a field at fault is named, nothing is stored),
 * listed by kind, exported as one FHIR Observation with a component per movement, skipped on import.
 */
import {
  analyzeMovement,
  analyzeSignals,
  DEFAULT_MOVEMENT_SCENARIO,
  DEFAULT_SCENARIO,
  generateMovementSeries,
  generateScenario,
  type MovementAnalysis,
} from '@hemispasm/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { VideoMeasurementsTable } from '../src/db/schema';
import { toMeasurementObservation } from '../src/fhir/measurement';
import { validateR4 } from '../src/fhir/r4-validation';
import { describeEachDatabase } from './helpers/databases';
import { buildWorld, type Requester, type World } from './helpers/world';

const issuePaths = (body: string) => (JSON.parse(body).issues ?? []).map((i: { path: string }) => i.path);

const movement = (skip: Array<'pucker'> = []): MovementAnalysis =>
  analyzeMovement(
    generateMovementSeries({
      ...DEFAULT_MOVEMENT_SCENARIO,
      seed: 3,
      affected: 'left',
      gain: { brow_raise: 0.5, smile: 0.5 },
      skip,
    }),
  );

interface Component {
  code: { coding: { code: string }[] };
  valueQuantity?: { value: number; code: string };
  valueCodeableConcept?: { coding: { system: string; code: string }[]; text: string };
  dataAbsentReason?: { coding: { code: string }[]; text: string };
  interpretation?: { text: string }[];
}

describeEachDatabase('facial-movement measurements', (variant) => {
  let w: World;
  let doc: Requester;
  let pat: Requester;
  let p1: string;
  beforeAll(async () => {
    w = await buildWorld(await variant.open());
    doc = w.as(w.users.clinicianA);
    pat = w.as(w.users.patientA);
    p1 = w.patients.p1;
  });
  afterAll(async () => {
    await w?.close();
  });

  it('stores a movement test from the patient and lists it by kind, beside spasm measurements', async () => {
    const a = movement();
    const r = await pat('POST', `/api/patients/${p1}/measurements`, {
      kind: 'movement',
      recordedAt: '2026-07-01T09:00:00Z',
      analysis: a,
    });
    expect(r.statusCode, r.body.slice(0, 300)).toBe(201);
    expect(r.json()).toMatchObject({ kind: 'movement', analyzerVersion: a.analyzerVersion, analysis: a });
    const spasm = analyzeSignals(generateScenario({ ...DEFAULT_SCENARIO, seed: 2, durationS: 20 }).series);
    // The spasm self-test's body has no kind: it stays a spasm measurement.
    const s = await pat('POST', `/api/patients/${p1}/measurements`, {
      recordedAt: '2026-07-01T09:05:00Z',
      analysis: spasm,
    });
    expect(s.statusCode).toBe(201);
    expect(s.json().kind).toBe('spasm');

    const all = (await doc('GET', `/api/patients/${p1}/measurements`)).json();
    expect(all.map((m: { kind: string }) => m.kind)).toEqual(['spasm', 'movement']);
    const only = (await doc('GET', `/api/patients/${p1}/measurements?kind=movement`)).json();
    expect(only).toHaveLength(1);
    expect(only[0].analysis).toEqual(a);
    const spasms = (await doc('GET', `/api/patients/${p1}/measurements?kind=spasm`)).json();
    expect(spasms.map((m: { analysis: unknown }) => m.analysis)).toEqual([spasm]);
    const bad = await doc('GET', `/api/patients/${p1}/measurements?kind=blink`);
    expect(bad.statusCode).toBe(400);
  });

  it('refuses an impossible movement analysis, a relabelled band and any video, naming the fields', async () => {
    const a = movement();
    const count = async () =>
      (await doc('GET', `/api/patients/${p1}/measurements?kind=movement`)).json().length as number;
    const before = await count();
    const broken = structuredClone(a);
    broken.movements[0]!.symmetryPct = 140;
    (broken.band as { label: string }).label = 'House–Brackmann grade';
    const r = await pat('POST', `/api/patients/${p1}/measurements`, {
      kind: 'movement',
      recordedAt: '2026-07-02T09:00:00Z',
      analysis: broken,
      video: 'AAAA',
    });
    expect(r.statusCode).toBe(400);
    expect(issuePaths(r.body).sort()).toEqual([
      'body.analysis.band.label',
      'body.analysis.movements[0].symmetryPct',
      'body.video',
    ]);
    // A spasm analysis sent as a movement test is refused too.
    const spasm = analyzeSignals(generateScenario({ ...DEFAULT_SCENARIO, seed: 2, durationS: 20 }).series);
    const wrong = await pat('POST', `/api/patients/${p1}/measurements`, {
      kind: 'movement',
      recordedAt: '2026-07-02T09:00:00Z',
      analysis: spasm,
    });
    expect(wrong.statusCode).toBe(400);
    expect(await count()).toBe(before);
  });

  it('lets no one store a test for another clinic’s patient', async () => {
    const r = await w.as(w.users.clinicianB)('POST', `/api/patients/${p1}/measurements`, {
      kind: 'movement',
      recordedAt: '2026-07-03T09:00:00Z',
      analysis: movement(),
    });
    expect(r.statusCode).toBe(403);
  });

  it('exports a movement test as one FHIR Observation with a component per movement', async () => {
    const b = (await doc('GET', `/api/patients/${p1}/fhir`)).json();
    const obs = b.entry
      .map((e: { resource: { resourceType: string; code?: { coding: { code: string }[] } } }) => e.resource)
      .filter((r: { code?: { coding: { code: string }[] } }) =>
        r.code?.coding.some((c) => c.code === 'video-movement-test'),
      );
    expect(obs).toHaveLength(1);
    // Valid R4, as every export (the published definitions, see fhir-r4.test.ts), and so is the Bundle.
    expect(await validateR4(obs[0])).toEqual([]);
    expect(await validateR4(b)).toEqual([]);
    const comps = obs[0].component as Component[];
    const byCode = new Map(comps.map((c) => [c.code.coding[0]!.code, c]));
    for (const m of ['brow-raise', 'eye-closure-gentle', 'eye-closure-tight', 'smile', 'pucker'])
      expect(byCode.get(`movement-${m}`)?.valueQuantity?.code).toBe('%');
    expect(byCode.get('movement-brow-raise')!.interpretation![0]!.text).toMatch(
      /weaker side left; 95 % interval/,
    );
    expect(byCode.get('movement-weaker-side')!.valueCodeableConcept!.coding[0]!.code).toBe('left');
    const band = byCode.get('movement-band')!.valueCodeableConcept!;
    expect(band.coding[0]!.system).toBe('https://hemispasm.org/fhir/CodeSystem/movement-band');
    expect(band.text).toContain("not a clinician's House–Brackmann grade");
    expect(obs[0].note[0].text).toContain("not a clinician's House–Brackmann grade");
  });

  it('gives a movement that was not made a data-absent reason instead of a value, still valid R4', async () => {
    const a = movement(['pucker']);
    const obs = toMeasurementObservation(
      {
        patient: { id: p1 },
        authors: new Map(),
      } as unknown as Parameters<typeof toMeasurementObservation>[0],
      {
        id: '00000000-0000-4000-8000-000000000001',
        patient_id: p1,
        kind: 'movement',
        recorded_at: new Date('2026-07-04T09:00:00Z'),
        analyzer_version: a.analyzerVersion,
        summary: a as unknown as VideoMeasurementsTable['summary']['__select__'],
        events: [],
        notes: null,
        created_by: w.users.patientA.id,
        created_at: new Date(),
      },
    );
    const pucker = (obs.component as Component[]).find((c) => c.code.coding[0]!.code === 'movement-pucker')!;
    expect(pucker.valueQuantity).toBeUndefined();
    expect(pucker.dataAbsentReason!.coding[0]!.code).toBe('not-performed');
    const follows = (obs.component as Array<Component & { valueBoolean?: boolean }>).find(
      (c) => c.code.coding[0]!.code === 'movement-follows-prompts',
    )!;
    expect(follows.valueBoolean).toBe(false);
    expect(await validateR4(obs)).toEqual([]);
  });

  it('skips a movement test on import, saying why', async () => {
    const b = (await doc('GET', `/api/patients/${p1}/fhir`)).json();
    const r = await doc('POST', '/api/fhir/Bundle', b, { 'content-type': 'application/fhir+json' });
    expect(r.statusCode, r.body.slice(0, 300)).toBe(201);
    expect(r.json().skipped).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ reason: expect.stringMatching(/^facial movement test/) }),
      ]),
    );
  });
});
