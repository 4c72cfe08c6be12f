/** Follow-up visits after a treatment episode, at fixed time points, for the outcome tables. */
import { FOLLOW_UP_TIME_POINTS, HEARING_CLASSES, SPASM_STATUSES } from '@hemispasm/core';
import { type Selectable, type SqlBool, sql } from 'kysely';
import { z } from 'zod';
import type { FollowUpsTable } from '../db/schema';
import { ApiError, fieldError } from '../http/errors';
import { apiRow, jsonText, PastDate, StoredDate, text, Uuid } from './common';
import type { RouteModule } from './context';
import { RequiringRow } from './records';
import { patientRows } from './route-options';

export const FollowUpSchema = z
  .object({
    id: Uuid,
    patientId: Uuid,
    episodeId: Uuid,
    timePoint: z.enum(FOLLOW_UP_TIME_POINTS),
    assessedOn: StoredDate,
    spasmStatus: z.enum(SPASM_STATUSES),
    houseBrackmann: z.number().int().min(1).max(6).nullable(),
    hearingClass: z.enum(HEARING_CLASSES).nullable(),
    complications: z.array(z.string()),
    recurrence: z.boolean(),
    notes: z.string().nullable(),
    createdBy: Uuid,
    createdAt: z.string(),
  })
  .meta({ id: 'FollowUp' });

const FollowUpCreate = z
  .strictObject({
    episodeId: Uuid.describe('The treatment episode this follow-up belongs to (of the same patient)'),
    timePoint: z.enum(FOLLOW_UP_TIME_POINTS).describe('1 week; 1, 3, 6, 12 months; later'),
    assessedOn: PastDate,
    spasmStatus: z.enum(SPASM_STATUSES),
    houseBrackmann: z
      .number()
      .int()
      .min(1)
      .max(6)
      .nullable()
      .optional()
      .describe('House–Brackmann grade I–VI as 1–6'),
    hearingClass: z.enum(HEARING_CLASSES).nullable().optional().describe('AAO-HNS hearing class A–D'),
    complications: z.array(text(200).min(1)).max(30).optional(),
    recurrence: z.boolean().optional().describe('Spasm came back after having resolved'),
    notes: text(2000).optional(),
  })
  .meta({ id: 'FollowUpCreate' });

function dto(r: Selectable<FollowUpsTable>): z.infer<typeof FollowUpSchema> {
  return apiRow(r);
}

export const followUpRoutes: RouteModule = async (api, ctx) => {
  const followUps = patientRows(api, ctx.records, 'follow-ups', FollowUpSchema, dto);

  followUps.list(
    'Follow-ups, newest first',
    (query) => ({ newestFirst: ['assessed_on'], where: [['episode_id', '=', query.episodeId]] }),
    z.strictObject({ episodeId: Uuid.optional() }),
  );

  followUps.create(
    'patient-clinical-write',
    'Record a follow-up of a treatment episode (clinicians)',
    FollowUpCreate,
    (b, req) => {
      const patientId = req.params.patientId;
      // The episode must be this patient's and must not start after the visit: checked by the insert
      // itself (one statement); only when it stores nothing is the episode read, to say which.
      const requirement = {
        condition: sql<SqlBool>`EXISTS (SELECT 1 FROM treatment_episodes e
          WHERE e.id = ${b.episodeId} AND e.patient_id = ${patientId} AND e.start_date <= ${b.assessedOn})`,
        refused: async (): Promise<never> => {
          const episode = await ctx.db
            .selectFrom('treatment_episodes')
            .select(['id', 'start_date'])
            .where('id', '=', b.episodeId)
            .where('patient_id', '=', patientId)
            .executeTakeFirst();
          if (!episode)
            throw fieldError('not_found', 'body.episodeId', 'no such treatment episode of this patient');
          if (b.assessedOn < episode.start_date) {
            throw fieldError(
              'validation_failed',
              'body.assessedOn',
              'must not be before the episode started',
            );
          }
          // The episode was changed between the insert and this read.
          throw new ApiError('conflict', { detail: 'the treatment episode changed meanwhile; try again' });
        },
      };
      return new RequiringRow(
        {
          episode_id: b.episodeId,
          time_point: b.timePoint,
          assessed_on: b.assessedOn,
          spasm_status: b.spasmStatus,
          house_brackmann: b.houseBrackmann ?? null,
          hearing_class: b.hearingClass ?? null,
          complications: jsonText(b.complications ?? []),
          recurrence: b.recurrence ?? false,
          notes: b.notes ?? null,
        },
        requirement,
      );
    },
  );
};
