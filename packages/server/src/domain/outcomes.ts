/**
 * Clinic outcome figures per treatment kind, from the episodes and their follow-ups: how many, the
 * spasm status at each follow-up time point, complication rates, and a recurrence-free curve.
 * Pure: rows in, figures out.
 *
 * The recurrence-free curve is a crude Kaplan–Meier estimate (core's `kaplanMeier`) per treatment kind:
 * each episode with at least one follow-up enters at its start date; the event is the first follow-up
 * marked as a recurrence ("spasm came back after having resolved"), otherwise the episode is censored at
 * its last follow-up. Times are months from the episode's start date to each follow-up's date; where a
 * date is missing or lies before the start, the nominal time point is used instead (1w = 0.25, 1m = 1,
 * 3m = 3, 6m = 6, 12m = 12 months; "later" = 12, the earliest it can be). No adjustment for case mix:
 * meant for a clinic's own audit charts, not evidence of comparative effectiveness.
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

export interface KindOutcome {
  kind: TreatmentKind;
  episodes: number;
  patients: number;
  followUps: Array<{ timePoint: TimePoint; total: number } & Record<Status, number>>;
  /** Episodes with any complication recorded (on the episode or a follow-up). */
  complications: { episodes: number; rate: number | null };
  /** Kaplan–Meier estimate of the proportion free of recurrence over months since treatment. */
  recurrenceFree: {
    /** Episodes in the estimate (those with at least one follow-up). */
    episodes: number;
    /** Episodes with a recorded recurrence (events). */
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

/**
 * One episode as a survival observation: the time of its first recurrence (event), else of its last
 * follow-up (censored). Null without follow-ups: such an episode does not enter the estimate.
 */
export function recurrenceObservation(
  episode: EpisodeFact,
  followUps: FollowUpFact[],
): { time: number; event: boolean } | null {
  if (followUps.length === 0) return null;
  const timed = followUps
    .map((f) => ({ f, time: monthsSinceStart(episode.startDate, f) }))
    .sort(
      (a, b) => a.time - b.time || TIME_POINTS.indexOf(a.f.timePoint) - TIME_POINTS.indexOf(b.f.timePoint),
    );
  const recurrence = timed.find((x) => x.f.recurrence);
  return recurrence ? { time: recurrence.time, event: true } : { time: timed.at(-1)!.time, event: false };
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
      recurrenceFree: recurrenceFree(eps, byEpisode),
    };
  });
}

function recurrenceFree(
  eps: EpisodeFact[],
  byEpisode: Map<string, FollowUpFact[]>,
): KindOutcome['recurrenceFree'] {
  const observations = eps.flatMap((e) => recurrenceObservation(e, byEpisode.get(e.id) ?? []) ?? []);
  return {
    episodes: observations.length,
    recurrences: observations.filter((o) => o.event).length,
    steps: kaplanMeier(observations),
  };
}
