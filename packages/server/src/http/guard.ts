/**
 * The request guard of every /api route, in Fastify's hook order:
 *  1. onRequest — who is calling: the session cookie is looked up in the database; a state-changing
 *     request must also carry the session's CSRF token in X-CSRF-Token.
 *  2. preValidation — may they: the route's policy is applied to the addressed patient or user
 *     (loaded here, so a foreign or unknown id is refused before the body is even looked at).
 *
 * A write route marked `guardInStatement` (route-config.ts) skips both database steps: a request without a
 * session cookie is still refused at once (401, no database), but the session, the CSRF token and the
 * policy are checked by the route's one write statement itself (routes/records.ts, policy/access-sql.ts),
 * which stores nothing and no audit row unless they pass — one round trip instead of two. Whenever such a
 * request is answered another way, {@link authorize} runs the two steps above first, so a refused or
 * failed request answers exactly as before: an expired or revoked cookie with a bad body gets 401 (not
 * 400), another clinic's patient gets 403 (audited), a malformed body of an allowed caller 400.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Actor, CSRF_HEADER, findSession, hashToken, SESSION_COOKIE } from '../auth/sessions';
import type { Db } from '../db/database';
import { decide, isPatientScoped, type PatientRef, type PolicyTarget } from '../policy/access';
import { ApiError, fieldError } from './errors';
import { isUuid } from './uuid';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The signed-in caller of a route whose policy needs one (the guard has checked the session). */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) {
    if (req.deferredGuard)
      throw new Error(`route ${req.routeOptions.url}: authorize() before using the actor`);
    throw new ApiError('unauthenticated');
  }
  return req.actor;
}

/** The patient a patient-scoped route addresses, after the policy allowed access to it. */
export function requirePatient(req: FastifyRequest): PatientRef {
  if (!req.patient)
    throw new Error(`route ${req.routeOptions.url} is not patient-scoped or not authorized yet`);
  return req.patient;
}

function idParam(req: FastifyRequest, name: string): string | undefined {
  const v = (req.params as Record<string, string | undefined> | undefined)?.[name];
  if (v === undefined) return undefined;
  if (!isUuid(v)) {
    throw fieldError('validation_failed', `params.${name}`, 'expected a UUID');
  }
  return v.toLowerCase();
}

/** Who is calling: the live session of the cookie (and, for a patient route, that patient's clinic). */
async function identify(db: Db, req: FastifyRequest, token: string): Promise<void> {
  const policy = req.routeOptions.config.policy;
  // For a patient route, fetch the patient's clinic with the session (a malformed id is reported
  // later, by the policy step, as a bad parameter).
  const raw =
    policy && isPatientScoped(policy)
      ? (req.params as Record<string, string | undefined>).patientId
      : undefined;
  const patientId = isUuid(raw) ? raw.toLowerCase() : undefined;
  const found = await findSession(db, token, patientId);
  if (!found) throw new ApiError('unauthenticated');
  const { actor } = found;
  if (!SAFE_METHODS.has(req.method) && req.headers[CSRF_HEADER] !== actor.csrfToken) {
    throw new ApiError('csrf_failed');
  }
  req.actor = actor;
  if (patientId && found.patientClinicId !== undefined) {
    req.patientLookup = { id: patientId, clinicId: found.patientClinicId };
  }
}

/** May they: the route's policy applied to the addressed patient or user. */
async function applyPolicy(db: Db, req: FastifyRequest): Promise<void> {
  const policy = req.routeOptions.config.policy;
  if (!policy || policy === 'public') return;
  const target: PolicyTarget = {};
  if (isPatientScoped(policy)) {
    const id = idParam(req, 'patientId');
    if (!id) throw new Error(`route ${req.routeOptions.url} has a patient policy but no :patientId`);
    // identify() fetched the patient's clinic with the session (same id, lower-cased), so no second query.
    const lookup = req.patientLookup;
    if (lookup?.id !== id)
      throw new Error(`route ${req.routeOptions.url}: patient not looked up with the session`);
    const { clinicId } = lookup;
    if (clinicId === null) throw fieldError('not_found', 'params.patientId', 'no such patient');
    target.patient = { id, clinicId };
  }
  const userId = idParam(req, 'userId');
  if (userId) {
    const u = await db
      .selectFrom('users')
      .select(['id', 'clinic_id'])
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!u) throw fieldError('not_found', 'params.userId', 'no such user');
    target.user = { id: u.id, clinicId: u.clinic_id };
  }
  if (decide(policy, req.actor, target) === 'deny') throw new ApiError('forbidden');
  if (target.patient) req.patient = target.patient;
}

/**
 * Checks now what a `guardInStatement` request left to its write statement — session, CSRF, policy —
 * and throws the refusal (401, 403, 404) it would have got from the hooks; does nothing for a request
 * already checked. Used when such a request is answered without its statement having passed: an error
 * before it (a bad body), a statement that stored nothing, a route that must read before it writes.
 */
export async function authorize(db: Db, req: FastifyRequest): Promise<void> {
  const deferred = req.deferredGuard;
  if (!deferred) return;
  req.deferredGuard = undefined;
  await identify(db, req, req.cookies[SESSION_COOKIE] ?? '');
  await applyPolicy(db, req);
}

/**
 * How a `guardInStatement` route's write checks its caller: `one-trip` (the default), in its own statement;
 * `two-trips`, by the hooks' session lookup first, then the statement — the write path before, kept only so
 * that `npm run bench server` measures both side by side in one run; `one-trip-built-per-request`, one trip
 * with the statement built and compiled by Kysely on every call instead of once per shape (routes/records.ts),
 * likewise kept only for the benchmark; `one-trip-unbatched`, one trip per request, never batched with
 * others of the same shape (routes/insert-batches.ts), likewise.
 */
export type WritePath = 'one-trip' | 'one-trip-unbatched' | 'one-trip-built-per-request' | 'two-trips';

export function installGuard(app: FastifyInstance, db: Db, opts: { guardInStatement: boolean }): void {
  app.addHook('onRequest', async (req) => {
    const config = req.routeOptions.config;
    if (!config.policy || config.policy === 'public') return;
    const token = req.cookies[SESSION_COOKIE];
    // No cookie at all: refused before anything else, without the database.
    if (!token) throw new ApiError('unauthenticated');
    if (opts.guardInStatement && config.guardInStatement && !SAFE_METHODS.has(req.method)) {
      const csrf = req.headers[CSRF_HEADER];
      req.deferredGuard = { tokenHash: hashToken(token), csrfToken: typeof csrf === 'string' ? csrf : '' };
      return;
    }
    await identify(db, req, token);
  });

  app.addHook('preValidation', async (req) => {
    if (req.deferredGuard) return;
    await applyPolicy(db, req);
  });
}
