/**
 * Decision records (the profile snapshot, the engine's output computed here with the clinical core,
 * the option chosen, by whom and when) and the patient's own decision-aid answers (preferred option,
 * values exercise, SURE test).
 */

import { PatientProfileSchema } from '@hemispasm/core';
import { type Selectable, type SqlBool, sql } from 'kysely';
import { z } from 'zod';
import type { DecisionPreferencesTable, DecisionRecordsTable } from '../db/schema';
import { OPTION_IDS, recommendFor } from '../domain/clinical-core';
import { fieldError } from '../http/errors';
import { apiRow, iso, jsonText, key, PatientParams, text, Uuid } from './common';
import type { RouteModule } from './context';
import { ACTOR_USER_ID, RequiringRow } from './records';
import { patientRows, routeOptions } from './route-options';

const OptionId = z.enum(OPTION_IDS);

export const DecisionSchema = z
  .object({
    id: Uuid,
    patientId: Uuid,
    profile: z.unknown().describe('The PatientProfile snapshot the engine was run on'),
    result: z
      .record(z.string(), z.unknown())
      .describe("The decision engine's DecisionResult, computed on the server"),
    chosenOption: OptionId.nullable(),
    chosenBy: Uuid.nullable(),
    chosenAt: z.string().nullable(),
    createdBy: Uuid,
    createdAt: z.string(),
  })
  .meta({ id: 'Decision' });

const DecisionCreate = z
  .strictObject({
    profile: PatientProfileSchema.describe('A PatientProfile (@hemispasm/core)'),
    chosenOption: OptionId.nullable().optional(),
  })
  .meta({ id: 'DecisionCreate' });

/**
 * SURE test (Légaré et al.): four yes/no items — Sure of myself, Understand information, Risk–benefit
 * ratio, Encouragement. Stored by item id; the wording lives with the web app's decision aid.
 */
export const SureAnswers = z
  .strictObject({
    sure: z.boolean(),
    understand: z.boolean(),
    riskBenefit: z.boolean(),
    encouragement: z.boolean(),
  })
  .describe('SURE test items, true = yes');

export const PreferenceSchema = z
  .object({
    id: Uuid,
    patientId: Uuid,
    decisionId: Uuid.nullable(),
    preferredOption: OptionId.nullable(),
    values: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])),
    sure: SureAnswers,
    sureScore: z.number().int().min(0).max(4).describe('Number of yes answers; 4 = no decisional conflict'),
    createdBy: Uuid,
    createdAt: z.string(),
  })
  .meta({ id: 'Preference' });

const PreferenceCreate = z
  .strictObject({
    decisionId: Uuid.nullable().optional().describe('The decision record this preference answers, if any'),
    preferredOption: OptionId.nullable().optional().describe('null = not sure yet'),
    values: z
      .record(key(60), z.union([z.number().finite(), text(500), z.boolean()]))
      .refine((v) => Object.keys(v).length <= 40, 'at most 40 answers')
      .default({})
      .describe('Values-exercise answers by item id'),
    sure: SureAnswers,
  })
  .meta({ id: 'PreferenceCreate' });

function decisionDto(r: Selectable<DecisionRecordsTable>): z.infer<typeof DecisionSchema> {
  return { ...apiRow(r), result: { ...r.result }, chosenAt: r.chosen_at ? iso(r.chosen_at) : null };
}

function preferenceDto(r: Selectable<DecisionPreferencesTable>): z.infer<typeof PreferenceSchema> {
  return { ...apiRow(r), values: r.values_answers };
}

export const decisionRoutes: RouteModule = async (api, ctx) => {
  const decisions = patientRows(api, ctx.records, 'decisions', DecisionSchema, decisionDto);

  decisions.list('Decision records, newest first', { newestFirst: ['created_at'] });

  api.patch(
    '/patients/:patientId/decisions/:decisionId',
    routeOptions(
      { policy: 'patient-clinical-write', guardInStatement: true },
      'decisions',
      'Record the option chosen for a decision (clinicians)',
      {
        params: PatientParams.extend({ decisionId: Uuid }),
        body: z.strictObject({ chosenOption: OptionId }),
        response: { 200: DecisionSchema },
      },
    ),
    async (req) => {
      const [row] = await ctx.records.change(
        req,
        200,
        ctx.db
          .updateTable('decision_records')
          .set({
            chosen_option: req.body.chosenOption,
            chosen_by: ACTOR_USER_ID,
            chosen_at: sql<Date>`now()`,
          })
          .where('id', '=', req.params.decisionId)
          .where('patient_id', '=', req.params.patientId)
          .returningAll(),
      );
      if (!row) throw fieldError('not_found', 'params.decisionId', 'no such decision of this patient');
      return decisionDto(row);
    },
  );

  decisions.create(
    'patient-clinical-write',
    'Run the decision engine on a profile and record it, optionally with the option chosen (clinicians)',
    DecisionCreate,
    (b) => {
      const chosen = b.chosenOption ?? null;
      return {
        profile: jsonText(b.profile),
        result: jsonText(recommendFor(b.profile)),
        chosen_option: chosen,
        chosen_by: chosen ? ACTOR_USER_ID : null,
        chosen_at: chosen ? sql<Date>`now()` : null,
      };
    },
  );

  const preferences = patientRows(api, ctx.records, 'preferences', PreferenceSchema, preferenceDto);

  preferences.list("The patient's decision-aid answers, newest first", { newestFirst: ['created_at'] });

  preferences.create(
    'patient-self-report',
    "Record the patient's preferred option, values-exercise answers and SURE test",
    PreferenceCreate,
    (b, req) => {
      const row = {
        decision_id: b.decisionId ?? null,
        preferred_option: b.preferredOption ?? null,
        values_answers: jsonText(b.values),
        sure: jsonText(b.sure),
        sure_score: Object.values(b.sure).filter(Boolean).length,
      };
      if (!b.decisionId) return row;
      // The decision answered must be this patient's: checked by the insert itself (one statement).
      return new RequiringRow(row, {
        condition: sql<SqlBool>`EXISTS (SELECT 1 FROM decision_records d
          WHERE d.id = ${b.decisionId} AND d.patient_id = ${req.params.patientId})`,
        refused: async () => {
          throw fieldError('not_found', 'body.decisionId', 'no such decision of this patient');
        },
      });
    },
  );
};
