/**
 * Clinic outcome figures per treatment kind, from the episodes and their follow-ups: how many, the
 * spasm status at each follow-up time point, complication rates, and an event-free curve.
 * Pure: rows in, figures out.
 *
 * The curve is a crude Kaplan–Meier estimate (core's `kaplanMeier`) per treatment kind; each episode with at
 * least one follow-up enters at its start date. What counts as the event depends on what the treatment is
 * for (`CURVE_DEFINITIONS`):
 *   - MVD and RF, "failure or recurrence": a recurrence is the first follow-up marked as one (spasm came
 *     back after having resolved); a failure is a treatment whose spasm never resolved by the end of its
 *     expected window (MVD 12 months, because relief after MVD is often delayed up to a year, evidence §2.2
 *     and §7 note 4; RF 3 months), counted at the first follow-up at or past the window that shows it. Without either, the episode is censored at its last follow-up. So treatments that never worked
 *     no longer keep the curve high as if they had.
 *   - Botulinum toxin and oral drugs, "time to wearing off": both are symptomatic and their effect wears off
 *     by design (toxin after about 3 months, evidence §2.1) or fades (oral drugs, §2.3). The event is the
 *     first follow-up where the spasm is back (unchanged or worse after an effect, or marked as come back),
 *     or no effect at all at the first follow-up (a failure); otherwise censored at the last follow-up.
 * Times are months from the episode's start date to each follow-up's date; where a date is missing or lies
 * before the start, the nominal time point is used instead (1w = 0.25, 1m = 1, 3m = 3, 6m = 6, 12m = 12
 * months; "later" = 12, the earliest it can be). No adjustment for case mix: meant for a clinic's own audit
 * charts, not evidence of comparative effectiveness.
 */
import {
  type KaplanMeierStep,
  kaplanMeier,
  SPASM_STATUSES as STATUSES,
  type SpasmStatus as Status,
  FOLLOW_UP_TIME_POINTS as TIME_POINTS,
  type FollowUpTimePoint as TimePoint,
  TREATMENT_KINDS,
  type TreatmentKind,
} from '@hemispasm/core';

export interface EpisodeFact {
  id: string;
  patientId: string;
  kind: TreatmentKind;
  /** Complications recorded on the episode itself (procedures). */
  complications: string[];
  /** Treatment or procedure date (ISO `YYYY-MM-DD`): the origin of the recurrence-free curve. */
  startDate?: string | null;
}
export interface FollowUpFact {
  episodeId: string;
  timePoint: TimePoint;
  /** Date of the follow-up visit (ISO `YYYY-MM-DD`). */
  assessedOn?: string | null;
  spasmStatus: Status;
  complications: string[];
  recurrence: boolean;
}

export type CurveDefinition = 'failure_or_recurrence' | 'time_to_wearing_off';

/** What each kind's curve counts as its event, and the window after which "never resolved" is a failure. */
export const CURVE_DEFINITIONS: Readonly<
  Record<TreatmentKind, { definition: CurveDefinition; windowMonths: number | null }>
> = {
  mvd: { definition: 'failure_or_recurrence', windowMonths: 12 },
  rf_neurotomy: { definition: 'failure_or_recurrence', windowMonths: 3 },
  botulinum_toxin: { definition: 'time_to_wearing_off', windowMonths: null },
  oral_medication: { definition: 'time_to_wearing_off', windowMonths: null },
};

export interface KindOutcome {
  kind: TreatmentKind;
  episodes: number;
  patients: number;
  followUps: Array<{ timePoint: TimePoint; total: number } & Record<Status, number>>;
  /** Episodes with any complication recorded (on the episode or a follow-up). */
  complications: { episodes: number; rate: number | null };
  /** Kaplan–Meier estimate of the proportion free of the event over months since treatment. */
  eventFree: {
    definition: CurveDefinition;
    /** failure_or_recurrence: months by which the spasm must have resolved; null otherwise. */
    windowMonths: number | null;
    /** Episodes in the estimate (those with at least one follow-up). */
    episodes: number;
    /** Episodes with the event: failures + recurrences. */
    events: number;
    /** Never resolved within the window (MVD, RF), or no effect at the first follow-up (toxin, oral). */
    failures: number;
    /** Came back after resolving (MVD, RF), or the effect wore off (toxin, oral). */
    recurrences: number;
    steps: KaplanMeierStep[];
  };
}

/** Nominal months of each time point, for follow-ups without a usable date. */
export const NOMINAL_MONTHS: Record<TimePoint, number> = {
  '1w': 0.25,
  '1m': 1,
  '3m': 3,
  '6m': 6,
  '12m': 12,
  later: 12,
};
const DAYS_PER_MONTH = 365.25 / 12;

/** Months from the episode's start to a follow-up: by the dates when both are known and in order. */
export function monthsSinceStart(startDate: string | null | undefined, f: FollowUpFact): number {
  const start = startDate ? Date.parse(startDate) : Number.NaN;
  const at = f.assessedOn ? Date.parse(f.assessedOn) : Number.NaN;
  const days = (at - start) / 86_400_000;
  return Number.isFinite(days) && days >= 0 ? days / DAYS_PER_MONTH : NOMINAL_MONTHS[f.timePoint];
}

/** One episode as a survival observation, and why it ended. Null without follow-ups (not in the estimate). */
export interface EpisodeObservation {
  time: number;
  event: boolean;
  reason?: 'failure' | 'recurrence';
}

function timed(episode: EpisodeFact, followUps: FollowUpFact[]) {
  return followUps
    .map((f) => ({ f, time: monthsSinceStart(episode.startDate, f) }))
    .sort(
      (a, b) => a.time - b.time || TIME_POINTS.indexOf(a.f.timePoint) - TIME_POINTS.indexOf(b.f.timePoint),
    );
}

/**
 * MVD and RF: the first recurrence, or a failure at the first follow-up at or past the window (by its date,
 * or its nominal time point) that shows the spasm has never resolved; else censored at the last follow-up.
 */
export function failureOrRecurrenceObservation(
  episode: EpisodeFact,
  followUps: FollowUpFact[],
  windowMonths: number,
): EpisodeObservation | null {
  if (followUps.length === 0) return null;
  const list = timed(episode, followUps);
  let resolved = false;
  for (const { f, time } of list) {
    if (f.recurrence) return { time, event: true, reason: 'recurrence' };
    if (f.spasmStatus === 'resolved') resolved = true;
    const pastWindow = time >= windowMonths || NOMINAL_MONTHS[f.timePoint] >= windowMonths;
    // Timed at the visit that shows it (not at the window's end), so a failure and a success seen at the same
    // "12 months" visit are in the risk set together.
    if (!resolved && pastWindow) return { time, event: true, reason: 'failure' };
  }
  return { time: list.at(-1)!.time, event: false };
}

/**
 * Toxin and oral drugs: the first follow-up where the spasm is back after an effect (or marked as come
 * back), or a failure at the first follow-up if it shows no effect at all; else censored at the last one.
 */
export function wearingOffObservation(
  episode: EpisodeFact,
  followUps: FollowUpFact[],
): EpisodeObservation | null {
  if (followUps.length === 0) return null;
  const list = timed(episode, followUps);
  let effect = false;
  for (const { f, time } of list) {
    const back = f.spasmStatus === 'unchanged' || f.spasmStatus === 'worse';
    if (f.recurrence || (effect && back)) return { time, event: true, reason: 'recurrence' };
    if (!effect && back) return { time, event: true, reason: 'failure' };
    effect = true;
  }
  return { time: list.at(-1)!.time, event: false };
}

export function observationFor(
  kind: TreatmentKind,
  episode: EpisodeFact,
  followUps: FollowUpFact[],
): EpisodeObservation | null {
  const { definition, windowMonths } = CURVE_DEFINITIONS[kind];
  return definition === 'failure_or_recurrence'
    ? failureOrRecurrenceObservation(episode, followUps, windowMonths ?? 0)
    : wearingOffObservation(episode, followUps);
}

export function computeOutcomes(episodes: EpisodeFact[], followUps: FollowUpFact[]): KindOutcome[] {
  const byEpisode = new Map<string, FollowUpFact[]>();
  for (const f of followUps) {
    const list = byEpisode.get(f.episodeId) ?? [];
    list.push(f);
    byEpisode.set(f.episodeId, list);
  }
  return TREATMENT_KINDS.map((kind) => {
    const eps = episodes.filter((e) => e.kind === kind);
    const fus = eps.flatMap((e) => byEpisode.get(e.id) ?? []);
    const withComplication = eps.filter(
      (e) =>
        e.complications.length > 0 || (byEpisode.get(e.id) ?? []).some((f) => f.complications.length > 0),
    ).length;
    return {
      kind,
      episodes: eps.length,
      patients: new Set(eps.map((e) => e.patientId)).size,
      followUps: TIME_POINTS.map((tp) => {
        const at = fus.filter((f) => f.timePoint === tp);
        const counts = Object.fromEntries(
          STATUSES.map((s) => [s, at.filter((f) => f.spasmStatus === s).length]),
        ) as Record<Status, number>;
        return { timePoint: tp, total: at.length, ...counts };
      }),
      complications: { episodes: withComplication, rate: eps.length ? withComplication / eps.length : null },
      eventFree: eventFree(kind, eps, byEpisode),
    };
  });
}

function eventFree(
  kind: TreatmentKind,
  eps: EpisodeFact[],
  byEpisode: Map<string, FollowUpFact[]>,
): KindOutcome['eventFree'] {
  return eventFreeCurve(
    kind,
    eps.flatMap((e) => observationFor(kind, e, byEpisode.get(e.id) ?? []) ?? []),
  );
}

/** One kind's event-free curve and its counts from its episodes' observations (also used by the SQL outcomes). */
export function eventFreeCurve(
  kind: TreatmentKind,
  observations: EpisodeObservation[],
): KindOutcome['eventFree'] {
  const failures = observations.filter((o) => o.reason === 'failure').length;
  const recurrences = observations.filter((o) => o.reason === 'recurrence').length;
  return {
    ...CURVE_DEFINITIONS[kind],
    episodes: observations.length,
    events: failures + recurrences,
    failures,
    recurrences,
    steps: kaplanMeier(observations.map(({ time, event }) => ({ time, event }))),
  };
}
