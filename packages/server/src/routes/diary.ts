/** The patient's symptom diary, including the marks of the botulinum-toxin cycle. */
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { DiaryEntriesTable } from '../db/schema';
import { fieldError } from '../http/errors';
import { apiRow, jsonText, PastDate, PatientParams, QueryDate, StoredDate, text, Uuid } from './common';
import type { RouteModule } from './context';
import type { NewRow } from './records';
import { patientRoute, patientRows, routeOptions } from './route-options';

const Trigger = text(60).min(1);

export const DiaryEntrySchema = z
  .object({
    id: Uuid,
    patientId: Uuid,
    entryDate: StoredDate,
    severity: z.number().int().min(0).max(10),
    spasmEpisodes: z.number().int().nullable(),
    triggers: z.array(z.string()),
    notes: z.string().nullable(),
    toxinInjectionDay: z.boolean(),
    toxinEffectNoticed: z.boolean(),
    toxinWearingOff: z.boolean(),
    createdBy: Uuid,
    createdAt: z.string(),
  })
  .meta({ id: 'DiaryEntry' });

export const DiaryEntryCreate = z
  .strictObject({
    entryDate: PastDate,
    severity: z.number().int().min(0).max(10).describe('0 = no spasm … 10 = worst imaginable'),
    spasmEpisodes: z
      .number()
      .int()
      .min(0)
      .max(10000)
      .optional()
      .describe('Estimated number of spasm episodes that day'),
    triggers: z.array(Trigger).max(20).optional().describe('e.g. stress, fatigue, talking, bright light'),
    notes: text(2000).optional(),
    toxinInjectionDay: z.boolean().optional().describe('A botulinum toxin injection was given this day'),
    toxinEffectNoticed: z.boolean().optional().describe('The effect of the last injection was first noticed'),
    toxinWearingOff: z
      .boolean()
      .optional()
      .describe('The effect of the last injection was noticed wearing off'),
  })
  .meta({ id: 'DiaryEntryCreate' });

const DiaryQuery = z.strictObject({
  from: QueryDate.optional(),
  to: QueryDate.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(366),
});

function dto(r: Selectable<DiaryEntriesTable>): z.infer<typeof DiaryEntrySchema> {
  return { ...apiRow(r), toxinInjectionDay: r.toxin_injection };
}

type DiaryInput = z.infer<typeof DiaryEntryCreate>;

function rowOf(b: DiaryInput): NewRow<'diary_entries'> {
  return {
    entry_date: b.entryDate,
    severity: b.severity,
    spasm_episodes: b.spasmEpisodes ?? null,
    triggers: jsonText(b.triggers ?? []),
    notes: b.notes ?? null,
    toxin_injection: b.toxinInjectionDay ?? false,
    toxin_effect_noticed: b.toxinEffectNoticed ?? false,
    toxin_wearing_off: b.toxinWearingOff ?? false,
  };
}

/** Diary dates may run one day ahead of the server's UTC date (time zones), never more. */
function checkNotFuture(date: string, path: string): void {
  if (date > new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)) {
    throw fieldError('validation_failed', path, 'must not be in the future');
  }
}

export const diaryRoutes: RouteModule = async (api, ctx) => {
  const diary = patientRows(api, ctx.records, 'diary', DiaryEntrySchema, dto);

  diary.list(
    'Diary entries, newest first',
    (query) => ({
      newestFirst: ['entry_date', 'created_at'],
      limit: query.limit,
      where: [
        ['entry_date', '>=', query.from],
        ['entry_date', '<=', query.to],
      ],
    }),
    DiaryQuery,
  );

  diary.create('patient-self-report', 'Add a diary entry', DiaryEntryCreate, (b) => {
    checkNotFuture(b.entryDate, 'body.entryDate');
    return rowOf(b);
  });

  api.post(
    '/patients/:patientId/diary/batch',
    patientRoute(
      { policy: 'patient-self-report', audit: 'diary', guardInStatement: true },
      'diary',
      'Add several diary entries at once (e.g. kept offline): all are stored, or none',
      {
        body: z.strictObject({ entries: z.array(DiaryEntryCreate).min(1).max(366) }),
        response: { 201: z.object({ entries: z.array(DiaryEntrySchema) }) },
      },
    ),
    async (req, reply) => {
      for (const [i, e] of req.body.entries.entries()) {
        checkNotFuture(e.entryDate, `body.entries.${i}.entryDate`);
      }
      const rows = await ctx.records.insertMany(req, 'diary_entries', req.body.entries.map(rowOf));
      return reply.code(201).send({ entries: rows.map(dto) });
    },
  );

  api.delete(
    '/patients/:patientId/diary/:entryId',
    routeOptions(
      { policy: 'patient-self-report', guardInStatement: true },
      'diary',
      'Delete a diary entry made by mistake',
      {
        params: PatientParams.extend({ entryId: Uuid }),
        response: { 204: z.null() },
      },
    ),
    async (req, reply) => {
      const deleted = await ctx.records.change(
        req,
        204,
        ctx.db
          .deleteFrom('diary_entries')
          .where('id', '=', req.params.entryId)
          .where('patient_id', '=', req.params.patientId)
          .returning('id'),
      );
      if (deleted.length === 0) {
        throw fieldError('not_found', 'params.entryId', 'no such diary entry of this patient');
      }
      return reply.code(204).send(null);
    },
  );
};
