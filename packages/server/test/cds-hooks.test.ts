/**
 * The CDS Hooks 2.0 service: discovery; the specification's example patient-view request shape answered
 * with valid cards; the JWT the specification requires (signed by the EHR with a key of its JWK Set —
 * from a file or a URL — for this service's URL, unexpired, used once), every other request refused;
 * a profile built from what the record holds, with what it lacks named; cards that agree with
 * `hemispasm recommend` on the same patient; and never a 5xx, whatever the prefetch holds.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type DecisionResult, PatientProfileSchema, RED_FLAG_RULES, recommend } from '@hemispasm/core';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { SignJWT } from 'jose';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { type CdsConfig, cdsConfigFromEnv } from '../src/cds/config';
import { profileFromFhir } from '../src/cds/decision-profile';
import { readPrefetch } from '../src/cds/prefetch';
import { PRIOR_TREATMENT_SOURCES, readPriorTreatments } from '../src/cds/prior-treatments';
import { NOT_FROM_FHIR, OBSERVED_FIELDS, STANDARD_FIELDS } from '../src/cds/profile-fields';
import { unmappedFacts } from '../src/cds/rule-fields';
import type { OpenDatabase } from '../src/db/database';
import { migrate } from '../src/db/migrate';
import { validateR4 } from '../src/fhir/r4-validation';
import {
  EHR_ISSUER,
  type EhrKeys,
  ehrKeys,
  ehrPatient,
  hookRequest,
  PUBLIC_URL,
  SERVICE_URL,
  searchset,
  signToken,
} from './helpers/cds-ehr';
import { describeEachDatabase } from './helpers/databases';

const examples = fileURLToPath(new URL('../../../examples/', import.meta.url));
// The CLI by its package name (a devDependency: the test runs `hemispasm recommend`); `dirname` twice
// from its entry (src/main.ts) is its folder, whose tsconfig tsx reads.
const cliMain = fileURLToPath(import.meta.resolve('@hemispasm/cli'));
const cliDir = dirname(dirname(cliMain));
const run = promisify(execFile);
const SLOW = 180_000; // spawns the CLI and signs many tokens: minutes on a busy 2-core machine

interface Card {
  uuid?: string;
  summary: string;
  detail?: string;
  indicator: string;
  source: { label: string; url?: string };
  links?: { label: string; url: string; type: string }[];
  extension?: Record<string, Record<string, unknown>>;
}

/** The CDS Hooks 2.0 card contract ("Card Attributes"), checked on every card a test sees. */
function expectValidCard(c: Card): void {
  expect(typeof c.summary).toBe('string');
  expect(c.summary.length).toBeGreaterThan(0);
  expect(c.summary.length).toBeLessThan(140);
  expect(['info', 'warning', 'critical']).toContain(c.indicator);
  expect(c.source.label.length).toBeGreaterThan(0);
  for (const l of c.links ?? []) {
    expect(l.type).toBe('absolute');
    expect(l.url).toMatch(/^https:\/\//);
  }
}

const optionCards = (cards: Card[]) => cards.filter((c) => c.extension?.['org.hemispasm.option']);
const flagCards = (cards: Card[]) => cards.filter((c) => c.extension?.['org.hemispasm.red-flag']);
const missingCard = (cards: Card[]) => cards.find((c) => c.extension?.['org.hemispasm.missing']);

describe('CDS Hooks configuration', () => {
  it('is off without variables, complete with them, and refuses half a configuration', () => {
    expect(cdsConfigFromEnv({})).toEqual({ cds: undefined, issues: [] });
    const dir = mkdtempSync(join(tmpdir(), 'hemispasm-jwks-'));
    const file = join(dir, 'jwks.json');
    writeFileSync(file, JSON.stringify({ keys: [{ kty: 'EC', crv: 'P-384', x: 'a', y: 'b', kid: 'k' }] }));
    const complete = cdsConfigFromEnv({
      HEMISPASM_PUBLIC_URL: 'https://hfs.example.org/',
      HEMISPASM_CDS_ISSUER: EHR_ISSUER,
      HEMISPASM_CDS_JWKS_FILE: file,
    });
    expect(complete.issues).toEqual([]);
    expect(complete.cds).toMatchObject({
      publicUrl: 'https://hfs.example.org',
      issuer: EHR_ISSUER,
      keys: { jwks: { keys: [{ kid: 'k' }] } },
    });
    // Half a configuration: one issue per variable at fault, named by its path.
    const half = cdsConfigFromEnv({ HEMISPASM_CDS_ISSUER: EHR_ISSUER });
    expect(half.cds).toBeUndefined();
    expect(half.issues.map((i) => i.path)).toEqual(['HEMISPASM_PUBLIC_URL', 'HEMISPASM_CDS_JWKS_URL']);
    expect(
      cdsConfigFromEnv({
        HEMISPASM_PUBLIC_URL: 'ftp://x',
        HEMISPASM_CDS_JWKS_URL: 'https://ehr.example.org/jwks',
        HEMISPASM_CDS_JWKS_FILE: file,
      }).issues.map((i) => i.path),
    ).toEqual(['HEMISPASM_PUBLIC_URL', 'HEMISPASM_CDS_ISSUER', 'HEMISPASM_CDS_JWKS_FILE']);
    writeFileSync(file, '{"not":"a key set"}');
    expect(
      cdsConfigFromEnv({
        HEMISPASM_PUBLIC_URL: PUBLIC_URL,
        HEMISPASM_CDS_ISSUER: 'x',
        HEMISPASM_CDS_JWKS_FILE: file,
      }).issues,
    ).toEqual([{ path: 'HEMISPASM_CDS_JWKS_FILE', message: expect.stringMatching(/not a JWK Set/) }]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('maps every field of core’s patient profile to a place in the FHIR record, or says why not (fails when the profile grows)', () => {
    const fields: string[] = [];
    const walk = (shape: Record<string, unknown>, prefix: string) => {
      for (const [k, v] of Object.entries(shape)) {
        const def = v as { def?: { type?: string; innerType?: unknown }; shape?: Record<string, unknown> };
        const inner = (def.def?.type === 'default' ? def.def.innerType : v) as {
          shape?: Record<string, unknown>;
        };
        if (inner.shape && !(`${prefix}${k}` in STANDARD_FIELDS)) walk(inner.shape, `${prefix}${k}.`);
        else fields.push(`${prefix}${k}`);
      }
    };
    walk(PatientProfileSchema.shape, '');
    const mapped = new Set([
      ...Object.keys(STANDARD_FIELDS),
      ...OBSERVED_FIELDS.map((f) => f.field),
      ...Object.keys(NOT_FROM_FHIR), // deliberately not read, each with its reason
    ]);
    expect(fields.filter((f) => !mapped.has(f))).toEqual([]);
    expect([...mapped].filter((f) => !fields.includes(f))).toEqual([]);
    // …and every element of a prior treatment (option, response, monthsSince, cycles).
    const prior = PatientProfileSchema.shape.priorTreatments.def.innerType.element.shape;
    expect(Object.keys(PRIOR_TREATMENT_SOURCES).sort()).toEqual(Object.keys(prior).sort());
    // Every fact a rule reads is traced back to its profile fields (for "assumed" and "not checked").
    expect(unmappedFacts()).toEqual([]);
  });
});

describe('prior treatments from FHIR (pure)', () => {
  const day = new Date('2026-11-30T10:00:00Z');
  const subject = { reference: 'Patient/p' };
  const hfs = { resourceType: 'Condition' as const, id: 'hfs', subject };
  const reasonReference = [{ reference: 'Condition/hfs' }];
  const HS = 'https://hemispasm.org/fhir/CodeSystem';
  const toxin = (id: string, performedDateTime?: string) => ({
    resourceType: 'Procedure',
    id,
    status: 'completed',
    subject,
    code: { coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: '64612' }] },
    ...(performedDateTime ? { performedDateTime } : {}),
    reasonReference,
  });
  /** An Observation of this patient about the treatment `of`, coded with hemispasm's observation `code`. */
  const observationOf = (id: string, of: string, code: string) => ({
    resourceType: 'Observation',
    id,
    status: 'final',
    subject,
    code: { coding: [{ system: `${HS}/observation`, code }] },
    partOf: [{ reference: of }],
  });
  const followUp = (id: string, of: string, on: string, status: string, recurrence = false) => ({
    ...observationOf(id, of, 'treatment-follow-up'),
    effectiveDateTime: on,
    component: [
      {
        code: { coding: [{ system: `${HS}/observation`, code: 'spasm-status' }] },
        valueCodeableConcept: { coding: [{ system: `${HS}/spasm-status`, code: status }] },
      },
      { code: { coding: [{ system: `${HS}/observation`, code: 'recurrence' }] }, valueBoolean: recurrence },
    ],
  });
  const read = (procedures: unknown[], medications: unknown[], observations: unknown[]) => {
    const data = readPrefetch(
      {
        procedures: searchset(procedures as never),
        medications: searchset(medications as never),
        observations: searchset(observations as never),
      },
      'p',
    );
    return readPriorTreatments(data, [hfs], data.observations, day, 50 * 12);
  };

  it('makes one toxin entry of all sessions: cycles, months since the latest, the response of the latest followed one at its best', () => {
    const r = read(
      [toxin('t1', '2025-11-15'), toxin('t2', '2026-05-10'), toxin('t3', '2026-08-20')],
      [],
      // t3 has no follow-up yet; t2 improved, then wore off (judged at its peak); t1 did nothing.
      [
        followUp('f1', 'Procedure/t1', '2025-12-15', 'unchanged'),
        followUp('f2a', 'Procedure/t2', '2026-06-10', 'improved'),
        followUp('f2b', 'Procedure/t2', '2026-08-01', 'unchanged', true),
      ],
    );
    expect(r.prior).toEqual([{ option: 'botulinum_toxin', response: 'partial', monthsSince: 3, cycles: 3 }]);
    expect(r.incomplete).toEqual([]);
  });

  it('dates an oral drug by its end (0 while it is taken), and leaves out a date in the future, saying so', () => {
    const drug = (id: string, status: string, effectivePeriod: object) => ({
      resourceType: 'MedicationStatement',
      id,
      status,
      subject,
      effectivePeriod,
      reasonReference,
    });
    const response = (id: string, of: string, code: string) => ({
      ...observationOf(id, of, 'treatment-response'),
      valueCodeableConcept: { coding: [{ system: `${HS}/decision-profile-answer`, code }] },
    });
    const mvd = {
      ...toxin('m1', '2027-02-01'),
      code: { coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: '61458' }] },
    };
    const r = read(
      [mvd],
      [
        drug('d1', 'stopped', { start: '2024-01-01', end: '2024-07-15' }),
        drug('d2', 'active', { start: '2026-06-01' }),
      ],
      [
        response('r1', 'MedicationStatement/d1', 'not_tolerated'),
        response('r2', 'MedicationStatement/d2', 'partial'),
        response('r3', 'Procedure/m1', 'none'),
      ],
    );
    expect(r.prior).toEqual([
      { option: 'mvd', response: 'none' }, // no monthsSince: the engine then takes the MVD as recent
      { option: 'oral_medication', response: 'not_tolerated', monthsSince: 28 },
      { option: 'oral_medication', response: 'partial', monthsSince: 0 },
    ]);
    expect(r.notes).toEqual([
      { path: 'Procedure/m1', message: 'its date is in the future: months since the treatment unknown' },
    ]);
  });
});

describeEachDatabase('CDS Hooks service', (variant) => {
  let database: OpenDatabase;
  let app: FastifyInstance;
  let keys: EhrKeys;
  let otherKeys: EhrKeys;
  const now = () => new Date();

  const call = async (body: unknown, token?: string | null, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: '/cds-services/hemispasm-patient-view',
      headers: {
        'content-type': 'application/json',
        ...(token === null ? {} : { authorization: `Bearer ${token ?? (await signToken(keys))}` }),
        ...headers,
      },
      payload: typeof body === 'string' ? body : JSON.stringify(body),
    });

  beforeAll(async () => {
    database = await variant.open();
    await migrate(database.db);
    keys = await ehrKeys('ES384');
    otherKeys = await ehrKeys('ES384', keys.kid); // same kid, another key pair: a forger
    const config: CdsConfig = { publicUrl: PUBLIC_URL, issuer: EHR_ISSUER, keys: { jwks: keys.jwks } };
    app = await buildApp({ db: database.db, webDist: false, cds: config });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('lists the patient-view service and its prefetch templates at /cds-services', async () => {
    const r = await app.inject({ method: 'GET', url: '/cds-services' });
    expect(r.statusCode).toBe(200);
    const { services } = r.json();
    expect(services).toHaveLength(1);
    expect(services[0]).toMatchObject({
      hook: 'patient-view',
      id: 'hemispasm-patient-view',
      description: expect.stringContaining('does not replace, the judgement of a physician'),
      prefetch: {
        patient: 'Patient/{{context.patientId}}',
        conditions: expect.stringMatching(/^Condition\?patient=\{\{context\.patientId\}\}&code=.*G51\.3/),
        observations: expect.stringMatching(/^Observation\?patient=\{\{context\.patientId\}\}/),
        procedures: expect.stringMatching(/^Procedure\?patient=\{\{context\.patientId\}\}/),
        medications: 'MedicationStatement?patient={{context.patientId}}',
      },
    });
    // A server without CDS configuration hosts no service.
    const bare = await buildApp({ db: database.db, webDist: false, cds: null });
    expect((await bare.inject({ method: 'GET', url: '/cds-services' })).json()).toEqual({ services: [] });
    expect(
      (await bare.inject({ method: 'POST', url: '/cds-services/hemispasm-patient-view', payload: {} }))
        .statusCode,
    ).toBe(404);
    await bare.close();
  });

  it('answers the specification’s example request shape with valid cards: red flags, five ranked options, the decision aid', async () => {
    const profile = JSON.parse(readFileSync(join(examples, 'profile-red-flag-lesion.json'), 'utf8'));
    const prefetch = ehrPatient(profile, { patientId: '1288992', now: now() });
    // What the pretend EHR sends is valid R4 itself.
    for (const v of Object.values(prefetch))
      expect(await validateR4(v as { resourceType: string })).toEqual([]);
    const r = await call(hookRequest('1288992', prefetch));
    expect(r.statusCode, r.body.slice(0, 400)).toBe(200);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    const { cards, extension } = r.json() as { cards: Card[]; extension: Record<string, unknown> };
    for (const c of cards) expectValidCard(c);
    expect(extension['org.hemispasm.cds']).toEqual({ hemifacialSpasm: true, ranked: true });
    const lesion = flagCards(cards).find(
      (c) => c.extension!['org.hemispasm.red-flag']!.code === 'structural_lesion',
    )!;
    expect(lesion.indicator).toBe('critical');
    expect(lesion.summary).toMatch(/^Red flag \(structural lesion\)/);
    expect(optionCards(cards).map((c) => c.extension!['org.hemispasm.option']!.rank)).toEqual([
      1, 2, 3, 4, 5,
    ]);
    for (const c of optionCards(cards)) {
      expect(c.indicator).toBe('info');
      expect(c.detail).toMatch(/\*\*Sources\*\*\n1\. /);
      expect(c.detail).toContain('does not replace, the judgement of a physician');
    }
    const aid = cards.at(-1)!;
    expect(aid.links).toEqual([
      expect.objectContaining({ url: `${PUBLIC_URL}/#/patient/decision`, type: 'absolute' }),
      expect.objectContaining({ url: `${PUBLIC_URL}/#/learn`, type: 'absolute' }),
    ]);
    // Red flags first, then the options in rank order, then the decision aid.
    expect(cards.indexOf(lesion)).toBeLessThan(cards.indexOf(optionCards(cards)[0]!));
  });

  it(
    'agrees with `hemispasm recommend` on the same patient, for every example profile',
    async () => {
      const files = readdirSync(examples).filter((f) => /^profile-.*\.json$/.test(f));
      expect(files.length).toBeGreaterThanOrEqual(6);
      // The command itself, run as the `hemispasm` binary runs it (tsx's loader, then the CLI's main with the
      // argv `recommend <file> --json`), for every profile in one process: a start takes seconds here.
      const script = [
        "import { register } from 'tsx/esm/api';",
        'register();',
        `const { main } = await import(${JSON.stringify(cliMain)});`,
        'for (const file of process.argv.slice(1)) {',
        "  let out = '';",
        '  const output = { out: (t) => { out += t; }, err: (t) => process.stderr.write(t), isTTY: false };',
        "  const code = await main(['recommend', file, '--json'], output);",
        '  if (code !== 0) process.exit(code);',
        "  process.stdout.write(JSON.stringify(JSON.parse(out)) + '\\n');",
        '}',
      ].join('\n');
      // The same patient as an EHR can hold it: without the fields the service never reads from FHIR
      // (the red flags a clinician reviewed in hemispasm), which the CLI then gets left out too.
      const tmp = mkdtempSync(join(tmpdir(), 'hemispasm-cds-profiles-'));
      const ehrView = (file: string) => {
        const profile = JSON.parse(readFileSync(join(examples, file), 'utf8'));
        for (const field of Object.keys(NOT_FROM_FHIR)) delete profile[field];
        return profile;
      };
      const cliFiles = files.map((f) => {
        writeFileSync(join(tmp, f), JSON.stringify(ehrView(f)));
        return join(tmp, f);
      });
      const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script, ...cliFiles], {
        maxBuffer: 16 << 20,
        cwd: cliDir,
      });
      rmSync(tmp, { recursive: true, force: true });
      const printed = stdout.trim().split('\n');
      expect(printed).toHaveLength(files.length);
      for (const [n, file] of files.entries()) {
        const profile = ehrView(file);
        const cli = JSON.parse(printed[n]!) as DecisionResult;
        const r = await call(hookRequest('p-1', ehrPatient(profile, { patientId: 'p-1', now: now() })));
        expect(r.statusCode, `${file}: ${r.body.slice(0, 300)}`).toBe(200);
        const cards: Card[] = r.json().cards;
        for (const c of cards) expectValidCard(c);

        // The same options, in the same order, with the same score and recommendation…
        const options = optionCards(cards).map((c) => c.extension!['org.hemispasm.option']!);
        expect(options, file).toEqual(
          cli.options.map((o) => ({
            id: o.id,
            rank: o.rank,
            score: o.score,
            recommendation: o.recommendation,
            evidence: o.evidence.certainty,
            provisional: false,
          })),
        );
        // …each with every reason, benefit and risk the CLI gives, and their sources.
        for (const [i, o] of cli.options.entries()) {
          const detail = optionCards(cards)[i]!.detail!;
          for (const reason of o.reasons) {
            expect(detail, `${file} ${o.id}`).toContain(reason.text);
            expect(detail).toContain(reason.citation);
          }
          for (const f of [...o.benefits, ...o.risks]) expect(detail).toContain(`${f.what}: ${f.figure}`);
        }
        // The same red flags, each with its message, action and source.
        expect(
          flagCards(cards)
            .map((c) => c.extension!['org.hemispasm.red-flag']!.code)
            .sort(),
          file,
        ).toEqual(cli.redFlags.map((f) => f.code).sort());
        for (const f of cli.redFlags) {
          const card = flagCards(cards).find((c) => c.extension!['org.hemispasm.red-flag']!.code === f.code)!;
          expect(card.detail).toContain(f.message);
          expect(card.detail).toContain(f.action);
          expect(card.source.label).toBe(f.citation);
          expect(card.extension!['org.hemispasm.red-flag']).toMatchObject({ assumed: [], reviewed: false });
        }
        // Nothing the engine reads was missing (the one optional JRS score may be).
        const missing = missingCard(cards)?.extension?.['org.hemispasm.missing'] as
          | { fields: { field: string }[] }
          | undefined;
        expect(
          (missing?.fields ?? []).map((f) => f.field).filter((f) => f !== 'severity.jankovic'),
          file,
        ).toEqual([]);
      }
    },
    SLOW,
  );

  it('answers the root README’s example request with the cards the README shows', async () => {
    const readme = readFileSync(fileURLToPath(new URL('../../../README.md', import.meta.url)), 'utf8');
    const after = (marker: string) => readme.slice(readme.indexOf(marker) + marker.length);
    const json = /```json\n([\s\S]*?)\n\s*```/.exec(after('<!-- cds-example:request -->'))![1]!;
    const request = JSON.parse(json);
    const table = after('<!-- cds-example:cards -->').split('<!-- cds-example:end -->')[0]!;
    const documented = table
      .split('\n')
      .map((l) => /^\s*\| `(\w+)`\s*\| (.*?)\s*\|$/.exec(l))
      .filter((m) => !!m)
      .map((m) => [m[1], m[2]]);
    expect(documented.length).toBeGreaterThan(3);
    // The README states the date it was produced on: the age and the time since onset depend on it.
    const day = new Date('2026-11-30T10:00:00Z');
    const dated = await buildApp({
      db: database.db,
      webDist: false,
      cds: { publicUrl: PUBLIC_URL, issuer: EHR_ISSUER, keys: { jwks: keys.jwks }, now: () => day },
    });
    const r = await dated.inject({
      method: 'POST',
      url: '/cds-services/hemispasm-patient-view',
      headers: {
        authorization: `Bearer ${await signToken(keys, { now: day })}`,
        'content-type': 'application/json',
      },
      payload: JSON.stringify(request),
    });
    await dated.close();
    expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
    for (const v of Object.values(request.prefetch))
      if (v) expect(await validateR4(v as { resourceType: string })).toEqual([]);
    expect((r.json().cards as Card[]).map((c) => [c.indicator, c.summary])).toEqual(documented);
  });

  it('builds the profile from what the record holds, and says what it lacked, what was assumed and what could not be checked', async () => {
    const patient = { resourceType: 'Patient', id: 'p-2', gender: 'female', birthDate: '1968-04-02' };
    const subject = { reference: 'Patient/p-2' };
    const condition = {
      resourceType: 'Condition',
      id: 'c1',
      subject,
      code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'G51.32' }] },
    };
    const smc = {
      resourceType: 'Observation',
      id: 'o1',
      status: 'final',
      subject,
      effectiveDateTime: '2026-01-10',
      code: { coding: [{ system: 'https://hemispasm.org/fhir/CodeSystem/instrument', code: 'smc' }] },
      valueInteger: 2,
    };
    const r = await call(
      hookRequest('p-2', {
        patient,
        conditions: searchset([condition]),
        observations: searchset([smc]),
        procedures: null,
        medications: null,
      }),
    );
    expect(r.statusCode, r.body).toBe(200);
    const cards: Card[] = r.json().cards;
    for (const c of cards) expectValidCard(c);
    // Ranked, but provisional: ASA class, MRI, preferences … were assumed.
    expect(optionCards(cards)).toHaveLength(5);
    expect(optionCards(cards)[0]!.summary).toMatch(/\(provisional\)$/);
    const gap = missingCard(cards)!;
    // A warning: the signs of a secondary cause (neurological deficit) could not be checked.
    expect(gap.indicator).toBe('warning');
    expect(gap.summary).toMatch(/^Ranking provisional: \d+ profile facts not in the record$/);
    const missing = gap.extension!['org.hemispasm.missing'] as {
      fields: { field: string; assumed: unknown; essential: boolean }[];
      redFlagsNotChecked: { code: string; fields: string[] }[];
    };
    expect(missing.fields).toEqual(
      expect.arrayContaining([
        { field: 'asaClass', assumed: 1, essential: false },
        { field: 'imaging.mri', assumed: 'not_done', essential: false },
        { field: 'symptomDurationMonths', assumed: 0, essential: false },
        { field: 'neurology.facialWeakness', assumed: false, essential: false },
      ]),
    );
    expect(missing.fields.map((f) => f.field)).not.toContain('age');
    expect(missing.fields.map((f) => f.field)).not.toContain('affectedSide');
    // No MRI in the record: the imaging red flag is raised from that assumption, and says so…
    const imaging = flagCards(cards).find(
      (c) => c.extension!['org.hemispasm.red-flag']!.code === 'imaging_needed',
    )!;
    expect(imaging.indicator).toBe('warning');
    expect(imaging.extension!['org.hemispasm.red-flag']!.assumed).toEqual(['imaging.mri']);
    expect(imaging.detail).toContain('Raised from assumed values: imaging.mri');
    // …while the flags that need what is missing are reported as not checked.
    expect(missing.redFlagsNotChecked.map((n) => n.code)).toEqual(
      expect.arrayContaining(['structural_lesion', 'neurological_deficit', 'post_paralytic_synkinesis']),
    );
    expect(gap.detail).toContain('| `asaClass` |');

    // A recorded facial weakness raises the neurological-deficit flag on its own: not "from assumptions",
    // and no longer "not checked", though hearing and other cranial-nerve signs are still unrecorded.
    const weakness = {
      ...smc,
      id: 'o2',
      code: {
        coding: [
          {
            system: 'https://hemispasm.org/fhir/CodeSystem/decision-profile',
            code: 'neurology.facialWeakness',
          },
        ],
      },
      valueInteger: undefined,
      valueBoolean: true,
    };
    const weak = await call(
      hookRequest('p-2', {
        patient,
        conditions: searchset([condition]),
        observations: searchset([smc, weakness]),
        procedures: null,
        medications: null,
      }),
    );
    const weakCards: Card[] = weak.json().cards;
    const deficit = flagCards(weakCards).find(
      (c) => c.extension!['org.hemispasm.red-flag']!.code === 'neurological_deficit',
    )!;
    expect(deficit).toMatchObject({
      indicator: 'critical',
      extension: { 'org.hemispasm.red-flag': { assumed: [] } },
    });
    expect(deficit.detail).not.toContain('assumed');
    expect(
      (missingCard(weakCards)!.extension!['org.hemispasm.missing'] as typeof missing).redFlagsNotChecked.map(
        (n) => n.code,
      ),
    ).not.toContain('neurological_deficit');

    // Without the SMC grade (essential) the options are not ranked; the red flags that can be checked still are.
    const noSmc = await call(
      hookRequest('p-2', {
        patient,
        conditions: searchset([condition]),
        observations: null,
        procedures: null,
        medications: null,
      }),
    );
    const unranked: Card[] = noSmc.json().cards;
    expect(optionCards(unranked)).toEqual([]);
    expect(missingCard(unranked)).toMatchObject({
      indicator: 'warning',
      summary: 'Options not ranked: severity.smcGrade not in the record',
    });
    expect(noSmc.json().extension['org.hemispasm.cds']).toEqual({ hemifacialSpasm: true, ranked: false });

    // A patient without hemifacial spasm in the record gets no cards at all.
    const other = {
      ...condition,
      code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: 'G51.0' }] },
    };
    const none = await call(hookRequest('p-2', { patient, conditions: searchset([other]) }));
    expect(none.statusCode).toBe(200);
    expect(none.json().cards).toEqual([]);
  });

  it('reads prior treatments — their dates, toxin sessions, responses and recurrence — raising the MVD flags they call for, and skips what is not linked to the spasm', async () => {
    const profile = JSON.parse(readFileSync(join(examples, 'profile-older-high-risk.json'), 'utf8'));
    const at = now();
    const prefetch = ehrPatient(profile, { patientId: 'p-3', now: at });
    // An MVD code without a link to the hemifacial spasm may be another nerve's decompression: not counted.
    type Entries = { entry: { resource: Record<string, unknown> }[] };
    const procedures = prefetch.procedures as Entries;
    procedures.entry.push({
      resource: {
        resourceType: 'Procedure',
        id: 'other-mvd',
        status: 'completed',
        subject: { reference: 'Patient/p-3' },
        code: { coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: '61458' }] },
        performedDateTime: '2020-01-01',
      },
    });
    // The profile's prior treatments come back whole: the MVD 60 months ago (its performed date), the
    // toxin course as one entry whose three Procedures are its cycles, the latest 2 months ago.
    const built = profileFromFhir(readPrefetch(prefetch, 'p-3'), at);
    expect(built.profile.priorTreatments).toEqual(profile.priorTreatments);
    const flagsOf = async (body: Record<string, unknown>) => {
      const r = await call(hookRequest('p-3', body));
      expect(r.statusCode, r.body).toBe(200);
      const cards: Card[] = r.json().cards;
      return { cards, codes: flagCards(cards).map((c) => c.extension!['org.hemispasm.red-flag']!.code) };
    };
    const persisting = await flagsOf(prefetch);
    expect(persisting.codes).toContain('persisting_after_mvd');
    expect(persisting.codes).not.toContain('mvd_recent');
    expect(missingCard(persisting.cards)!.detail).toMatch(
      /Procedure\/other-mvd.*not counted as a prior treatment/,
    );

    // The same MVD done about two months ago: relief is often delayed, so not yet a failure.
    const mvd = procedures.entry.find((e) => e.resource.id === 'prior-0-0')!.resource;
    mvd.performedDateTime = new Date(at.getTime() - 70 * 86_400_000).toISOString().slice(0, 10);
    const recent = await flagsOf(prefetch);
    expect(recent.codes).toContain('mvd_recent');
    expect(recent.codes).not.toContain('persisting_after_mvd');

    // No explicit response, but a follow-up recording the spasm back after it had resolved: a recurrence.
    const observations = prefetch.observations as Entries;
    observations.entry = observations.entry.filter((e) => e.resource.id !== 'response-0');
    const HS = 'https://hemispasm.org/fhir/CodeSystem';
    const part = (code: string, value: Record<string, unknown>) => ({
      code: { coding: [{ system: `${HS}/observation`, code }] },
      ...value,
    });
    observations.entry.push({
      resource: {
        resourceType: 'Observation',
        id: 'follow-up-mvd',
        status: 'final',
        code: { coding: [{ system: `${HS}/observation`, code: 'treatment-follow-up' }] },
        subject: { reference: 'Patient/p-3' },
        partOf: [{ reference: 'Procedure/prior-0-0' }],
        effectiveDateTime: at.toISOString().slice(0, 10),
        component: [
          part('spasm-status', {
            valueCodeableConcept: { coding: [{ system: `${HS}/spasm-status`, code: 'unchanged' }] },
          }),
          part('recurrence', { valueBoolean: true }),
        ],
      },
    });
    mvd.performedDateTime = '2019-06-01';
    for (const v of [prefetch.observations, prefetch.procedures])
      expect(await validateR4(v as { resourceType: string })).toEqual([]);
    const recurred = await flagsOf(prefetch);
    expect(recurred.codes).toContain('recurrence_after_mvd');
    expect(recurred.codes).not.toContain('persisting_after_mvd');
  });

  it('takes every red flag as not reviewed — reviews are not read from the EHR — and says where to record one', async () => {
    const file = 'profile-young-wants-cure-reviewed.json';
    const profile = JSON.parse(readFileSync(join(examples, file), 'utf8'));
    expect(profile.redFlagsReviewed).toEqual(['young_onset']);
    const r = await call(hookRequest('p-6', ehrPatient(profile, { patientId: 'p-6', now: now() })));
    expect(r.statusCode, r.body).toBe(200);
    const cards: Card[] = r.json().cards;
    const young = flagCards(cards).find(
      (c) => c.extension!['org.hemispasm.red-flag']!.code === 'young_onset',
    )!;
    expect(young.extension!['org.hemispasm.red-flag']!.reviewed).toBe(false);
    expect(young.detail).toContain('does not read reviews from the EHR');
    expect(young.detail).toContain("hemispasm's decision form");
    // The options are those of the unreviewed profile, which differ from the reviewed one's.
    const { redFlagsReviewed: _reviewed, ...unreviewed } = profile;
    const summaryOf = (res: DecisionResult) => res.options.map((o) => [o.id, o.recommendation, o.score]);
    const shown = optionCards(cards).map((c) => {
      const o = c.extension!['org.hemispasm.option']!;
      return [o.id, o.recommendation, o.score];
    });
    expect(shown).toEqual(summaryOf(recommend(unreviewed)));
    expect(shown).not.toEqual(summaryOf(recommend(profile)));
  });

  describe('authentication (CDS Hooks 2.0 "Trusting CDS Clients")', () => {
    let body: Record<string, unknown>;
    beforeAll(() => {
      const profile = JSON.parse(readFileSync(join(examples, 'profile-typical.json'), 'utf8'));
      body = hookRequest('p-4', ehrPatient(profile, { patientId: 'p-4', now: now() }));
    });
    const refused = async (token: string | null, reason: RegExp, headers: Record<string, string> = {}) => {
      const r = await call(body, token, headers);
      expect(r.statusCode, r.body).toBe(401);
      expect(r.json()).toMatchObject({ code: 'invalid_token', detail: expect.stringMatching(reason) });
      expect(r.headers['www-authenticate']).toMatch(/^Bearer .*error="invalid_token"/);
      expect(r.body).not.toContain('cards');
    };

    it('accepts a JWT signed by the EHR for this service, once', async () => {
      const token = await signToken(keys);
      expect((await call(body, token)).statusCode).toBe(200);
      await refused(token, /already used/); // replayed
    });

    it('refuses no token, an unsigned token, a shared-secret (HMAC) token and another key’s signature', async () => {
      await refused(null, /Authorization: Bearer/);
      await refused('not-a-jwt', /not a JWT/);
      const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const claims = {
        iss: EHR_ISSUER,
        aud: SERVICE_URL,
        iat: Math.floor(Date.now() / 1000),
        exp: Math.floor(Date.now() / 1000) + 60,
        jti: randomUUID(),
      };
      await refused(
        `${b64({ alg: 'none', typ: 'JWT', kid: keys.kid })}.${b64(claims)}.`,
        /asymmetric|not a valid JWT/,
      );
      const hmac = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: keys.kid })
        .sign(new TextEncoder().encode('a shared secret the spec forbids'));
      await refused(hmac, /asymmetric/);
      await refused(await signToken(otherKeys), /signature does not verify/);
      await refused(await signToken(keys, { kid: null }), /kid/);
    });

    it('refuses an expired token, a stale one, one for another audience or from another issuer, and a foreign jku', async () => {
      await refused(await signToken(keys, { expiresIn: -120, issuedAgo: 240 }), /expired/);
      await refused(await signToken(keys, { issuedAgo: 900, expiresIn: 600 }), /older than/);
      await refused(await signToken(keys, { aud: `${PUBLIC_URL}/cds-services` }), /not for this service/);
      await refused(
        await signToken(keys, { aud: 'https://elsewhere.example.org/cds-services/hemispasm-patient-view' }),
        /aud/,
      );
      await refused(
        await signToken(keys, { iss: 'https://rogue.example.org/' }),
        /issued by the trusted EHR/,
      );
      await refused(await signToken(keys, { jku: 'https://rogue.example.org/jwks' }), /jku/);
    });

    it('audits every authenticated call as a cds-client read, storing nothing of the patient', async () => {
      const before = await database.db
        .selectFrom('audit_log')
        .selectAll()
        .where('resource', '=', 'cds-patient-view')
        .execute();
      const r = await call(body);
      expect(r.statusCode).toBe(200);
      const after = await database.db
        .selectFrom('audit_log')
        .selectAll()
        .where('resource', '=', 'cds-patient-view')
        .execute();
      expect(after.length).toBe(before.length + 1);
      expect(after.at(-1)).toMatchObject({
        actor_role: 'cds-client',
        actor_user_id: null,
        patient_id: null,
        action: 'read',
        status: 200,
        route: 'POST /cds-services/hemispasm-patient-view',
        request_id: r.headers['x-request-id'],
      });
    });

    it('answers 503 audit_unavailable, with no cards, when the call cannot be audited', async () => {
      await sql`ALTER TABLE audit_log ADD CONSTRAINT audit_probe_cds CHECK (resource <> 'cds-patient-view') NOT VALID`.execute(
        database.db,
      );
      try {
        const r = await call(body);
        expect(r.statusCode).toBe(503);
        expect(r.headers['content-type']).toContain('application/problem+json');
        expect(r.json()).toMatchObject({ code: 'audit_unavailable' });
        expect(r.body).not.toContain('cards');
      } finally {
        await sql`ALTER TABLE audit_log DROP CONSTRAINT audit_probe_cds`.execute(database.db);
      }
      expect((await call(body)).statusCode).toBe(200);
    });

    it('takes the EHR keys from a JWKS URL too (fetched, cached), and says so when it cannot reach them', async () => {
      const jwksServer: Server = createServer((req, res) => {
        if (req.url === '/jwks.json') {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(keys.jwks));
        } else {
          res.writeHead(404).end();
        }
      });
      await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/jwks.json`;
      const viaUrl = await buildApp({
        db: database.db,
        webDist: false,
        cds: { publicUrl: PUBLIC_URL, issuer: EHR_ISSUER, keys: { url } },
      });
      const post = async (token: string) =>
        viaUrl.inject({
          method: 'POST',
          url: '/cds-services/hemispasm-patient-view',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          payload: JSON.stringify(body),
        });
      expect((await post(await signToken(keys, { jku: url }))).statusCode).toBe(200);
      expect((await post(await signToken(otherKeys))).statusCode).toBe(401);
      await new Promise<void>((resolve) => jwksServer.close(() => resolve()));
      const unreachable = await buildApp({
        db: database.db,
        webDist: false,
        cds: { publicUrl: PUBLIC_URL, issuer: EHR_ISSUER, keys: { url } },
      });
      const r = await unreachable.inject({
        method: 'POST',
        url: '/cds-services/hemispasm-patient-view',
        headers: { authorization: `Bearer ${await signToken(keys)}`, 'content-type': 'application/json' },
        payload: JSON.stringify(body),
      });
      expect(r.statusCode).toBe(503);
      expect(r.json().code).toBe('keys_unavailable');
      await viaUrl.close();
      await unreachable.close();
    });
  });

  describe('malformed requests and prefetch', () => {
    it('refuses a request without the prefetch it needs (412) and a malformed envelope (400)', async () => {
      const r = await call({ ...hookRequest('p-5', {}), prefetch: { patient: null } });
      expect(r.statusCode).toBe(412);
      expect(r.json()).toMatchObject({
        code: 'prefetch_missing',
        issues: [{ path: 'body.prefetch.conditions' }],
      });
      const wrongHook = await call({ ...hookRequest('p-5', {}), hook: 'order-sign' });
      expect(wrongHook.statusCode).toBe(400);
      expect(wrongHook.json().issues[0].path).toBe('body.hook');
      expect((await call('{"hook":', undefined)).statusCode).toBe(400);
    });

    it('skips, and names, resources about another patient, unreadable ones and EHR errors — answering 200', async () => {
      const profile = JSON.parse(readFileSync(join(examples, 'profile-typical.json'), 'utf8'));
      const prefetch = ehrPatient(profile, { patientId: 'p-6', now: now() }) as Record<string, unknown>;
      const obs = prefetch.observations as { entry: { resource: Record<string, unknown> }[] };
      obs.entry[0]!.resource.subject = { reference: 'Patient/someone-else' };
      obs.entry.push({ resource: { resourceType: 'Observation', component: 'not a list' } });
      prefetch.medications = {
        resourceType: 'OperationOutcome',
        issue: [{ severity: 'error', code: 'timeout' }],
      };
      const r = await call(hookRequest('p-6', prefetch));
      expect(r.statusCode, r.body).toBe(200);
      const notes = (
        missingCard(r.json().cards)!.extension!['org.hemispasm.missing'] as { notes: { path: string }[] }
      ).notes.map((n) => n.path);
      expect(notes).toEqual(
        expect.arrayContaining([
          'prefetch.observations.entry[0].resource.subject',
          `prefetch.observations.entry[${obs.entry.length - 1}].resource.component`,
          'prefetch.medications',
        ]),
      );
      // The SMC grade came from the other patient's Observation: not used, so the options are not ranked.
      expect(optionCards(r.json().cards)).toEqual([]);
    });

    it(
      'never answers 5xx, whatever the prefetch holds (property test)',
      async () => {
        const resourceLike = fc.record(
          {
            resourceType: fc.constantFrom(
              'Patient',
              'Condition',
              'Observation',
              'Procedure',
              'MedicationStatement',
              'Bundle',
              'OperationOutcome',
              'Basic',
              7,
            ),
            id: fc.oneof(fc.string(), fc.constant('p-7'), fc.integer()),
            subject: fc.oneof(fc.constant({ reference: 'Patient/p-7' }), fc.jsonValue()),
            code: fc.oneof(
              fc.constant({ coding: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: 'G51.3' }] }),
              fc.constant({
                coding: [{ system: 'https://hemispasm.org/fhir/CodeSystem/instrument', code: 'smc' }],
              }),
              fc.jsonValue(),
            ),
            status: fc.oneof(fc.constant('final'), fc.constant('completed'), fc.jsonValue()),
            birthDate: fc.oneof(
              fc.constant('1970-01-01'),
              fc.constant('2999-12-31'),
              fc.string(),
              fc.jsonValue(),
            ),
            onsetDateTime: fc.oneof(fc.constant('1900-01-01'), fc.string(), fc.jsonValue()),
            valueInteger: fc.oneof(fc.integer(), fc.double(), fc.jsonValue()),
            component: fc.jsonValue(),
            entry: fc.oneof(fc.jsonValue(), fc.array(fc.record({ resource: fc.jsonValue() }))),
            partOf: fc.jsonValue(),
          },
          { requiredKeys: [] },
        );
        const value = fc.oneof(
          fc.constant(null),
          fc.jsonValue(),
          resourceLike,
          resourceLike.map((r) => ({ resourceType: 'Bundle', entry: [{ resource: r }] })),
        );
        await fc.assert(
          fc.asyncProperty(
            fc.record(
              {
                patient: value,
                conditions: value,
                observations: value,
                procedures: value,
                medications: value,
              },
              { requiredKeys: [] },
            ),
            async (prefetch) => {
              const r = await call(hookRequest('p-7', prefetch));
              expect(r.statusCode, r.body.slice(0, 300)).toBeLessThan(500);
              if (r.statusCode === 200) for (const c of r.json().cards as Card[]) expectValidCard(c);
            },
          ),
          { numRuns: 150 },
        );
        // Deep nesting and a huge body are refused or read, never crash the server.
        const deep = `{"hook":"patient-view","hookInstance":"x","context":{"userId":"u","patientId":"p"},"prefetch":{"patient":${'['.repeat(20000)}${']'.repeat(20000)},"conditions":null}}`;
        expect((await call(deep)).statusCode).toBeLessThan(500);
        const big = JSON.stringify(
          hookRequest('p-7', {
            patient: null,
            conditions: {
              resourceType: 'Bundle',
              entry: Array.from({ length: 40000 }, () => ({ resource: { resourceType: 'Condition' } })),
            },
          }),
        );
        expect((await call(big)).statusCode).toBeLessThan(500);
      },
      SLOW,
    );
  });

  it('every red flag rule is covered by a card indicator (critical when it holds back even the first-line treatment)', async () => {
    const { redFlagIndicator } = await import('../src/cds/rule-fields');
    const indicators = Object.fromEntries(RED_FLAG_RULES.map((r) => [r.code, redFlagIndicator(r.code)]));
    expect(indicators).toMatchObject({
      structural_lesion: 'critical',
      bilateral_symptoms: 'critical',
      neurological_deficit: 'critical',
      imaging_needed: 'warning',
    });
  });
});
