/**
 * Objective spasm measurements from face video: the analysis summary and its events as computed by
 * the clinical core's analyzer (in the browser or the CLI), validated here with the core's own schema.
 * The video itself never reaches the server.
 */
import type { SpasmAnalysis } from '@hemispasm/core';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { VideoMeasurementsTable } from '../db/schema';
import { MeasuredAnalysisSchema, SpasmAnalysisSchema } from '../domain/clinical-core';
import { iso, jsonText, PastDateTime, text, Uuid } from './common';
import type { RouteModule } from './context';
import { listRoute, patientRoute } from './route-options';

export const MeasurementSchema = z
  .object({
    id: Uuid,
    patientId: Uuid,
    recordedAt: z.string(),
    analyzerVersion: z.string(),
    analysis: SpasmAnalysisSchema,
    notes: z.string().nullable(),
    createdBy: Uuid,
    createdAt: z.string(),
  })
  .meta({ id: 'Measurement' });

const MeasurementCreate = z
  .strictObject({
    recordedAt: PastDateTime,
    analysis: MeasuredAnalysisSchema.describe('SpasmAnalysis from @hemispasm/core (summary and events)'),
    notes: text(2000).optional(),
  })
  .meta({ id: 'MeasurementCreate' });

function dto(r: Selectable<VideoMeasurementsTable>): z.infer<typeof MeasurementSchema> {
  return {
    id: r.id,
    patientId: r.patient_id,
    recordedAt: iso(r.recorded_at),
    analyzerVersion: r.analyzer_version,
    analysis: {
      ...(r.summary as Omit<SpasmAnalysis, 'events'>),
      events: r.events as SpasmAnalysis['events'],
    },
    notes: r.notes,
    createdBy: r.created_by,
    createdAt: iso(r.created_at),
  };
}

export const measurementRoutes: RouteModule = async (api, ctx) => {
  listRoute(api, ctx.records, {
    path: '/patients/:patientId/measurements',
    tag: 'measurements',
    summary: 'Video measurements, newest first',
    item: MeasurementSchema,
    table: 'video_measurements',
    list: {
      newestFirst: ['recorded_at'],
      limit: 500,
    },
    dto,
  });

  api.post(
    '/patients/:patientId/measurements',
    patientRoute(
      'patient-self-report',
      'measurements',
      'Store the analysis of a face video (summary and events, never the video)',
      {
        body: MeasurementCreate,
        response: { 201: MeasurementSchema },
      },
    ),
    async (req, reply) => {
      const { events, ...summary } = req.body.analysis;
      const row = await ctx.records.insert(req, 'video_measurements', {
        recorded_at: req.body.recordedAt,
        analyzer_version: summary.analyzerVersion,
        summary: jsonText(summary),
        events: jsonText(events),
        notes: req.body.notes ?? null,
      });
      return reply.code(201).send(dto(row));
    },
  );
};
