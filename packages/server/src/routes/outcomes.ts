/** Aggregate outcome figures of the clinic, for the web app's outcome charts. No patient identities. */
import { z } from 'zod';
import { computeOutcomes, type EpisodeFact, type FollowUpFact, TREATMENT_KINDS } from '../domain/outcomes';
import { problems } from './common';
import { type ApiInstance, type RouteContext, typed } from './context';
import { SPASM_STATUSES, TIME_POINTS } from './follow-ups';

const Count = z.number().int().min(0);
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
        recurrenceFree: z.array(
          z.object({
            timePoint: z.enum(TIME_POINTS),
            followed: Count,
            recurrenceFree: Count,
            proportion: z.number().nullable(),
          }),
        ),
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
          'Per treatment kind: counts, follow-up status at each time point, complication and recurrence-free rates',
        response: { 200: OutcomesSchema, ...problems },
      },
    },
    async (req) => {
      const clinicId = req.actor!.clinicId;
      const episodes = await ctx.db
        .selectFrom('treatment_episodes as e')
        .innerJoin('patients as p', 'p.id', 'e.patient_id')
        .select(['e.id', 'e.patient_id', 'e.kind', 'e.details'])
        .where('p.clinic_id', '=', clinicId)
        .execute();
      const followUps = await ctx.db
        .selectFrom('follow_ups as f')
        .innerJoin('patients as p', 'p.id', 'f.patient_id')
        .select(['f.episode_id', 'f.time_point', 'f.spasm_status', 'f.complications', 'f.recurrence'])
        .where('p.clinic_id', '=', clinicId)
        .execute();
      const eps: EpisodeFact[] = episodes.map((e) => ({
        id: e.id,
        patientId: e.patient_id,
        kind: e.kind as EpisodeFact['kind'],
        complications: Array.isArray(e.details.complications) ? (e.details.complications as string[]) : [],
      }));
      const fus: FollowUpFact[] = followUps.map((f) => ({
        episodeId: f.episode_id,
        timePoint: f.time_point as FollowUpFact['timePoint'],
        spasmStatus: f.spasm_status as FollowUpFact['spasmStatus'],
        complications: f.complications,
        recurrence: f.recurrence,
      }));
      return {
        clinicId,
        generatedAt: new Date().toISOString(),
        note:
          'Crude proportions of what this clinic recorded; not adjusted, not a survival analysis. ' +
          'Supports, and does not replace, the judgement of a physician.',
        kinds: computeOutcomes(eps, fus),
      };
    },
  );
}
