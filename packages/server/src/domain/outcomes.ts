/**
 * Clinic outcome figures per treatment kind, from the episodes and their follow-ups: how many, the
 * spasm status at each follow-up time point, complication rates, and recurrence-free proportions.
 * Pure: rows in, figures out. These are crude proportions of what was recorded (no survival model,
 * no adjustment), meant for a clinic's own audit charts — not evidence of comparative effectiveness.
 */
export const TREATMENT_KINDS = ['oral_medication', 'botulinum_toxin', 'mvd', 'rf_neurotomy'] as const;
export type TreatmentKind = (typeof TREATMENT_KINDS)[number];
const TIME_POINTS = ['1w', '1m', '3m', '6m', '12m', 'later'] as const;
type TimePoint = (typeof TIME_POINTS)[number];
const STATUSES = ['resolved', 'improved', 'unchanged', 'worse'] as const;
type Status = (typeof STATUSES)[number];

export interface EpisodeFact {
  id: string;
  patientId: string;
  kind: TreatmentKind;
  /** Complications recorded on the episode itself (procedures). */
  complications: string[];
}
export interface FollowUpFact {
  episodeId: string;
  timePoint: TimePoint;
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
  /** Per time point: episodes followed there, and those resolved there without recurrence so far. */
  recurrenceFree: Array<{
    timePoint: TimePoint;
    followed: number;
    recurrenceFree: number;
    proportion: number | null;
  }>;
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
      recurrenceFree: TIME_POINTS.map((tp, i) => {
        const upTo = new Set(TIME_POINTS.slice(0, i + 1));
        let followed = 0;
        let free = 0;
        for (const e of eps) {
          const list = byEpisode.get(e.id) ?? [];
          const at = list.find((f) => f.timePoint === tp);
          if (!at) continue;
          followed++;
          const recurred = list.some((f) => upTo.has(f.timePoint) && f.recurrence);
          if (at.spasmStatus === 'resolved' && !recurred) free++;
        }
        return {
          timePoint: tp,
          followed,
          recurrenceFree: free,
          proportion: followed ? free / followed : null,
        };
      }),
    };
  });
}
