/**
 * Treatment episodes, one of four kinds, each with its own fields (a discriminated union on `kind`):
 * an oral medication course, a botulinum toxin session, microvascular decompression (MVD), or
 * radiofrequency (RF) neurotomy. `side` is always the patient's anatomical side.
 */
import { OFFENDING_VESSELS, TREATED_SIDES } from '@hemispasm/core';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { TreatmentEpisodesTable } from '../db/schema';
import { fieldError } from '../http/errors';
import { EpisodeDate, jsonText, StoredDate, storedFields, text, Uuid } from './common';
import type { RouteModule } from './context';
import { patientRows } from './route-options';

const Side = z.enum(TREATED_SIDES).describe("The patient's anatomical side treated");
const Complications = z.array(text(200).min(1)).max(30).default([]);
const HouseBrackmann = z
  .number()
  .int()
  .min(1)
  .max(6)
  .describe('House–Brackmann facial nerve grade I–VI as 1–6');

const OralMedication = z.strictObject({
  kind: z.literal('oral_medication'),
  startDate: EpisodeDate,
  endDate: EpisodeDate.nullable().optional(),
  drug: text(120).min(1).describe('e.g. carbamazepine, clonazepam, gabapentin, baclofen'),
  doseSchedule: text(300).min(1).describe('e.g. 200 mg twice daily'),
  sideEffects: z.array(text(200).min(1)).max(30).default([]),
  stopReason: text(300).optional(),
});

const BotulinumToxin = z.strictObject({
  kind: z.literal('botulinum_toxin'),
  startDate: EpisodeDate.describe('Day of the injection session'),
  side: Side,
  product: text(120).min(1).describe('e.g. onabotulinumtoxinA, abobotulinumtoxinA, incobotulinumtoxinA'),
  injections: z
    .array(
      z.strictObject({
        site: text(80).min(1).describe('e.g. orbicularis oculi, upper lateral'),
        units: z.number().positive().max(500),
      }),
    )
    .min(1)
    .max(40),
});

const Mvd = z.strictObject({
  kind: z.literal('mvd'),
  startDate: EpisodeDate.describe('Day of surgery'),
  side: Side,
  surgeon: text(120).min(1),
  offendingVessels: z.array(z.enum(OFFENDING_VESSELS)).min(1).max(6),
  monitoring: z.strictObject({
    lateralSpreadResponse: z.boolean().describe('Lateral spread response monitored'),
    lsrDisappeared: z
      .boolean()
      .nullable()
      .optional()
      .describe('The lateral spread response disappeared after decompression'),
    brainstemAuditoryEvokedPotentials: z.boolean(),
  }),
  complications: Complications,
});

const RfNeurotomy = z.strictObject({
  kind: z.literal('rf_neurotomy'),
  startDate: EpisodeDate.describe('Day of the procedure'),
  side: Side,
  ctGuided: z.boolean(),
  approach: text(200).min(1),
  needle: text(120).min(1).describe('Needle type and gauge'),
  temperatureC: z.number().min(40).max(95),
  durationS: z.number().positive().max(600),
  immediateHouseBrackmann: HouseBrackmann,
  complications: Complications,
});

export const EpisodeCreate = z
  .discriminatedUnion('kind', [OralMedication, BotulinumToxin, Mvd, RfNeurotomy])
  .meta({ id: 'EpisodeCreate' });
type EpisodeInput = z.infer<typeof EpisodeCreate>;
type DetailsOf<E> = E extends unknown ? Omit<E, 'kind' | 'startDate' | 'side' | 'endDate'> : never;
/** What the `details` column holds: the kind's own fields (and a toxin session's total units). */
export type EpisodeDetails = DetailsOf<EpisodeInput> & { totalUnits?: number };

const Stored = { id: Uuid, patientId: Uuid, startDate: StoredDate, createdBy: Uuid, createdAt: z.string() };
export const EpisodeSchema = z
  .discriminatedUnion('kind', [
    // Stored values are sent as they are: texts are not re-checked against today's input rules on read.
    OralMedication.extend({
      ...Stored,
      endDate: StoredDate.nullable(),
      drug: z.string(),
      doseSchedule: z.string(),
      sideEffects: z.array(z.string()),
      stopReason: z.string().optional(),
    }),
    BotulinumToxin.extend({
      ...Stored,
      product: z.string(),
      injections: z.array(z.object({ site: z.string(), units: z.number() })),
      totalUnits: z.number().describe('Sum of the units, computed by the server'),
    }),
    Mvd.extend({ ...Stored, surgeon: z.string(), complications: z.array(z.string()) }),
    RfNeurotomy.extend({
      ...Stored,
      approach: z.string(),
      needle: z.string(),
      complications: z.array(z.string()),
    }),
  ])
  .meta({ id: 'Episode' });
type Episode = z.infer<typeof EpisodeSchema>;

function dto(r: Selectable<TreatmentEpisodesTable>): Episode {
  // The row's kind and details were written together from one validated body, so they match.
  return {
    ...r.details,
    kind: r.kind,
    startDate: r.start_date,
    ...(r.kind === 'oral_medication' ? { endDate: r.end_date } : {}),
    ...(r.side ? { side: r.side } : {}),
    ...storedFields(r),
  } as Episode;
}

/**
 * Splits a validated episode into its columns and its kind-specific details (a toxin session's total units
 * added): how the route and the FHIR import store one.
 */
export function episodeColumns(e: EpisodeInput) {
  const { kind, startDate, ...rest } = e;
  const side = 'side' in rest ? rest.side : null;
  const endDate = 'endDate' in rest ? (rest.endDate ?? null) : null;
  const details: Record<string, unknown> = { ...rest };
  delete details.side;
  delete details.endDate;
  if (e.kind === 'botulinum_toxin') details.totalUnits = e.injections.reduce((s, i) => s + i.units, 0);
  return { kind, start_date: startDate, end_date: endDate, side, details: jsonText(details) };
}

export const episodeRoutes: RouteModule = async (api, ctx) => {
  const episodes = patientRows(api, ctx.records, 'episodes', EpisodeSchema, dto);

  episodes.list('Treatment episodes, newest first', { newestFirst: ['start_date', 'created_at'] });

  episodes.create('patient-clinical-write', 'Record a treatment episode (clinicians)', EpisodeCreate, (b) => {
    if (b.kind === 'oral_medication' && b.endDate && b.endDate < b.startDate) {
      throw fieldError('validation_failed', 'body.endDate', 'must not be before startDate');
    }
    return episodeColumns(b);
  });
};
