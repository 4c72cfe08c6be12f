/** User accounts of the admin's clinic, and the clinic's audit trail. */
import { type Selectable, sql } from 'kysely';
import { z } from 'zod';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../auth/passwords';
import type { UsersTable } from '../db/schema';
import { fieldError } from '../http/errors';
import { requireActor } from '../http/guard';
import { iso, text, Uuid } from './common';
import type { RouteModule } from './context';
import { routeOptions } from './route-options';

export const UserSchema = z
  .object({
    id: Uuid,
    clinicId: Uuid,
    email: z.string(),
    displayName: z.string(),
    role: z.enum(['admin', 'clinician', 'patient']),
    patientId: Uuid.nullable(),
    disabled: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });

const Password = z.string().min(MIN_PASSWORD_LENGTH).max(256);
const Email = z.email().max(254);

const UserCreate = z
  .strictObject({
    email: Email,
    displayName: text(120).min(1),
    role: z.enum(['admin', 'clinician', 'patient']),
    password: Password,
    patientId: Uuid.optional().describe(
      'Required for a patient login: the patient record (of this clinic) it opens',
    ),
  })
  .meta({ id: 'UserCreate' });

const UserUpdate = z
  .strictObject({
    displayName: text(120).min(1).optional(),
    disabled: z.boolean().optional().describe('A disabled user cannot sign in; their sessions end at once'),
    password: Password.optional().describe('Sets a new password; the user’s sessions end at once'),
  })
  .refine((v) => Object.keys(v).length > 0, 'give at least one field to change')
  .meta({ id: 'UserUpdate' });

export const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actorUserId: Uuid.nullable(),
    actorRole: z.string().nullable(),
    patientId: Uuid.nullable(),
    action: z.enum(['read', 'create', 'update', 'delete']),
    resource: z.string(),
    route: z.string(),
    status: z.number().int(),
    ip: z.string().nullable(),
    requestId: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });

const USER_COLUMNS = [
  'id',
  'clinic_id',
  'email',
  'display_name',
  'role',
  'patient_id',
  'disabled',
  'created_at',
] as const;

function userDto(u: Pick<Selectable<UsersTable>, (typeof USER_COLUMNS)[number]>): z.infer<typeof UserSchema> {
  return {
    id: u.id,
    clinicId: u.clinic_id,
    email: u.email,
    displayName: u.display_name,
    role: u.role,
    patientId: u.patient_id,
    disabled: u.disabled,
    createdAt: iso(u.created_at),
  };
}

export const userRoutes: RouteModule = async (api, ctx) => {
  api.get(
    '/users',
    routeOptions('clinic-admin', 'admin', "The admin's clinic users", {
      response: { 200: z.array(UserSchema) },
    }),
    async (req) => {
      const rows = await ctx.db
        .selectFrom('users')
        .select(USER_COLUMNS)
        .where('clinic_id', '=', requireActor(req).clinicId)
        .orderBy('role')
        .orderBy('display_name')
        .execute();
      return rows.map(userDto);
    },
  );

  api.post(
    '/users',
    routeOptions(
      'clinic-admin',
      'admin',
      'Create a user of the clinic (a patient login is linked to one patient record)',
      {
        body: UserCreate,
        response: { 201: UserSchema },
      },
    ),
    async (req, reply) => {
      const b = req.body;
      const clinicId = requireActor(req).clinicId;
      if (b.role === 'patient' && !b.patientId) {
        throw fieldError('validation_failed', 'body.patientId', 'required for a patient login');
      }
      if (b.role !== 'patient' && b.patientId) {
        throw fieldError(
          'validation_failed',
          'body.patientId',
          'only a patient login is linked to a patient',
        );
      }
      if (b.patientId) {
        const p = await ctx.db
          .selectFrom('patients')
          .select('clinic_id')
          .where('id', '=', b.patientId)
          .executeTakeFirst();
        if (!p || p.clinic_id !== clinicId) {
          throw fieldError('not_found', 'body.patientId', 'no such patient in your clinic');
        }
        const linked = await ctx.db
          .selectFrom('users')
          .select('id')
          .where('patient_id', '=', b.patientId)
          .executeTakeFirst();
        if (linked) {
          throw fieldError('conflict', 'body.patientId', 'this patient already has a login');
        }
      }
      const taken = await ctx.db
        .selectFrom('users')
        .select('id')
        .where(sql`lower(email)`, '=', b.email.toLowerCase())
        .executeTakeFirst();
      if (taken) throw fieldError('conflict', 'body.email', 'already in use');
      const row = await ctx.db
        .insertInto('users')
        .values({
          clinic_id: clinicId,
          email: b.email,
          display_name: b.displayName,
          role: b.role,
          patient_id: b.patientId ?? null,
          password_hash: await hashPassword(b.password),
        })
        .returning(USER_COLUMNS)
        .executeTakeFirstOrThrow();
      return reply.code(201).send(userDto(row));
    },
  );

  api.patch(
    '/users/:userId',
    routeOptions('clinic-admin', 'admin', 'Rename, disable or re-enable a user, or set a new password', {
      params: z.strictObject({ userId: Uuid }),
      body: UserUpdate,
      response: { 200: UserSchema },
    }),
    async (req) => {
      const b = req.body;
      if (b.disabled && req.params.userId === requireActor(req).userId) {
        throw fieldError('validation_failed', 'body.disabled', 'you cannot disable yourself');
      }
      const passwordHash = b.password ? await hashPassword(b.password) : undefined;
      // The update and the ending of the user's sessions happen together or not at all.
      const row = await ctx.db.transaction().execute(async (trx) => {
        const updated = await trx
          .updateTable('users')
          .set({
            ...(b.displayName !== undefined ? { display_name: b.displayName } : {}),
            ...(b.disabled !== undefined ? { disabled: b.disabled } : {}),
            ...(passwordHash ? { password_hash: passwordHash } : {}),
          })
          .where('id', '=', req.params.userId)
          .returning(USER_COLUMNS)
          .executeTakeFirstOrThrow();
        if (b.disabled || passwordHash) {
          await trx.deleteFrom('sessions').where('user_id', '=', req.params.userId).execute();
        }
        return updated;
      });
      return userDto(row);
    },
  );

  api.get(
    '/audit',
    routeOptions(
      'clinic-admin',
      'admin',
      "The clinic's audit trail (accesses by its users and to its patients), newest first",
      {
        querystring: z.strictObject({
          patientId: Uuid.optional(),
          userId: Uuid.optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(200),
        }),
        response: { 200: z.array(AuditEntrySchema) },
      },
    ),
    async (req) => {
      const clinicId = requireActor(req).clinicId;
      let q = ctx.db
        .selectFrom('audit_log')
        .selectAll()
        .where((eb) =>
          eb.or([
            eb('clinic_id', '=', clinicId),
            eb(
              'patient_id',
              'in',
              eb.selectFrom('patients').select('patients.id').where('clinic_id', '=', clinicId),
            ),
          ]),
        );
      if (req.query.patientId) q = q.where('patient_id', '=', req.query.patientId);
      if (req.query.userId) q = q.where('actor_user_id', '=', req.query.userId);
      const rows = await q.orderBy('id', 'desc').limit(req.query.limit).execute();
      return rows.map((a) => ({
        id: a.id,
        at: iso(a.at),
        actorUserId: a.actor_user_id,
        actorRole: a.actor_role,
        patientId: a.patient_id,
        action: a.action,
        resource: a.resource,
        route: a.route,
        status: a.status,
        ip: a.ip,
        requestId: a.request_id,
      }));
    },
  );
};
