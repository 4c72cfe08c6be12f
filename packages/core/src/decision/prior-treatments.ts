/**
 * The profile's `priorTreatments` read from a record's treatment episodes and their follow-ups — one rule
 * for hemispasm's own record (the clinician's decision form, web) and an EHR's FHIR record (CDS Hooks,
 * server). Pure: the callers find the episodes, their dates and follow-ups; this decides what they say.
 *  - MVD, RF neurotomy, oral medication: one entry per episode. Its response is the one recorded as such
 *    if any, else read from its follow-ups: `recurred` when one records the spasm back after it had
 *    resolved (the treatment helped, for a time), else the latest status — resolved → good,
 *    improved → partial, unchanged or worse → none.
 *  - Botulinum toxin: one entry for all sessions. `cycles` is their number and `monthsSince` counts from
 *    the latest; the response is that of the latest session with one, from its follow-ups the BEST status,
 *    because toxin is judged at its peak and wears off by design (a recurrence then is expected, not a
 *    failure).
 * An entry whose response the record does not give has `response` undefined: the caller asks for it (web)
 * or leaves the entry out and says so (CDS Hooks). Nothing clinical is defaulted.
 */
import type { SpasmStatus } from '../vocabulary/index';
import type { OptionId } from './option-ids';
import type { PriorResponse } from './profile';

/** A follow-up of an episode: the spasm's status then, and whether it had come back after resolving. */
export interface CourseFollowUp {
  spasmStatus?: SpasmStatus | undefined;
  recurrence?: boolean | undefined;
}

/** One treatment episode (a toxin session, an operation, a drug course) as the record shows it. */
export interface TreatmentCourse<Source = unknown, FollowUp extends CourseFollowUp = CourseFollowUp> {
  option: OptionId;
  /** Months since the episode (0 while a drug is still taken), undefined when the record gives no date. */
  monthsSince: number | undefined;
  /** A response recorded as such (e.g. a FHIR treatment-response Observation); wins over the follow-ups. */
  recordedResponse?: PriorResponse | undefined;
  /** Its follow-ups, oldest first. */
  followUps: readonly FollowUp[];
  /** What the caller needs back (the episode, its id). */
  source: Source;
}

/** One entry of `priorTreatments`, with where it was read from. */
export interface PriorTreatmentReading<Source = unknown, FollowUp extends CourseFollowUp = CourseFollowUp> {
  option: OptionId;
  /** Undefined: the record gives no response (no recorded response, no follow-up with a status). */
  response: PriorResponse | undefined;
  monthsSince: number | undefined;
  /** Botulinum toxin only: the number of sessions. */
  cycles?: number;
  /** The episodes read: one, or every toxin session, latest first. */
  sources: Source[];
  /** The follow-up the response was read from (none when recorded as such, or when there is none). */
  followUp?: FollowUp;
}

/** How the spasm's status at a follow-up reads as the response to the treatment. */
export const RESPONSE_OF_STATUS: Readonly<Record<SpasmStatus, PriorResponse>> = {
  resolved: 'good',
  improved: 'partial',
  unchanged: 'none',
  worse: 'none',
};

/** Best first, for toxin judged at its peak. */
const STATUS_RANK: Readonly<Record<SpasmStatus, number>> = {
  resolved: 0,
  improved: 1,
  unchanged: 2,
  worse: 3,
};

type Read<S, F extends CourseFollowUp> = Pick<PriorTreatmentReading<S, F>, 'response' | 'followUp'>;

function responseOf<S, F extends CourseFollowUp>(c: TreatmentCourse<S, F>): Read<S, F> {
  if (c.recordedResponse) return { response: c.recordedResponse };
  const withStatus = c.followUps.filter((f) => f.spasmStatus !== undefined);
  if (c.option === 'botulinum_toxin') {
    const best = [...withStatus].sort((a, b) => STATUS_RANK[a.spasmStatus!] - STATUS_RANK[b.spasmStatus!])[0];
    return best
      ? { response: RESPONSE_OF_STATUS[best.spasmStatus!], followUp: best }
      : { response: undefined };
  }
  const latest = withStatus.at(-1);
  if (c.followUps.some((f) => f.recurrence === true)) {
    return latest ? { response: 'recurred', followUp: latest } : { response: 'recurred' };
  }
  return latest
    ? { response: RESPONSE_OF_STATUS[latest.spasmStatus!], followUp: latest }
    : { response: undefined };
}

/** Latest first; undated last; ties in the order given. */
const byRecency = (a: { monthsSince: number | undefined }, b: { monthsSince: number | undefined }) =>
  (a.monthsSince ?? Infinity) - (b.monthsSince ?? Infinity);

/**
 * The prior treatments `courses` show: the non-toxin entries in the order given, then the one toxin entry
 * (when there was a session). Toxin sessions with equal `monthsSince` count in the order given.
 */
export function readPriorTreatments<Source, FollowUp extends CourseFollowUp>(
  courses: readonly TreatmentCourse<Source, FollowUp>[],
): PriorTreatmentReading<Source, FollowUp>[] {
  const out: PriorTreatmentReading<Source, FollowUp>[] = courses
    .filter((c) => c.option !== 'botulinum_toxin')
    .map((c) => ({ option: c.option, monthsSince: c.monthsSince, sources: [c.source], ...responseOf(c) }));
  const toxin = courses.filter((c) => c.option === 'botulinum_toxin').sort(byRecency);
  if (toxin.length > 0) {
    const answered = toxin.map(responseOf).find((r) => r.response !== undefined);
    out.push({
      option: 'botulinum_toxin',
      monthsSince: toxin[0]!.monthsSince,
      cycles: toxin.length,
      sources: toxin.map((c) => c.source),
      ...(answered ?? { response: undefined }),
    });
  }
  return out;
}
