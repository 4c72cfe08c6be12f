/**
 * The decision engine's profile as the clinician's form first shows it, built from the record: the prior
 * treatments from the recorded episodes and their follow-ups, the SMC grade from the latest SMC assessment,
 * the symptom duration from the onset date, the warning signs the patient reported in the decision aid, and
 * what the clinician entered for the last decision (including the red flags they reviewed). Nothing clinical
 * is silently defaulted: an SMC grade or a duration the record does not give stays empty and must be entered,
 * and a treatment without a follow-up has no response until the clinician picks one. Pure: data in, draft out.
 */
import {
  FOLLOW_UP_TIME_POINTS,
  type OptionId,
  type PatientProfileInput,
  PatientProfileSchema,
  type PriorResponse,
  readPriorTreatments,
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

function byTime(a: FollowUp, b: FollowUp): number {
  return (
    a.assessedOn.localeCompare(b.assessedOn) ||
    FOLLOW_UP_TIME_POINTS.indexOf(a.timePoint) - FOLLOW_UP_TIME_POINTS.indexOf(b.timePoint)
  );
}

/**
 * The prior treatments the record shows, one row per entry of core's `readPriorTreatments` (the one rule,
 * shared with the CDS Hooks service): MVD, RF and oral drugs one row per episode, oldest first; botulinum
 * toxin one row for all sessions. `monthsSince` counts from the episode's start; a row whose response the
 * follow-ups do not give has none until the clinician picks one.
 */
export function priorTreatmentsFromRecord(
  episodes: readonly Episode[],
  followUps: readonly FollowUp[],
  today: Date,
): PriorRow[] {
  const sorted = [...episodes].sort((a, b) => a.startDate.localeCompare(b.startDate));
  // Toxin sessions latest first, so that two with the same monthsSince count the later one as the latest.
  const ordered = [
    ...sorted.filter((e) => e.kind !== 'botulinum_toxin'),
    ...sorted.filter((e) => e.kind === 'botulinum_toxin').reverse(),
  ];
  const readings = readPriorTreatments(
    ordered.map((e) => ({
      option: e.kind,
      monthsSince: monthsBetween(e.startDate, today),
      followUps: followUps.filter((f) => f.episodeId === e.id).sort(byTime),
      source: e,
    })),
  );
  return readings.map((r) => {
    const latest = r.sources[0]!;
    return {
      key: r.option === 'botulinum_toxin' ? 'toxin' : `episode-${latest.id}`,
      option: r.option,
      response: r.response ?? '',
      monthsSince: r.monthsSince ?? '',
      cycles: r.cycles ?? '',
      from: {
        startDate: latest.startDate,
        sessions: r.sources.length,
        ...(r.followUp
          ? { followUp: { timePoint: r.followUp.timePoint, spasmStatus: r.followUp.spasmStatus } }
          : {}),
      },
    };
  });
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
    if (r.response === '') out.push(`priorTreatments[${i}].response`);
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
