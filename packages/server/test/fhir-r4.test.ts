/**
 * FHIR R4 conformance, checked against the published R4 definitions (Medplum's validator over the
 * official StructureDefinitions): every exported Bundle and resource of every demo patient, every
 * instrument's Questionnaire; only verified codes under canonical system URLs; instruments as
 * Questionnaires (wording rules); assessments as QuestionnaireResponses that round-trip alone, beside
 * their Observation, or not at all; and the import refusing what R4 refuses, by FHIR path.
 */
import { INSTRUMENT_IDS, INSTRUMENTS } from '@hemispasm/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateR4 } from '../src/fhir/r4-validation';
import { seedDemo } from '../src/seed/demo';
import { answerEveryInstrument } from './helpers/bodies';
import { describeEachDatabase } from './helpers/databases';
import { type Requester, worldFor } from './helpers/world';

const FHIR_JSON = 'application/fhir+json';
const HS = 'https://hemispasm.org/fhir/';

/**
 * The external code systems an exported resource may use, by their canonical URL (FHIR R4
 * terminology pages), and the codes from them that the evidence reference (§5 Codes) marks verified.
 * `null`: any code (UCUM units; FHIR's own observation-category codes are checked by name).
 */
const EXTERNAL: Record<string, readonly string[] | null> = {
  'http://hl7.org/fhir/sid/icd-10': ['G51.3'],
  'http://hl7.org/fhir/sid/icd-10-cm': ['G51.31', 'G51.32', 'G51.33'],
  'http://www.ama-assn.org/go/cpt': ['61458', '64612'],
  'http://terminology.hl7.org/CodeSystem/observation-category': ['exam', 'survey'],
  'http://unitsofmeasure.org': null,
};
const CORE_EXTENSIONS = [
  'http://hl7.org/fhir/StructureDefinition/ordinalValue',
  'http://hl7.org/fhir/StructureDefinition/questionnaire-unit',
  'http://hl7.org/fhir/StructureDefinition/minValue',
  'http://hl7.org/fhir/StructureDefinition/maxValue',
];

interface Resource {
  resourceType: string;
  id?: string;
  [k: string]: unknown;
}
interface Bundle {
  resourceType: 'Bundle';
  type: string;
  entry: { fullUrl: string; resource: Resource }[];
}

/**
 * Every Coding (an object with system and code) and every extension url in `v`; sub-extensions of a
 * complex extension are named relative to it (`site`, `units`), so their urls are not reported.
 */
function walk(
  v: unknown,
  onCoding: (c: { system: string; code: string }) => void,
  onExt: (u: string) => void,
  inExtension = false,
): void {
  if (Array.isArray(v)) {
    for (const x of v) walk(x, onCoding, onExt, inExtension);
    return;
  }
  if (!v || typeof v !== 'object') return;
  const o = v as Record<string, unknown>;
  if (typeof o.system === 'string' && typeof o.code === 'string')
    onCoding(o as { system: string; code: string });
  if (!inExtension && Array.isArray(o.extension)) {
    for (const e of o.extension as { url: string }[]) onExt(e.url);
  }
  for (const [k, x] of Object.entries(o)) walk(x, onCoding, onExt, inExtension || k === 'extension');
}

function expectVerifiedCodes(resource: unknown): void {
  walk(
    resource,
    ({ system, code }) => {
      if (system.startsWith(`${HS}CodeSystem/`)) return;
      expect(Object.keys(EXTERNAL), `code system ${system}`).toContain(system);
      const allowed = EXTERNAL[system];
      if (allowed) expect(allowed, `${system}|${code}`).toContain(code);
    },
    (url) => {
      if (url.startsWith(`${HS}StructureDefinition/`)) return;
      expect(CORE_EXTENSIONS, `extension ${url}`).toContain(url);
    },
  );
}

const clone = <T>(v: T): T => structuredClone(v);
const issuePaths = (body: string) => (JSON.parse(body).issues ?? []).map((i: { path: string }) => i.path);
const isAssessmentObservation = (r: Resource) =>
  r.resourceType === 'Observation' &&
  ((r.code as { coding?: { system?: string }[] }).coding ?? []).some(
    (c) => c.system === `${HS}CodeSystem/instrument`,
  );

describe('R4 validation itself', () => {
  it('refuses what the R4 definitions refuse, naming the element (choice types resolved)', async () => {
    const bad = {
      resourceType: 'Observation',
      status: 'final',
      code: { text: 'x' },
      component: [{ code: { text: 'y' }, valueInteger: 1.5 }],
      extension: [
        { url: 'http://example.org/a', valueString: 'v', extension: [{ url: 'b', valueString: 'w' }] },
      ],
      unknownElement: true,
    };
    const issues = await validateR4(bad);
    expect(issues.map((i) => i.path).sort()).toEqual(
      [
        'Observation.component[0].valueInteger',
        'Observation.extension[0]',
        'Observation.unknownElement',
      ].sort(),
    );
    expect(issues.find((i) => i.path === 'Observation.extension[0]')!.message).toContain('ext-1');
    expect(await validateR4({ resourceType: 'Observation', status: 'final', code: { text: 'x' } })).toEqual(
      [],
    );
  });
});

describeEachDatabase('FHIR R4 conformance', (variant) => {
  const w = worldFor(variant);
  let doc: Requester;
  let allInstruments: Bundle;

  beforeAll(async () => {
    doc = w.as(w.users.clinicianA);
    await seedDemo(w.database.db, { today: new Date('2026-06-15T12:00:00Z') });
    // P2 (clinic A) answers every instrument once, from the shipped example answers.
    await answerEveryInstrument(doc, w.patients.p2, '2025-03-04');
    allInstruments = (await doc('GET', `/api/patients/${w.patients.p2}/fhir`)).json();
  });

  it('exports every demo patient as a Bundle that is valid R4, every resource too, with verified codes only', async () => {
    const clinician = await w.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'clinician@demo.hemispasm.test')
      .executeTakeFirstOrThrow();
    const demoDoc = w.as({ ...w.users.clinicianA, id: clinician.id });
    const patients = await w.database.db
      .selectFrom('patients')
      .innerJoin('users', 'users.clinic_id', 'patients.clinic_id')
      .select('patients.id')
      .where('users.id', '=', clinician.id)
      .execute();
    expect(patients.length).toBeGreaterThan(3);
    const types = new Set<string>();
    for (const { id } of [...patients, { id: w.patients.p2 }]) {
      const who = id === w.patients.p2 ? doc : demoDoc;
      const r = await who('GET', `/api/patients/${id}/fhir`);
      expect(r.statusCode, r.body.slice(0, 200)).toBe(200);
      const bundle: Bundle = r.json();
      expect(await validateR4(bundle), `Bundle of patient ${id}`).toEqual([]);
      for (const e of bundle.entry) {
        types.add(e.resource.resourceType);
        expect(await validateR4(e.resource), `${e.resource.resourceType}/${e.resource.id}`).toEqual([]);
      }
      expectVerifiedCodes(bundle);
    }
    expect([...types].sort()).toEqual(
      [
        'Condition',
        'MedicationStatement',
        'Observation',
        'Patient',
        'Procedure',
        'QuestionnaireResponse',
      ].sort(),
    );
  });

  describe('instruments as Questionnaires', () => {
    it('serves every instrument as a valid R4 Questionnaire at its canonical URL and wording version', async () => {
      const list = await w.as('anonymous')('GET', '/api/fhir/Questionnaire');
      expect(list.statusCode).toBe(200);
      expect(list.headers['content-type']).toMatch(/^application\/fhir\+json/);
      const bundle: Bundle = list.json();
      expect(await validateR4(bundle)).toEqual([]);
      expect(bundle.entry.map((e) => e.resource.id)).toEqual(INSTRUMENT_IDS);
      for (const def of INSTRUMENTS) {
        const r = await w.as('anonymous')('GET', `/api/fhir/Questionnaire/${def.id}`);
        expect(r.statusCode).toBe(200);
        expect(r.headers['content-type']).toMatch(/^application\/fhir\+json/);
        const q = r.json();
        expect(await validateR4(q), def.id).toEqual([]);
        expectVerifiedCodes(q);
        expect(q).toMatchObject({
          url: `${HS}Questionnaire/${def.id}`,
          version: def.version,
          status: 'active',
        });
        const questions = q.item.filter((i: { type: string }) => i.type !== 'display');
        expect(questions.map((i: { linkId: string }) => i.linkId)).toEqual(def.items.map((i) => i.id));
        for (const i of questions) expect(i.required).toBe(true);
      }
      const unknown = await w.as('anonymous')('GET', '/api/fhir/Questionnaire/no-such-scale');
      expect(unknown.statusCode).toBe(404);
    });

    it('shows wording only where the core ships it and it is verified: neutral labels for HFS-7/HFS-30, short labels for unverified grades', async () => {
      const get = async (id: string) =>
        (await w.as('anonymous')('GET', `/api/fhir/Questionnaire/${id}`)).json();
      const smc = await get('smc');
      const grade = smc.item.find((i: { linkId: string }) => i.linkId === 'grade');
      expect(
        grade.answerOption.map((o: { valueCoding: { display: string } }) => o.valueCoding.display),
      ).toEqual([
        'I — Spasm confined to the area around the eye',
        expect.stringMatching(/^II — Spasm has spread to other muscles/),
        'III — Frequent tonic spasms that interfere with vision',
        'IV — Disfiguring asymmetry',
      ]);
      expect(grade.answerOption[1]).toMatchObject({
        extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/ordinalValue', valueDecimal: 2 }],
        valueCoding: { system: `${HS}CodeSystem/instrument-answer`, code: 'smc/grade/2' },
      });
      expect(smc.item.some((i: { type: string }) => i.type === 'display')).toBe(false);

      // Licensed wording is never shipped: neutral item labels, a display item and a copyright saying so.
      for (const [id, n] of [
        ['hfs7', 7],
        ['hfs30', 30],
      ] as const) {
        const q = await get(id);
        const questions = q.item.filter((i: { type: string }) => i.type === 'choice');
        expect(questions).toHaveLength(n);
        expect(questions.map((i: { text: string }) => i.text)).toEqual(
          Array.from({ length: n }, (_, k) => `${id === 'hfs7' ? 'HFS-7' : 'HFS-30'} item ${k + 1}`),
        );
        expect(q.copyright).toMatch(/not included/);
        expect(q.item[0]).toMatchObject({ type: 'display', text: expect.stringMatching(/licensed/) });
      }

      // The Cohen & Albert wording is unverified (evidence §1.2 ❓): its grade descriptions stay out.
      const cohen = JSON.stringify(await get('cohen-albert'));
      expect(cohen).not.toContain('Increased blinking');
      expect(cohen).toMatch(/unverified/);
      // The JRS HFS adaptation is partly verified (a wiki): short labels, not the wiki's sentences.
      const jrs = JSON.stringify(await get('jankovic-hfs'));
      expect(jrs).not.toContain('once per hour');
      // The original JRS wording is verified and shipped.
      expect(JSON.stringify(await get('jankovic-blepharospasm'))).toContain('Minimal');
      // Numeric items: decimal questions with their UCUM unit and plausibility limits.
      const hearing = await get('hearing-aao-hns');
      expect(hearing.item.find((i: { linkId: string }) => i.linkId === 'ptaDb')).toMatchObject({
        type: 'decimal',
        extension: expect.arrayContaining([
          {
            url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-unit',
            valueCoding: { system: 'http://unitsofmeasure.org', code: 'dB', display: 'dB' },
          },
        ]),
      });
    });
  });

  describe('assessments as QuestionnaireResponses', () => {
    it('exports each assessment as a QuestionnaireResponse answering its Questionnaire, beside the Observation that derives from it', async () => {
      const responses = allInstruments.entry.filter(
        (e) => e.resource.resourceType === 'QuestionnaireResponse',
      );
      const observations = allInstruments.entry.filter((e) => isAssessmentObservation(e.resource));
      expect(responses).toHaveLength(INSTRUMENT_IDS.length);
      expect(observations).toHaveLength(INSTRUMENT_IDS.length);
      for (const o of observations) {
        const [from] = o.resource.derivedFrom as { reference: string }[];
        expect(responses.map((r) => r.fullUrl)).toContain(from!.reference);
      }
      for (const { resource: qr } of responses) {
        const [url, version] = (qr.questionnaire as string).split('|');
        const id = url!.slice(`${HS}Questionnaire/`.length);
        const q = (await w.as('anonymous')('GET', `/api/fhir/Questionnaire/${id}`)).json();
        expect(version).toBe(q.version);
        expect(qr.status).toBe('completed');
        for (const item of qr.item as { linkId: string; answer: Record<string, unknown>[] }[]) {
          const question = q.item.find((i: { linkId: string }) => i.linkId === item.linkId);
          expect(question, `${id} ${item.linkId}`).toBeDefined();
          const [answer] = item.answer;
          if (question.type === 'choice') {
            // The answer is one of the options the Questionnaire offers, coded and worded the same.
            expect(question.answerOption.map((o: { valueCoding: unknown }) => o.valueCoding)).toContainEqual(
              answer!.valueCoding,
            );
          } else {
            expect(typeof answer!.valueDecimal).toBe('number');
          }
        }
      }
    });

    /** A patient's assessments as the API returns them, comparable across clinics. */
    const scores = async (id: string, who: Requester = doc) =>
      ((await who('GET', `/api/patients/${id}/assessments`)).json() as Record<string, unknown>[])
        .map((a) =>
          JSON.stringify([a.instrumentId, a.instrumentVersion, a.total, a.bandId, a.assessedOn, a.score]),
        )
        .sort();
    const importAs = (bundle: Bundle) =>
      w.as(w.users.clinicianB)('POST', '/api/fhir/Bundle', bundle, { 'content-type': FHIR_JSON });

    it('imports the answers from QuestionnaireResponses alone, from Observations alone, or from both once', async () => {
      const expected = await scores(w.patients.p2);
      const onlyResponses = clone(allInstruments);
      onlyResponses.entry = onlyResponses.entry.filter((e) => !isAssessmentObservation(e.resource));
      const onlyObservations = clone(allInstruments);
      onlyObservations.entry = onlyObservations.entry.filter(
        (e) => e.resource.resourceType !== 'QuestionnaireResponse',
      );
      for (const [name, bundle] of [
        ['responses only', onlyResponses],
        ['observations only', onlyObservations],
        ['both', allInstruments],
      ] as const) {
        const r = await importAs(bundle);
        expect(r.statusCode, `${name}: ${r.body.slice(0, 400)}`).toBe(201);
        expect(r.json().created.assessments, name).toBe(INSTRUMENT_IDS.length);
        expect(await scores(r.json().patientId, w.as(w.users.clinicianB)), name).toEqual(expected);
      }
    });

    it('refuses a response that disagrees with its Observation, or names another version, item or answer — by FHIR path', async () => {
      const qi = allInstruments.entry.findIndex(
        (e) =>
          e.resource.resourceType === 'QuestionnaireResponse' &&
          String(e.resource.questionnaire).includes('/smc|'),
      );
      const oi = allInstruments.entry.findIndex(
        (e) =>
          isAssessmentObservation(e.resource) &&
          (e.resource.derivedFrom as { reference: string }[])[0]!.reference ===
            allInstruments.entry[qi]!.fullUrl,
      );
      const answerOf = (b: Bundle) =>
        (b.entry[qi]!.resource.item as { answer: { valueCoding: { code: string } }[] }[])[0]!.answer[0]!
          .valueCoding;

      const disagree = clone(allInstruments);
      const current = answerOf(disagree).code;
      answerOf(disagree).code = current === 'smc/grade/4' ? 'smc/grade/3' : 'smc/grade/4';
      const r1 = await importAs(disagree);
      expect(r1.statusCode).toBe(400);
      expect(issuePaths(r1.body)).toEqual([`body.entry[${oi}].resource.derivedFrom[0].reference`]);

      const outOfRange = clone(allInstruments);
      answerOf(outOfRange).code = 'smc/grade/9';
      const r2 = await importAs(outOfRange);
      expect(issuePaths(r2.body)).toContain(`body.entry[${qi}].resource.item[0].answer[0].valueCoding.code`);

      const otherVersion = clone(allInstruments);
      otherVersion.entry[qi]!.resource.questionnaire = `${HS}Questionnaire/smc|some-other-wording`;
      const r3 = await importAs(otherVersion);
      expect(issuePaths(r3.body)).toEqual([`body.entry[${qi}].resource.questionnaire`]);

      const otherItem = clone(allInstruments);
      (otherItem.entry[qi]!.resource.item as { linkId: string }[])[0]!.linkId = 'mood';
      const r4 = await importAs(otherItem);
      expect(issuePaths(r4.body)).toEqual([`body.entry[${qi}].resource.item[0].linkId`]);
    });

    it('refuses what our schema lets through but R4 does not, at its FHIR path, and stores nothing', async () => {
      const before = (await w.database.db.selectFrom('patients').select('id').execute()).length;
      const bad = clone(allInstruments);
      const pi = bad.entry.findIndex((e) => e.resource.resourceType === 'Patient');
      // ext-1: an extension has either a value or sub-extensions, never both.
      bad.entry[pi]!.resource.extension = [
        {
          url: 'http://example.org/fhir/note',
          valueString: 'x',
          extension: [{ url: 'part', valueString: 'y' }],
        },
      ];
      const r = await importAs(bad);
      expect(r.statusCode).toBe(400);
      expect(issuePaths(r.body)).toEqual([`body.entry[${pi}].resource.extension[0]`]);
      expect(JSON.parse(r.body).issues[0].message).toMatch(/ext-1.*FHIR R4/);
      expect((await w.database.db.selectFrom('patients').select('id').execute()).length).toBe(before);
    });
  });
});
