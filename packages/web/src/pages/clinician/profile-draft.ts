/**
 * The decision engine's profile as the clinician's form first shows it, built from the record: the prior
 * treatments from the recorded episodes and their follow-ups, the SMC grade from the latest SMC assessment,
 * the symptom duration from the onset date, the warning signs the patient reported in the decision aid, and
 * what the clinician entered for the last decision (including the red flags they reviewed). Nothing clinical
 * is silently defaulted: an SMC grade or a duration the record does not give stays empty and must be entered,
 * and a treatment without a follow-up has no response until the clinician picks one. Pure: data in, draft out.
 */
import {
  type OptionId,
  type PatientProfileInput,
  PatientProfileSchema,
  type PriorResponse,
} from '@hemispasm/core';
import type { DecisionRecord, Episode, FollowUp, Patient, Preference } from '../../api/types';
import { reportedSigns, withReportedSigns } from '../../lib/warning-signs';

/** One editable row of `priorTreatments`; empty strings are "not entered". */
export interface PriorRow {
  key: string;
  option: OptionId;
  response: PriorResponse | '';
  monthsSince: number | '';
  cycles: number | '';
  /** Where the row came from: the episode(s) and the follow-up used, for the clinician to check. */
  from?: { startDate: string; sessions: number; followUp?: { timePoint: string; spasmStatus: string } };
}

export interface ProfileDraft {
  profile: Omit<PatientProfileInput, 'severity' | 'symptomDurationMonths' | 'priorTreatments'>;
  smcGrade: number | '';
  symptomDurationMonths: number | '';
  prior: PriorRow[];
}

const DAY = 86_400_000;
const MONTH_DAYS = 365.25 / 12;

/** Whole-and-tenth months from an ISO date to `today`, never negative. */
export function monthsBetween(fromIso: string, today: Date): number {
  const days = (today.getTime() - Date.parse(`${fromIso}T00:00:00Z`)) / DAY;
  return Math.max(0, Math.round((days / MONTH_DAYS) * 10) / 10);
}

const STATUS_ORDER: Record<FollowUp['spasmStatus'], number> = {
  resolved: 0,
  improved: 1,
  unchanged: 2,
  worse: 3,
};
const TIME_ORDER = ['1w', '1m', '3m', '6m', '12m', 'later'];

function byTime(a: FollowUp, b: FollowUp): number {
  return (
    a.assessedOn.localeCompare(b.assessedOn) ||
    TIME_ORDER.indexOf(a.timePoint) - TIME_ORDER.indexOf(b.timePoint)
  );
}

function responseOf(status: FollowUp['spasmStatus']): PriorResponse {
  if (status === 'resolved') return 'good';
  if (status === 'improved') return 'partial';
  return 'none';
}

/**
 * The prior treatments the record shows. MVD, RF and oral drugs: one row per episode, the response from its
 * latest follow-up (resolved → good, improved → partial, unchanged or worse → none), `recurred` when a
 * follow-up marked the spasm as back after resolving. Botulinum toxin: one row for all sessions (`cycles`),
 * `monthsSince` from the latest session, the response from the best follow-up of the latest followed session,
 * because toxin is judged at its peak and wears off by design (a recurrence then is expected, not a failure).
 */
export function priorTreatmentsFromRecord(
  episodes: readonly Episode[],
  followUps: readonly FollowUp[],
  today: Date,
): PriorRow[] {
  const ofEpisode = (id: string) => followUps.filter((f) => f.episodeId === id).sort(byTime);
  const rows: PriorRow[] = [];
  const sorted = [...episodes].sort((a, b) => a.startDate.localeCompare(b.startDate));
  const toxin = sorted.filter((e) => e.kind === 'botulinum_toxin');
  for (const e of sorted.filter((x) => x.kind !== 'botulinum_toxin')) {
    const fus = ofEpisode(e.id);
    const latest = fus.at(-1);
    const recurred = fus.some((f) => f.recurrence);
    rows.push({
      key: `episode-${e.id}`,
      option: e.kind,
      response: recurred ? 'recurred' : latest ? responseOf(latest.spasmStatus) : '',
      monthsSince: monthsBetween(e.startDate, today),
      cycles: '',
      from: {
        startDate: e.startDate,
        sessions: 1,
        ...(latest ? { followUp: { timePoint: latest.timePoint, spasmStatus: latest.spasmStatus } } : {}),
      },
    });
  }
  if (toxin.length > 0) {
    const last = toxin.at(-1)!;
    const followed = [...toxin].reverse().find((e) => ofEpisode(e.id).length > 0);
    const best = followed
      ? [...ofEpisode(followed.id)].sort(
          (a, b) => STATUS_ORDER[a.spasmStatus] - STATUS_ORDER[b.spasmStatus],
        )[0]
      : undefined;
    rows.push({
      key: 'toxin',
      option: 'botulinum_toxin',
      response: best ? responseOf(best.spasmStatus) : '',
      monthsSince: monthsBetween(last.startDate, today),
      cycles: toxin.length,
      from: {
        startDate: last.startDate,
        sessions: toxin.length,
        ...(best ? { followUp: { timePoint: best.timePoint, spasmStatus: best.spasmStatus } } : {}),
      },
    });
  }
  return rows;
}

/** The latest ISO timestamp (they sort as text), or '' for none. */
const newest = (xs: readonly { createdAt: string }[]) =>
  xs
    .map((x) => x.createdAt)
    .sort()
    .at(-1) ?? '';

export function initialDraft(input: {
  patient: Patient;
  smcGrade: number | null;
  episodes: readonly Episode[];
  followUps: readonly FollowUp[];
  lastDecision?: DecisionRecord | undefined;
  preference?: Preference | undefined;
  today: Date;
}): ProfileDraft {
  const { patient, episodes, followUps, lastDecision, preference, today } = input;
  const last = lastDecision ? PatientProfileSchema.safeParse(lastDecision.profile) : undefined;
  const before = last?.success ? last.data : undefined;
  const defaults: ProfileDraft['profile'] = {
    age: Math.max(0, Math.floor(monthsBetween(patient.birthDate, today) / 12)),
    sex: patient.sex === 'unknown' ? 'other' : patient.sex,
    affectedSide: patient.affectedSide === 'bilateral' ? 'both' : patient.affectedSide,
    progression: 'stable',
    imaging: { mri: 'not_done' },
    asaClass: 1,
    anticoagulated: false,
    pregnant: false,
    contralateralHearingLoss: false,
    frailty: false,
    diabetes: false,
    history: { bellsPalsy: false, facialTrauma: false },
    neurology: { facialWeakness: false, ipsilateralHearingLoss: false, otherCranialNerveSigns: false },
    features: {
      lowerFaceOnset: false,
      painfulSpasmOrTrigeminalNeuralgia: false,
      functionalFeatures: false,
      parotidOrTemporalMass: false,
    },
    redFlagsReviewed: [],
    preferences: {
      riskTolerance: 'moderate',
      avoidSurgery: false,
      avoidGeneralAnesthesia: false,
      wantsLongTermCure: false,
    },
  };
  let profile: ProfileDraft['profile'] = defaults;
  if (before) {
    const { severity: _s, symptomDurationMonths: _d, priorTreatments: _p, ...rest } = before;
    profile = { ...rest, age: defaults.age, sex: defaults.sex };
  }
  // Signs the patient reported after the last decision was made are put on their fields for the clinician.
  if (preference && (!lastDecision || preference.createdAt > lastDecision.createdAt))
    profile = withReportedSigns(profile, reportedSigns(preference));

  // The record decides the history unless nothing was recorded since the clinician last ran (and edited) it.
  const recordChanged = !lastDecision || newest([...episodes, ...followUps]) > lastDecision.createdAt;
  const prior: PriorRow[] =
    recordChanged || !before
      ? priorTreatmentsFromRecord(episodes, followUps, today)
      : before.priorTreatments.map((t, i) => ({
          key: `saved-${i}`,
          option: t.option,
          response: t.response,
          monthsSince: t.monthsSince ?? '',
          cycles: t.cycles ?? '',
        }));

  return {
    profile,
    smcGrade: input.smcGrade ?? before?.severity.smcGrade ?? '',
    symptomDurationMonths: patient.onsetDate
      ? Math.round(monthsBetween(patient.onsetDate, today))
      : (before?.symptomDurationMonths ?? ''),
    prior,
  };
}

/** What is still missing before the engine can run: the fields the clinician must enter. */
export function missingFields(d: ProfileDraft): string[] {
  const out: string[] = [];
  if (d.smcGrade === '') out.push('severity.smcGrade');
  if (d.symptomDurationMonths === '') out.push('symptomDurationMonths');
  d.prior.forEach((r, i) => {
    if (r.response === '') out.push(`priorTreatments.${i}.response`);
  });
  return out;
}

/** The profile to send, once `missingFields` is empty. */
export function toProfile(d: ProfileDraft): PatientProfileInput {
  return {
    ...d.profile,
    severity: { smcGrade: Number(d.smcGrade) },
    symptomDurationMonths: Number(d.symptomDurationMonths),
    priorTreatments: d.prior.map((r) => ({
      option: r.option,
      response: r.response as PriorResponse,
      ...(r.monthsSince === '' ? {} : { monthsSince: r.monthsSince }),
      ...(r.option === 'botulinum_toxin' && r.cycles !== '' ? { cycles: r.cycles } : {}),
    })),
  };
}
