/**
 * Reading a CDS Hooks `prefetch` defensively. An EHR sends, per prefetch key, a resource, a searchset
 * Bundle, an OperationOutcome (it could not fetch), `null` (nothing to send) — or leaves the key out.
 * We read only the elements the decision profile needs, leniently (other elements are the EHR's
 * business), and skip — with a note naming where — anything unreadable, any resource about another
 * patient, and anything not of a type we read. Nothing here throws for bad input: a malformed prefetch
 * gives notes, never an error.
 */
import { z } from 'zod';

/** The prefetch keys the service asks for (discovery), and the resource type each brings. */
export const PREFETCH_KEYS = {
  patient: 'Patient',
  conditions: 'Condition',
  observations: 'Observation',
  procedures: 'Procedure',
  medications: 'MedicationStatement',
} as const;
export type PrefetchKey = keyof typeof PREFETCH_KEYS;

const Coding = z.looseObject({ system: z.string().optional(), code: z.string().optional() });
const Concept = z.looseObject({ coding: z.array(Coding).optional(), text: z.string().optional() });
const Ref = z.looseObject({ reference: z.string().optional() });
const Period = z.looseObject({ start: z.string().optional(), end: z.string().optional() });
const Subject = { subject: Ref.optional() };
const Id = { id: z.string().optional() };
/** Why a treatment was given: the condition it treats, by reference or by code. */
const Reasons = { reasonReference: z.array(Ref).optional(), reasonCode: z.array(Concept).optional() };
/** When an observation or a medication statement holds: a moment or a period. */
const Effective = { effectiveDateTime: z.string().optional(), effectivePeriod: Period.optional() };
const Values = {
  valueInteger: z.number().optional(),
  valueBoolean: z.boolean().optional(),
  valueCodeableConcept: Concept.optional(),
  valueQuantity: z.looseObject({ value: z.number().optional() }).optional(),
};

const PatientR = z.looseObject({
  resourceType: z.literal('Patient'),
  ...Id,
  birthDate: z.string().optional(),
  gender: z.string().optional(),
});
const ConditionR = z.looseObject({
  resourceType: z.literal('Condition'),
  ...Id,
  ...Subject,
  code: Concept.optional(),
  bodySite: z.array(Concept).optional(),
  verificationStatus: Concept.optional(),
  onsetDateTime: z.string().optional(),
  onsetPeriod: Period.optional(),
});
const ObservationR = z.looseObject({
  resourceType: z.literal('Observation'),
  ...Id,
  ...Subject,
  status: z.string().optional(),
  code: Concept.optional(),
  ...Effective,
  issued: z.string().optional(),
  partOf: z.array(Ref).optional(),
  ...Values,
  component: z.array(z.looseObject({ code: Concept.optional(), ...Values })).optional(),
});
const ProcedureR = z.looseObject({
  resourceType: z.literal('Procedure'),
  ...Id,
  ...Subject,
  status: z.string().optional(),
  code: Concept.optional(),
  performedDateTime: z.string().optional(),
  performedPeriod: Period.optional(),
  ...Reasons,
});
const MedicationStatementR = z.looseObject({
  resourceType: z.literal('MedicationStatement'),
  ...Id,
  ...Subject,
  status: z.string().optional(),
  category: Concept.optional(),
  ...Effective,
  ...Reasons,
});

export type CodingR = z.infer<typeof Coding>;
export type ConceptR = z.infer<typeof Concept>;
export type PatientRes = z.infer<typeof PatientR>;
export type ConditionRes = z.infer<typeof ConditionR>;
export type ObservationRes = z.infer<typeof ObservationR>;
export type ProcedureRes = z.infer<typeof ProcedureR>;
export type MedicationStatementRes = z.infer<typeof MedicationStatementR>;

const READERS = {
  Patient: PatientR,
  Condition: ConditionR,
  Observation: ObservationR,
  Procedure: ProcedureR,
  MedicationStatement: MedicationStatementR,
} as const;

export interface Note {
  /** Where in the request: `prefetch.observations.entry[3].resource.valueInteger`. */
  path: string;
  message: string;
}

export interface PrefetchData {
  patient: PatientRes | undefined;
  conditions: ConditionRes[];
  observations: ObservationRes[];
  procedures: ProcedureRes[];
  medications: MedicationStatementRes[];
  /** Keys the EHR answered (a resource, a Bundle or null); a key left out or answered with an error is not. */
  answered: Set<PrefetchKey>;
  notes: Note[];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);

/** `Patient/123`, `https://ehr/fhir/Patient/123` or `…/Patient/123/_history/2` name patient 123. */
export function refersTo(reference: string | undefined, type: string, id: string): boolean {
  if (!reference) return false;
  const m = /(?:^|\/)([A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(reference);
  return !!m && m[1] === type && m[2] === id;
}

const MAX_NOTES = 50;

/** Reads `prefetch` for the patient `patientId` (the hook context's). */
export function readPrefetch(prefetch: Record<string, unknown>, patientId: string): PrefetchData {
  const out: PrefetchData = {
    patient: undefined,
    conditions: [],
    observations: [],
    procedures: [],
    medications: [],
    answered: new Set(),
    notes: [],
  };
  const note = (path: string, message: string) => {
    if (out.notes.length < MAX_NOTES) out.notes.push({ path, message });
  };

  const take = (resource: unknown, path: string) => {
    if (!isObject(resource) || typeof resource.resourceType !== 'string') {
      note(path, 'not a FHIR resource: skipped');
      return;
    }
    const type = resource.resourceType;
    if (type === 'OperationOutcome') {
      note(path, 'the EHR reported an error instead of data (OperationOutcome)');
      return;
    }
    if (!(type in READERS)) {
      note(`${path}.resourceType`, `${type} is not read by this service: skipped`);
      return;
    }
    const parsed = READERS[type as keyof typeof READERS].safeParse(resource);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const where = issue.path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('');
      note(`${path}${where}`, `${issue.message}: ${type} skipped`);
      return;
    }
    const r = parsed.data;
    if (r.resourceType === 'Patient') {
      if (r.id !== undefined && r.id !== patientId) {
        note(`${path}.id`, 'not the patient in context (context.patientId): skipped');
        return;
      }
      out.patient = r;
      return;
    }
    if (!refersTo(r.subject?.reference, 'Patient', patientId)) {
      note(`${path}.subject`, 'not about the patient in context (context.patientId): skipped');
      return;
    }
    if (r.resourceType === 'Condition') out.conditions.push(r);
    else if (r.resourceType === 'Observation') out.observations.push(r);
    else if (r.resourceType === 'Procedure') out.procedures.push(r);
    else out.medications.push(r);
  };

  for (const key of Object.keys(PREFETCH_KEYS) as PrefetchKey[]) {
    if (!(key in prefetch)) continue;
    const value = prefetch[key];
    const path = `prefetch.${key}`;
    if (value === null) {
      out.answered.add(key); // the EHR has no data for this key
      continue;
    }
    if (isObject(value) && value.resourceType === 'OperationOutcome') {
      note(path, 'the EHR could not prefetch this (OperationOutcome)');
      continue;
    }
    if (isObject(value) && value.resourceType === 'Bundle') {
      out.answered.add(key);
      if (value.entry === undefined) continue;
      if (!Array.isArray(value.entry)) {
        note(`${path}.entry`, 'expected an array of entries');
        continue;
      }
      value.entry.forEach((e: unknown, i: number) => {
        if (isObject(e)) take(e.resource, `${path}.entry[${i}].resource`);
        else note(`${path}.entry[${i}]`, 'not a Bundle entry: skipped');
      });
      if (Array.isArray(value.link) && value.link.some((l) => isObject(l) && l.relation === 'next')) {
        note(`${path}.link`, 'only the first page of a paginated search was read');
      }
      continue;
    }
    if (isObject(value) && typeof value.resourceType === 'string') {
      out.answered.add(key);
      take(value, path);
      continue;
    }
    note(path, 'expected a FHIR resource, a Bundle or null');
  }
  return out;
}
