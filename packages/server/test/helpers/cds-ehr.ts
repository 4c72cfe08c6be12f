/**
 * A pretend EHR for the CDS Hooks tests: its signing keys (a JWK Set, as the EHR publishes it), JWTs
 * signed the way CDS Hooks 2.0 asks, and a patient written as FHIR R4 resources from a decision-engine
 * profile — the demographics, the hemifacial spasm Condition, the SMC and JRS Observations, each other
 * profile fact as a `decision-profile` Observation (coded by its field, valued by its JSON type: this
 * encoder walks the profile itself, it does not reuse the server's table), prior treatments as
 * Procedures (one per session: a toxin course of n cycles is n Procedures) / MedicationStatements dated
 * by `monthsSince`, with a treatment-response Observation.
 */
import { randomUUID } from 'node:crypto';
import { type PatientProfileInput, PatientProfileSchema } from '@hemispasm/core';
import { type CryptoKey, exportJWK, generateKeyPair, type JSONWebKeySet, type JWK, SignJWT } from 'jose';

const HS = 'https://hemispasm.org/fhir/CodeSystem';
export const EHR_ISSUER = 'https://ehr.example.org/';
export const PUBLIC_URL = 'https://hfs.example.org';
export const SERVICE_URL = `${PUBLIC_URL}/cds-services/hemispasm-patient-view`;
const FHIR_BASE = 'https://ehr.example.org/fhir';

export interface EhrKeys {
  kid: string;
  alg: string;
  privateKey: CryptoKey;
  jwks: JSONWebKeySet;
}

export async function ehrKeys(
  alg: 'ES384' | 'RS384' = 'ES384',
  kid = `ehr-${alg.toLowerCase()}`,
): Promise<EhrKeys> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
  return { kid, alg, privateKey, jwks: { keys: [jwk] } };
}

export interface TokenOptions {
  iss?: string;
  aud?: string | string[];
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
  /** Seconds ago the token was issued. */
  issuedAgo?: number;
  jti?: string;
  kid?: string | null;
  jku?: string;
  now?: Date;
}

export async function signToken(keys: EhrKeys, o: TokenOptions = {}): Promise<string> {
  const now = Math.floor((o.now ?? new Date()).getTime() / 1000);
  const header: { alg: string; typ: string; kid?: string; jku?: string } = { alg: keys.alg, typ: 'JWT' };
  if (o.kid !== null) header.kid = o.kid ?? keys.kid;
  if (o.jku) header.jku = o.jku;
  return new SignJWT({ tenant: 'clinic-1' })
    .setProtectedHeader(header)
    .setIssuer(o.iss ?? EHR_ISSUER)
    .setAudience(o.aud ?? SERVICE_URL)
    .setIssuedAt(now - (o.issuedAgo ?? 0))
    .setExpirationTime(now + (o.expiresIn ?? 120))
    .setJti(o.jti ?? randomUUID())
    .setSubject('ehr-client-1')
    .sign(keys.privateKey);
}

/** The specification's example request shape (CDS Hooks 2.0, "Calling a CDS Service"). */
export function hookRequest(patientId: string, prefetch: Record<string, unknown>): Record<string, unknown> {
  return {
    hookInstance: randomUUID(),
    fhirServer: FHIR_BASE,
    hook: 'patient-view',
    fhirAuthorization: {
      access_token: 'some-opaque-fhir-access-token',
      token_type: 'Bearer',
      expires_in: 300,
      scope: 'user/Patient.read user/Observation.read',
      subject: 'cds-service4',
    },
    context: { userId: 'Practitioner/example', patientId, encounterId: '89284' },
    prefetch,
  };
}

type Resource = { resourceType: string; id: string; [k: string]: unknown };

export const searchset = (resources: Resource[]) => ({
  resourceType: 'Bundle',
  type: 'searchset',
  total: resources.length,
  entry: resources.map((resource) => ({
    fullUrl: `${FHIR_BASE}/${resource.resourceType}/${resource.id}`,
    resource,
    search: { mode: 'match' },
  })),
});

const pad = (n: number) => String(n).padStart(2, '0');
/** The date `months` months before `now`, on a day every month has. */
function monthsBefore(now: Date, months: number): string {
  const total = now.getUTCFullYear() * 12 + now.getUTCMonth() - months;
  return `${Math.floor(total / 12)}-${pad((total % 12) + 1)}-${pad(Math.min(now.getUTCDate(), 28))}`;
}

const SIDE_CODE = { left: 'G51.32', right: 'G51.31', both: 'G51.33' } as const;
/** Fields FHIR carries in standard resources (the rest become decision-profile Observations). */
const STANDARD = new Set([
  'age',
  'sex',
  'affectedSide',
  'symptomDurationMonths',
  'severity',
  'priorTreatments',
]);

function leaves(v: unknown, path: string[] = []): [string, unknown][] {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    return Object.entries(v).flatMap(([k, x]) => leaves(x, [...path, k]));
  }
  return [[path.join('.'), v]];
}

/** The patient of `profile` as an EHR would prefetch it for the hemispasm service (keys as in discovery). */
export function ehrPatient(
  input: PatientProfileInput,
  o: { patientId: string; now: Date },
): Record<'patient' | 'conditions' | 'observations' | 'procedures' | 'medications', unknown> {
  const p = PatientProfileSchema.parse(input);
  const subject = { reference: `Patient/${o.patientId}` };
  const day = monthsBefore(o.now, 1);
  const obs = (id: string, code: Record<string, unknown>, value: Record<string, unknown>): Resource => ({
    resourceType: 'Observation',
    id,
    status: 'final',
    code,
    subject,
    effectiveDateTime: day,
    ...value,
  });
  const observations: Resource[] = [
    obs(
      'smc',
      { coding: [{ system: `${HS}/instrument`, code: 'smc' }] },
      { valueInteger: p.severity.smcGrade },
    ),
  ];
  if (p.severity.jankovic) {
    observations.push(
      obs(
        'jrs',
        { coding: [{ system: `${HS}/instrument`, code: 'jankovic-hfs' }] },
        {
          valueInteger: p.severity.jankovic.severity + p.severity.jankovic.frequency,
          component: (['severity', 'frequency'] as const).map((item) => ({
            code: { coding: [{ system: `${HS}/instrument-item`, code: `jankovic-hfs/${item}` }] },
            valueInteger: p.severity.jankovic![item],
          })),
        },
      ),
    );
  }
  for (const [field, value] of leaves(p)) {
    // The one list left, redFlagsReviewed, has no FHIR form: the service never reads it from the EHR.
    if (STANDARD.has(field.split('.')[0]!) || Array.isArray(value)) continue;
    const v =
      typeof value === 'boolean'
        ? { valueBoolean: value }
        : typeof value === 'number'
          ? { valueInteger: value }
          : {
              valueCodeableConcept: {
                coding: [{ system: `${HS}/decision-profile-answer`, code: String(value) }],
              },
            };
    observations.push(
      obs(
        `fact-${field.replaceAll('.', '-')}`,
        { coding: [{ system: `${HS}/decision-profile`, code: field }] },
        v,
      ),
    );
  }
  const procedures: Resource[] = [];
  const medications: Resource[] = [];
  const reasonReference = [{ reference: 'Condition/hfs' }];
  const dated = (months: number | undefined, key: string) =>
    months === undefined ? {} : { [key]: monthsBefore(o.now, months) };
  p.priorTreatments.forEach((t, i) => {
    const kind = { system: `${HS}/treatment-kind`, code: t.option };
    let responseTo: string;
    if (t.option === 'oral_medication') {
      responseTo = `MedicationStatement/prior-${i}`;
      medications.push({
        resourceType: 'MedicationStatement',
        id: `prior-${i}`,
        status: 'completed',
        category: { coding: [kind] },
        medicationCodeableConcept: { text: 'carbamazepine' },
        subject,
        ...(t.monthsSince === undefined
          ? {}
          : {
              effectivePeriod: {
                start: monthsBefore(o.now, t.monthsSince + 6),
                end: monthsBefore(o.now, t.monthsSince),
              },
            }),
        reasonReference,
      });
    } else if (t.option === 'observation') {
      throw new Error('a prior "observation" has no FHIR form here');
    } else {
      // One Procedure per session: toxin cycles three months apart, the latest `monthsSince` ago.
      const cpt = { botulinum_toxin: '64612', mvd: '61458' }[t.option as string];
      for (let k = 0; k < (t.cycles ?? 1); k++) {
        procedures.push({
          resourceType: 'Procedure',
          id: `prior-${i}-${k}`,
          status: 'completed',
          code: {
            coding: [...(cpt ? [{ system: 'http://www.ama-assn.org/go/cpt', code: cpt }] : []), kind],
          },
          subject,
          ...dated(t.monthsSince === undefined ? undefined : t.monthsSince + 3 * k, 'performedDateTime'),
          reasonReference,
        });
      }
      responseTo = `Procedure/prior-${i}-0`;
    }
    observations.push({
      ...obs(
        `response-${i}`,
        { coding: [{ system: `${HS}/observation`, code: 'treatment-response' }] },
        { valueCodeableConcept: { coding: [{ system: `${HS}/decision-profile-answer`, code: t.response }] } },
      ),
      partOf: [{ reference: responseTo }],
    });
  });
  return {
    patient: {
      resourceType: 'Patient',
      id: o.patientId,
      name: [{ family: 'Example', given: ['Pat'] }],
      gender: p.sex,
      birthDate: monthsBefore(o.now, Math.round(p.age * 12)),
    },
    conditions: searchset([
      {
        resourceType: 'Condition',
        id: 'hfs',
        code: {
          coding: [
            { system: 'http://hl7.org/fhir/sid/icd-10', code: 'G51.3' },
            { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: SIDE_CODE[p.affectedSide] },
          ],
          text: 'Hemifacial spasm',
        },
        subject,
        onsetDateTime: monthsBefore(o.now, p.symptomDurationMonths),
      },
    ]),
    observations: searchset(observations),
    procedures: searchset(procedures),
    medications: searchset(medications),
  };
}
