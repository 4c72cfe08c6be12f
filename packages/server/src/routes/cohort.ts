/**
 * Cohort queries over the clinic's treatment episodes: filter by treatment, age band at the treatment
 * date, baseline SMC grade and affected side; get counts, the spasm status at each follow-up time point,
 * and a Kaplan–Meier failure-or-recurrence curve (src/analytics/episode-outcomes.ts). Aggregates only, no
 * identities; read from the replica when there is one.
 */
import {
  AFFECTED_SIDES,
  FOLLOW_UP_TIME_POINTS,
  type FollowUpTimePoint,
  kaplanMeier,
  SPASM_STATUSES,
  type SpasmStatus,
  TREATMENT_KINDS,
} from '@hemispasm/core';
import { z } from 'zod';
import { episodeOutcomes } from '../analytics/episode-outcomes';
import { readAnalytics } from '../db/read-routing';
import { requireActor } from '../http/guard';
import type { RouteModule } from './context';
import { KaplanMeierStepSchema } from './outcomes';
import { routeOptions } from './route-options';

const AGE_BANDS = {
  'under-40': [0, 39],
  '40-59': [40, 59],
  '60-79': [60, 79],
  '80-plus': [80, 200],
} as const;

const CohortQuery = z.strictObject({
  kind: z.enum(TREATMENT_KINDS).optional().describe('Treatment kind'),
  ageBand: z
    .enum(Object.keys(AGE_BANDS) as [keyof typeof AGE_BANDS, ...Array<keyof typeof AGE_BANDS>])
    .optional()
    .describe('Age at the treatment date'),
  smcGrade: z.coerce
    .number()
    .int()
    .min(1)
    .max(4)
    .optional()
    .describe('Baseline SMC grade: the latest SMC assessment on or before the treatment date'),
  side: z.enum(AFFECTED_SIDES).optional().describe("The patient's affected side"),
});

const Count = z.number().int().min(0);
export const CohortSchema = z
  .object({
    clinicId: z.string(),
    generatedAt: z.string(),
    filters: CohortQuery,
    definition: z.string(),
    note: z.string(),
    counts: z.object({
      patients: Count,
      episodes: Count,
      followedUp: Count.meta({ description: 'Episodes with at least one follow-up (those in the curve)' }),
    }),
    resolution: z.array(
      z.object({
        timePoint: z.enum(FOLLOW_UP_TIME_POINTS),
        total: Count,
        ...Object.fromEntries(SPASM_STATUSES.map((s) => [s, Count])),
        resolvedProportion: z.number().min(0).max(1).nullable(),
      } as {
        timePoint: z.ZodEnum<{ [K in FollowUpTimePoint]: K }>;
        total: typeof Count;
        resolvedProportion: z.ZodNullable<z.ZodNumber>;
      } & Record<SpasmStatus, typeof Count>),
    ),
    curve: z.object({
      episodes: Count,
      events: Count.meta({ description: 'failures + recurrences' }),
      failures: Count,
      recurrences: Count,
      steps: z.array(KaplanMeierStepSchema),
    }),
  })
  .meta({ id: 'Cohort' });

/** The clinic outcomes' event (src/domain/outcomes.ts), over all kinds of the cohort together. */
export const FAILURE_OR_RECURRENCE =
  'Event, per treatment kind as in the clinic outcomes: MVD and RF neurotomy, failure or recurrence — a ' +
  'follow-up marked as a recurrence, or a failure at the first follow-up at or past 12 months (MVD) or 3 months ' +
  '(RF) when the spasm has not resolved by then; botulinum toxin and tablets, time to wearing off — the first ' +
  'follow-up with the spasm unchanged or worse (a failure if it is the first follow-up) or marked as a ' +
  'recurrence. Otherwise censored at the last follow-up. Months from the treatment date.';

export const cohortRoutes: RouteModule = async (api, ctx) => {
  api.get(
    '/clinic/cohort',
    routeOptions(
      'clinic-outcomes',
      'outcomes',
      'A cohort of treatment episodes (treatment, age band, baseline SMC grade, side): counts, status at each time point, failure-or-recurrence curve',
      {
        querystring: CohortQuery,
        response: { 200: CohortSchema },
      },
    ),
    async (req) => {
      const clinicId = requireActor(req).clinicId;
      const { kind, ageBand, smcGrade, side } = req.query;
      const ages = ageBand ? AGE_BANDS[ageBand] : undefined;
      const figures = await readAnalytics(req, ctx.db, (db) =>
        episodeOutcomes(db, { clinicId, kind, side, smcGrade, minAge: ages?.[0], maxAge: ages?.[1] }),
      );
      const resolution = FOLLOW_UP_TIME_POINTS.map((timePoint, i) => {
        const at = figures.kinds.map((k) => k.followUps[i]!);
        const sum = (key: 'total' | SpasmStatus) => at.reduce((s, x) => s + x[key], 0);
        const total = sum('total');
        return {
          timePoint,
          total,
          ...(Object.fromEntries(SPASM_STATUSES.map((s) => [s, sum(s)])) as Record<SpasmStatus, number>),
          resolvedProportion: total ? sum('resolved') / total : null,
        };
      });
      const observations = figures.allObservations;
      return {
        clinicId,
        generatedAt: new Date().toISOString(),
        filters: req.query,
        definition: FAILURE_OR_RECURRENCE,
        note:
          'Crude figures of what this clinic recorded, not adjusted for case mix: a clinic audit, not comparative ' +
          'evidence. Supports, and does not replace, the judgement of a physician.',
        counts: {
          patients: figures.patients,
          episodes: figures.kinds.reduce((s, k) => s + k.episodes, 0),
          followedUp: observations.length,
        },
        resolution,
        curve: {
          episodes: observations.length,
          events: observations.filter((o) => o.event).length,
          failures: observations.filter((o) => o.reason === 'failure').length,
          recurrences: observations.filter((o) => o.reason === 'recurrence').length,
          steps: kaplanMeier(observations.map(({ time, event }) => ({ time, event }))),
        },
      };
    },
  );
};
