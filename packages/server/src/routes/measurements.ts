/**
 * Objective measurements from face video, of two kinds: `spasm` (the spasm analysis summary and its
 * events) and `movement` (the facial-movement test: per-movement symmetry and the measured band). Both are
 * computed by the clinical core in the browser or the CLI and validated here with the core's own schemas.
 * The video itself never reaches the server.
 */
import type { MovementAnalysis, SpasmAnalysis } from '@hemispasm/core';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { VideoMeasurementsTable } from '../db/schema';
import {
  MeasuredAnalysisSchema,
  MeasuredMovementSchema,
  MovementAnalysisSchema,
  SpasmAnalysisSchema,
} from '../domain/clinical-core';
import { iso, jsonText, PastDateTime, text, Uuid } from './common';
import type { RouteModule } from './context';
import { patientRoute } from './route-options';

const common = {
  id: Uuid,
  patientId: Uuid,
  recordedAt: z.string(),
  analyzerVersion: z.string(),
  notes: z.string().nullable(),
  createdBy: Uuid,
  createdAt: z.string(),
};

export const MeasurementSchema = z
  .object({ ...common, kind: z.literal('spasm'), analysis: SpasmAnalysisSchema })
  .meta({ id: 'Measurement' });

export const MovementMeasurementSchema = z
  .object({ ...common, kind: z.literal('movement'), analysis: MovementAnalysisSchema })
  .meta({ id: 'MovementMeasurement' });

const AnyMeasurement = z.discriminatedUnion('kind', [MeasurementSchema, MovementMeasurementSchema]);

const MeasurementCreate = z
  .strictObject({
    // Optional, so the spasm self-test's body ({ recordedAt, analysis }) stays as it was.
    kind: z.literal('spasm').default('spasm'),
    recordedAt: PastDateTime,
    analysis: MeasuredAnalysisSchema.describe('SpasmAnalysis from @hemispasm/core (summary and events)'),
    notes: text(2000).optional(),
  })
  .meta({ id: 'MeasurementCreate' });

const MovementMeasurementCreate = z
  .strictObject({
    kind: z.literal('movement'),
    recordedAt: PastDateTime,
    analysis: MeasuredMovementSchema.describe(
      'MovementAnalysis from @hemispasm/core (the facial-movement test)',
    ),
    notes: text(2000).optional(),
  })
  .meta({ id: 'MovementMeasurementCreate' });

const ListQuery = z.strictObject({
  kind: z.enum(['spasm', 'movement']).optional().describe('only measurements of this kind (default: both)'),
});

type Dto = z.infer<typeof AnyMeasurement>;

function dto(r: Selectable<VideoMeasurementsTable>): Dto {
  const base = {
    id: r.id,
    patientId: r.patient_id,
    recordedAt: iso(r.recorded_at),
    analyzerVersion: r.analyzer_version,
    notes: r.notes,
    createdBy: r.created_by,
    createdAt: iso(r.created_at),
  };
  if (r.kind === 'movement')
    return { ...base, kind: 'movement', analysis: r.summary as unknown as MovementAnalysis };
  return {
    ...base,
    kind: 'spasm',
    analysis: {
      ...(r.summary as Omit<SpasmAnalysis, 'events'>),
      events: r.events as SpasmAnalysis['events'],
    },
  };
}

export const measurementRoutes: RouteModule = async (api, ctx) => {
  api.get(
    '/patients/:patientId/measurements',
    patientRoute(
      'patient-read',
      'measurements',
      'Video measurements (spasm and facial-movement tests), newest first',
      {
        querystring: ListQuery,
        response: { 200: z.array(AnyMeasurement) },
      },
    ),
    async (req) => {
      const rows = await ctx.records.list(req, 'video_measurements', {
        newestFirst: ['recorded_at'],
        limit: 500,
        where: [['kind', '=', req.query.kind]],
      });
      return rows.map(dto);
    },
  );

  api.post(
    '/patients/:patientId/measurements',
    patientRoute(
      { policy: 'patient-self-report', guardInStatement: true },
      'measurements',
      'Store the analysis of a face video (spasm: summary and events; movement: the movement test), never the video',
      {
        body: z.discriminatedUnion('kind', [MeasurementCreate, MovementMeasurementCreate]),
        response: { 201: AnyMeasurement },
      },
    ),
    async (req, reply) => {
      const b = req.body;
      const values =
        b.kind === 'movement'
          ? { analyzer_version: b.analysis.analyzerVersion, summary: jsonText(b.analysis), events: '[]' }
          : (() => {
              const { events, ...summary } = b.analysis;
              return {
                analyzer_version: summary.analyzerVersion,
                summary: jsonText(summary),
                events: jsonText(events),
              };
            })();
      const row = await ctx.records.insert(req, 'video_measurements', {
        kind: b.kind,
        recorded_at: b.recordedAt,
        ...values,
        notes: b.notes ?? null,
      });
      return reply.code(201).send(dto(row));
    },
  );
};
