/** Sign in, sign out, and who am I. */
import { sql } from 'kysely';
import { z } from 'zod';
import { countSignInAttempt, signInSucceeded } from '../auth/login-limit';
import { dummyHash, verifyPassword } from '../auth/passwords';
import { createSession, deleteSession, SESSION_COOKIE, SESSION_TTL_HOURS } from '../auth/sessions';
import { ApiError } from '../http/errors';
import { requireActor } from '../http/guard';
import { key, Uuid } from './common';
import type { RouteContext, RouteModule } from './context';
import { routeOptions } from './route-options';

export const MeSchema = z
  .object({
    user: z.object({
      id: Uuid,
      email: z.string(),
      displayName: z.string(),
      role: z.enum(['admin', 'clinician', 'patient']),
      clinicId: Uuid,
      clinicName: z.string(),
      patientId: Uuid.nullable().describe('The linked patient record of a patient login; null for staff'),
    }),
    csrfToken: z.string().describe('Send in the X-CSRF-Token header on every POST, PATCH and DELETE'),
  })
  .meta({ id: 'Me' });

const LoginBody = z.strictObject({
  email: key(254).min(3),
  password: z.string().min(1).max(1024),
});

const waitText = (s: number) => (s < 90 ? `${s} second(s)` : `${Math.ceil(s / 60)} minute(s)`);

async function meOf(ctx: RouteContext, userId: string, csrfToken: string): Promise<z.infer<typeof MeSchema>> {
  const u = await ctx.db
    .selectFrom('users as u')
    .innerJoin('clinics as c', 'c.id', 'u.clinic_id')
    .select([
      'u.id',
      'u.email',
      'u.display_name',
      'u.role',
      'u.clinic_id',
      'c.name as clinic_name',
      'u.patient_id',
    ])
    .where('u.id', '=', userId)
    .executeTakeFirstOrThrow();
  return {
    user: {
      id: u.id,
      email: u.email,
      displayName: u.display_name,
      role: u.role,
      clinicId: u.clinic_id,
      clinicName: u.clinic_name,
      patientId: u.patient_id,
    },
    csrfToken,
  };
}

export const authRoutes: RouteModule = async (api, ctx) => {
  api.post(
    '/auth/login',
    routeOptions('public', 'auth', 'Sign in with email and password; sets the session cookie', {
      security: [],
      body: LoginBody,
      response: { 200: MeSchema },
    }),
    async (req, reply) => {
      const { email, password } = req.body;
      // Counted before the password is checked, so parallel guesses cannot outrun the limit.
      const verdict = await countSignInAttempt(ctx.db, email, req.ip);
      if (!verdict.allowed) {
        reply.header('retry-after', String(verdict.retryAfterS));
        throw new ApiError('rate_limited', { detail: `Try again in ${waitText(verdict.retryAfterS)}` });
      }
      const user = await ctx.db
        .selectFrom('users')
        .select(['id', 'password_hash', 'disabled'])
        .where(sql`lower(email)`, '=', email.toLowerCase())
        .executeTakeFirst();
      const ok = await verifyPassword(user?.password_hash ?? (await dummyHash()), password);
      if (!user || !ok || user.disabled) throw new ApiError('bad_credentials');
      await signInSucceeded(ctx.db, email, req.ip);
      const { token, csrfToken } = await createSession(ctx.db, user.id);
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: ctx.secureCookies,
        path: '/',
        maxAge: SESSION_TTL_HOURS * 3600,
      });
      return meOf(ctx, user.id, csrfToken);
    },
  );

  api.post(
    '/auth/logout',
    routeOptions('signed-in', 'auth', 'Sign out: ends the session and clears the cookie', {
      response: { 204: z.null() },
    }),
    async (req, reply) => {
      await deleteSession(ctx.db, requireActor(req).sessionHash);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/me',
    routeOptions(
      'signed-in',
      'auth',
      'The signed-in user, their clinic, and the CSRF token of this session',
      {
        response: { 200: MeSchema },
      },
    ),
    async (req) => {
      const actor = requireActor(req);
      return meOf(ctx, actor.userId, actor.csrfToken);
    },
  );

  api.get(
    '/health',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['meta'],
        summary: 'Liveness and database kind',
        security: [],
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }) },
      },
    },
    async () => {
      await sql`select 1`.execute(ctx.db);
      return { status: 'ok' as const, database: ctx.databaseKind };
    },
  );
};
