/**
 * Outcome figures of a set of treatment episodes, aggregated inside the database so that a clinic of
 * 100 000 patients answers in well under a second: one statement reads the episodes once and their
 * follow-ups once, and returns only small aggregates — per treatment kind the episode, patient and
 * complication counts, the follow-up status counts at each time point, and the survival observations
 * grouped as (months, event, count), from which core's `kaplanMeier` builds the curve.
 *
 * Two event definitions:
 *  - `recurrence`: the first follow-up marked as a recurrence, else censored at the last follow-up — the
 *    definition of `computeOutcomes` in src/domain/outcomes.ts, which test/episode-outcomes.test.ts
 *    compares with this SQL on generated data, so the two cannot drift apart silently;
 *  - `failure-or-recurrence` (cohorts, issue 8's definition): a recurrence, or a failure — MVD not resolved
 *    by 12 months or RF neurotomy not resolved by 3 months, counted at the end of that window once the
 *    episode was followed that far; for botulinum toxin and oral medication, the first follow-up at
 *    which the spasm is unchanged or worse (time to wearing off / loss of effect).
 * Months run from the treatment date to each follow-up's date (days / 30.4375); a follow-up dated before
 * the treatment counts at its nominal time point, as in domain/outcomes.ts.
 */
import { type KaplanMeierStep, kaplanMeier } from '@hemispasm/core';
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../db/database';
import { TREATMENT_KINDS, type TreatmentKind } from '../domain/outcomes';

export type EventDefinition = 'recurrence' | 'failure-or-recurrence';
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

export interface KindFigures {
  kind: TreatmentKind;
  episodes: number;
  patients: number;
  followUps: Array<{ timePoint: TimePoint; total: number } & Record<Status, number>>;
  complications: { episodes: number; rate: number | null };
  curve: { episodes: number; events: number; steps: KaplanMeierStep[] };
}

export interface EpisodeOutcomes {
  /** Distinct patients over all kinds (a patient may have episodes of several kinds). */
  patients: number;
  kinds: KindFigures[];
  /** The survival observations of all kinds together, for a curve over the whole selection. */
  allObservations: Array<{ time: number; event: boolean }>;
}

const MONTHS = sql`CASE WHEN f.assessed_on >= e.start_date THEN (f.assessed_on - e.start_date)::float8 / 30.4375
  ELSE CASE f.time_point WHEN '1w' THEN 0.25 WHEN '1m' THEN 1 WHEN '3m' THEN 3 WHEN '6m' THEN 6 ELSE 12 END END`;

function eventAt(definition: EventDefinition): RawBuilder<unknown> {
  const recurrence = sql`min(months) FILTER (WHERE f.recurrence)`;
  if (definition === 'recurrence') return recurrence;
  // least() ignores nulls: the earlier of a recurrence and a failure, or null (censored).
  return sql`least(${recurrence}, CASE
    WHEN e.kind IN ('mvd', 'rf_neurotomy') THEN
      CASE WHEN max(months) >= e.window_months
            AND NOT coalesce(bool_or(f.spasm_status = 'resolved' AND months <= e.window_months), false)
        THEN e.window_months END
    ELSE min(months) FILTER (WHERE f.spasm_status IN ('unchanged', 'worse'))
  END)`;
}

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
  survival: Array<{ kind: TreatmentKind; months: number; event: boolean; n: number }> | null;
  patients: number;
}

export async function episodeOutcomes(
  db: Db,
  s: EpisodeSelection,
  definition: EventDefinition,
): Promise<EpisodeOutcomes> {
  // Grouping 100 000 episodes and counting distinct patients needs more than the default 4 MB of
  // work_mem; with less, PostgreSQL spills the hash tables and sorts to disk and takes several times
  // longer. For this statement only (SET LOCAL ends with the transaction).
  const { rows } = await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL work_mem = '64MB'`.execute(trx);
    return outcomesQuery(s, definition).execute(trx);
  });
  return assemble(rows[0]!);
}

/** The one statement (exported for the EXPLAIN checks in test/registry-plans.test.ts). */
export function outcomesQuery(s: EpisodeSelection, definition: EventDefinition): RawBuilder<Row> {
  return sql<Row>`
    WITH eps AS MATERIALIZED (
      SELECT e.id, e.patient_id, e.kind, e.start_date,
        (jsonb_typeof(e.details -> 'complications') = 'array'
          AND jsonb_array_length(e.details -> 'complications') > 0) AS complicated,
        CASE e.kind WHEN 'mvd' THEN 12 WHEN 'rf_neurotomy' THEN 3 END::float8 AS window_months
      FROM treatment_episodes e JOIN patients p ON p.id = e.patient_id
      WHERE ${selection(s)}
    ),
    -- One pass over the follow-ups feeds two groupings at once: per episode (its event or censoring time
    -- and complications) and per kind, time point and status (the counts).
    agg AS MATERIALIZED (
      SELECT GROUPING(e.id) AS by_status, e.id AS episode_id, e.kind, f.time_point AS tp,
        f.spasm_status AS status, count(*)::int AS n, ${eventAt(definition)} AS event_at,
        max(months) AS last_at, bool_or(jsonb_array_length(f.complications) > 0) AS complicated
      FROM follow_ups f JOIN eps e ON e.id = f.episode_id CROSS JOIN LATERAL (SELECT ${MONTHS} AS months) m
      GROUP BY GROUPING SETS ((e.id, e.kind, e.window_months), (e.kind, f.time_point, f.spasm_status))
    )
    SELECT
      (SELECT json_agg(k) FROM (
        SELECT e.kind, count(*)::int AS episodes, count(DISTINCT e.patient_id)::int AS patients,
          count(*) FILTER (WHERE e.complicated OR coalesce(a.complicated, false))::int AS complicated
        FROM eps e LEFT JOIN agg a ON a.by_status = 0 AND a.episode_id = e.id GROUP BY e.kind) k) AS kinds,
      (SELECT json_agg(t) FROM (SELECT kind, tp, status, n FROM agg WHERE by_status = 1) t) AS statuses,
      (SELECT json_agg(o) FROM (
        SELECT kind, coalesce(event_at, last_at) AS months, event_at IS NOT NULL AS event, count(*)::int AS n
        FROM agg WHERE by_status = 0 GROUP BY 1, 2, 3) o) AS survival,
      (SELECT count(DISTINCT patient_id)::int FROM eps) AS patients
  `;
}

function assemble(row: Row): EpisodeOutcomes {
  const allObservations: Array<{ time: number; event: boolean }> = [];
  const kinds = TREATMENT_KINDS.map((kind): KindFigures => {
    const k = (row.kinds ?? []).find((x) => x.kind === kind);
    const statuses = (row.statuses ?? []).filter((x) => x.kind === kind);
    const observations: Array<{ time: number; event: boolean }> = [];
    for (const o of (row.survival ?? []).filter((x) => x.kind === kind))
      for (let i = 0; i < o.n; i++) observations.push({ time: o.months, event: o.event });
    allObservations.push(...observations);
    const episodes = k?.episodes ?? 0;
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
      curve: {
        episodes: observations.length,
        events: observations.filter((o) => o.event).length,
        steps: kaplanMeier(observations),
      },
    };
  });
  return { patients: row.patients ?? 0, kinds, allObservations };
}
