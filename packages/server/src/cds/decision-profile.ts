/**
 * The decision engine's patient profile built from an EHR's FHIR data (pure): what the record says,
 * with every field it does not say listed as missing — with the value assumed in its place, or as
 * essential when no assumption is honest (see profile-fields.ts). The profile is checked with core's
 * own PatientProfileSchema; a value the record gives but the schema refuses (a birth date in the future,
 * an onset before birth) is reported and treated as missing.
 */
import { type PatientProfileInput, PatientProfileSchema } from '@hemispasm/core';
import { HS_SYSTEM, ICD10CM_HFS_BY_SIDE, SYSTEM } from '../fhir/codes';
import { codesIn, componentValue, hasCode, isHfsConcept, latestFirst, monthsSinceDate } from './fhir-read';
import type { ConditionRes, Note, ObservationRes, PrefetchData } from './prefetch';
import { readPriorTreatments } from './prior-treatments';
import {
  ESSENTIAL_FIELDS,
  NOT_FROM_FHIR,
  OBSERVED_FIELDS,
  type ObservedField,
  PLACEHOLDERS,
  type ProfileFieldValue,
  STANDARD_FIELDS,
  setField,
} from './profile-fields';

export interface MissingField {
  field: string;
  /** Where hemispasm looks for it. */
  from: string;
  /** The value used in its place; undefined when none is: essential fields, and optional ones left out. */
  assumed: ProfileFieldValue | undefined;
  essential: boolean;
}

export interface BuiltProfile {
  /** A hemifacial spasm Condition is in the record: without one the service has nothing to say. */
  hfs: boolean;
  /** The profile the engine runs on: the record's values, then assumptions and placeholders. */
  profile: PatientProfileInput;
  missing: MissingField[];
  /** Essential fields the record lacks: the options are not ranked. */
  essentialMissing: string[];
  notes: Note[];
}

const FINAL = new Set(['final', 'amended', 'corrected']);

class Reader {
  readonly values = new Map<string, ProfileFieldValue | object>();
  readonly notes: Note[] = [];
  readonly priorIncomplete: string[] = [];
  constructor(readonly data: PrefetchData) {}
  note(path: string, message: string) {
    this.notes.push({ path, message });
  }
}

function readPatient(r: Reader, now: Date): void {
  const p = r.data.patient;
  if (!p) return;
  const months = monthsSinceDate(p.birthDate, now);
  if (months !== undefined) r.values.set('age', Math.floor(months / 12));
  else if (p.birthDate !== undefined) r.note('prefetch.patient.birthDate', 'not a FHIR date: age unknown');
  if (p.gender === 'female' || p.gender === 'male' || p.gender === 'other') r.values.set('sex', p.gender);
}

function readCondition(r: Reader, hfs: ConditionRes[], now: Date): void {
  const sides = new Set<string>();
  for (const c of hfs) {
    for (const b of c.bodySite ?? []) for (const s of codesIn(b, HS_SYSTEM.laterality)) sides.add(s);
    for (const code of codesIn(c.code, SYSTEM.icd10cm)) {
      const side = Object.entries(ICD10CM_HFS_BY_SIDE).find(([, d]) => d.code === code)?.[0];
      if (side) sides.add(side);
    }
  }
  if (sides.has('bilateral') || (sides.has('left') && sides.has('right')))
    r.values.set('affectedSide', 'both');
  else if (sides.has('left')) r.values.set('affectedSide', 'left');
  else if (sides.has('right')) r.values.set('affectedSide', 'right');
  // The earliest onset recorded: the most months ago.
  const onsets = hfs
    .map((c) => monthsSinceDate(c.onsetDateTime ?? c.onsetPeriod?.start, now))
    .filter((m): m is number => m !== undefined);
  if (onsets.length) {
    const months = Math.max(...onsets);
    if (months < 0)
      r.note('prefetch.conditions', 'the onset of the hemifacial spasm is in the future: ignored');
    else r.values.set('symptomDurationMonths', months);
  }
}

const instrumentObs = (obs: ObservationRes[], id: string) =>
  obs.filter((o) => hasCode(o.code, HS_SYSTEM.instrument, id)).sort(latestFirst);

function readInstruments(r: Reader, obs: ObservationRes[]): void {
  for (const o of instrumentObs(obs, 'smc')) {
    const v =
      o.valueInteger ??
      o.valueQuantity?.value ??
      componentValue(o, HS_SYSTEM.instrumentItem, 'smc/grade')?.valueInteger;
    if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 4) {
      r.values.set('severity.smcGrade', v);
      break;
    }
    r.note(`Observation/${o.id ?? '?'}`, 'an SMC grade that is not 1–4: ignored');
  }
  for (const o of instrumentObs(obs, 'jankovic-hfs')) {
    const part = (item: string) =>
      componentValue(o, HS_SYSTEM.instrumentItem, `jankovic-hfs/${item}`)?.valueInteger;
    const severity = part('severity');
    const frequency = part('frequency');
    const ok = (x: number | undefined) => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= 4;
    if (ok(severity) && ok(frequency)) {
      r.values.set('severity.jankovic', { severity, frequency });
      break;
    }
  }
}

function observedValue(o: ObservationRes, f: ObservedField): ProfileFieldValue | undefined {
  if (f.kind === 'boolean') return o.valueBoolean;
  if (f.kind === 'integer') {
    const v = o.valueInteger ?? o.valueQuantity?.value;
    return typeof v === 'number' && Number.isInteger(v) && v >= f.min && v <= f.max ? v : undefined;
  }
  const code = codesIn(o.valueCodeableConcept, HS_SYSTEM.decisionProfileAnswer)[0];
  return code !== undefined && f.codes.includes(code) ? code : undefined;
}

function readObservedFields(r: Reader, obs: ObservationRes[]): void {
  for (const f of OBSERVED_FIELDS) {
    const candidates = obs
      .filter((o) => hasCode(o.code, HS_SYSTEM.decisionProfile, f.field))
      .sort(latestFirst);
    for (const o of candidates) {
      const v = observedValue(o, f);
      if (v !== undefined) {
        r.values.set(f.field, v);
        break;
      }
      const expected =
        f.kind === 'boolean'
          ? 'valueBoolean'
          : f.kind === 'integer'
            ? `valueInteger ${f.min}–${f.max}`
            : `valueCodeableConcept (${HS_SYSTEM.decisionProfileAnswer}: ${f.codes.join(', ')})`;
      r.note(`Observation/${o.id ?? '?'}`, `${f.field}: expected ${expected}; ignored`);
    }
  }
}

function readPrior(r: Reader, hfs: ConditionRes[], obs: ObservationRes[], now: Date): void {
  const age = r.values.get('age');
  const read = readPriorTreatments(r.data, hfs, obs, now, typeof age === 'number' ? age * 12 : undefined);
  r.notes.push(...read.notes);
  r.priorIncomplete.push(...read.incomplete);
  if (r.data.answered.has('procedures') || r.data.answered.has('medications') || read.prior.length) {
    r.values.set('priorTreatments', read.prior);
  }
}

/** Builds the profile from `data` as of `now` (completed years and months). */
export function profileFromFhir(data: PrefetchData, now: Date): BuiltProfile {
  const r = new Reader(data);
  const hfs = data.conditions.filter(
    (c) =>
      isHfsConcept(c.code) &&
      !codesIn(c.verificationStatus, 'http://terminology.hl7.org/CodeSystem/condition-ver-status').some((s) =>
        ['entered-in-error', 'refuted'].includes(s),
      ),
  );
  const obs = data.observations.filter((o) => FINAL.has(o.status ?? ''));
  readPatient(r, now);
  readCondition(r, hfs, now);
  readInstruments(r, obs);
  readObservedFields(r, obs);
  readPrior(r, hfs, obs, now);

  // Values the record gives but core's schema refuses are reported, then treated as missing.
  for (let round = 0; round < 3; round++) {
    const candidate = assemble(r.values);
    const parsed = PatientProfileSchema.safeParse(candidate);
    if (parsed.success) break;
    let dropped = false;
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String);
      for (let n = path.length; n > 0; n--) {
        const field = path.slice(0, n).join('.');
        if (r.values.has(field)) {
          r.note(
            `profile.${field}`,
            `${issue.message}: the record's value ${JSON.stringify(r.values.get(field))} is not used`,
          );
          r.values.delete(field);
          dropped = true;
          break;
        }
      }
    }
    if (!dropped) break;
  }

  const missing: MissingField[] = [];
  for (const [field, s] of Object.entries(STANDARD_FIELDS)) {
    if (r.values.has(field) && !(field === 'priorTreatments' && r.priorIncomplete.length)) continue;
    const essential = (ESSENTIAL_FIELDS as readonly string[]).includes(field);
    missing.push({ field, from: s.from, assumed: s.assumed, essential });
  }
  for (const f of OBSERVED_FIELDS) {
    if (r.values.has(f.field)) continue;
    missing.push({
      field: f.field,
      from: `an Observation coded ${HS_SYSTEM.decisionProfile}|${f.field}`,
      assumed: f.assumed,
      essential: false,
    });
  }
  const profile = assemble(r.values);
  return {
    hfs: hfs.length > 0,
    profile,
    missing,
    essentialMissing: ESSENTIAL_FIELDS.filter((f) => !r.values.has(f)),
    notes: [...data.notes, ...r.notes],
  };
}

/** The record's values, then assumptions for what it lacks, then placeholders for essential fields. */
function assemble(values: ReadonlyMap<string, ProfileFieldValue | object>): PatientProfileInput {
  const p: Record<string, unknown> = {};
  for (const [field, s] of Object.entries(STANDARD_FIELDS)) {
    if (s.assumed !== undefined) setField(p, field, s.assumed);
  }
  for (const f of OBSERVED_FIELDS) setField(p, f.field, f.assumed);
  for (const [field, v] of Object.entries(PLACEHOLDERS)) setField(p, field, v);
  for (const [field, v] of values) setField(p, field, v);
  for (const [field, { value }] of Object.entries(NOT_FROM_FHIR)) setField(p, field, value);
  // The core's schema caps the duration at the age; with an age placeholder, keep the pair consistent.
  if (!values.has('age') && typeof p.symptomDurationMonths === 'number') {
    p.symptomDurationMonths = Math.min(p.symptomDurationMonths, (p.age as number) * 12);
  }
  return p as PatientProfileInput;
}
