/**
 * Outcome figures of a set of treatment episodes, aggregated inside the database so that a clinic of
 * 100 000 patients answers in well under a second: one statement reads the episodes once and their
 * follow-ups once, and returns only small aggregates — per treatment kind the episode, patient and
 * complication counts, the follow-up status counts at each time point, and the survival observations
 * grouped as (months, event, reason, count), from which core's `kaplanMeier` builds the curve.
 *
 * The event is issue 8's, exactly as `observationFor` in src/domain/outcomes.ts defines it (and
 * test/registry.test.ts compares this SQL with `computeOutcomes` on generated data, so the two cannot
 * drift apart silently). Each follow-up gets a sort key (months, time point's rank), the order the pure
 * function walks the follow-ups in; per episode the statement takes the smallest key of the follow-ups
 * marked as a recurrence, of those at or past the kind's window, of those resolved, of those with the
 * spasm back (unchanged or worse), and the first of all:
 *  - MVD (window 12 months) and RF (3 months), failure or recurrence: the first recurrence, or a failure
 *    at the first follow-up at or past the window (by its months or its nominal time point) when no
 *    follow-up up to and including it shows the spasm resolved — the pure loop's `resolved` flag;
 *  - botulinum toxin and oral drugs, time to wearing off: the first recurrence or spasm back; a failure
 *    when that is the first follow-up and not marked as a recurrence, else a recurrence;
 *  - without the event, censored at the last follow-up.
 * Months run from the treatment date to each follow-up's date (days / 30.4375); a follow-up without a
 * date, or dated before the treatment, counts at its nominal time point, as in domain/outcomes.ts.
 */
import { kaplanMeier, TREATMENT_KINDS, type TreatmentKind } from '@hemispasm/core';
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../db/database';
import { CURVE_DEFINITIONS, type EpisodeObservation, type KindOutcome } from '../domain/outcomes';

export const TIME_POINTS = ['1w', '1m', '3m', '6m', '12m', 'later'] as const;
export const STATUSES = ['resolved', 'improved', 'unchanged', 'worse'] as const;
type TimePoint = (typeof TIME_POINTS)[number];
type Status = (typeof STATUSES)[number];

export interface EpisodeSelection {
  clinicId: string;
  kind?: TreatmentKind | undefined;
  /** Age at the treatment date, whole years, inclusive bounds. */
  minAge?: number | undefined;
  maxAge?: number | undefined;
  /** Baseline SMC grade 1–4: the patient's latest SMC assessment on or before the treatment date. */
  smcGrade?: number | undefined;
  /** The patient's affected side. */
  side?: 'left' | 'right' | 'bilateral' | undefined;
}

/** The figures of one kind: the same shape as `computeOutcomes` gives. */
export type KindFigures = KindOutcome;

export interface EpisodeOutcomes {
  /** Distinct patients over all kinds (a patient may have episodes of several kinds). */
  patients: number;
  kinds: KindFigures[];
  /** The survival observations of all kinds together, for a curve over the whole selection. */
  allObservations: EpisodeObservation[];
}

const NOMINAL = sql`CASE f.time_point WHEN '1w' THEN 0.25 WHEN '1m' THEN 1 WHEN '3m' THEN 3 WHEN '6m' THEN 6
  ELSE 12 END::float8`;
const MONTHS = sql`CASE WHEN f.assessed_on >= e.start_date THEN (f.assessed_on - e.start_date)::float8 / 30.4375
  ELSE ${NOMINAL} END`;
const RANK = sql`CASE f.time_point WHEN '1w' THEN 0 WHEN '1m' THEN 1 WHEN '3m' THEN 2 WHEN '6m' THEN 3 WHEN '12m' THEN 4
  ELSE 5 END`;
const WINDOW_MONTHS = sql.raw(
  `CASE e.kind ${TREATMENT_KINDS.map((k) => `WHEN '${k}' THEN ${CURVE_DEFINITIONS[k].windowMonths ?? 'NULL'}`).join(' ')} END`,
);

function selection(s: EpisodeSelection): RawBuilder<unknown> {
  const where = [sql`p.clinic_id = ${s.clinicId}`];
  if (s.kind) where.push(sql`e.kind = ${s.kind}`);
  if (s.side) where.push(sql`p.affected_side = ${s.side}`);
  const age = sql`extract(year FROM age(e.start_date, p.birth_date))`;
  if (s.minAge !== undefined) where.push(sql`${age} >= ${s.minAge}`);
  if (s.maxAge !== undefined) where.push(sql`${age} <= ${s.maxAge}`);
  if (s.smcGrade !== undefined)
    where.push(sql`(SELECT a.total FROM assessments a
      WHERE a.patient_id = e.patient_id AND a.instrument_id = 'smc' AND a.assessed_on <= e.start_date
      ORDER BY a.assessed_on DESC LIMIT 1) = ${s.smcGrade}`);
  return sql.join(where, sql` AND `);
}

interface Row {
  kinds: Array<{ kind: TreatmentKind; episodes: number; patients: number; complicated: number }> | null;
  statuses: Array<{ kind: TreatmentKind; tp: TimePoint; status: Status; n: number }> | null;
  survival: Array<{
    kind: TreatmentKind;
    months: number;
    reason: EpisodeObservation['reason'] | null;
    n: number;
  }> | null;
  patients: number;
}

export async function episodeOutcomes(db: Db, s: EpisodeSelection): Promise<EpisodeOutcomes> {
  // Grouping 100 000 episodes and counting distinct patients needs more than the default 4 MB of
  // work_mem; with less, PostgreSQL spills the hash tables and sorts to disk and takes several times
  // longer. For this statement only (SET LOCAL ends with the transaction).
  const { rows } = await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL work_mem = '64MB'`.execute(trx);
    return outcomesQuery(s).execute(trx);
  });
  return assemble(rows[0]!);
}

/** The one statement (exported for the EXPLAIN checks in test/registry-plans.test.ts). */
export function outcomesQuery(s: EpisodeSelection): RawBuilder<Row> {
  return sql<Row>`
    WITH eps AS MATERIALIZED (
      SELECT e.id, e.patient_id, e.kind, e.start_date,
        (jsonb_typeof(e.details -> 'complications') = 'array'
          AND jsonb_array_length(e.details -> 'complications') > 0) AS complicated,
        ${WINDOW_MONTHS}::float8 AS window_months
      FROM treatment_episodes e JOIN patients p ON p.id = e.patient_id
      WHERE ${selection(s)}
    ),
    -- One pass over the follow-ups feeds two groupings at once: per episode (the smallest sort keys the
    -- event needs, its last follow-up and complications) and per kind, time point and status (the counts).
    agg AS MATERIALIZED (
      SELECT GROUPING(e.id) AS by_status, e.id AS episode_id, e.kind, e.window_months, f.time_point AS tp,
        f.spasm_status AS status, count(*)::int AS n,
        min(m.key) AS first_key,
        min(m.key) FILTER (WHERE f.recurrence) AS recurrence_key,
        min(m.key) FILTER (WHERE f.spasm_status = 'resolved') AS resolved_key,
        min(m.key) FILTER (WHERE f.spasm_status IN ('unchanged', 'worse')) AS back_key,
        min(m.key) FILTER (WHERE m.months >= e.window_months OR m.nominal >= e.window_months) AS window_key,
        max(m.months) AS last_at, bool_or(jsonb_array_length(f.complications) > 0) AS complicated
      FROM follow_ups f JOIN eps e ON e.id = f.episode_id
      CROSS JOIN LATERAL (SELECT ${MONTHS} AS months, ${NOMINAL} AS nominal) t
      CROSS JOIN LATERAL (SELECT t.months, t.nominal, ARRAY[t.months, ${RANK}] AS key) m
      GROUP BY GROUPING SETS ((e.id, e.kind, e.window_months), (e.kind, f.time_point, f.spasm_status))
    ),
    obs AS (
      SELECT kind, last_at, first_key, recurrence_key,
        least(recurrence_key, CASE
          WHEN window_months IS NULL THEN back_key
          WHEN resolved_key IS NULL OR window_key < resolved_key THEN window_key
        END) AS event_key,
        window_months
      FROM agg WHERE by_status = 0
    )
    SELECT
      (SELECT json_agg(k) FROM (
        SELECT e.kind, count(*)::int AS episodes, count(DISTINCT e.patient_id)::int AS patients,
          count(*) FILTER (WHERE e.complicated OR coalesce(a.complicated, false))::int AS complicated
        FROM eps e LEFT JOIN agg a ON a.by_status = 0 AND a.episode_id = e.id GROUP BY e.kind) k) AS kinds,
      (SELECT json_agg(t) FROM (SELECT kind, tp, status, n FROM agg WHERE by_status = 1) t) AS statuses,
      (SELECT json_agg(o) FROM (
        SELECT kind, coalesce(event_key[1], last_at) AS months,
          CASE
            WHEN event_key IS NULL THEN NULL
            WHEN event_key = recurrence_key THEN 'recurrence'
            WHEN window_months IS NOT NULL OR event_key = first_key THEN 'failure'
            ELSE 'recurrence'
          END AS reason,
          count(*)::int AS n
        FROM obs GROUP BY 1, 2, 3) o) AS survival,
      (SELECT count(DISTINCT patient_id)::int FROM eps) AS patients
  `;
}

function assemble(row: Row): EpisodeOutcomes {
  const allObservations: EpisodeObservation[] = [];
  const kinds = TREATMENT_KINDS.map((kind): KindFigures => {
    const k = (row.kinds ?? []).find((x) => x.kind === kind);
    const statuses = (row.statuses ?? []).filter((x) => x.kind === kind);
    const observations: EpisodeObservation[] = [];
    for (const o of (row.survival ?? []).filter((x) => x.kind === kind))
      for (let i = 0; i < o.n; i++)
        observations.push(
          o.reason ? { time: o.months, event: true, reason: o.reason } : { time: o.months, event: false },
        );
    allObservations.push(...observations);
    const episodes = k?.episodes ?? 0;
    const failures = observations.filter((o) => o.reason === 'failure').length;
    const recurrences = observations.filter((o) => o.reason === 'recurrence').length;
    return {
      kind,
      episodes,
      patients: k?.patients ?? 0,
      followUps: TIME_POINTS.map((tp) => {
        const at = statuses.filter((x) => x.tp === tp);
        const counts = Object.fromEntries(
          STATUSES.map((st) => [st, at.find((x) => x.status === st)?.n ?? 0]),
        ) as Record<Status, number>;
        return { timePoint: tp, total: at.reduce((sum, x) => sum + x.n, 0), ...counts };
      }),
      complications: {
        episodes: k?.complicated ?? 0,
        rate: episodes ? (k?.complicated ?? 0) / episodes : null,
      },
      eventFree: {
        ...CURVE_DEFINITIONS[kind],
        episodes: observations.length,
        events: failures + recurrences,
        failures,
        recurrences,
        steps: kaplanMeier(observations.map(({ time, event }) => ({ time, event }))),
      },
    };
  });
  return { patients: row.patients ?? 0, kinds, allObservations };
}
