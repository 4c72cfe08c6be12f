/** Aggregate outcome figures of the clinic, for the web app's outcome charts. No patient identities. */

import { FOLLOW_UP_TIME_POINTS, SPASM_STATUSES, TREATMENT_KINDS } from '@hemispasm/core';
import { z } from 'zod';
import { computeOutcomes, type EpisodeFact, type FollowUpFact } from '../domain/outcomes';
import { problems } from './common';
import { type ApiInstance, type RouteContext, typed } from './context';

const Count = z.number().int().min(0);
const Probability = z.number().min(0).max(1);
const KaplanMeierStepSchema = z
  .object({
    time: z.number().min(0).meta({ description: 'Months since the treatment date (0 = the origin)' }),
    atRisk: Count.meta({
      description: 'Episodes still followed and free of recurrence just before this time',
    }),
    events: Count.meta({ description: 'Recurrences at this time' }),
    censored: Count.meta({ description: 'Episodes whose last follow-up so far is at this time' }),
    survival: Probability.meta({ description: 'Estimated proportion free of recurrence after this time' }),
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
            timePoint: z.enum(FOLLOW_UP_TIME_POINTS),
            total: Count,
            ...Object.fromEntries(SPASM_STATUSES.map((s) => [s, Count])),
          } as {
            timePoint: z.ZodEnum<{ [K in (typeof FOLLOW_UP_TIME_POINTS)[number]]: K }>;
            total: typeof Count;
          } & Record<(typeof SPASM_STATUSES)[number], typeof Count>),
        ),
        complications: z.object({ episodes: Count, rate: z.number().nullable() }),
        recurrenceFree: z
          .object({
            episodes: Count.meta({
              description: 'Episodes in the estimate: those with at least one follow-up',
            }),
            recurrences: Count.meta({ description: 'Episodes with a follow-up marked as a recurrence' }),
            steps: z.array(KaplanMeierStepSchema),
          })
          .meta({
            description:
              'Crude Kaplan–Meier estimate of the proportion free of recurrence by months since the treatment ' +
              'date: the event is the first follow-up marked as a recurrence, otherwise the episode is censored at ' +
              'its last follow-up. Not adjusted.',
          }),
      }),
    ),
  })
  .meta({ id: 'ClinicOutcomes' });

export function outcomeRoutes(api: ApiInstance, ctx: RouteContext): void {
  const r = typed(api);
  r.get(
    '/clinic/outcomes',
    {
      config: { policy: 'clinic-outcomes' },
      schema: {
        tags: ['outcomes'],
        summary:
          'Per treatment kind: counts, follow-up status at each time point, complication rate and a Kaplan–Meier recurrence-free curve',
        response: { 200: OutcomesSchema, ...problems },
      },
    },
    async (req) => {
      const clinicId = req.actor!.clinicId;
      const episodes = await ctx.db
        .selectFrom('treatment_episodes as e')
        .innerJoin('patients as p', 'p.id', 'e.patient_id')
        .select(['e.id', 'e.patient_id', 'e.kind', 'e.start_date', 'e.details'])
        .where('p.clinic_id', '=', clinicId)
        .execute();
      const followUps = await ctx.db
        .selectFrom('follow_ups as f')
        .innerJoin('patients as p', 'p.id', 'f.patient_id')
        .select([
          'f.episode_id',
          'f.time_point',
          'f.assessed_on',
          'f.spasm_status',
          'f.complications',
          'f.recurrence',
        ])
        .where('p.clinic_id', '=', clinicId)
        .execute();
      const eps: EpisodeFact[] = episodes.map((e) => ({
        id: e.id,
        patientId: e.patient_id,
        kind: e.kind,
        startDate: e.start_date,
        complications: 'complications' in e.details ? e.details.complications : [],
      }));
      const fus: FollowUpFact[] = followUps.map((f) => ({
        episodeId: f.episode_id,
        timePoint: f.time_point,
        assessedOn: f.assessed_on,
        spasmStatus: f.spasm_status,
        complications: f.complications,
        recurrence: f.recurrence,
      }));
      return {
        clinicId,
        generatedAt: new Date().toISOString(),
        note:
          'Crude figures of what this clinic recorded: counts and proportions per time point, and a crude ' +
          'Kaplan–Meier estimate of recurrence-free time since treatment; not adjusted for case mix. ' +
          'Supports, and does not replace, the judgement of a physician.',
        kinds: computeOutcomes(eps, fus),
      };
    },
  );
}
