/** Follow-up visits after a treatment episode, at fixed time points, for the outcome tables. */
import { FOLLOW_UP_TIME_POINTS, HEARING_CLASSES, SPASM_STATUSES } from '@hemispasm/core';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { FollowUpsTable } from '../db/schema';
import { ApiError } from '../http/errors';
import { iso, jsonText, PastDate, StoredDate, text, Uuid } from './common';
import type { RouteModule } from './context';
import { listRoute, patientRoute } from './route-options';

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
  return {
    id: r.id,
    patientId: r.patient_id,
    episodeId: r.episode_id,
    timePoint: r.time_point,
    assessedOn: r.assessed_on,
    spasmStatus: r.spasm_status,
    houseBrackmann: r.house_brackmann,
    hearingClass: r.hearing_class,
    complications: r.complications,
    recurrence: r.recurrence,
    notes: r.notes,
    createdBy: r.created_by,
    createdAt: iso(r.created_at),
  };
}

export const followUpRoutes: RouteModule = async (api, ctx) => {
  listRoute(api, ctx.records, {
    path: '/patients/:patientId/follow-ups',
    tag: 'treatments',
    summary: 'Follow-ups, newest first',
    querystring: z.strictObject({ episodeId: Uuid.optional() }),
    item: FollowUpSchema,
    table: 'follow_ups',
    list: (query) => ({
      newestFirst: ['assessed_on'],
      where: [['episode_id', '=', query.episodeId]],
    }),
    dto,
  });

  api.post(
    '/patients/:patientId/follow-ups',
    patientRoute(
      'patient-clinical-write',
      'treatments',
      'Record a follow-up of a treatment episode (clinicians)',
      {
        body: FollowUpCreate,
        response: { 201: FollowUpSchema },
      },
    ),
    async (req, reply) => {
      const b = req.body;
      const episode = await ctx.db
        .selectFrom('treatment_episodes')
        .select(['id', 'start_date'])
        .where('id', '=', b.episodeId)
        .where('patient_id', '=', req.params.patientId)
        .executeTakeFirst();
      if (!episode) {
        throw new ApiError('not_found', {
          issues: [{ path: 'body.episodeId', message: 'no such treatment episode of this patient' }],
        });
      }
      if (b.assessedOn < episode.start_date) {
        throw new ApiError('validation_failed', {
          issues: [{ path: 'body.assessedOn', message: 'must not be before the episode started' }],
        });
      }
      const row = await ctx.records.insert(req, 'follow_ups', {
        episode_id: b.episodeId,
        time_point: b.timePoint,
        assessed_on: b.assessedOn,
        spasm_status: b.spasmStatus,
        house_brackmann: b.houseBrackmann ?? null,
        hearing_class: b.hearingClass ?? null,
        complications: jsonText(b.complications ?? []),
        recurrence: b.recurrence ?? false,
        notes: b.notes ?? null,
      });
      return reply.code(201).send(dto(row));
    },
  );
};
