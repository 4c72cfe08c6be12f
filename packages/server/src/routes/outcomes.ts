/** Aggregate outcome figures of the clinic, for the web app's outcome charts. No patient identities. */

import { SPASM_STATUSES, FOLLOW_UP_TIME_POINTS as TIME_POINTS, TREATMENT_KINDS } from '@hemispasm/core';
import { z } from 'zod';
import { episodeOutcomes } from '../analytics/episode-outcomes';
import { readAnalytics } from '../db/read-routing';
import { requireActor } from '../http/guard';
import type { RouteModule } from './context';
import { routeOptions } from './route-options';

const Count = z.number().int().min(0);
const Probability = z.number().min(0).max(1);
export const KaplanMeierStepSchema = z
  .object({
    time: z.number().min(0).meta({ description: 'Months since the treatment date (0 = the origin)' }),
    atRisk: Count.meta({
      description: 'Episodes still followed and free of the event just before this time',
    }),
    events: Count.meta({
      description: 'Events (failures or recurrences; for toxin and oral drugs, wearing off) at this time',
    }),
    censored: Count.meta({ description: 'Episodes whose last follow-up so far is at this time' }),
    survival: Probability.meta({ description: 'Estimated proportion free of the event after this time' }),
    ci95Low: Probability.nullable().meta({
      description: 'Pointwise 95 % interval (Greenwood, log-log); null while the estimate is 1 or 0',
    }),
    ci95High: Probability.nullable(),
  })
  .meta({ id: 'KaplanMeierStep' });
export const OutcomesSchema = z
  .object({
    clinicId: z.string(),
    generatedAt: z.string(),
    note: z.string(),
    kinds: z.array(
      z.object({
        kind: z.enum(TREATMENT_KINDS),
        episodes: Count,
        patients: Count,
        followUps: z.array(
          z.object({
            timePoint: z.enum(TIME_POINTS),
            total: Count,
            ...Object.fromEntries(SPASM_STATUSES.map((s) => [s, Count])),
          } as {
            timePoint: z.ZodEnum<{ [K in (typeof TIME_POINTS)[number]]: K }>;
            total: typeof Count;
          } & Record<(typeof SPASM_STATUSES)[number], typeof Count>),
        ),
        complications: z.object({ episodes: Count, rate: z.number().nullable() }),
        eventFree: z
          .object({
            definition: z.enum(['failure_or_recurrence', 'time_to_wearing_off']).meta({
              description:
                'failure_or_recurrence (MVD, RF): the event is a recurrence, or a failure when the spasm never ' +
                'resolved by the end of the window; time_to_wearing_off (toxin, oral drugs): the event is the ' +
                'spasm back after an effect, or no effect at the first follow-up',
            }),
            windowMonths: z.number().nullable().meta({
              description: 'Months by which the spasm must have resolved (MVD 12, RF 3); null otherwise',
            }),
            episodes: Count.meta({
              description: 'Episodes in the estimate: those with at least one follow-up',
            }),
            events: Count.meta({ description: 'Episodes with the event: failures + recurrences' }),
            failures: Count.meta({
              description: 'Never resolved within the window (MVD, RF), or no effect at the first follow-up',
            }),
            recurrences: Count.meta({
              description: 'Came back after resolving (MVD, RF), or the effect wore off (toxin, oral drugs)',
            }),
            steps: z.array(KaplanMeierStepSchema),
          })
          .meta({
            description:
              'Crude Kaplan–Meier estimate of the proportion free of the event by months since the treatment ' +
              'date (see definition); without the event the episode is censored at its last follow-up. Not adjusted.',
          }),
      }),
    ),
  })
  .meta({ id: 'ClinicOutcomes' });

export const outcomeRoutes: RouteModule = async (api, ctx) => {
  api.get(
    '/clinic/outcomes',
    routeOptions(
      'clinic-outcomes',
      'outcomes',
      'Per treatment kind: counts, follow-up status at each time point, complication rate and a Kaplan–Meier curve (failure or recurrence; toxin and oral drugs: time to wearing off)',
      { response: { 200: OutcomesSchema } },
    ),
    async (req) => {
      const clinicId = requireActor(req).clinicId;
      // Aggregated in the database (src/analytics/episode-outcomes.ts: the same figures as computeOutcomes,
      // checked by test/registry.test.ts), on the read replica when there is one (src/db/read-routing.ts).
      const figures = await readAnalytics(req, ctx.db, (db) => episodeOutcomes(db, { clinicId }));
      return {
        clinicId,
        generatedAt: new Date().toISOString(),
        note:
          'Crude figures of what this clinic recorded: counts and proportions per time point, and a crude ' +
          'Kaplan–Meier estimate of the time since treatment free of failure or recurrence (MVD: failure = ' +
          'not resolved by 12 months; RF: by 3 months; toxin and oral drugs: time to wearing off); not ' +
          'adjusted for case mix. Supports, and does not replace, the judgement of a physician.',
        kinds: figures.kinds,
      };
    },
  );
};
