/** The clinic's patient directory and each patient's demographic record. */
import { type Selectable, type SqlBool, sql } from 'kysely';
import { z } from 'zod';
import type { PatientsTable } from '../db/schema';
import { ApiError } from '../http/errors';
import { requireActor } from '../http/guard';
import { iso, PastDate, PatientParams, problems, StoredDate, text, Uuid } from './common';
import type { RouteModule } from './context';
import { PatientListQuery, pageLinks, patientPage } from './patient-list';
import { ACTOR_CLINIC_ID, ACTOR_USER_ID } from './records';

export const PatientSchema = z
  .object({
    id: Uuid,
    clinicId: Uuid,
    name: z.string(),
    birthDate: StoredDate,
    sex: z.enum(['female', 'male', 'other', 'unknown']),
    affectedSide: z.enum(['left', 'right', 'bilateral']).describe("The patient's anatomical side"),
    onsetDate: StoredDate.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Patient' });

/**
 * The list's body, and its headers for the OpenAPI document (@fastify/swagger moves a response schema's
 * `headers` to the response's headers; they are not part of the body).
 */
const PatientListResponse = z.array(PatientSchema).meta({
  headers: {
    'X-Total-Count': {
      type: 'integer',
      minimum: 0,
      description: "How many of the clinic's patients match the filters (q, side, sex), all pages together",
    },
    Link: {
      type: 'string',
      description: 'The first, prev, next and last pages (RFC 8288), as far as patients precede or follow',
    },
  },
});

const PatientFields = {
  name: text(200).min(1),
  birthDate: PastDate,
  sex: z.enum(['female', 'male', 'other', 'unknown']),
  affectedSide: z.enum(['left', 'right', 'bilateral']).describe("The patient's anatomical side"),
  onsetDate: PastDate.nullable().optional(),
};
const PatientCreate = z.strictObject(PatientFields);
const PatientUpdate = z
  .strictObject({
    name: PatientFields.name.optional(),
    birthDate: PatientFields.birthDate.optional(),
    sex: PatientFields.sex.optional(),
    affectedSide: PatientFields.affectedSide.optional(),
    onsetDate: PatientFields.onsetDate,
  })
  .refine((v) => Object.keys(v).length > 0, 'give at least one field to change');

export function patientDto(
  p: Pick<
    Selectable<PatientsTable>,
    | 'id'
    | 'clinic_id'
    | 'name'
    | 'birth_date'
    | 'sex'
    | 'affected_side'
    | 'onset_date'
    | 'created_at'
    | 'updated_at'
  >,
): z.infer<typeof PatientSchema> {
  return {
    id: p.id,
    clinicId: p.clinic_id,
    name: p.name,
    birthDate: p.birth_date,
    sex: p.sex as z.infer<typeof PatientSchema>['sex'],
    affectedSide: p.affected_side as z.infer<typeof PatientSchema>['affectedSide'],
    onsetDate: p.onset_date,
    createdAt: iso(p.created_at),
    updatedAt: iso(p.updated_at),
  };
}

const COLUMNS = [
  'id',
  'clinic_id',
  'name',
  'birth_date',
  'sex',
  'affected_side',
  'onset_date',
  'created_at',
  'updated_at',
] as const;

const utcToday = () => new Date().toISOString().slice(0, 10);

function checkDates(
  birthDate: string | undefined,
  onsetDate: string | null | undefined,
  today = utcToday(),
): void {
  const issues = [];
  if (birthDate && birthDate > today)
    issues.push({ path: 'body.birthDate', message: 'must not be in the future' });
  if (onsetDate && onsetDate > today)
    issues.push({ path: 'body.onsetDate', message: 'must not be in the future' });
  if (birthDate && onsetDate && onsetDate < birthDate)
    issues.push({ path: 'body.onsetDate', message: 'must not be before the birth date' });
  if (issues.length) throw new ApiError('validation_failed', { issues });
}

export const patientRoutes: RouteModule = async (api, ctx) => {
  api.get(
    '/patients',
    {
      config: { policy: 'clinic-directory', audit: 'patient-directory' },
      schema: {
        tags: ['patients'],
        summary: "The signed-in clinician's or admin's clinic patients, in name order, one page at a time",
        description:
          'Keyset pagination, no OFFSET: pages stay fast however deep, and a patient added meanwhile never ' +
          'shifts a page. The `Link` header gives the pages around this one, each URL with the same filters ' +
          'and `limit`: `rel="next"` (`after` = the last patient of this page) and `rel="last"` (`last=true`) ' +
          'when patients follow; `rel="prev"` (`before` = the first patient of this page) and `rel="first"` ' +
          'when patients precede. `before` pages backwards: the `limit` patients just before the cursor, in ' +
          'name order; when fewer than `limit` precede it, the first page instead (a page is short only at ' +
          'the end). `last=true` gives the last `limit` patients. At most one of `after`, `before`, `last`. ' +
          "The `X-Total-Count` header is the number of the clinic's patients matching the filters (`q`, " +
          '`side`, `sex`), all pages together; the body stays the array of patients.',
        querystring: PatientListQuery,
        response: { 200: PatientListResponse, ...problems },
      },
    },
    async (req, reply) => {
      const { q, side, sex, limit, after, before, last } = req.query;
      const filters = { q, side, sex };
      const page = await patientPage(
        ctx.db,
        requireActor(req).clinicId,
        { ...filters, after, before, last },
        limit,
      );
      reply.header('x-total-count', String(page.total));
      const link = pageLinks(filters, limit, page);
      if (link) reply.header('link', link);
      return page.rows.map(patientDto);
    },
  );

  api.post(
    '/patients',
    {
      config: { policy: 'clinic-create-patient', audit: 'patient', guardInStatement: true },
      schema: {
        tags: ['patients'],
        summary: "Add a patient to the clinician's clinic",
        body: PatientCreate,
        response: { 201: PatientSchema, ...problems },
      },
    },
    async (req, reply) => {
      const b = req.body;
      checkDates(b.birthDate, b.onsetDate);
      const row = await ctx.records.insertInto(
        req,
        201,
        'patients',
        {
          clinic_id: ACTOR_CLINIC_ID,
          name: b.name,
          birth_date: b.birthDate,
          sex: b.sex,
          affected_side: b.affectedSide,
          onset_date: b.onsetDate ?? null,
          created_by: ACTOR_USER_ID,
        },
        { returning: COLUMNS, auditPatientFromResult: true },
      );
      return reply.code(201).send(patientDto(row));
    },
  );

  api.get(
    '/patients/:patientId',
    {
      config: { policy: 'patient-read', audit: 'patient' },
      schema: {
        tags: ['patients'],
        summary: "One patient's demographic record",
        params: PatientParams,
        response: { 200: PatientSchema, ...problems },
      },
    },
    async (req) => {
      const row = await ctx.db
        .selectFrom('patients')
        .select(COLUMNS)
        .where('id', '=', req.params.patientId)
        .executeTakeFirstOrThrow();
      return patientDto(row);
    },
  );

  api.patch(
    '/patients/:patientId',
    {
      config: { policy: 'patient-clinical-write', audit: 'patient', guardInStatement: true },
      schema: {
        tags: ['patients'],
        summary: "Correct a patient's demographic record",
        params: PatientParams,
        body: PatientUpdate,
        response: { 200: PatientSchema, ...problems },
      },
    },
    async (req) => {
      const b = req.body;
      const today = utcToday();
      // One statement: the guard, the update and its audit row (records.ts). The dates are checked on
      // the values the row will have (given, else stored) by the update itself, so no read comes first
      // and nothing can change in between; only when it changed nothing is the row read, to say why.
      const birth = b.birthDate === undefined ? sql<string>`birth_date` : sql<string>`${b.birthDate}::date`;
      const onset =
        b.onsetDate === undefined ? sql<string | null>`onset_date` : sql<string | null>`${b.onsetDate}::date`;
      const [row] = await ctx.records.change(
        req,
        200,
        ctx.db
          .updateTable('patients')
          .set({
            ...(b.name !== undefined ? { name: b.name } : {}),
            ...(b.birthDate !== undefined ? { birth_date: b.birthDate } : {}),
            ...(b.sex !== undefined ? { sex: b.sex } : {}),
            ...(b.affectedSide !== undefined ? { affected_side: b.affectedSide } : {}),
            ...(b.onsetDate !== undefined ? { onset_date: b.onsetDate } : {}),
            updated_at: sql<Date>`now()`,
          })
          .where('id', '=', req.params.patientId)
          .where(sql<SqlBool>`${birth} <= ${today}::date
            AND (${onset} IS NULL OR (${onset} <= ${today}::date AND ${onset} >= ${birth}))`)
          .returning(COLUMNS),
      );
      if (row) return patientDto(row);
      // The caller is allowed and the patient exists (records.change checked both): the dates are wrong.
      const current = await ctx.db
        .selectFrom('patients')
        .select(['birth_date', 'onset_date'])
        .where('id', '=', req.params.patientId)
        .executeTakeFirstOrThrow();
      checkDates(
        b.birthDate ?? current.birth_date,
        b.onsetDate === undefined ? current.onset_date : b.onsetDate,
        today,
      );
      throw new ApiError('conflict', { detail: 'the patient record changed meanwhile; try again' });
    },
  );
};
