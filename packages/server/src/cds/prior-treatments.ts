/**
 * The profile's `priorTreatments` from an EHR's Procedures and MedicationStatements (pure), read the way
 * the clinician's decision form reads hemispasm's own record (web: profile-draft.ts):
 *  - which option: hemispasm's treatment-kind code, else CPT 64612 (toxin) / 61458 (MVD) on a Procedure
 *    linked to the hemifacial spasm (reasonReference or reasonCode), else an oral drug when a
 *    MedicationStatement is linked to it; anything else is not a hemifacial spasm treatment;
 *  - `monthsSince`: completed months since Procedure.performed[x] (the period's end), or since a
 *    MedicationStatement's end (0 while it is still active); left out when the record has no date;
 *  - `response`: an explicit treatment-response Observation (partOf the episode), else its follow-ups:
 *    resolved → good, improved → partial, unchanged or worse → none, and `recurred` when a follow-up
 *    records the spasm back after it had resolved;
 *  - botulinum toxin: one entry for all sessions (one Procedure each): `cycles` is their number,
 *    `monthsSince` counts from the latest, the response is that of the latest session with one (from
 *    its follow-ups: the best status, as toxin is judged at its peak and wears off by design).
 * An episode without any response is not counted (it is named, and the field is reported incomplete).
 */
import { OPTION_IDS, type OptionId, PRIOR_RESPONSES, type PriorResponse } from '@hemispasm/core';
import { CPT_MVD, CPT_TOXIN, HS_OBSERVATION_CODE, HS_SYSTEM, SYSTEM } from '../fhir/codes';
import { codesIn, componentValue, hasCode, isHfsConcept, latestFirst, monthsSinceDate } from './fhir-read';
import type {
  ConditionRes,
  MedicationStatementRes,
  Note,
  ObservationRes,
  PrefetchData,
  ProcedureRes,
} from './prefetch';
import { refersTo } from './prefetch';

export interface PriorTreatment {
  option: OptionId;
  response: PriorResponse;
  monthsSince?: number;
  cycles?: number;
}

export interface PriorReading {
  prior: PriorTreatment[];
  /** Episodes of a hemifacial spasm treatment not counted for lack of a recorded response. */
  incomplete: string[];
  notes: Note[];
}

type Episode =
  | { type: 'Procedure'; r: ProcedureRes }
  | { type: 'MedicationStatement'; r: MedicationStatementRes };

interface Read {
  name: string;
  option: OptionId;
  monthsSince: number | undefined;
  response: PriorResponse | undefined;
}

/** Where the record says each profile element of a prior treatment comes from (README, missing card). */
export const PRIOR_TREATMENT_SOURCES: Readonly<Record<keyof PriorTreatment, string>> = {
  option: 'hemispasm treatment-kind, CPT 64612 / 61458, or a MedicationStatement linked to the spasm',
  response:
    'a treatment-response Observation, else the follow-ups (spasm status; recurrence → recurred) partOf it',
  monthsSince: 'Procedure.performed[x]; MedicationStatement effective end (0 while active)',
  cycles: 'botulinum toxin only: the number of toxin Procedures',
};

const ACTIVE_STATUSES = ['active', 'completed', 'stopped', 'on-hold'];
const STATUS_RESPONSE: Record<string, PriorResponse> = {
  resolved: 'good',
  improved: 'partial',
  unchanged: 'none',
  worse: 'none',
};
const STATUS_ORDER = ['resolved', 'improved', 'unchanged', 'worse'];
const nameOf = (e: Episode) => `${e.type}/${e.r.id ?? '?'}`;

/** The option an episode is, if it is a hemifacial spasm treatment we can tell. */
function optionOf(e: Episode, hfs: ConditionRes[], notes: Note[]): OptionId | undefined {
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
    notes.push({
      path: nameOf(e),
      message: `CPT ${cpt.join(', ')} without a reason linking it to the hemifacial spasm (reasonReference or reasonCode): not counted as a prior treatment`,
    });
    return undefined;
  }
  return option;
}

/** The date the episode ended (Procedure: performed; MedicationStatement: its end; 'now' while active). */
function endOf(e: Episode): string | 'now' | undefined {
  if (e.type === 'Procedure') {
    return e.r.performedDateTime ?? e.r.performedPeriod?.end ?? e.r.performedPeriod?.start;
  }
  const end = e.r.effectivePeriod?.end;
  if (!end && ['active', 'on-hold'].includes(e.r.status ?? '')) return 'now';
  return end ?? e.r.effectiveDateTime;
}

function monthsSince(e: Episode, now: Date, maxMonths: number | undefined, notes: Note[]) {
  const end = endOf(e);
  if (end === 'now') return 0;
  const months = monthsSinceDate(end, now);
  if (months === undefined) return undefined;
  const problem =
    months < 0
      ? 'is in the future'
      : maxMonths !== undefined && months > maxMonths
        ? "is before the patient's birth"
        : undefined;
  if (!problem) return months;
  notes.push({ path: nameOf(e), message: `its date ${problem}: months since the treatment unknown` });
  return undefined;
}

function responseOf(e: Episode, obs: ObservationRes[], option: OptionId): PriorResponse | undefined {
  const id = e.r.id;
  if (id === undefined) return undefined;
  const about = (o: ObservationRes) => (o.partOf ?? []).some((p) => refersTo(p.reference, e.type, id));
  const coded = (code: string) =>
    obs.filter((o) => hasCode(o.code, HS_SYSTEM.observation, code) && about(o)).sort(latestFirst);
  for (const o of coded(HS_OBSERVATION_CODE.treatmentResponse)) {
    const v = codesIn(o.valueCodeableConcept, HS_SYSTEM.decisionProfileAnswer)[0];
    if ((PRIOR_RESPONSES as readonly string[]).includes(v ?? '')) return v as PriorResponse;
  }
  const followUps = coded(HS_OBSERVATION_CODE.followUp).map((o) => ({
    status: codesIn(
      componentValue(o, HS_SYSTEM.observation, HS_OBSERVATION_CODE.spasmStatus)?.valueCodeableConcept,
      HS_SYSTEM.spasmStatus,
    ).find((s) => s in STATUS_RESPONSE),
    recurred: componentValue(o, HS_SYSTEM.observation, HS_OBSERVATION_CODE.recurrence)?.valueBoolean,
  }));
  if (option === 'botulinum_toxin') {
    // Judged at its peak: the best status recorded (wearing off later is expected, not a failure).
    const best = followUps
      .map((f) => f.status)
      .filter((s): s is string => !!s)
      .sort((a, b) => STATUS_ORDER.indexOf(a) - STATUS_ORDER.indexOf(b))[0];
    return best ? STATUS_RESPONSE[best] : undefined;
  }
  // The spasm came back after it had resolved: the treatment helped, for a time.
  if (followUps.some((f) => f.recurred === true)) return 'recurred';
  const latest = followUps.find((f) => f.status)?.status;
  return latest ? STATUS_RESPONSE[latest] : undefined;
}

/** Latest first; episodes without a date last. */
const byRecency = (a: Read, b: Read) => (a.monthsSince ?? Infinity) - (b.monthsSince ?? Infinity);

export function readPriorTreatments(
  data: PrefetchData,
  hfs: ConditionRes[],
  obs: ObservationRes[],
  now: Date,
  maxMonths: number | undefined,
): PriorReading {
  const notes: Note[] = [];
  const episodes: Episode[] = [
    ...data.procedures
      .filter((p) => p.status === 'completed')
      .map((p) => ({ type: 'Procedure' as const, r: p })),
    ...data.medications
      .filter((m) => ACTIVE_STATUSES.includes(m.status ?? ''))
      .map((m) => ({ type: 'MedicationStatement' as const, r: m })),
  ];
  const reads: Read[] = [];
  for (const e of episodes) {
    const option = optionOf(e, hfs, notes);
    if (!option) continue;
    reads.push({
      name: nameOf(e),
      option,
      monthsSince: monthsSince(e, now, maxMonths, notes),
      response: responseOf(e, obs, option),
    });
  }
  const prior: PriorTreatment[] = [];
  const incomplete: string[] = [];
  const noResponse = (r: Read) => {
    incomplete.push(r.name);
    notes.push({
      path: r.name,
      message: `${r.option}: no response recorded (a treatment-response or follow-up Observation with partOf this ${r.name.split('/')[0]}); not counted`,
    });
  };
  const since = (m: number | undefined) => (m === undefined ? {} : { monthsSince: m });
  for (const r of reads.filter((x) => x.option !== 'botulinum_toxin')) {
    if (r.response) prior.push({ option: r.option, response: r.response, ...since(r.monthsSince) });
    else noResponse(r);
  }
  const toxin = reads.filter((x) => x.option === 'botulinum_toxin').sort(byRecency);
  if (toxin.length) {
    const answered = toxin.find((r) => r.response);
    if (answered) {
      prior.push({
        option: 'botulinum_toxin',
        response: answered.response!,
        ...since(toxin[0]!.monthsSince),
        cycles: Math.min(toxin.length, 1000), // the schema's bound
      });
    } else toxin.forEach(noResponse);
  }
  return { prior: prior.slice(0, 50), incomplete, notes };
}
