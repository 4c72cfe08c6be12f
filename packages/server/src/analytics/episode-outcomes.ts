/**
 * Outcome figures of a set of treatment episodes, aggregated inside the database so that a clinic of
 * 100 000 patients answers in well under a second: one statement reads the per-episode summary
 * `episode_outcomes` (one narrow row per episode, migration 0010) and returns only small aggregates —
 * per treatment kind the episode, patient and complication counts and the follow-up status counts at
 * each time point, and the survival observations grouped as (months, event, reason, count), from which
 * core's `kaplanMeier` builds the curve (through the domain's `eventFreeCurve`).
 *
 * The summary is kept by the database's triggers in the same statement as every write that changes it
 * (episodes, follow-ups, complications, a patient's birth date, side or clinic, SMC assessments; the API,
 * the FHIR import and the registry's COPY alike), and computes issue 8's event exactly as `observationFor`
 * in src/domain/outcomes.ts defines it (see the migration's header). test/registry.test.ts compares the
 * figures with `computeOutcomes` on generated data, after writes, updates and deletes, so the SQL and the
 * TypeScript cannot drift apart silently.
 */
import {
  type AffectedSide,
  FOLLOW_UP_TIME_POINTS,
  SPASM_STATUSES,
  type SpasmStatus,
  TREATMENT_KINDS,
  type TreatmentKind,
} from '@hemispasm/core';
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../db/database';
import { type EpisodeObservation, eventFreeCurve, type KindOutcome } from '../domain/outcomes';

export interface EpisodeSelection {
  clinicId: string;
  kind?: TreatmentKind | undefined;
  /** Age at the treatment date, whole years, inclusive bounds. */
  minAge?: number | undefined;
  maxAge?: number | undefined;
  /** Baseline SMC grade 1–4: the patient's latest SMC assessment on or before the treatment date. */
  smcGrade?: number | undefined;
  /** The patient's affected side. */
  side?: AffectedSide | undefined;
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

/** The summary's `status_counts`: one count per (time point, status), in this order (migration 0010). */
const SLOTS = FOLLOW_UP_TIME_POINTS.flatMap((tp) => SPASM_STATUSES.map((status) => ({ tp, status })));

function selection(s: EpisodeSelection): RawBuilder<unknown> {
  const where = [sql`o.clinic_id = ${s.clinicId}`];
  if (s.kind) where.push(sql`o.kind = ${s.kind}`);
  if (s.side) where.push(sql`o.affected_side = ${s.side}`);
  if (s.minAge !== undefined) where.push(sql`o.age_years >= ${s.minAge}`);
  if (s.maxAge !== undefined) where.push(sql`o.age_years <= ${s.maxAge}`);
  if (s.smcGrade !== undefined) where.push(sql`o.smc_grade = ${s.smcGrade}`);
  return sql.join(where, sql` AND `);
}

interface Row {
  kinds: Array<{ kind: TreatmentKind; episodes: number; complicated: number; statuses: number[] }> | null;
  kind_patients: Array<{ kind: TreatmentKind; patients: number }> | null;
  survival: Array<{
    kind: TreatmentKind;
    months: number;
    reason: EpisodeObservation['reason'] | null;
    n: number;
  }> | null;
  patients: number;
}

export async function episodeOutcomes(db: Db, s: EpisodeSelection): Promise<EpisodeOutcomes> {
  // The distinct patients of 100 000 episodes are hashed in memory; with the default 4 MB of work_mem
  // PostgreSQL would spill them to disk. For this statement only (SET LOCAL ends with the transaction).
  const { rows } = await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL work_mem = '64MB'`.execute(trx);
    return outcomesQuery(s).execute(trx);
  });
  return assemble(rows[0]!);
}

/**
 * The one statement (exported for the EXPLAIN checks in test/registry-plans.test.ts). Each figure is its
 * own scan of the selected summary rows, grouped by hashing (a few groups each): at 100 000 episodes that is
 * cheaper than materializing the selection once and sorting it for `count(DISTINCT …)`.
 */
export function outcomesQuery(s: EpisodeSelection): RawBuilder<Row> {
  const statusSums = sql.join(SLOTS.map((_, i) => sql.raw(`sum(o.status_counts[${i + 1}])::int`)));
  const where = selection(s);
  return sql<Row>`
    SELECT
      (SELECT json_agg(k) FROM (
        SELECT o.kind, count(*)::int AS episodes, count(*) FILTER (WHERE o.complicated)::int AS complicated,
          ARRAY[${statusSums}] AS statuses
        FROM episode_outcomes o WHERE ${where} GROUP BY o.kind) k) AS kinds,
      (SELECT json_agg(p) FROM (
        SELECT d.kind, count(*)::int AS patients
        FROM (SELECT DISTINCT o.kind, o.patient_id FROM episode_outcomes o WHERE ${where}) d GROUP BY d.kind) p
      ) AS kind_patients,
      (SELECT json_agg(v) FROM (
        SELECT o.kind, o.months, o.reason, count(*)::int AS n
        FROM episode_outcomes o WHERE ${where} AND o.follow_ups > 0 GROUP BY 1, 2, 3) v
      ) AS survival,
      (SELECT count(*)::int FROM (SELECT DISTINCT o.patient_id FROM episode_outcomes o WHERE ${where}) d) AS patients
  `;
}

function assemble(row: Row): EpisodeOutcomes {
  const allObservations: EpisodeObservation[] = [];
  const kinds = TREATMENT_KINDS.map((kind): KindFigures => {
    const k = (row.kinds ?? []).find((x) => x.kind === kind);
    const observations: EpisodeObservation[] = [];
    for (const o of (row.survival ?? []).filter((x) => x.kind === kind))
      for (let i = 0; i < o.n; i++)
        observations.push(
          o.reason ? { time: o.months, event: true, reason: o.reason } : { time: o.months, event: false },
        );
    allObservations.push(...observations);
    const episodes = k?.episodes ?? 0;
    return {
      kind,
      episodes,
      patients: (row.kind_patients ?? []).find((x) => x.kind === kind)?.patients ?? 0,
      followUps: FOLLOW_UP_TIME_POINTS.map((tp) => {
        const at = SLOTS.flatMap((slot, i) =>
          slot.tp === tp ? [[slot.status, k?.statuses[i] ?? 0] as const] : [],
        );
        const counts = Object.fromEntries(at) as Record<SpasmStatus, number>;
        return { timePoint: tp, total: at.reduce((sum, [, n]) => sum + n, 0), ...counts };
      }),
      complications: {
        episodes: k?.complicated ?? 0,
        rate: episodes ? (k?.complicated ?? 0) / episodes : null,
      },
      eventFree: eventFreeCurve(kind, observations),
    };
  });
  return { patients: row.patients ?? 0, kinds, allObservations };
}
