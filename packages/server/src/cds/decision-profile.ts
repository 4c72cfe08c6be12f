/**
 * The decision engine's patient profile built from an EHR's FHIR data (pure): what the record says,
 * with every field it does not say listed as missing — with the value assumed in its place, or as
 * essential when no assumption is honest (see profile-fields.ts). The profile is checked with core's
 * own PatientProfileSchema; a value the record gives but the schema refuses (a birth date in the future,
 * an onset before birth) is reported and treated as missing.
 */
import {
  OPTION_IDS,
  type OptionId,
  type PatientProfileInput,
  PatientProfileSchema,
  PRIOR_RESPONSES,
  type PriorResponse,
} from '@hemispasm/core';
import {
  CPT_MVD,
  CPT_TOXIN,
  HS_OBSERVATION_CODE,
  HS_SYSTEM,
  ICD10_HFS,
  ICD10CM_HFS_BY_SIDE,
  ICD10CM_HFS_UNSPECIFIED,
  SYSTEM,
} from '../fhir/codes';
import type {
  ConceptR,
  ConditionRes,
  MedicationStatementRes,
  Note,
  ObservationRes,
  PrefetchData,
  ProcedureRes,
} from './prefetch';
import { refersTo } from './prefetch';
import {
  ESSENTIAL_FIELDS,
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
const HFS_CM_CODES = new Set([
  ...Object.values(ICD10CM_HFS_BY_SIDE).map((c) => c.code),
  ICD10CM_HFS_UNSPECIFIED.code,
  ICD10_HFS.code, // some systems send the header code under the ICD-10-CM system too
]);

const codesIn = (cc: ConceptR | undefined, system: string) =>
  (cc?.coding ?? []).filter((c) => c.system === system && typeof c.code === 'string').map((c) => c.code!);
const hasCode = (cc: ConceptR | undefined, system: string, code: string) =>
  codesIn(cc, system).includes(code);

export function isHfsConcept(cc: ConceptR | undefined): boolean {
  return (
    codesIn(cc, SYSTEM.icd10).includes(ICD10_HFS.code) ||
    codesIn(cc, SYSTEM.icd10cm).some((c) => HFS_CM_CODES.has(c))
  );
}

/** `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or a dateTime → [y, m, d] (missing parts: 1). */
function ymd(s: string | undefined): [number, number, number] | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(s ?? '');
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2] ?? 1), Number(m[3] ?? 1)];
}

/** Completed months from `from` to `to` (negative when `from` is later). */
export function completedMonths(from: [number, number, number], to: [number, number, number]): number {
  return (to[0] - from[0]) * 12 + (to[1] - from[1]) - (to[2] < from[2] ? 1 : 0);
}

const today = (now: Date): [number, number, number] => ymd(now.toISOString())!;

/** The date an Observation is about, for "latest" (ISO strings compare in time order). */
const whenOf = (o: ObservationRes) =>
  o.effectiveDateTime ?? o.effectivePeriod?.end ?? o.effectivePeriod?.start ?? o.issued ?? '';
const latestFirst = (a: ObservationRes, b: ObservationRes) => whenOf(b).localeCompare(whenOf(a));

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
  const birth = ymd(p.birthDate);
  if (birth) r.values.set('age', Math.floor(completedMonths(birth, today(now)) / 12));
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
  const onsets = hfs
    .map((c) => ymd(c.onsetDateTime ?? c.onsetPeriod?.start))
    .filter((d): d is [number, number, number] => !!d)
    .sort((a, b) => completedMonths(b, a));
  if (onsets[0]) {
    const months = completedMonths(onsets[0], today(now));
    if (months < 0)
      r.note('prefetch.conditions', 'the onset of the hemifacial spasm is in the future: ignored');
    else r.values.set('symptomDurationMonths', months);
  }
}

const instrumentObs = (obs: ObservationRes[], id: string) =>
  obs.filter((o) => hasCode(o.code, HS_SYSTEM.instrument, id)).sort(latestFirst);
const componentValue = (o: ObservationRes, system: string, code: string) =>
  o.component?.find((c) => hasCode(c.code, system, code));

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

type Episode =
  | { type: 'Procedure'; r: ProcedureRes }
  | { type: 'MedicationStatement'; r: MedicationStatementRes };

/** The option an episode is, if it is a hemifacial spasm treatment we can tell. */
function optionOf(e: Episode, hfs: ConditionRes[], r: Reader): OptionId | undefined {
  const linked =
    (e.r.reasonReference ?? []).some((ref) =>
      hfs.some((c) => c.id !== undefined && refersTo(ref.reference, 'Condition', c.id)),
    ) || (e.r.reasonCode ?? []).some(isHfsConcept);
  const kindConcept = e.type === 'Procedure' ? e.r.code : e.r.category;
  const kind = codesIn(kindConcept, HS_SYSTEM.treatmentKind).find((k) =>
    (OPTION_IDS as readonly string[]).includes(k),
  ) as OptionId | undefined;
  if (kind) return kind;
  if (e.type === 'MedicationStatement') return linked ? 'oral_medication' : undefined;
  const cpt = codesIn(e.r.code, SYSTEM.cpt);
  const option = cpt.includes(CPT_TOXIN.code)
    ? 'botulinum_toxin'
    : cpt.includes(CPT_MVD.code)
      ? 'mvd'
      : undefined;
  if (option && !linked) {
    r.note(
      `Procedure/${e.r.id ?? '?'}`,
      `CPT ${cpt.join(', ')} without a reason linking it to the hemifacial spasm (reasonReference or reasonCode): not counted as a prior treatment`,
    );
    return undefined;
  }
  return option;
}

/** The core's response for relief that came back: `recurred` where the core has it, else `partial`. */
const RECURRED = (
  (PRIOR_RESPONSES as readonly string[]).includes('recurred') ? 'recurred' : 'partial'
) as PriorResponse;

const FOLLOW_UP_RESPONSE: Record<string, PriorResponse> = {
  resolved: 'good',
  improved: 'partial',
  unchanged: 'none',
  worse: 'none',
};

/** The response to an episode: an explicit treatment-response Observation, else its latest follow-up. */
function responseTo(e: Episode, obs: ObservationRes[]): PriorResponse | undefined {
  const id = e.r.id;
  if (id === undefined) return undefined;
  const about = (o: ObservationRes) => (o.partOf ?? []).some((p) => refersTo(p.reference, e.type, id));
  const coded = (code: string) =>
    obs.filter((o) => hasCode(o.code, HS_SYSTEM.observation, code) && about(o)).sort(latestFirst);
  for (const o of coded(HS_OBSERVATION_CODE.treatmentResponse)) {
    const v = codesIn(o.valueCodeableConcept, HS_SYSTEM.decisionProfileAnswer)[0];
    if ((PRIOR_RESPONSES as readonly string[]).includes(v ?? '')) return v as PriorResponse;
  }
  const [followUp] = coded(HS_OBSERVATION_CODE.followUp);
  if (!followUp) return undefined;
  const status = codesIn(
    componentValue(followUp, HS_SYSTEM.observation, HS_OBSERVATION_CODE.spasmStatus)?.valueCodeableConcept,
    HS_SYSTEM.spasmStatus,
  )[0];
  const response = status ? FOLLOW_UP_RESPONSE[status] : undefined;
  const recurred = componentValue(
    followUp,
    HS_SYSTEM.observation,
    HS_OBSERVATION_CODE.recurrence,
  )?.valueBoolean;
  // Spasm that came back after having resolved: the treatment helped only for a time.
  if (recurred === true && response === 'good') return RECURRED;
  return response;
}

function readPriorTreatments(r: Reader, hfs: ConditionRes[], obs: ObservationRes[]): void {
  const episodes: Episode[] = [
    ...r.data.procedures
      .filter((p) => p.status === 'completed')
      .map((p) => ({ type: 'Procedure' as const, r: p })),
    ...r.data.medications
      .filter((m) => ['active', 'completed', 'stopped', 'on-hold'].includes(m.status ?? ''))
      .map((m) => ({ type: 'MedicationStatement' as const, r: m })),
  ];
  const prior: { option: OptionId; response: PriorResponse }[] = [];
  for (const e of episodes) {
    const option = optionOf(e, hfs, r);
    if (!option) continue;
    const response = responseTo(e, obs);
    if (response) prior.push({ option, response });
    else {
      r.priorIncomplete.push(`${e.type}/${e.r.id ?? '?'}`);
      r.note(
        `${e.type}/${e.r.id ?? '?'}`,
        `${option}: no response recorded (a treatment-response or follow-up Observation with partOf this ${e.type}); not counted`,
      );
    }
  }
  if (r.data.answered.has('procedures') || r.data.answered.has('medications') || prior.length) {
    r.values.set('priorTreatments', prior.slice(0, 50));
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
  readPriorTreatments(r, hfs, obs);

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
  // The core's schema caps the duration at the age; with an age placeholder, keep the pair consistent.
  if (!values.has('age') && typeof p.symptomDurationMonths === 'number') {
    p.symptomDurationMonths = Math.min(p.symptomDurationMonths, (p.age as number) * 12);
  }
  return p as PatientProfileInput;
}
