/** Questionnaire and rating-scale assessments, scored on the server by the clinical core. */
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { AssessmentsTable } from '../db/schema';
import { scoreAnswers } from '../domain/clinical-core';
import { apiRow, jsonText, key, PastDate, StoredDate, Uuid } from './common';
import type { RouteModule } from './context';
import { patientRows } from './route-options';

export const AssessmentSchema = z
  .object({
    id: Uuid,
    patientId: Uuid,
    instrumentId: z.string(),
    instrumentVersion: z.string().describe('The wording variant the answers were given to'),
    answers: z.unknown(),
    score: z.record(z.string(), z.unknown()).describe("The core's InstrumentScore, computed on the server"),
    total: z.number().nullable(),
    bandId: z.string().nullable(),
    assessedOn: StoredDate,
    createdBy: Uuid,
    createdAt: z.string(),
  })
  .meta({ id: 'Assessment' });

const AssessmentCreate = z
  .strictObject({
    instrumentId: key(60).describe('e.g. smc, jankovic-hfs, hfs7, hfs30, house-brackmann'),
    answers: z.unknown().describe("The instrument's answers, validated and scored by @hemispasm/core"),
    assessedOn: PastDate.optional().describe('Default: today'),
  })
  .meta({ id: 'AssessmentCreate' });

function dto(r: Selectable<AssessmentsTable>): z.infer<typeof AssessmentSchema> {
  return { ...apiRow(r), score: { ...r.score } };
}

export const assessmentRoutes: RouteModule = async (api, ctx) => {
  const assessments = patientRows(api, ctx.records, 'assessments', AssessmentSchema, dto);

  assessments.list(
    'Assessments, newest first',
    (query) => ({
      newestFirst: ['assessed_on', 'created_at'],
      limit: 1000,
      where: [['instrument_id', '=', query.instrumentId || undefined]],
    }),
    z.strictObject({ instrumentId: key(60).optional() }),
  );

  assessments.create(
    'patient-self-report',
    'Record answers to an instrument; the server scores them with the clinical core',
    AssessmentCreate,
    (b) => {
      const score = scoreAnswers(b.instrumentId, b.answers);
      return {
        instrument_id: score.instrumentId,
        instrument_version: score.instrumentVersion,
        answers: jsonText(b.answers),
        score: jsonText(score),
        total: typeof score.total === 'number' ? score.total : null,
        band_id: score.band?.id ?? null,
        assessed_on: b.assessedOn ?? new Date().toISOString().slice(0, 10),
      };
    },
  );
};
