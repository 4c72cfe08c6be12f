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
import { MovementAnalysisSchema, SpasmAnalysisSchema } from '../domain/clinical-core';
import { IsoDateTime, iso, jsonText, PatientParams, problems, text, Uuid } from './common';
import { type ApiInstance, type RouteContext, typed } from './context';

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
    recordedAt: IsoDateTime,
    analysis: SpasmAnalysisSchema.describe('SpasmAnalysis from @hemispasm/core (summary and events)'),
    notes: text(2000).optional(),
  })
  .meta({ id: 'MeasurementCreate' });

const MovementMeasurementCreate = z
  .strictObject({
    kind: z.literal('movement'),
    recordedAt: IsoDateTime,
    analysis: MovementAnalysisSchema.describe(
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

export function measurementRoutes(api: ApiInstance, ctx: RouteContext): void {
  const r = typed(api);

  r.get(
    '/patients/:patientId/measurements',
    {
      config: { policy: 'patient-read' },
      schema: {
        tags: ['measurements'],
        summary: 'Video measurements (spasm and facial-movement tests), newest first',
        params: PatientParams,
        querystring: ListQuery,
        response: { 200: z.array(AnyMeasurement), ...problems },
      },
    },
    async (req) => {
      let q = ctx.db
        .selectFrom('video_measurements')
        .selectAll()
        .where('patient_id', '=', req.params.patientId);
      if (req.query.kind) q = q.where('kind', '=', req.query.kind);
      const rows = await q.orderBy('recorded_at', 'desc').limit(500).execute();
      return rows.map(dto);
    },
  );

  r.post(
    '/patients/:patientId/measurements',
    {
      config: { policy: 'patient-self-report' },
      schema: {
        tags: ['measurements'],
        summary:
          'Store the analysis of a face video (spasm: summary and events; movement: the movement test), never the video',
        params: PatientParams,
        body: z.discriminatedUnion('kind', [MeasurementCreate, MovementMeasurementCreate]),
        response: { 201: AnyMeasurement, ...problems },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const values =
        b.kind === 'movement'
          ? {
              kind: b.kind,
              analyzer_version: b.analysis.analyzerVersion,
              summary: jsonText(b.analysis),
              events: '[]',
            }
          : (() => {
              const { events, ...summary } = b.analysis;
              return {
                kind: b.kind,
                analyzer_version: summary.analyzerVersion,
                summary: jsonText(summary),
                events: jsonText(events),
              };
            })();
      const row = await ctx.db
        .insertInto('video_measurements')
        .values({
          patient_id: req.params.patientId,
          recorded_at: b.recordedAt,
          ...values,
          notes: b.notes ?? null,
          created_by: req.actor!.userId,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return reply.code(201).send(dto(row));
    },
  );
}
