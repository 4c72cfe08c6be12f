/**
 * The profile's `priorTreatments` from an EHR's Procedures and MedicationStatements (pure). This file reads
 * the FHIR record into treatment courses; what they say is core's `readPriorTreatments`, the rule the
 * clinician's decision form applies to hemispasm's own record (web: profile-draft.ts):
 *  - which option: hemispasm's treatment-kind code, else CPT 64612 (toxin) / 61458 (MVD) on a Procedure
 *    linked to the hemifacial spasm (reasonReference or reasonCode), else an oral drug when a
 *    MedicationStatement is linked to it; anything else is not a hemifacial spasm treatment;
 *  - `monthsSince`: completed months since Procedure.performed[x] (the period's end), or since a
 *    MedicationStatement's end (0 while it is still active); left out when the record has no date;
 *  - the response: an explicit treatment-response Observation (partOf the episode), else its follow-up
 *    Observations (spasm status and recurrence), read by core.
 * An episode without any response is not counted (it is named, and the field is reported incomplete).
 */
import {
  type CourseFollowUp,
  OPTION_IDS,
  type OptionId,
  PRIOR_RESPONSES,
  type PriorResponse,
  readPriorTreatments as readCourses,
  SPASM_STATUSES,
  type SpasmStatus,
} from '@hemispasm/core';
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

/** Where the record says each profile element of a prior treatment comes from (README, missing card). */
export const PRIOR_TREATMENT_SOURCES: Readonly<Record<keyof PriorTreatment, string>> = {
  option: 'hemispasm treatment-kind, CPT 64612 / 61458, or a MedicationStatement linked to the spasm',
  response:
    'a treatment-response Observation, else the follow-ups (spasm status; recurrence → recurred) partOf it',
  monthsSince: 'Procedure.performed[x]; MedicationStatement effective end (0 while active)',
  cycles: 'botulinum toxin only: the number of toxin Procedures',
};

const ACTIVE_STATUSES = ['active', 'completed', 'stopped', 'on-hold'];
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

const isStatus = (s: string): s is SpasmStatus => (SPASM_STATUSES as readonly string[]).includes(s);

/** The episode's treatment-response Observation's answer, and its follow-up Observations, oldest first. */
function responsesOf(
  e: Episode,
  obs: ObservationRes[],
): { recordedResponse: PriorResponse | undefined; followUps: CourseFollowUp[] } {
  const id = e.r.id;
  if (id === undefined) return { recordedResponse: undefined, followUps: [] };
  const about = (o: ObservationRes) => (o.partOf ?? []).some((p) => refersTo(p.reference, e.type, id));
  const coded = (code: string) =>
    obs.filter((o) => hasCode(o.code, HS_SYSTEM.observation, code) && about(o)).sort(latestFirst);
  const recordedResponse = coded(HS_OBSERVATION_CODE.treatmentResponse)
    .map((o) => codesIn(o.valueCodeableConcept, HS_SYSTEM.decisionProfileAnswer)[0])
    .find((v): v is PriorResponse => (PRIOR_RESPONSES as readonly string[]).includes(v ?? ''));
  const followUps = coded(HS_OBSERVATION_CODE.followUp)
    .map((o) => ({
      spasmStatus: codesIn(
        componentValue(o, HS_SYSTEM.observation, HS_OBSERVATION_CODE.spasmStatus)?.valueCodeableConcept,
        HS_SYSTEM.spasmStatus,
      ).find(isStatus),
      recurrence: componentValue(o, HS_SYSTEM.observation, HS_OBSERVATION_CODE.recurrence)?.valueBoolean,
    }))
    .reverse();
  return { recordedResponse, followUps };
}

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
  const courses = episodes.flatMap((e) => {
    const option = optionOf(e, hfs, notes);
    if (!option) return [];
    return [
      { option, monthsSince: monthsSince(e, now, maxMonths, notes), ...responsesOf(e, obs), source: e },
    ];
  });
  const prior: PriorTreatment[] = [];
  const incomplete: string[] = [];
  for (const r of readCourses(courses)) {
    if (!r.response) {
      for (const e of r.sources) {
        incomplete.push(nameOf(e));
        notes.push({
          path: nameOf(e),
          message: `${r.option}: no response recorded (a treatment-response or follow-up Observation with partOf this ${e.type}); not counted`,
        });
      }
      continue;
    }
    prior.push({
      option: r.option,
      response: r.response,
      ...(r.monthsSince === undefined ? {} : { monthsSince: r.monthsSince }),
      ...(r.cycles === undefined ? {} : { cycles: Math.min(r.cycles, 1000) }), // the schema's bound
    });
  }
  return { prior: prior.slice(0, 50), incomplete, notes };
}
